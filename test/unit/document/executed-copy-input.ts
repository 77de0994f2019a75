import type { TExecutedCopyInput } from '../../../shared/document/executed-copy';

const hash = (seed: string) => seed.repeat(64).slice(0, 64);

/** An agreement as signed: Welsh names, curly quotes, an emoji, raw HTML and a long user agent among it. */
export const executedCopyInput = (overrides: Partial<TExecutedCopyInput> = {}): TExecutedCopyInput => ({
  reference: 'CA-2026-0007',
  version: 3,
  title: 'Joint control room – Dyfed-Powys',
  summary: 'Fire and police share a control room in Carmarthen, with “one front door” for 999 calls.',
  body: [
    '# Joint control room',
    '',
    '## 1. Purpose',
    '',
    'The parties **share** a control room and *staff it together*. See [the Act](https://www.legislation.gov.uk/ukpga/2017/3) and <https://example.org/guide>.',
    '',
    '- fire',
    '- police',
    '  1. call handling',
    '  2. dispatch',
    '',
    '<script>alert(1)</script> stays as text, and so does `code`.',
    '',
    '> Each party keeps its own duties 👍🏽.',
    '',
    '```',
    'room  = shared',
    '  cost = split 50/50',
    '```',
  ].join('\n'),
  legalBasis: 'Section 2 of the Policing and Crime Act 2017 (duty to keep collaboration under consideration).',
  functions: ['Call handling', 'Dispatch'],
  withdrawalTerms: 'A party may withdraw on six months’ written notice.\n\nCosts incurred before withdrawal are shared as before.',
  parties: [
    { agencyName: 'Mid and West Wales Fire and Rescue Service', agencyType: 'fire_and_rescue_authority' },
    { agencyName: 'Dyfed-Powys Police', agencyType: 'police_force' },
  ],
  effectiveDate: '2026-12-09',
  nextReviewDate: '2027-12-09',
  expiryDate: null,
  documentSha256: hash('d0c5'),
  attachments: [{ name: 'Schedule 1 – floor plan.pdf', contentType: 'application/pdf', size: 49_352, sha256: hash('a77a') }],
  signers: [
    {
      agencyName: 'Mid and West Wales Fire and Rescue Service',
      name: 'Llŷr Gwŷn',
      role: 'Chief Fire Officer',
      signedName: 'Llŷr Gwŷn',
      decidedAt: '2026-12-09T09:11:29.802Z',
      documentSha256: hash('d0c5'),
      ip: '203.0.113.7',
      userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0;SomeVeryLongTokenWithoutAnySpacesThatMustWrapRatherThanRunOffThePage0123456789',
      status: 'approved',
    },
    {
      agencyName: 'Dyfed-Powys Police',
      name: 'Siân Ŵyn-Jones',
      role: 'Chief Constable',
      signedName: 'Siân Ŵyn-Jones',
      decidedAt: '2026-12-10T14:02:00.000Z',
      documentSha256: hash('d0c5'),
      ip: '2001:db8::1',
      userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
      status: 'approved',
    },
  ],
  auditTrail: {
    events: [
      { seq: 1, at: '2026-11-25T09:11:29.802Z', type: 'agreement.created', actor: 'legal@mawwfire.gov.uk', hash: hash('1e01') },
      { seq: 2, at: '2026-12-09T09:11:29.802Z', type: 'signatory.approved', actor: 'Llŷr Gwŷn', hash: hash('2e02') },
      { seq: 3, at: '2026-12-10T14:02:00.000Z', type: 'signatory.approved', actor: 'Siân Ŵyn-Jones', hash: hash('3e03') },
    ],
    intact: true,
    lastHash: hash('3e03'),
  },
  generatedAt: '2026-12-10T14:05:00.000Z',
  ...overrides,
});

/** About ten pages of agreement text: numbered clauses of several paragraphs and lists each. */
export const tenPageBody = (): string =>
  Array.from({ length: 24 }, (_, clause) =>
    [
      `## ${clause + 1}. Clause ${clause + 1}`,
      '',
      'The parties agree that the joint control room shall be staffed at all times by trained call handlers from each service, who shall follow the shared procedures set out in the schedules, and that any change to those procedures shall be agreed in writing by the collaboration board before it takes effect.',
      '',
      'Costs arising under this clause are shared in the proportions set out in Schedule 2, *reviewed each year* by the **finance leads** of both parties, who shall report to the board.',
      '',
      '- each party names a lead officer',
      '- the lead officers meet monthly',
      '- minutes are kept for six years',
      '',
    ].join('\n'),
  ).join('\n');
