import { AppError } from '../../errors';
import { continuingParties, type TAgreement } from '../../schemas/agreement';
import { appendAuditEvent, EMPTY_AUDIT_HEAD } from '../audit/audit-chain';
import { ConcurrentWriteError, type TAgreementStore, type TAgreementWrite, type TStoredAgreement } from '../ports';
import type { TUser } from '../user';
import { assertAccess } from './access';
import { assertCanPerform } from './lifecycle';
import { recordTransition, type TEventInput } from './transition';

type TNextVersionOptions = {
  action: 'revise' | 'vary';
  user: TUser;
  now: Date;
  newId: () => string;
  agreements: TAgreementStore;
};

/**
 * Writes the next version of a stored agreement as a draft, with what the current version
 * records about it (`current` and `events`), in one transaction. The text and parties carry
 * over; every signatory must sign again; only one next version can exist.
 */
export const writeNextVersion = async (
  stored: TStoredAgreement,
  options: TNextVersionOptions & { current?: TAgreement; events?: TEventInput[]; write?: Partial<TAgreementWrite> },
): Promise<TAgreement> => {
  const current = stored.agreement;
  assertCanPerform(current.status, options.action);
  if (stored.successorId) {
    throw new AppError('illegal_transition', `Version ${current.version + 1} of ${current.reference} already exists (${stored.successorId}).`);
  }
  const at = options.now.toISOString();
  const id = options.newId();
  const draft: TAgreement = {
    ...current,
    id,
    version: current.version + 1,
    supersedes: current.id,
    status: 'draft',
    documentSha256: null,
    owner: options.user.email,
    undelivered: [],
    reviews: [],
    termination: null,
      terminationRound: null,
    // A party that left by the version in force is not carried into a variation of it; a revision keeps what was drafted.
    parties: (options.action === 'vary' ? continuingParties(current) : current.parties).map((party) => ({
      ...party,
      signatories: party.signatories.map((s) => ({
        ...s,
        id: options.newId(),
        status: 'pending',
        requestedAt: null,
        decidedAt: null,
        reason: null,
        evidence: null,
      })),
    })),
    // A variation starts its own dates when it comes into force.
    effectiveDate: options.action === 'vary' ? null : current.effectiveDate,
    nextReviewDate: options.action === 'vary' ? null : current.nextReviewDate,
    revision: 1,
    createdAt: at,
    updatedAt: at,
  };
  const actor = { kind: 'user' as const, email: options.user.email };
  const created = appendAuditEvent(EMPTY_AUDIT_HEAD, {
    id: options.newId(),
    agreementId: id,
    type: 'draft_created',
    at,
    actor,
    data: { reference: draft.reference, version: draft.version, from: current.id, action: options.action },
  });
  const old = recordTransition(stored, options.current ?? current, {
    at,
    actor,
    newId: options.newId,
    events: [
      ...(options.events ?? []),
      { type: options.action === 'revise' ? 'revision_started' : 'variation_started', data: { nextVersionId: id, version: draft.version } },
    ],
  });
  try {
    await options.agreements.update({ ...old, ...options.write, successorId: id }, stored, {
      creates: [{ agreement: draft, auditHead: created.head, events: [created.event] }],
    });
  } catch (error) {
    if (error instanceof ConcurrentWriteError) throw new AppError('conflict', 'The agreement changed meanwhile; reload it and try again.');
    throw error;
  }
  return draft;
};

/** `revise` after a decline or withdrawal, `vary` while in force: a new draft version. */
export const startNextVersion = async (options: TNextVersionOptions & { id: string }): Promise<TAgreement> => {
  const stored = await options.agreements.get(options.id);
  assertAccess(options.user, stored?.agreement, 'editor');
  return writeNextVersion(stored!, options);
};
