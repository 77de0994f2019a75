import type { TExecutedCopyContent, TMakeExecutedCopy } from '../domain/agreement/executed-copy';
import { continuingParties } from '../schemas/agreement';
import { renderExecutedCopy, type TExecutedCopyInput } from './executed-copy';
import { sealPdf, type TSealSigner } from './seal';

/** Who an audit event names as having acted: a person's address or name, else the system. */
const actorOf = (actor: TExecutedCopyContent['events'][number]['actor']) => actor.email ?? actor.name ?? actor.kind;

/** What the executed copy of a version sets out, from its record and its trail. */
export const executedCopyInput = ({ agreement, events, chainIntact, generatedAt }: TExecutedCopyContent): TExecutedCopyInput => ({
  reference: agreement.reference,
  version: agreement.version,
  title: agreement.title,
  summary: agreement.summary,
  body: agreement.body,
  legalBasis: agreement.legalBasis,
  functions: agreement.functions,
  withdrawalTerms: agreement.withdrawalTerms ?? '',
  parties: continuingParties(agreement).map((party) => ({ agencyName: party.agencyName, agencyType: party.agencyType })),
  effectiveDate: agreement.effectiveDate,
  nextReviewDate: agreement.nextReviewDate,
  expiryDate: agreement.expiryDate,
  documentSha256: agreement.documentSha256 ?? '',
  attachments: agreement.attachments
    .filter((file) => file.status === 'available')
    .map((file) => ({ name: file.name, contentType: file.contentType, size: file.size, sha256: file.sha256 })),
  signers: agreement.parties.flatMap((party) =>
    party.signatories.map((signatory) => ({
      agencyName: party.agencyName,
      name: signatory.name,
      role: signatory.role,
      signedName: signatory.evidence?.signedName ?? null,
      decidedAt: signatory.decidedAt,
      documentSha256: signatory.evidence?.documentSha256 ?? null,
      ip: signatory.evidence?.ip ?? null,
      userAgent: signatory.evidence?.userAgent ?? null,
      status: signatory.status,
    })),
  ),
  auditTrail: {
    events: events.map((event) => ({ seq: event.seq, at: event.at, type: event.type, actor: actorOf(event.actor), hash: event.hash })),
    intact: chainIntact,
    lastHash: events.at(-1)?.hash ?? null,
  },
  generatedAt,
});

/** Renders the executed copy and seals it with the signer Accord's seal lives behind (KMS, or a local key). */
export const createExecutedCopyMaker =
  (signer: () => Promise<TSealSigner>): TMakeExecutedCopy =>
  async (content) => {
    const pdf = await renderExecutedCopy(executedCopyInput(content));
    return sealPdf(pdf, await signer(), {
      reason: `Executed copy of ${content.agreement.reference} version ${content.agreement.version}, as every party signed it in Accord`,
      name: 'Accord',
      location: 'Accord',
      signedAt: new Date(content.generatedAt),
    });
  };
