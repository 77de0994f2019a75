import type { TAgreementSummary } from '../../schemas/agreement';
import type { TRegisterEntry } from '../../schemas/register';
import { AppError } from '../../errors';
import type { TAgreement } from '../../schemas/agreement';
import type { TAgreementStore } from '../ports';
import { toCsv } from '../csv';

const toEntry = (summary: TAgreementSummary): TRegisterEntry => ({
  id: summary.id,
  reference: summary.reference,
  version: summary.version,
  title: summary.title,
  summary: summary.summary,
  legalBasis: summary.legalBasis,
  parties: summary.parties.map((party) => party.agencyName),
  partyAgencyIds: summary.parties.map((party) => party.agencyId),
  publication: summary.parties.flatMap((party) =>
    party.publication
      ? [{ agencyId: party.agencyId, agency: party.agencyName, mode: party.publication.mode, where: party.publication.where, reason: party.publication.reason }]
      : [],
  ),
  effectiveDate: summary.effectiveDate,
  nextReviewDate: summary.nextReviewDate,
  documentSha256: summary.documentSha256,
});

/** One page of the public register: published agreements in force, newest first; with `agency`, those it is a party to. */
export const readRegister = async (options: { cursor?: string; limit?: number; agency?: string; agreements: TAgreementStore }) => {
  const page = await options.agreements.list({
    scopes: 'register',
    ...(options.agency ? { registerAgency: options.agency } : {}),
    status: 'in_force',
    cursor: options.cursor,
    limit: options.limit ?? 50,
  });
  return { items: page.items.map(toEntry), nextCursor: page.nextCursor };
};

/** The whole register, page by page, for the CSV export. */
export const readWholeRegister = async (agreements: TAgreementStore): Promise<TRegisterEntry[]> => {
  const entries: TRegisterEntry[] = [];
  let cursor: string | undefined;
  do {
    const page = await readRegister({ cursor, limit: 100, agreements });
    entries.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return entries;
};

const CSV_COLUMNS: (keyof TRegisterEntry)[] = [
  'reference',
  'version',
  'title',
  'summary',
  'legalBasis',
  'parties',
  'publication',
  'effectiveDate',
  'nextReviewDate',
  'documentSha256',
];

/** One party's publication in a line: `Warwickshire Fire: in full at https://…`. */
export const publicationText = (publication: TRegisterEntry['publication'][number]): string =>
  `${publication.agency}: ${publication.mode === 'full' ? 'in full' : publication.mode === 'summary' ? 'a summary' : 'withheld'}${publication.where ? ` at ${publication.where}` : ''}${publication.reason ? ` (${publication.reason})` : ''}`;

/** The register as CSV, one agreement a line, formula-safe. */
export const registerCsv = (entries: TRegisterEntry[]): string =>
  toCsv(
    CSV_COLUMNS,
    entries.map((entry) =>
      CSV_COLUMNS.map((column) => {
        const value = entry[column];
        return Array.isArray(value) ? value.map((item) => (typeof item === 'string' ? item : publicationText(item as TRegisterEntry['publication'][number]))).join('; ') : String(value ?? '');
      }),
    ),
  );

/** A published agreement in force, whose text the register links to; anything else is not found. */
export const readPublishedAgreement = async (options: { id: string; agreements: TAgreementStore }): Promise<TAgreement> => {
  const agreement = (await options.agreements.get(options.id))?.agreement;
  if (!agreement || !agreement.publish || agreement.status !== 'in_force') throw new AppError('not_found', 'No published agreement in force has this id.');
  return agreement;
};
