import { parse } from 'csv-parse/sync';
import { AppError, fieldErrorsOf, type TFieldError } from '../../errors';
import { MAX_LEGAL_CONTACTS, ZImportAgreementRequest, type TAgreement, type TImportAgreementRequest, type TImportCsvResult } from '../../schemas/agreement';

import { appendAuditEvent, EMPTY_AUDIT_HEAD } from '../audit/audit-chain';
import { londonDate, londonYear, startOfLondonDay } from '../calendar';
import { AlreadyImportedError, type TAgencyStore, type TAgreementStore } from '../ports';
import type { TUser } from '../user';
import { assertRole } from './access';
import { formatReference } from './reference';
import { documentSha256Of } from './document';
import { partyCompositionErrors } from './submission-rules';
import { webhookEventsOf } from '../webhooks/catalogue';

type TImportOptions = { user: TUser; now: Date; newId: () => string; agencies: Pick<TAgencyStore, 'getMany'>; agreements: TAgreementStore };

/** Checks an import against what exists and the statute, naming each field that fails; builds nothing. */
const importErrors = async (input: TImportAgreementRequest, options: Pick<TImportOptions, 'now' | 'agencies'>) => {
  const known = await options.agencies.getMany(input.parties.map((party) => party.agencyId));
  const errors: TFieldError[] = [];
  const today = londonDate(options.now);
  const seen = new Set<string>();
  input.parties.forEach((party, index) => {
    if (!known.has(party.agencyId)) errors.push({ path: `parties.${index}.agencyId`, message: `no agency '${party.agencyId}'` });
    else if (seen.has(party.agencyId)) errors.push({ path: `parties.${index}.agencyId`, message: 'this agency is already a party' });
    seen.add(party.agencyId);
    party.signatories.forEach((signatory, signatoryIndex) => {
      if (signatory.signedOn > today) errors.push({ path: `parties.${index}.signatories.${signatoryIndex}.signedOn`, message: 'cannot be after today' });
      if (signatory.signedOn > input.effectiveDate) errors.push({ path: `parties.${index}.signatories.${signatoryIndex}.signedOn`, message: 'cannot be after the effective date' });
    });
  });
  if (input.nextReviewDate <= input.effectiveDate) errors.push({ path: 'nextReviewDate', message: 'must be after the effective date' });
  if (input.expiryDate && input.expiryDate <= today) errors.push({ path: 'expiryDate', message: 'has passed: an expired agreement is not imported in force' });
  if (input.publish === false && !input.publishExemptionReason?.trim()) errors.push({ path: 'publishExemptionReason', message: 'give the reason it is not published' });
  if (errors.length === 0) {
    const parties = input.parties.map((party) => {
      const agency = known.get(party.agencyId)!;
      return { agencyType: agency.type, policingBodyId: agency.policingBodyId ?? null, agencyId: agency.id, agencyName: agency.name, leaving: false };
    });
    errors.push(...partyCompositionErrors({ legalBasis: input.legalBasis ?? 'PCA2017_S2', parties: parties as never }));
  }
  return { errors, known };
};

/**
 * Brings in an agreement signed outside Accord (the register's backlog): it enters in force with
 * each signature as attested by the admin who imports it, its reviews reminded like any other.
 * Its source reference makes it once only: importing it again is `AlreadyImportedError`.
 */
