import { AppError } from '../../errors';
import { continuingParties, type TAgreement } from '../../schemas/agreement';
import { appendAuditEvent, EMPTY_AUDIT_HEAD } from '../audit/audit-chain';
import type { TAgreementStore, TStoredAgreement } from '../ports';
import type { TUser } from '../user';
import { asUser, changeAgreement, userActor, type TChange } from './change-agreement';
import { assertCanPerform } from './lifecycle';

type TNextVersionOptions = {
  action: 'revise' | 'vary';
  user: TUser;
  now: Date;
  newId: () => string;
  agreements: TAgreementStore;
};

/**
 * Adds the next version of a stored agreement, as a draft, to a change of the current version
 * (`change`, which records what led to it), in one transaction. The text and parties carry over;
 * every signatory must sign again; only one next version can exist.
 */
export const nextVersionChange = (stored: TStoredAgreement, change: TChange, options: TNextVersionOptions): TChange => {
  const current = stored.agreement;
  assertCanPerform(current.status, options.action);
  if (options.action === 'vary' && current.withdrawalNotices.length > 0) {
    throw new AppError('illegal_transition', `${current.withdrawalNotices.map((notice) => notice.agencyName).join(', ')} gave notice to leave: vary the agreement once they have left.`);
  }
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
    executedCopy: null,
    // Files already checked carry over (the same stored bytes); ones refused or never uploaded do not.
    attachments: current.attachments.filter((file) => file.status === 'available'),
    owner: options.user.email,
    undelivered: [],
    reviews: [],
    termination: null,
    terminationRound: null,
    withdrawalNotices: [],
    // A party that left by the version in force is not carried into a variation of it; a revision keeps what was drafted.
    parties: (options.action === 'vary' ? continuingParties(current) : current.parties).map((party) => ({
      ...party,
      // Each party says again how it publishes the new version, once that is in force.
      publication: null,
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
  const created = appendAuditEvent(EMPTY_AUDIT_HEAD, {
    id: options.newId(),
    agreementId: id,
    type: 'draft_created',
    at,
    actor: userActor(options.user),
    data: { reference: draft.reference, version: draft.version, from: current.id, action: options.action },
  });
  return {
    ...change,
    events: [
      ...change.events,
      { type: options.action === 'revise' ? 'revision_started' : 'variation_started', data: { nextVersionId: id, version: draft.version } },
    ],
    successorId: id,
    creates: [{ agreement: draft, auditHead: created.head, events: [created.event] }],
  };
};

/** `revise` after a decline or withdrawal, `vary` while in force: a new draft version. */
/** `ifMatch`, when given, is the revision the user saw: a version started meanwhile is 412, not a second draft. */
export const startNextVersion = async (options: TNextVersionOptions & { id: string; ifMatch?: string | undefined }): Promise<TAgreement> => {
  const result = await changeAgreement({
    ...asUser(options),
    change: ({ stored }) => {
      const change = nextVersionChange(stored, { agreement: stored.agreement, actor: userActor(options.user), events: [] }, options);
      return { ...change, outcome: change.creates![0]!.agreement };
    },
  });
  return result!.outcome!;
};
