import { canPerform } from '../agreement/lifecycle';
import type { TAgreement } from '../../schemas/agreement';
import { byId, changeAgreement, type TChange } from '../agreement/change-agreement';
import { addDays, londonDate } from '../calendar';
import { outboxMessage, ownerAndLegal, toEveryone } from '../notifications';
import {
  type TAgencyStore,
  SigningRequestSpentError,
  type TAgreementStore,
  type TDueWorkStore,
  type TSigningRequest,
  type TSigningRequestStore,
  type TStoredAgreement,
} from '../ports';
import { revokeAllLinks, revokeLinks } from '../signing/links';
import { laterVersions, withdrawalChange } from '../agreement/withdrawal';
import { findSignatory, mapSignatories } from '../signing/routing';
import { openTerminationRound, terminationChange } from '../signing/termination';
import { isStillAuthorised } from '../agreement/party-authority';
import { forEachConcurrently } from '../bounded-concurrency';
import { expiryWarningDue, reviewReminderDue, requestWorkDue } from './reminder-rules';

export type TDailyJobReport = {
  today: string;
  agreementsChecked: number;
  reviewRemindersSent: number;
  agreementsExpired: number;
  agreementsTerminated: number;
  /** Parties that left on their notice's day, the rest carrying on in a new version. */
  partiesWithdrawn: number;
  expiryWarningsSent: number;
  requestsChecked: number;
  signatureRemindersSent: number;
  linksExpired: number;
  /** Changes that removed personal evidence past its retention today (one per agreement, or per 40 of its events). */
  evidenceReduced: number;
};

const SYSTEM = { kind: 'system' as const };

/**
 * Due items handled at once. Each is a read and a transaction (~10–40 ms); at this width a
 * scheduled run gets through tens of thousands in minutes, well inside Lambda's 15.
 */
export const DAILY_JOB_CONCURRENCY = 16;

type TDailyJobOptions = {
  now: Date;
  /** Days personal evidence (IP addresses, user agents) is kept after it is recorded. */
  evidenceRetentionDays: number;
  newId: () => string;
  due: TDueWorkStore;
  agreements: TAgreementStore;
  requests: TSigningRequestStore;
  agencies: TAgencyStore;
};

/** The daily job's changes lose races to signatories and other runs; it retries, and the next read sees what won. */
const systemChange = <TOutcome = undefined>(
  options: TDailyJobOptions,
  agreementId: string,
  change: (context: { stored: TStoredAgreement }) => Promise<TChange<TOutcome> | null> | TChange<TOutcome> | null,
) =>
  changeAgreement<{ stored: TStoredAgreement }, TOutcome>({
    agreements: options.agreements,
    now: options.now,
    newId: options.newId,
    onConflict: 'retry',
    load: byId(options.agreements, agreementId),
    change,
  });

/**
 * The daily job (the contract (Reviews and the daily job)). `now` is the schedule's own time, so any day can be run. It only
 * reads what the due-work index says is due, and every effect is idempotent: running a day twice
 * sends nothing twice, and after a missed day only the latest reminder due goes out.
 */
