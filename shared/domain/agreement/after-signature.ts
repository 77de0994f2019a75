import { AppError } from '../../errors';
import type { TAgreement, TRecordReviewRequest, TTerminateRequest } from '../../schemas/agreement';
import { addMonths, londonDate } from '../calendar';
import { toEveryone } from '../notifications';
import type { TAgencyStore, TAgreementStore, TLinkSigner } from '../ports';
import { revokeAllLinks } from '../signing/links';
import { terminationRoundChange } from '../signing/sign-off';
import { MAX_TERMINATION_REASON } from '../../schemas/agreement';
import type { TUser } from '../user';
import { assertRole } from './access';
import { asUser, changeAgreement, userActor, type TChange } from './change-agreement';
import { assertCanPerform } from './lifecycle';
import { nextVersionChange } from './new-version';

type TOptions = { id: string; user: TUser; ifMatch?: string | undefined; now: Date; newId: () => string; agreements: TAgreementStore };

/** Ends an agreement in force (PA 1996 s.23: by agreement of the parties), as an admin records it; everyone is told. */
export const terminateAgreement = async (options: TOptions & TTerminateRequest): Promise<TAgreement> => {
  const result = await changeAgreement({
    ...asUser(options),
    change: ({ stored }): TChange => {
      assertCanPerform(stored.agreement.status, 'terminate');
      // An agreement ends by agreement of the parties (PA 1996 s.23C): one party's officer cannot end it for all.
      assertRole(options.user, 'admin', 'Ending an agreement needs every party’s agreement; an admin records one agreed outside Accord, with its evidence.');
      const effectiveDate = options.effectiveDate ?? londonDate(options.now);
      if (stored.agreement.effectiveDate && effectiveDate < stored.agreement.effectiveDate) {
        throw new AppError('validation_failed', 'A termination cannot take effect before the agreement did.', [
          { path: 'effectiveDate', message: `must not be before the agreement's effective date, ${stored.agreement.effectiveDate}` },
        ]);
      }
      const ended: TAgreement = {
        ...stored.agreement,
        status: 'terminated',
        termination: { reason: options.reason, effectiveDate, at: options.now.toISOString(), by: options.user.email },
        terminationRound: null,
      };
      return {
        agreement: ended,
        actor: userActor(options.user),
        events: [
          {
            type: 'terminated',
            data: { reason: options.reason, evidence: options.evidence, effectiveDate },
            emails: [toEveryone(ended, 'agreement_terminated', { reason: options.reason, terminationDate: effectiveDate })],
          },
        ],
        // A termination round still open is overtaken: its links close with the agreement.
        ...revokeAllLinks(stored.openRequests),
      };
    },
  });
  return result!.agreement;
};

/**
 * Records a review (the contract (Reviews and the daily job)). `continue` sets the next review date and restarts its reminders;
 * `vary` does the same and opens a variation draft; `terminate` asks every party to end it.
 * Returns the reviewed version and, for `vary`, the new draft. `reviewsSeen`, when given, is how
 * many reviews the user's form showed: a review recorded meanwhile refuses this one, though other
 * changes (its executed copy sealed, say) do not.
 */
export const recordReview = async (
  options: TOptions & { input: TRecordReviewRequest; linkSigner: TLinkSigner; agencies: TAgencyStore; reviewsSeen?: number | undefined },
): Promise<{ agreement: TAgreement; variation: TAgreement | null }> => {
  const { input, user } = options;
  const today = londonDate(options.now);
  const result = await changeAgreement({
    ...asUser(options),
    change: async ({ stored }): Promise<TChange<TAgreement | null>> => {
      assertCanPerform(stored.agreement.status, 'review');
      if (options.reviewsSeen !== undefined && stored.agreement.reviews.length !== options.reviewsSeen) {
        throw new AppError('precondition_failed', 'Someone recorded a review of this agreement meanwhile. Open it again to see that review.');
      }
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
      const reviewed = { type: 'reviewed', data: { outcome: input.outcome, notes: input.notes, nextReviewDate } };
      if (input.outcome === 'terminate') {
        if (input.notes.length > MAX_TERMINATION_REASON) {
          throw new AppError('validation_failed', 'The notes become the reason every party is asked about.', [
            { path: 'notes', message: `must be at most ${MAX_TERMINATION_REASON} characters when the review ends the agreement` },
          ]);
        }
        // A review cannot end the agreement for every party: it asks them, in the same write.
        const round = await terminationRoundChange({ ...options, reason: input.notes }, stored, { changes: { reviews }, events: [reviewed] });
        return { ...round, outcome: null };
      }
      // Reminders restart from the new review date.
      const change: TChange = { agreement: { ...stored.agreement, reviews, nextReviewDate }, actor: userActor(user), events: [reviewed], reviewReminder: null };
      if (input.outcome === 'vary') {
        const variation = nextVersionChange(stored, change, { ...options, action: 'vary' });
        return { ...variation, outcome: variation.creates![0]!.agreement };
      }
      return { ...change, outcome: null };
    },
  });
  return { agreement: result!.agreement, variation: result!.outcome ?? null };
};
