import { canPerform } from '../agreement/lifecycle';
import { recordTransition } from '../agreement/transition';
import { londonDate } from '../calendar';
import { outboxMessage, ownerAndLegal, tellEveryone } from '../notifications';
import {
  ConcurrentWriteError,
  type TAgencyStore,
  SigningRequestSpentError,
  type TAgreementStore,
  type TDueWorkStore,
  type TSigningRequest,
  type TSigningRequestStore,
} from '../ports';
import { revokeLinks } from '../signing/links';
import { findSignatory, mapSignatories } from '../signing/routing';
import { openTerminationRound, terminationWrite } from '../signing/termination';
import { isStillAuthorised } from '../agreement/party-authority';
import { reviewReminderDue, requestWorkDue } from './reminder-rules';

export type TDailyJobReport = {
  today: string;
  agreementsChecked: number;
  reviewRemindersSent: number;
  agreementsExpired: number;
  agreementsTerminated: number;
  requestsChecked: number;
  signatureRemindersSent: number;
  linksExpired: number;
};

const SYSTEM = { kind: 'system' as const };
const MAX_ATTEMPTS = 10;

/** Retries a step that lost a race with a signatory or another run; the next read sees what won. */
const withRetry = async (step: () => Promise<void>) => {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    try {
      return await step();
    } catch (error) {
      if (error instanceof SigningRequestSpentError) return;
      if (!(error instanceof ConcurrentWriteError) || attempt === MAX_ATTEMPTS) throw error;
    }
  }
};

/**
 * The daily job (SPEC §7). `now` is the schedule's own time, so any day can be run. It only
 * reads what the due-work index says is due, and every effect is idempotent: running a day twice
 * sends nothing twice, and after a missed day only the latest reminder due goes out.
 */
export const runDailyJob = async (options: {
  now: Date;
  newId: () => string;
  due: TDueWorkStore;
  agreements: TAgreementStore;
  requests: TSigningRequestStore;
  agencies: TAgencyStore;
}): Promise<TDailyJobReport> => {
  const { now, newId, agreements } = options;
  const today = londonDate(now);
  const at = now.toISOString();
  const report: TDailyJobReport = {
    today,
    agreementsChecked: 0,
    reviewRemindersSent: 0,
    agreementsExpired: 0,
    agreementsTerminated: 0,
    requestsChecked: 0,
    signatureRemindersSent: 0,
    linksExpired: 0,
  };

  for await (const agreementId of options.due.agreementsDueBy(today)) {
    report.agreementsChecked += 1;
    await withRetry(async () => {
      const stored = await agreements.get(agreementId);
      if (!stored || !canPerform(stored.agreement.status, 'expire')) return;
      const { agreement } = stored;
      const round = agreement.terminationRound;
      if (round?.agreedAt && today >= round.effectiveDate) {
        await agreements.update(terminationWrite(stored, agreement, round, { at, newId, actor: SYSTEM }), stored);
        report.agreementsTerminated += 1;
        return;
      }
      if (agreement.expiryDate && today > agreement.expiryDate) {
        const recorded = recordTransition(stored, { ...agreement, status: 'expired', terminationRound: null }, {
          at,
          actor: SYSTEM,
          newId,
          events: [{ type: 'expired', data: { expiryDate: agreement.expiryDate } }],
        });
        // Every party hears that it no longer binds them; a termination round still open closes with it.
        const closed = revokeLinks(stored.openRequests, Object.keys(stored.openRequests));
        await agreements.update(
          {
            ...recorded,
            openRequests: closed.openRequests,
            closedRequests: closed.revoked,
            messages: tellEveryone(recorded.events[0]!, recorded.agreement, 'agreement_expired', at),
          },
          stored,
        );
        report.agreementsExpired += 1;
        return;
      }
      const reminder = agreement.nextReviewDate ? reviewReminderDue(agreement.nextReviewDate, today, stored.reviewReminder) : null;
      if (!reminder || !agreement.nextReviewDate) return;
      const recorded = recordTransition(stored, agreement, {
        at,
        actor: SYSTEM,
        newId,
        events: [{ type: 'review_reminder_sent', data: { template: reminder.template, offsetDays: reminder.offset, nextReviewDate: agreement.nextReviewDate } }],
      });
      await agreements.update(
        {
          ...recorded,
          reviewReminder: { reviewDate: agreement.nextReviewDate, lastOffset: reminder.offset },
          messages: outboxMessage({
            // One review date and threshold give one email, whatever runs and retries happen.
            key: `review|${agreement.id}|${agreement.nextReviewDate}|${reminder.offset}`,
            agreement,
            template: reminder.template,
            recipients: ownerAndLegal(agreement),
            at,
          }),
        },
        stored,
      );
      report.reviewRemindersSent += 1;
    });
  }

  for await (const request of options.due.requestsDueBy(today)) {
    report.requestsChecked += 1;
    const work = requestWorkDue(request, now);
    if (work.kind === 'wait') {
      await options.requests.reschedule(request, work.until);
    } else if (work.kind === 'remind') {
      if (await remindSignatory(options, request, work.remindersSent, at)) report.signatureRemindersSent += 1;
    } else {
      await withRetry(async () => {
        if (await expireLink(options, request, at)) report.linksExpired += 1;
      });
    }
  }
  return report;
};

