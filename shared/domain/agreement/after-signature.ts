import { AppError } from '../../errors';
import type { TAgreement, TRecordReviewRequest, TTerminateRequest } from '../../schemas/agreement';
import { addMonths, londonDate } from '../calendar';
import { tellEveryone } from '../notifications';
import { ConcurrentWriteError, type TAgencyStore, type TAgreementStore, type TLinkSigner, type TStoredAgreement } from '../ports';
import { revokeLinks } from '../signing/links';
import { startTerminationRound } from '../signing/sign-off';
import { MAX_TERMINATION_REASON } from '../../schemas/agreement';
import type { TUser } from '../user';
import { assertAccess, assertRole } from './access';
import { assertCanPerform } from './lifecycle';
import { writeNextVersion } from './new-version';
import { recordTransition } from './transition';

type TOptions = { id: string; user: TUser; now: Date; newId: () => string; agreements: TAgreementStore };

const load = async (options: TOptions, action: 'review' | 'terminate'): Promise<TStoredAgreement> => {
  const stored = await options.agreements.get(options.id);
  assertAccess(options.user, stored?.agreement, 'editor');
  assertCanPerform(stored!.agreement.status, action);
  return stored!;
};

const save = async (write: () => Promise<void>) => {
  try {
    await write();
  } catch (error) {
    if (error instanceof ConcurrentWriteError) throw new AppError('conflict', 'The agreement changed meanwhile; reload it and try again.');
    throw error;
  }
};

/** Ends an agreement in force (PA 1996 s.23: by agreement of the parties); everyone is told. */
const terminateStored = async (stored: TStoredAgreement, options: TOptions & TTerminateRequest, extra: Partial<TAgreement> = {}) => {
  // An agreement ends by agreement of the parties (PA 1996 s.23C): one party's officer cannot end it for all.
  assertRole(options.user, 'admin', 'Ending an agreement needs every party’s agreement; an admin records one agreed outside Accord, with its evidence.');
  const at = options.now.toISOString();
  const effectiveDate = options.effectiveDate ?? londonDate(options.now);
  if (stored.agreement.effectiveDate && effectiveDate < stored.agreement.effectiveDate) {
    throw new AppError('validation_failed', 'A termination cannot take effect before the agreement did.', [
      { path: 'effectiveDate', message: `must not be before the agreement's effective date, ${stored.agreement.effectiveDate}` },
    ]);
  }
  const next: TAgreement = {
    ...stored.agreement,
    ...extra,
    status: 'terminated',
    termination: { reason: options.reason, effectiveDate, at, by: options.user.email },
    terminationRound: null,
  };
  // A termination round still open is overtaken: its links close with the agreement.
  const closed = revokeLinks(stored.openRequests, Object.keys(stored.openRequests));
  const recorded = recordTransition(stored, next, {
    at,
    actor: { kind: 'user', email: options.user.email },
    newId: options.newId,
    events: [{ type: 'terminated', data: { reason: options.reason, evidence: options.evidence, effectiveDate } }],
  });
  await save(() =>
    options.agreements.update(
      {
        ...recorded,
        openRequests: closed.openRequests,
        closedRequests: closed.revoked,
        messages: tellEveryone(recorded.events[0]!, recorded.agreement, 'agreement_terminated', at, { reason: options.reason, terminationDate: effectiveDate }),
      },
      stored,
    ),
  );
  return recorded.agreement;
};

export const terminateAgreement = async (options: TOptions & TTerminateRequest): Promise<TAgreement> =>
  terminateStored(await load(options, 'terminate'), options);

/**
 * Records a review (SPEC §7). `continue` sets the next review date and restarts its reminders;
 * `vary` does the same and opens a variation draft; `terminate` ends the agreement.
 * Returns the reviewed version and, for `vary`, the new draft.
 */
export const recordReview = async (
  options: TOptions & { input: TRecordReviewRequest; linkSigner: TLinkSigner; agencies: TAgencyStore },
): Promise<{ agreement: TAgreement; variation: TAgreement | null }> => {
  const stored = await load(options, 'review');
  const { input, user } = options;
  const today = londonDate(options.now);
  const nextReviewDate = input.outcome === 'terminate' ? null : (input.nextReviewDate ?? addMonths(today, stored.agreement.reviewIntervalMonths));
  if (nextReviewDate !== null && nextReviewDate <= today) {
    throw new AppError('validation_failed', 'The next review must be after today.', [{ path: 'nextReviewDate', message: `must be after ${today}` }]);
  }
  if (nextReviewDate !== null && stored.agreement.effectiveDate && nextReviewDate < stored.agreement.effectiveDate) {
    throw new AppError('validation_failed', 'The next review cannot come before the agreement takes effect.', [
      { path: 'nextReviewDate', message: `must not be before the agreement's effective date, ${stored.agreement.effectiveDate}` },
    ]);
  }
  const review = { at: options.now.toISOString(), by: user.email, outcome: input.outcome, notes: input.notes, nextReviewDate };
  const reviews = [...stored.agreement.reviews, review];
  if (input.outcome === 'terminate') {
    if (input.notes.length > MAX_TERMINATION_REASON) {
      throw new AppError('validation_failed', 'The notes become the reason every party is asked about.', [
        { path: 'notes', message: `must be at most ${MAX_TERMINATION_REASON} characters when the review ends the agreement` },
      ]);
    }
    // A review cannot end the agreement for every party: it asks them, in the same write.
    const reviewedEvent = { type: 'reviewed', data: { outcome: input.outcome, notes: input.notes, nextReviewDate: null } };
    const agreement = await startTerminationRound(
      { ...options, reason: input.notes, linkSigner: options.linkSigner, agencies: options.agencies },
      stored,
      { changes: { reviews }, events: [reviewedEvent] },
    );
    return { agreement, variation: null };
  }
  const reviewed: TAgreement = { ...stored.agreement, reviews, nextReviewDate };
  const reviewedEvent = { type: 'reviewed', data: { outcome: input.outcome, notes: input.notes, nextReviewDate } };
  if (input.outcome === 'vary') {
    const variation = await writeNextVersion(stored, {
      ...options,
      action: 'vary',
      current: reviewed,
      events: [reviewedEvent],
      write: { reviewReminder: null },
    });
    return { agreement: { ...reviewed, revision: stored.agreement.revision + 1, updatedAt: review.at }, variation };
  }
  const recorded = recordTransition(stored, reviewed, {
    at: review.at,
    actor: { kind: 'user', email: user.email },
    newId: options.newId,
    events: [reviewedEvent],
  });
  // Reminders restart from the new review date.
  await save(() => options.agreements.update({ ...recorded, reviewReminder: null }, stored));
  return { agreement: recorded.agreement, variation: null };
};
