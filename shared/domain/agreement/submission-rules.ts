import type { TFieldError } from '../../errors';
import type { TAgencyType } from '../../schemas/agency';
import { continuingParties, type TAgreement } from '../../schemas/agreement';

const SERVICE_KIND: Partial<Record<TAgencyType, string>> = {
  ambulance_trust: 'an ambulance trust',
  fire_and_rescue_authority: 'a fire and rescue body',
  police_force: 'a police body',
  policing_body: 'a police body',
};

/**
 * What must hold before an agreement can go for signature (the contract (Lifecycle)): completeness, and the
 * statute — PCA 2017 s.1 (two of the three emergency services), s.2 assessments, s.4 withdrawal
 * terms, and for both statutory bases a police force only with the policing body that maintains it,
 * and a policing body without its force only once it has consulted the chief officer.
 */
export const submissionRuleErrors = (agreement: TAgreement): TFieldError[] => {
  const errors: TFieldError[] = [];
  const statutory = agreement.legalBasis !== 'OTHER';
  // The party rules hold for those the agreement will bind; a party leaving by it still signs it.
  const continuing = continuingParties(agreement);
  errors.push(...partyCompositionErrors(agreement));
  if (!agreement.body.trim()) errors.push({ path: 'body', message: 'the agreement must be in writing: the text is empty' });
  agreement.parties.forEach((party, index) => {
    const count = party.signatories.length;
    if (count === 0) errors.push({ path: `parties.${index}.signatories`, message: `${party.agencyName} has no signatory` });
    else if (party.requiredApprovals < 1 || party.requiredApprovals > count) {
      errors.push({ path: `parties.${index}.requiredApprovals`, message: `must be between 1 and ${count}, the number of signatories` });
    }
    if (agreement.legalBasis === 'PCA2017_S2') {
      if (!party.assessment.efficiencyEffectiveness?.trim()) {
        errors.push({
          path: `parties.${index}.assessment.efficiencyEffectiveness`,
          message: `${party.agencyName} has not recorded its efficiency and effectiveness assessment (s.2)`,
        });
      }
      if (!party.assessment.publicSafety?.trim()) {
        errors.push({
          path: `parties.${index}.assessment.publicSafety`,
          message: `${party.agencyName} has not recorded its public safety assessment (s.2)`,
        });
      }
    }
    // A policing body entering without the force it maintains must have consulted its chief officer first.
    const forceIsParty = continuing.some((other) => other.agencyType === 'police_force' && other.policingBodyId === party.agencyId);
    if (statutory && party.agencyType === 'policing_body' && !party.leaving && !forceIsParty && !party.consultation) {
      errors.push({
        path: `parties.${index}.consultation`,
        message: `${party.agencyName} enters without its chief officer of police, so must first record that it consulted them (PCA 2017 s.3(11); Police Act 1996 s.23A(6))`,
      });
    }
  });
  if (agreement.legalBasis === 'PCA2017_S2') {
    if (!agreement.withdrawalTerms?.trim()) {
      errors.push({ path: 'withdrawalTerms', message: 'a PCA 2017 agreement must say how a party may withdraw (s.4)' });
    }
  }
  return errors;
};

/**
 * Who may be party to it together (the statute's party rules): at least two parties; for PCA 2017
 * two of the three emergency services; for both statutory bases a police force only with the
 * policing body that maintains it. Checked at submission, and again when a party leaves: the rest
 * carry on only if they still meet them.
 */
export const partyCompositionErrors = (agreement: Pick<TAgreement, 'parties' | 'legalBasis'>): TFieldError[] => {
  const errors: TFieldError[] = [];
  const continuing = continuingParties(agreement);
  if (continuing.length < 2) errors.push({ path: 'parties', message: 'an agreement needs at least two parties' });
  if (agreement.legalBasis !== 'OTHER') {
    agreement.parties.forEach((party, index) => {
      if (party.agencyType !== 'police_force' || party.leaving) return;
      if (!continuing.some((other) => other.agencyId === party.policingBodyId)) {
        errors.push({
          path: `parties.${index}.agencyId`,
          message: `${party.agencyName} can only enter with its policing body${party.policingBodyId ? ` (${party.policingBodyId})` : ''} as a party`,
        });
      }
    });
  }
  if (agreement.legalBasis === 'PCA2017_S2') {
    const kinds = new Set(continuing.flatMap((party) => SERVICE_KIND[party.agencyType] ?? []));
    if (kinds.size < 2) {
      errors.push({
        path: 'parties',
        message: 'a PCA 2017 collaboration needs parties from at least two of: an ambulance trust, a fire and rescue body, a police body',
      });
    }
  }
  return errors;
};
