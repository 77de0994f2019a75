import canonicalize from 'canonicalize';
import type { TAgreement } from '../../schemas/agreement';
import { sha256Hex } from '../audit/audit-chain';

/**
 * The text every party signs, as RFC 8785 canonical JSON: the contract's title, parties and body,
 * the hash of each attached file, with the reference, version, legal basis, functions and withdrawal terms that are part of the
 * same written agreement. It binds what the parties agree to (the text, the parties and how many
 * approvals each needs), not who signs for them: a signatory replaced mid-sign-off leaves the
 * document, and the approvals already given, as they were; the certificate records who signed.
 */
export const canonicalDocument = (agreement: TAgreement): string =>
  canonicalize({
    reference: agreement.reference,
    version: agreement.version,
    title: agreement.title,
    legalBasis: agreement.legalBasis,
    functions: agreement.functions,
    parties: agreement.parties.map((party) => ({
      agencyId: party.agencyId,
      agencyName: party.agencyName,
      agencyType: party.agencyType,
      requiredApprovals: party.requiredApprovals,
      // A party leaving by this version signs to that: it is part of what the parties agree.
      ...(party.leaving ? { leaving: true } : {}),
    })),
    body: agreement.body,
    withdrawalTerms: agreement.withdrawalTerms,
    // Each schedule is agreed as much as the text: a changed file is a different document.
    ...(agreement.attachments.length > 0
      ? { attachments: agreement.attachments.map((file) => ({ name: file.name, contentType: file.contentType, size: file.size, sha256: file.sha256 })) }
      : {}),
  }) ?? '';

export const documentSha256Of = (agreement: TAgreement): string => sha256Hex(canonicalDocument(agreement));