export const importAgreement = async (options: TImportOptions & { input: TImportAgreementRequest }): Promise<TAgreement> => {
  const { input, user, now, newId } = options;
  assertRole(user, 'admin', 'Only an admin imports agreements signed outside Accord.');
  const { errors, known } = await importErrors(input, options);
  if (errors.length > 0) throw new AppError('unprocessable', 'The agreement cannot be imported.', errors);
  const at = now.toISOString();
  const id = newId();
  const attestation = { attestedBy: user.email };
  const year = londonYear(now);
  return options.agreements.createWithNextReference(year, (sequence) => {
    const draft: TAgreement = {
      id,
      reference: formatReference(year, sequence),
      version: 1,
      attachments: [],
      executedCopy: null,
      supersedes: null,
      title: input.title,
      summary: input.summary ?? '',
      legalBasis: input.legalBasis ?? 'PCA2017_S2',
      functions: [],
      body: input.body ?? '',
      withdrawalTerms: input.withdrawalTerms ?? null,
      documentSha256: null,
      parties: input.parties.map((party) => {
        const agency = known.get(party.agencyId)!;
        return {
          agencyId: agency.id,
          agencyName: agency.name,
          agencyType: agency.type,
          policingBodyId: agency.policingBodyId ?? null,
          assessment: {},
          consultation: null,
          publication: null,
          requiredApprovals: party.signatories.length,
          leaving: false,
          signatories: party.signatories.map((signatory) => ({
            id: newId(),
            name: signatory.name,
            role: signatory.role,
            email: signatory.email ?? '',
            order: 1,
            status: 'approved' as const,
            requestedAt: null,
            decidedAt: startOfLondonDay(signatory.signedOn),
            reason: null,
            evidence: null,
          })),
        };
      }),
      owner: user.email,
      ownerAgencyId: null,
      // The parties' legal contacts hear of its reviews, as they would of one signed in Accord.
      legalContacts: [...new Set(input.parties.flatMap((party) => known.get(party.agencyId)!.legalContacts))].slice(0, MAX_LEGAL_CONTACTS),
      status: 'in_force',
      effectiveDate: input.effectiveDate,
      reviewIntervalMonths: 12,
      nextReviewDate: input.nextReviewDate,
      expiryDate: input.expiryDate ?? null,
      publish: input.publish ?? true,
      publishExemptionReason: input.publishExemptionReason ?? null,
      undelivered: [],
      reviews: [],
      termination: null,
      terminationRound: null,
      withdrawalNotices: [],
      proposalId: null,
      revision: 1,
      createdAt: at,
      updatedAt: at,
    };
    // The signed copy's hash, when given, is the document hash: /verify finds the agreement by it.
    const documentSha256 = input.signedCopySha256 ?? documentSha256Of(draft);
    const agreement: TAgreement = {
      ...draft,
      documentSha256,
      parties: draft.parties.map((party) => ({
        ...party,
        signatories: party.signatories.map((signatory) => ({
          ...signatory,
          evidence: { signedName: signatory.name, ip: null, userAgent: null, documentSha256, reasonCode: null, imported: attestation },
        })),
      })),
    };
    const { event, head } = appendAuditEvent(EMPTY_AUDIT_HEAD, {
      id: newId(),
      agreementId: id,
      type: 'imported',
      at,
      actor: { kind: 'user', email: user.email },
      data: { sourceReference: input.sourceReference, attestation: input.attestation, signedCopySha256: input.signedCopySha256 ?? null, documentSha256 },
    });
    return { agreement, auditHead: head, events: [event], webhookEvents: webhookEventsOf([event], agreement), indexDocument: true, importKey: input.sourceReference };
  });
};

/** The CSV's columns: one row per signatory, the agreement's fields repeated on each of its rows. */
export const IMPORT_CSV_COLUMNS = [
  'sourceReference',
  'title',
  'summary',
  'legalBasis',
  'effectiveDate',
  'nextReviewDate',
  'expiryDate',
  'signedCopySha256',
  'agencyId',
  'signatoryName',
  'signatoryRole',
  'signatoryEmail',
  'signedOn',
] as const;

type TRow = Record<(typeof IMPORT_CSV_COLUMNS)[number], string> & { line: number };

/** The columns that describe the agreement, the same on every row of it. */
const AGREEMENT_COLUMNS = ['title', 'summary', 'legalBasis', 'effectiveDate', 'nextReviewDate', 'expiryDate', 'signedCopySha256'] as const;

/** Agreements one request imports: each is a few writes, and the request must finish inside API Gateway's 29 seconds. */
const MAX_CSV_AGREEMENTS = 200;