const remindSignatory = async (
  options: Parameters<typeof runDailyJob>[0],
  request: TSigningRequest,
  remindersSent: number,
  at: string,
): Promise<boolean> => {
  const stored = await options.agreements.get(request.agreementId);
  const found = stored && findSignatory(stored.agreement, request.signatoryId);
  if (!stored || !found) return false;
  const stillAsked = request.purpose === 'termination' ? openTerminationRound(stored.agreement) !== null : canPerform(stored.agreement.status, 'decide');
  // Someone taken off their agency's list cannot use the link: reminding them would only mislead.
  if (!stillAsked || !(await isStillAuthorised(options.agencies, found))) return false;
  const messages = outboxMessage({
    key: `signature-reminder|${request.requestId}|${remindersSent}`,
    agreement: stored.agreement,
    template: 'signature_reminder',
    // The same link as before: tokens derive from the request id, so nothing new is stored.
    recipients: [
      { to: found.signatory.email, name: found.signatory.name, party: found.party.agencyName, link: { requestId: request.requestId, keyId: request.keyId } },
    ],
    at,
    vars: { linkExpiresAt: request.linkExpiresAt },
  });
  return (await options.requests.recordReminder(request, remindersSent, messages)) === 'recorded';
};

/** An unanswered link expires: the signatory shows as `expired` and the owner is told, so they can resend. */
const expireLink = async (options: Parameters<typeof runDailyJob>[0], request: TSigningRequest, at: string): Promise<boolean> => {
  const stored = await options.agreements.get(request.agreementId);
  const found = stored && findSignatory(stored.agreement, request.signatoryId);
  if (!stored || !found) return false;
  const stillOpen = stored.openRequests[request.signatoryId]?.tokenHash === request.tokenHash;
  const next = stillOpen
    ? mapSignatories(stored.agreement, (s) => (s.id === request.signatoryId && s.status === 'requested' ? { ...s, status: 'expired' } : s))
    : stored.agreement;
  const recorded = recordTransition(stored, next, {
    at,
    actor: SYSTEM,
    newId: options.newId,
    events: [{ type: 'signing_link_expired', data: { signatoryId: request.signatoryId, linkExpiresAt: request.linkExpiresAt } }],
  });
  await options.agreements.update(
    {
      ...recorded,
      openRequests: stillOpen ? revokeLinks(stored.openRequests, [request.signatoryId]).openRequests : stored.openRequests,
      closedRequests: [{ tokenHash: request.tokenHash, state: 'expired' }],
      messages: outboxMessage({
        key: `link-expired|${request.requestId}`,
        agreement: recorded.agreement,
        template: 'link_expired',
        recipients: [{ to: stored.agreement.owner }],
        at,
        vars: { signatoryName: found.signatory.name },
      }),
    },
    stored,
  );
  return true;
};
