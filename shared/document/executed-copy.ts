import { PDFDocument } from 'pdf-lib';
import { dateInWords, momentInWords } from '../domain/calendar';
import { renderMarkdownInto } from './markdown-pdf';
import { PdfFlow, type TRun } from './pdf-layout';

/** Everything the executed copy shows: the agreement as signed, who signed it and how, and its audit trail. */
export type TExecutedCopyInput = {
  reference: string;
  version: number;
  title: string;
  summary: string;
  /** CommonMark text of the agreement */
  body: string;
  legalBasis: string;
  functions: string[];
  withdrawalTerms: string;
  parties: { agencyName: string; agencyType: string }[];
  /** ISO dates YYYY-MM-DD */
  effectiveDate: string | null;
  nextReviewDate: string | null;
  expiryDate: string | null;
  documentSha256: string;
  attachments: { name: string; contentType: string; size: number; sha256: string }[];
  signers: {
    agencyName: string;
    name: string;
    role: string;
    signedName: string | null;
    decidedAt: string | null;
    documentSha256: string | null;
    ip: string | null;
    userAgent: string | null;
    status: string;
  }[];
  auditTrail: { events: { seq: number; at: string; type: string; actor: string; hash: string }[]; intact: boolean; lastHash: string | null };
  /** ISO instant */
  generatedAt: string;
};

const TITLE_SIZE = 20;
const SECTION_SIZE = 15;
const SUBSECTION_SIZE = 11.5;

/** Two columns, a label and its value, for the title page and each signer's evidence. */
const FIELD_COLUMNS = [{ width: 0.3 }, { width: 0.7 }];

const NUMBER = new Intl.NumberFormat('en-GB');
const ONE_DECIMAL = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