export const runDailyJob = async (options: TDailyJobOptions): Promise<TDailyJobReport> => {
  const { now } = options;
  const today = londonDate(now);
  const at = now.toISOString();
  const report: TDailyJobReport = {
    today,
    agreementsChecked: 0,
    reviewRemindersSent: 0,
    agreementsExpired: 0,
    agreementsTerminated: 0,
    partiesWithdrawn: 0,
    expiryWarningsSent: 0,
    requestsChecked: 0,
    signatureRemindersSent: 0,
    linksExpired: 0,
    evidenceReduced: 0,
  };

  const agreementsDue = () =>
    forEachConcurrently(options.due.agreementsDueBy(today), DAILY_JOB_CONCURRENCY, async (agreementId) => {
      report.agreementsChecked += 1;
      const done = await systemChange(options, agreementId, async ({ stored }) => {
        // A party leaving today makes the next version; it is numbered after any made since.
        const leaving = stored.agreement.withdrawalNotices.some((notice) => notice.effectiveDate <= today);
        const lastVersion = leaving ? Math.max(stored.agreement.version, ...(await laterVersions(options.agreements, stored)).map((version) => version.version)) : stored.agreement.version;
        return agreementWorkDue(stored, { today, at, newId: options.newId, lastVersion });
      });
      for (const work of done?.outcome ?? []) report[work] += 1;
    });

  const linksDue = () =>
    forEachConcurrently(options.due.requestsDueBy(today), DAILY_JOB_CONCURRENCY, async (request) => {
      report.requestsChecked += 1;
      const work = requestWorkDue(request, now);
      if (work.kind === 'wait') {
        await options.requests.reschedule(request, work.until);
      } else if (work.kind === 'remind') {
        if (await remindSignatory(options, request, work.remindersSent, at)) report.signatureRemindersSent += 1;
      } else {
        if (await expireLink(options, request)) report.linksExpired += 1;
      }
    });

  // Evidence recorded on or before this day has been kept as long as it may be.
  const lastKeptDay = addDays(today, -options.evidenceRetentionDays);
  const evidenceDue = async () => {
    const dueEvidence = new Map<string, number[]>();
    for await (const { agreementId, seq } of options.due.evidenceRecordedBy(lastKeptDay)) {
      dueEvidence.set(agreementId, [...(dueEvidence.get(agreementId) ?? []), seq]);
    }
    const batches = [...dueEvidence].flatMap(([agreementId, seqs]) => chunks(seqs, EVIDENCE_EVENTS_PER_CHANGE).map((batch) => ({ agreementId, batch })));
    await forEachConcurrently(batches, DAILY_JOB_CONCURRENCY, async ({ agreementId, batch }) => {
      const done = await systemChange(options, agreementId, ({ stored }) => evidenceReduction(stored, batch, lastKeptDay));
      if (done) report.evidenceReduced += 1;
    });
  };

  // Each kind of work runs whatever became of the others; what failed is reported together at the end.
  const failures: unknown[] = [];
  for (const pass of [agreementsDue, linksDue, evidenceDue]) await pass().catch((error: unknown) => failures.push(error));
  if (failures.length > 0) throw new AggregateError(failures, `The daily job did not finish everything: ${failures.map((f) => (f as Error).message).join('; ')}`);
  return report;
};

/** Removing evidence from this many events at a time keeps each transaction well under DynamoDB's 100 items. */
const EVIDENCE_EVENTS_PER_CHANGE = 40;

const chunks = <T>(items: T[], size: number): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, index) => items.slice(index * size, (index + 1) * size));

/**
 * Removes personal evidence (IP address, user agent) recorded on or before `lastKeptDay`: from the
 * events that hold it, whose hashes cover only its digest, and from the agreement's record of each
 * decision. What was decided, by whom, when and on which document stays.
 */
const evidenceReduction = (stored: TStoredAgreement, seqs: number[], lastKeptDay: string): TChange => {
  const expired = (at: string | null) => at !== null && at.slice(0, 10) <= lastKeptDay;
  const withoutPersonal = <T extends { ip: string | null; userAgent: string | null }>(evidence: T): T => ({ ...evidence, ip: null, userAgent: null });
  const signed = mapSignatories(stored.agreement, (s) => (s.evidence && expired(s.decidedAt) ? { ...s, evidence: withoutPersonal(s.evidence) } : s));
  const round = signed.terminationRound;
  const agreement = round
    ? {
        ...signed,
        terminationRound: {
          ...round,
          approvals: Object.fromEntries(Object.entries(round.approvals).map(([id, approval]) => [id, expired(approval.at) ? withoutPersonal(approval) : approval])),
        },
      }
    : signed;
  return {
    agreement,
    actor: SYSTEM,
    events: [{ type: 'evidence_reduced', data: { recordedBy: lastKeptDay, events: seqs, fields: ['ip', 'userAgent'] } }],
    reducedEvents: seqs,
  };
};

