import { AppError, type TFieldError } from '../../errors';
import type { TAgency } from '../../schemas/agency';
import type { TAgreement, TParty, TPartyInput } from '../../schemas/agreement';

/**
 * Turns party input into stored parties, naming every unknown agency.
 * Agency names and types are copied in, so the record shows who the parties were when it was made.
 */
export const buildParties = (
  inputs: TPartyInput[],
  agencies: Map<string, TAgency>,
  newId: () => string,
): TParty[] => {
  const errors: TFieldError[] = inputs.flatMap((input, index) =>
    agencies.has(input.agencyId) ? [] : [{ path: `parties.${index}.agencyId`, message: `no agency '${input.agencyId}'` }],
  );
  if (errors.length > 0) throw new AppError('unprocessable', 'A party names an agency that does not exist.', errors);
  return inputs.map((input) => {
    const agency = agencies.get(input.agencyId) as TAgency;
    const signatories = (input.signatories ?? []).map((signatory) => ({
      id: newId(),
      name: signatory.name,
      role: signatory.role,
      email: signatory.email,
      order: signatory.order ?? 1,
      status: 'pending' as const,
      requestedAt: null,
      decidedAt: null,
      reason: null,
      evidence: null,
    }));
    return {
      agencyId: agency.id,
      agencyName: agency.name,
      agencyType: agency.type,
      policingBodyId: agency.policingBodyId ?? null,
      assessment: input.assessment ?? {},
      consultation: input.consultation ?? null,
      publication: null,
      requiredApprovals: input.requiredApprovals ?? signatories.length,
      signatories,
      leaving: input.leaving ?? false,
    };
  });
};

type TDraftFields = Pick<
  TAgreement,
  'parties' | 'publish' | 'publishExemptionReason' | 'effectiveDate' | 'nextReviewDate' | 'expiryDate'
>;

/** Rules any draft must keep, whatever its completeness; submit adds the statutory ones. */
export const draftRuleErrors = (draft: TDraftFields, today: string): TFieldError[] => {
  const errors: TFieldError[] = [];
  const seenAgencies = new Set<string>();
  draft.parties.forEach((party, partyIndex) => {
    if (seenAgencies.has(party.agencyId)) {
      errors.push({ path: `parties.${partyIndex}.agencyId`, message: 'this agency is already a party' });
    }
    seenAgencies.add(party.agencyId);
    if (party.consultation && party.consultation.consultedOn > today) {
      errors.push({ path: `parties.${partyIndex}.consultation.consultedOn`, message: 'cannot be after today' });
    }
    const seenEmails = new Set<string>();
    party.signatories.forEach((signatory, signatoryIndex) => {
      const email = signatory.email.toLowerCase();
      if (seenEmails.has(email)) {
        errors.push({
          path: `parties.${partyIndex}.signatories.${signatoryIndex}.email`,
          message: 'this person is already a signatory of this party',
        });
      }
      seenEmails.add(email);
    });
  });
  if (!draft.publish && !draft.publishExemptionReason) {
    errors.push({ path: 'publishExemptionReason', message: 'required when publish is false' });
  }
  // Without an effective date the agreement takes effect when the last party signs: today at the earliest.
  const earliest = draft.effectiveDate ?? today;
  const after = draft.effectiveDate ? 'effectiveDate' : `today (${today}), when it takes effect at the earliest`;
  if (draft.expiryDate && draft.expiryDate <= earliest) errors.push({ path: 'expiryDate', message: `must be after ${after}` });
  if (draft.nextReviewDate && draft.nextReviewDate < earliest) errors.push({ path: 'nextReviewDate', message: `must not be before ${after}` });
  return errors;
};

export const assertDraftRules = (draft: TDraftFields, today: string): void => {
  const errors = draftRuleErrors(draft, today);
  if (errors.length > 0) throw new AppError('validation_failed', 'The draft is not valid.', errors);
};
