import { isDeepStrictEqual } from 'node:util';
import { AppError } from '../../errors';
import { CLEARABLE_FIELDS, type TAgreement, type TPatchAgreementRequest } from '../../schemas/agreement';
import { sha256Hex } from '../audit/audit-chain';
import { londonDate } from '../calendar';
import type { TAgencyStore, TAgreementStore } from '../ports';
import { changeAgreement, userActor } from './change-agreement';
import type { TUser } from '../user';
import { assertAccess, assertRevisionMatches } from './access';
import { assertDraftRules, buildParties } from './draft-rules';
import { assertCanPerform } from './lifecycle';

const auditValue = (field: string, value: unknown) =>
  field === 'body' && typeof value === 'string' ? { sha256: sha256Hex(value), bytes: Buffer.byteLength(value) } : value;

/**
 * Applies a merge patch to a draft. Preconditions come first (RFC 9110 §13.2.2): a missing
 * If-Match is 428 and a stale one 412, before the draft-only rule can give 409.
 */
export const editDraft = async (options: {
  id: string;
  patch: TPatchAgreementRequest;
  ifMatch: string | undefined;
  user: TUser;
  now: Date;
  newId: () => string;
  agencies: TAgencyStore;
  agreements: TAgreementStore;
}): Promise<TAgreement> => {
  const { patch, user, newId } = options;
  let current: TAgreement | undefined;
  const result = await changeAgreement({
    agreements: options.agreements,
    now: options.now,
    newId,
    // The user edited the revision they named in If-Match: a lost race is theirs to reload.
    onConflict: 'precondition',
    load: async () => {
      const stored = await options.agreements.get(options.id);
      current = assertAccess(user, stored?.agreement, 'editor');
      if (!options.ifMatch) throw new AppError('precondition_required', 'Send If-Match with the ETag you last read, so edits cannot cross.');
      assertRevisionMatches(options.ifMatch, current.revision);
      return { stored: stored! };
    },
    change: async ({ stored }) => {
      const draft = stored.agreement;
      assertCanPerform(draft.status, 'edit');
      const { parties: partyInputs, ...scalarPatch } = patch;
      const parties = partyInputs ? buildParties(partyInputs, await options.agencies.getMany(partyInputs.map((p) => p.agencyId)), newId) : draft.parties;
      const cleared = Object.fromEntries(CLEARABLE_FIELDS.filter((field) => scalarPatch[field] === null).map((field) => [field, null]));
      const next: TAgreement = { ...draft, ...scalarPatch, ...cleared, parties };
      assertDraftRules(next, londonDate(options.now));
      const changes = (Object.keys(patch) as (keyof TAgreement)[])
        .filter((field) => !isDeepStrictEqual(draft[field], next[field]))
        .map((field) => ({ field, from: auditValue(field, draft[field]), to: auditValue(field, next[field]) }));
      if (changes.length === 0) return null;
      return {
        agreement: next,
        actor: userActor(user),
        events: [{ type: 'draft_edited', data: { revision: draft.revision + 1, changes } }],
      };
    },
  });
  return result?.agreement ?? current!;
};