const remindSignatory = async (
  options: TDailyJobOptions,
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
const expireLink = async (options: TDailyJobOptions, request: TSigningRequest): Promise<boolean> => {
  try {
    const done = await systemChange(options, request.agreementId, ({ stored }) => {
      const found = findSignatory(stored.agreement, request.signatoryId);
      if (!found) return null;
      const stillOpen = stored.openRequests[request.signatoryId]?.tokenHash === request.tokenHash;
      return {
        agreement: stillOpen
          ? mapSignatories(stored.agreement, (s) => (s.id === request.signatoryId && s.status === 'requested' ? { ...s, status: 'expired' } : s))
          : stored.agreement,
        actor: SYSTEM,
        events: [
          {
            type: 'signing_link_expired',
            data: { signatoryId: request.signatoryId, linkExpiresAt: request.linkExpiresAt },
            emails: [{ template: 'link_expired', onceFor: `link-expired|${request.requestId}`, to: [{ to: stored.agreement.owner }], vars: { signatoryName: found.signatory.name } }],
          },
        ],
        openRequests: stillOpen ? revokeLinks(stored.openRequests, [request.signatoryId]).openRequests : stored.openRequests,
        closedRequests: [{ tokenHash: request.tokenHash, state: 'expired' }],
      };
    });
    return done !== undefined;
  } catch (error) {
    // The signatory used the link, or another run expired it, meanwhile.
    if (error instanceof SigningRequestSpentError) return false;
    throw error;
  }
};

type TAgreementWork = 'agreementsTerminated' | 'agreementsExpired' | 'reviewRemindersSent' | 'expiryWarningsSent' | 'partiesWithdrawn';

/** What the daily job owes an agreement in force today: end it as agreed, take out a party leaving, let it expire, or remind of its review. */
const agreementWorkDue = (
  stored: TStoredAgreement,
  { today, at, newId, lastVersion }: { today: string; at: string; newId: () => string; lastVersion: number },
): TChange<TAgreementWork[]> | null => {
  if (!canPerform(stored.agreement.status, 'expire')) return null;
  const { agreement } = stored;
  const round = agreement.terminationRound;
  if (round?.agreedAt && today >= round.effectiveDate) return { ...terminationChange(agreement, round, { at, actor: SYSTEM }), outcome: ['agreementsTerminated'] };
  const withdrawal = withdrawalChange(stored, { today, at, newId, actor: SYSTEM, lastVersion });
  if (withdrawal) return { ...withdrawal, outcome: [withdrawal.outcome!] };
  if (agreement.expiryDate && today > agreement.expiryDate) {
    const expired: TAgreement = { ...agreement, status: 'expired', terminationRound: null };
    return {
      agreement: expired,
      actor: SYSTEM,
      // Every party hears that it no longer binds them; a termination round still open closes with it.
      events: [{ type: 'expired', data: { expiryDate: agreement.expiryDate }, emails: [toEveryone(expired, 'agreement_expired')] }],
      ...revokeAllLinks(stored.openRequests),
      outcome: ['agreementsExpired'],
    };
  }
  // A review reminder and an expiry warning due the same day go out in one change.
  const reminder = agreement.nextReviewDate ? reviewReminderDue(agreement.nextReviewDate, today, stored.reviewReminder) : null;
  const warning = agreement.expiryDate ? expiryWarningDue(agreement.expiryDate, today, stored.expiryWarning) : null;
  if (!reminder && !warning) return null;
  return {
    agreement,
    actor: SYSTEM,
    events: [
      ...(reminder && agreement.nextReviewDate
        ? [
            {
              type: 'review_reminder_sent',
              data: { template: reminder.template, offsetDays: reminder.offset, nextReviewDate: agreement.nextReviewDate },
              // One review date and threshold give one email, whatever runs and retries happen.
              emails: [{ template: reminder.template, onceFor: `review|${agreement.id}|${agreement.nextReviewDate}|${reminder.offset}`, to: ownerAndLegal(agreement) }],
            },
          ]
        : []),
      ...(warning && agreement.expiryDate
        ? [
            {
              type: 'expiry_warning_sent',
              data: { offsetDays: warning.offset, expiryDate: agreement.expiryDate },
              emails: [
                {
                  template: 'expiry_approaching' as const,
                  onceFor: `expiry|${agreement.id}|${agreement.expiryDate}|${warning.offset}`,
                  to: ownerAndLegal(agreement),
                  vars: { daysLeft: String(warning.daysLeft) },
                },
              ],
            },
          ]
        : []),
    ],
    ...(reminder && agreement.nextReviewDate ? { reviewReminder: { reviewDate: agreement.nextReviewDate, lastOffset: reminder.offset } } : {}),
    ...(warning && agreement.expiryDate ? { expiryWarning: { expiryDate: agreement.expiryDate, lastOffset: warning.offset } } : {}),
    outcome: [...(reminder ? ['reviewRemindersSent' as const] : []), ...(warning ? ['expiryWarningsSent' as const] : [])],
  };
};
