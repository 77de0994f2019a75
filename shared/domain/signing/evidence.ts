import { hasBeenInForce } from '../../schemas/agreement';
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
    attachments: agreement.attachments
      .filter((file) => file.status === 'available')
      .map((file) => ({ name: file.name, contentType: file.contentType, size: file.size, sha256: file.sha256 })),
    auditTrail: { events: events.length, lastHash: events.at(-1)?.hash ?? null, intact: findBrokenLink(events) === null },
    issuedAt: options.now.toISOString(),
  };
};

/**
 * Public: which agreement versions hold a file with this hash — as their signed document, an
 * attachment or their executed copy — by reference, version, status and the day they came into
 * force. Nothing else: not the title, the parties or who signed.
 */
export const verifyDocument = async (options: {
  sha256: string;
  documents: TDocumentIndex;
  agreements: TAgreementStore;
}): Promise<TVerification> => {
  const matches = await options.documents.findByHash(options.sha256);
  const found = (
    await Promise.all(matches.map(async (match) => ({ match, stored: await options.agreements.get(match.agreementId) })))
  ).flatMap(({ match, stored }) => (stored ? [{ kind: match.kind, agreement: stored.agreement }] : []));
  if (found.length === 0) throw new AppError('not_found', 'No agreement in Accord holds a file with this hash.');
  return {
    sha256: options.sha256,
    matches: found.map(({ kind, agreement }) => ({
      kind,
      reference: agreement.reference,
      version: agreement.version,
      status: agreement.status,
      inForceSince: hasBeenInForce(agreement.status) ? agreement.effectiveDate : null,
    })),
  };
};
