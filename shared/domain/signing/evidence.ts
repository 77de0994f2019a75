import { partiesNow } from '../../schemas/agreement';
import { AppError } from '../../errors';
import type { TCertificate, TVerification } from '../../schemas/evidence';
import { findBrokenLink } from '../audit/audit-chain';
import { getAgreement } from '../agreement/read-agreements';
import type { TAgreementStore, TDocumentIndex } from '../ports';
import type { TUser } from '../user';

/** The completion certificate: each signatory's decision with its evidence, and the state of the audit chain. */
export const buildCertificate = async (options: { id: string; user: TUser; agreements: TAgreementStore; now: Date }): Promise<TCertificate> => {
  const agreement = await getAgreement(options);
  const events = await options.agreements.listEvents(agreement.id);
  return {
    reference: agreement.reference,
    version: agreement.version,
    title: agreement.title,
    status: agreement.status,
    legalBasis: agreement.legalBasis,
    documentSha256: agreement.documentSha256,
    effectiveDate: agreement.effectiveDate,
    nextReviewDate: agreement.nextReviewDate,
    parties: agreement.parties.map((party) => ({
      agencyName: party.agencyName,
      leaving: party.leaving,
      requiredApprovals: party.requiredApprovals,
      signatories: party.signatories.map((s) => ({
        name: s.name,
        role: s.role,
        status: s.status,
        decidedAt: s.decidedAt,
        signedName: s.evidence?.signedName ?? null,
        documentSha256: s.evidence?.documentSha256 ?? null,
        ip: s.evidence?.ip ?? null,
        userAgent: s.evidence?.userAgent ?? null,
        reasonCode: s.evidence?.reasonCode ?? null,
        reason: s.reason,
      })),
    })),
    auditTrail: { events: events.length, lastHash: events.at(-1)?.hash ?? null, intact: findBrokenLink(events) === null },
    issuedAt: options.now.toISOString(),
  };
};

/** Public: which submitted agreement versions have this document hash. Nothing personal is shown. */
export const verifyDocument = async (options: {
  sha256: string;
  documents: TDocumentIndex;
  agreements: TAgreementStore;
}): Promise<TVerification> => {
  const matches = await options.documents.findByHash(options.sha256);
  const found = (await Promise.all(matches.map((match) => options.agreements.get(match.agreementId)))).flatMap((stored) =>
    stored ? [stored.agreement] : [],
  );
  if (found.length === 0) throw new AppError('not_found', 'No agreement submitted through Accord has this document hash.');
  return {
    sha256: options.sha256,
    matches: found.map((agreement) => ({
      reference: agreement.reference,
      version: agreement.version,
      title: agreement.publish ? agreement.title : null,
      status: agreement.status,
      effectiveDate: agreement.effectiveDate,
      parties: partiesNow(agreement).map((party) => party.agencyName),
    })),
  };
};
