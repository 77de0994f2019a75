import { continuingParties, type TAgreement, type TAgreementSummary } from '../../schemas/agreement';

const AWAITED = new Set(['pending', 'requested']);

/** The list view of an agreement; it carries no text, no emails but the owner's. */
export const toSummary = (agreement: TAgreement): TAgreementSummary => ({
  id: agreement.id,
  reference: agreement.reference,
  documentSha256: agreement.documentSha256,
  version: agreement.version,
  title: agreement.title,
  summary: agreement.summary,
  legalBasis: agreement.legalBasis,
  status: agreement.status,
  owner: agreement.owner,
  effectiveDate: agreement.effectiveDate,
  nextReviewDate: agreement.nextReviewDate,
  expiryDate: agreement.expiryDate,
  createdAt: agreement.createdAt,
  updatedAt: agreement.updatedAt,
  // The parties it binds: one leaving by this version is not listed (nor shown on the register).
  parties: continuingParties(agreement).map((party) => ({ agencyId: party.agencyId, agencyName: party.agencyName, publication: party.publication })),
  awaiting:
    agreement.status === 'awaiting_signatures'
      ? agreement.parties.flatMap((party) => party.signatories.filter((s) => AWAITED.has(s.status)).map((s) => s.name))
      : [],
});

/** Lower-cased words a `q` search matches against. */
export const searchTextOf = (agreement: TAgreement): string =>
  [agreement.reference, agreement.title, agreement.summary, ...agreement.parties.flatMap((p) => [p.agencyName, ...p.signatories.flatMap((signatory) => [signatory.name, signatory.email])])]
    .join(' ')
    .toLowerCase();