/** Rows grouped into agreements by source reference, each as an import request (or what is wrong with it, by line and field). */
const groupRows = (rows: TRow[], attestation: string) => {
  const groups = new Map<string, TRow[]>();
  // Grouped as the import key compares references: trimmed, whatever the case.
  const keyOf = (row: TRow) => row.sourceReference.trim().toLowerCase();
  for (const row of rows) groups.set(keyOf(row), [...(groups.get(keyOf(row)) ?? []), row]);
  return [...groups.values()].map((lines) => {
    const first = lines[0]!;
    const sourceReference = first.sourceReference.trim();
    const agencies = [...new Set(lines.map((row) => row.agencyId.trim()))];
    const optional = (value: string) => (value.trim() ? value.trim() : undefined);
    const candidate = {
      sourceReference,
      title: first.title.trim(),
      summary: optional(first.summary),
      legalBasis: optional(first.legalBasis),
      effectiveDate: first.effectiveDate.trim(),
      nextReviewDate: first.nextReviewDate.trim(),
      expiryDate: optional(first.expiryDate),
      signedCopySha256: optional(first.signedCopySha256),
      attestation,
      parties: agencies.map((agencyId) => ({
        agencyId,
        signatories: lines
          .filter((row) => row.agencyId.trim() === agencyId)
          .map((row) => ({ name: row.signatoryName.trim(), role: row.signatoryRole.trim(), email: optional(row.signatoryEmail), signedOn: row.signedOn.trim() })),
      })),
    };
    // Which line a field's error points at: the party's first row for party fields, else the agreement's first row.
    const lineOf = (path: string) => {
      const party = /^parties\.(\d+)(?:\.signatories\.(\d+))?/.exec(path);
      if (!party) return first.line;
      const partyRows = lines.filter((row) => row.agencyId.trim() === agencies[Number(party[1])]);
      return (party[2] !== undefined ? partyRows[Number(party[2])] : partyRows[0])?.line ?? first.line;
    };
    const inconsistent = lines.flatMap((row) =>
      AGREEMENT_COLUMNS.filter((column) => row[column].trim() !== first[column].trim()).map((column) => ({
        line: row.line,
        field: column,
        message: `differs from line ${first.line} for the same sourceReference`,
      })),
    );
    const parsed = ZImportAgreementRequest.safeParse(candidate);
    const fieldErrors = parsed.success ? [] : fieldErrorsOf(parsed.error).map((error) => ({ line: lineOf(error.path), field: error.path, message: error.message }));
    return { sourceReference, lines: lines.map((row) => row.line), request: parsed.success ? parsed.data : undefined, errors: [...inconsistent, ...fieldErrors], lineOf };
  });
};

/**
 * A register's backlog from CSV: a dry run (the default) checks every line and names each
 * problem by line and field; a real run imports each valid agreement once, so running the same
 * file again creates nothing twice.
 */
export const importCsv = async (options: TImportOptions & { csv: string; dryRun: boolean; attestation: string }): Promise<TImportCsvResult> => {
  assertRole(options.user, 'admin', 'Only an admin imports agreements signed outside Accord.');
  let records: { record: string[]; info: { lines: number; raw?: string } }[];
  try {
    records = parse(options.csv, { skip_empty_lines: true, relax_column_count: false, bom: true, info: true, raw: true }) as never;
  } catch (error) {
    throw new AppError('validation_failed', 'The CSV cannot be read.', [{ path: 'csv', message: (error as Error).message.slice(0, 200) }]);
  }
  const [headerRecord, ...body] = records;
  const header = headerRecord?.record;
  const missing = IMPORT_CSV_COLUMNS.filter((column) => !header?.includes(column));
  if (!header || missing.length > 0) throw new AppError('validation_failed', 'The CSV header is not the import header.', [{ path: 'csv', message: `line 1 lacks ${missing.join(', ')}` }]);
  // A record's line is where it starts: where it ends, less the line breaks inside it (a quoted summary over lines, say).
  const startLine = ({ info }: (typeof records)[number]) => info.lines - ((info.raw ?? '').replace(/\r?\n$/, '').match(/\n/g)?.length ?? 0);
  const rows = body.map((entry) => ({ ...Object.fromEntries(IMPORT_CSV_COLUMNS.map((column) => [column, entry.record[header.indexOf(column)] ?? ''])), line: startLine(entry) }) as TRow);
  const groups = groupRows(rows, options.attestation);
  if (groups.length > MAX_CSV_AGREEMENTS) {
    throw new AppError('validation_failed', 'The file holds too many agreements for one request.', [{ path: 'csv', message: `${groups.length} agreements; send at most ${MAX_CSV_AGREEMENTS} a request` }]);
  }
  const result: TImportCsvResult = { dryRun: options.dryRun, agreements: [] };
  for (const group of groups) {
    const entry = { sourceReference: group.sourceReference, lines: group.lines, agreementId: null as string | null, errors: group.errors };
    const existing = await options.agreements.findImported(group.sourceReference);
    if (existing) {
      result.agreements.push({ ...entry, outcome: 'exists', agreementId: existing, errors: [] });
      continue;
    }
    if (group.request) {
      const { errors } = await importErrors(group.request, options);
      entry.errors.push(...errors.map((error) => ({ line: group.lineOf(error.path), field: error.path, message: error.message })));
    }
    if (!group.request || entry.errors.length > 0) {
      result.agreements.push({ ...entry, outcome: 'invalid' });
      continue;
    }
    if (options.dryRun) {
      result.agreements.push({ ...entry, outcome: 'would_create' });
      continue;
    }
    try {
      const created = await importAgreement({ ...options, input: group.request });
      result.agreements.push({ ...entry, outcome: 'created', agreementId: created.id });
    } catch (error) {
      if (!(error instanceof AlreadyImportedError)) throw error;
      result.agreements.push({ ...entry, outcome: 'exists', agreementId: error.agreementId ?? null });
    }
  }
  return result;
};