/** "fire_and_rescue_authority" → "Fire and rescue authority". */
const humanise = (code: string): string => {
  const words = code.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** "48.2 KB (49,352 bytes)": the size at a glance, and exactly. */
const sizeInWords = (bytes: number): string => {
  const exact = `${NUMBER.format(bytes)} ${bytes === 1 ? 'byte' : 'bytes'}`;
  if (bytes < 1024) return exact;
  const [amount, unit] = bytes < 1024 ** 2 ? [bytes / 1024, 'KB'] : bytes < 1024 ** 3 ? [bytes / 1024 ** 2, 'MB'] : [bytes / 1024 ** 3, 'GB'];
  return `${ONE_DECIMAL.format(amount)} ${unit} (${exact})`;
};

const dateOrNone = (isoDate: string | null, none: string): string => (isoDate ? dateInWords(isoDate) : none);

/** Plain text as typed: blank lines part paragraphs, a single line break stays one. */
const plainParagraphs = (flow: PdfFlow, text: string): void => {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
  if (paragraphs.length === 0) flow.paragraph([{ text: 'None stated.', style: 'italic' }]);
  for (const paragraph of paragraphs) flow.paragraph([{ text: paragraph }]);
};

const field = (label: string, value: TRun[] | string): TRun[][] => [[{ text: label, style: 'bold' }], typeof value === 'string' ? [{ text: value }] : value];

const titlePage = (flow: PdfFlow, input: TExecutedCopyInput): void => {
  flow.paragraph([{ text: 'EXECUTED COPY', style: 'bold' }], { size: 9, color: 'muted', gapAfter: 8 });
  flow.heading([{ text: input.title }], { size: TITLE_SIZE });
  flow.paragraph([{ text: `${input.reference}, version ${input.version}` }], { size: 11.5, gapAfter: 10 });
  plainParagraphs(flow, input.summary);
  flow.gap(6);
  flow.table(FIELD_COLUMNS, [
    field('Parties', [{ text: input.parties.map((party) => `${party.agencyName} (${humanise(party.agencyType)})`).join('\n') }]),
    field('Legal basis', input.legalBasis),
    field('Functions', [{ text: input.functions.length > 0 ? input.functions.join('\n') : 'None stated' }]),
    field('Effective date', dateOrNone(input.effectiveDate, 'Not set')),
    field('Next review date', dateOrNone(input.nextReviewDate, 'Not set')),
    field('Expiry date', dateOrNone(input.expiryDate, 'No expiry date')),
    field('Document SHA-256', [{ text: input.documentSha256, style: 'mono' }]),
    field('This copy made', momentInWords(input.generatedAt)),
  ], { size: 9.5 });
  flow.paragraph(
    [
      {
        text: 'This executed copy carries Accord’s digital seal. A PDF reader’s signature panel shows whether the file has been changed since it was sealed. The document SHA-256 above is the fingerprint of the agreement text the signatories approved; each signatory’s own record of it is in the certificate of completion.',
      },
    ],
    { size: 8.5, color: 'muted' },
  );
};

const attachmentsSection = (flow: PdfFlow, input: TExecutedCopyInput): void => {
  flow.heading([{ text: 'Schedules and attachments' }], { size: SECTION_SIZE });
  if (input.attachments.length === 0) {
    flow.paragraph([{ text: 'This agreement has no schedules or attachments.' }]);
    return;
  }
  flow.table(
    [
      { width: 0.3, header: 'Name' },
      { width: 0.17, header: 'Type' },
      { width: 0.15, header: 'Size' },
      { width: 0.38, header: 'SHA-256' },
    ],
    input.attachments.map((attachment) => [
      [{ text: attachment.name }],
      [{ text: attachment.contentType }],
      [{ text: sizeInWords(attachment.size) }],
      [{ text: attachment.sha256, style: 'mono' }],
    ]),
  );
};

const certificateSection = (flow: PdfFlow, input: TExecutedCopyInput): void => {
  flow.newPage();
  flow.heading([{ text: 'Certificate of completion' }], { size: SECTION_SIZE });
  flow.paragraph([{ text: `Each signatory’s decision on ${input.reference} version ${input.version}, with the evidence recorded when they made it.` }]);
  if (input.signers.length === 0) flow.paragraph([{ text: 'No signatories were asked to sign.', style: 'italic' }]);
  input.signers.forEach((signer, index) => {
    const hashSigned: TRun[] = signer.documentSha256
      ? [
          { text: signer.documentSha256, style: 'mono' },
          { text: signer.documentSha256 === input.documentSha256 ? '\n(the same as this document’s)' : '\n(NOT this document’s SHA-256)', style: 'italic' },
        ]
      : [{ text: 'None' }];
    flow.heading([{ text: `${index + 1}. ${signer.agencyName}` }], { size: SUBSECTION_SIZE });
    flow.table(FIELD_COLUMNS, [
      field('Party', signer.agencyName),
      field('Name and role', `${signer.name}, ${signer.role}`),
      field('Typed name', signer.signedName ?? 'None'),
      field('Document SHA-256 signed', hashSigned),
      field('Time', signer.decidedAt ? momentInWords(signer.decidedAt) : 'No decision recorded'),
      field('IP address', signer.ip ?? 'Not recorded'),
      field('User agent', signer.userAgent ?? 'Not recorded'),
      field('Status', humanise(signer.status)),
    ], { size: 9 });
  });
};

const auditTrailSection = (flow: PdfFlow, input: TExecutedCopyInput): void => {
  const { auditTrail } = input;
  flow.newPage();
  flow.heading([{ text: 'Audit trail' }], { size: SECTION_SIZE });
  flow.paragraph([
    auditTrail.intact
      ? { text: 'The audit trail’s hash chain is intact: each event’s hash covers the event before it, so none has been changed, removed or put in since.', style: 'bold' }
      : { text: 'The audit trail’s hash chain is BROKEN: at least one event does not follow from the one before it.', style: 'bold' },
  ]);
  flow.paragraph([{ text: `${NUMBER.format(auditTrail.events.length)} events. Last hash: ` }, { text: auditTrail.lastHash ?? 'none', style: 'mono' }], { size: 9 });
  if (auditTrail.events.length === 0) return;
  flow.table(
    [
      { width: 0.07, header: 'Seq' },
      { width: 0.19, header: 'Time' },
      { width: 0.19, header: 'Event' },
      { width: 0.19, header: 'Actor' },
      // Wide enough for a SHA-256 in two lines.
      { width: 0.36, header: 'Hash' },
    ],
    auditTrail.events.map((event) => [
      [{ text: String(event.seq) }],
      [{ text: momentInWords(event.at) }],
      [{ text: event.type }],
      [{ text: event.actor }],
      [{ text: event.hash, style: 'mono' }],
    ]),
    { size: 8 },
  );
};

/**
 * The executed copy of an agreement as one A4 PDF, ready to seal: a title page (parties, legal
 * basis, functions, dates), the agreement text from its Markdown, the withdrawal terms, the
 * schedules and attachments with their hashes, the certificate of completion and the audit trail.
 * Every page is numbered and names the agreement. Dates and times are in words, in UK time.
 */
export const renderExecutedCopy = async (input: TExecutedCopyInput): Promise<Uint8Array> => {
  const document = await PDFDocument.create({ updateMetadata: false });
  const generatedAt = new Date(input.generatedAt);
  document.setTitle(`${input.reference} version ${input.version}: ${input.title}`, { showInWindowTitleBar: true });
  document.setSubject(input.summary);
  document.setKeywords([input.reference, 'executed copy']);
  document.setProducer('Accord');
  document.setCreator('Accord');
  document.setLanguage('en-GB');
  document.setCreationDate(generatedAt);
  document.setModificationDate(generatedAt);

  const flow = await PdfFlow.create(document);
  titlePage(flow, input);

  flow.newPage();
  flow.heading([{ text: 'The agreement' }], { size: SECTION_SIZE });
  renderMarkdownInto(flow, input.body);

  flow.heading([{ text: 'Withdrawal terms' }], { size: SECTION_SIZE });
  plainParagraphs(flow, input.withdrawalTerms);

  attachmentsSection(flow, input);
  certificateSection(flow, input);
  auditTrailSection(flow, input);

  flow.footers((pageNumber, pageCount) => ({
    left: `${input.reference} version ${input.version} · Executed copy`,
    right: `Page ${pageNumber} of ${pageCount}`,
  }));
  return document.save();
};
