import { isDeepStrictEqual } from 'node:util';
import { AppError } from '../../errors';
import { CLEARABLE_FIELDS, type TAgreement, type TPatchAgreementRequest } from '../../schemas/agreement';
import { appendAuditEvent, sha256Hex } from '../audit/audit-chain';
import { londonDate } from '../calendar';
import { ConcurrentWriteError, type TAgencyStore, type TAgreementStore } from '../ports';
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
  const { patch, user, now, newId } = options;
  const stored = await options.agreements.get(options.id);
  const current = assertAccess(user, stored?.agreement, 'editor');
  if (!options.ifMatch) {
    throw new AppError('precondition_required', 'Send If-Match with the ETag you last read, so edits cannot cross.');
  }
  assertRevisionMatches(options.ifMatch, current.revision);
  assertCanPerform(current.status, 'edit');

  const { parties: partyInputs, ...scalarPatch } = patch;
  const parties = partyInputs
    ? buildParties(partyInputs, await options.agencies.getMany(partyInputs.map((p) => p.agencyId)), newId)
    : current.parties;
  const cleared = Object.fromEntries(
    CLEARABLE_FIELDS.filter((field) => scalarPatch[field] === null).map((field) => [field, null]),
  );
  const next: TAgreement = { ...current, ...scalarPatch, ...cleared, parties };
  assertDraftRules(next, londonDate(options.now));

  const changes = (Object.keys(patch) as (keyof TAgreement)[])
    .filter((field) => !isDeepStrictEqual(current[field], next[field]))
    .map((field) => ({ field, from: auditValue(field, current[field]), to: auditValue(field, next[field]) }));
  if (changes.length === 0) return current;

  const at = now.toISOString();
  const updated: TAgreement = { ...next, revision: current.revision + 1, updatedAt: at };
  const { event, head } = appendAuditEvent((stored as NonNullable<typeof stored>).auditHead, {
    id: newId(),
    agreementId: current.id,
    type: 'draft_edited',
    at,
    actor: { kind: 'user', email: user.email },
    data: { revision: updated.revision, changes },
  });
  try {
    await options.agreements.update({ agreement: updated, auditHead: head, events: [event] }, stored!);
  } catch (error) {
    if (error instanceof ConcurrentWriteError) {
      throw new AppError('precondition_failed', 'The agreement changed while this edit was being saved; reload it.');
    }
    throw error;
  }
  return updated;
};
