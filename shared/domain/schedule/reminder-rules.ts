import type { TAgreement } from '../../schemas/agreement';
import type { TEmailTemplate } from '../../schemas/outbox';
import type { TSigningRequest } from '../ports';
import { addDays, daysBetween, londonDate } from '../calendar';
import type { TExpiryWarningState, TReviewReminderState } from '../../schemas/stored';

/** `review_due` this many days from the review date (the contract (Emails)): 60, 30 and 7 before, and on the day. */
export const REVIEW_DUE_OFFSETS = [-60, -30, -7, 0] as const;
/** `review_overdue` the day after, then every 7 days. */
export const OVERDUE_FIRST_OFFSET = 1;
export const OVERDUE_EVERY_DAYS = 7;

export const SIGNATURE_REMINDER_EVERY_DAYS = 3;
export const MAX_SIGNATURE_REMINDERS = 3;

/** The latest reminder threshold on or before `today`, as an offset from the review date. */
export const latestReviewOffset = (reviewDate: string, today: string): number | null => {
  const elapsed = daysBetween(reviewDate, today);
  if (elapsed >= OVERDUE_FIRST_OFFSET) {
    return OVERDUE_FIRST_OFFSET + OVERDUE_EVERY_DAYS * Math.floor((elapsed - OVERDUE_FIRST_OFFSET) / OVERDUE_EVERY_DAYS);
  }
  const passed = REVIEW_DUE_OFFSETS.filter((offset) => offset <= elapsed);
  return passed.length > 0 ? Math.max(...passed) : null;
};

const offsetAfter = (offset: number | null): number => {
  if (offset === null) return REVIEW_DUE_OFFSETS[0];
  const nextDue = REVIEW_DUE_OFFSETS.find((candidate) => candidate > offset);
  if (nextDue !== undefined) return nextDue;
  return offset < OVERDUE_FIRST_OFFSET ? OVERDUE_FIRST_OFFSET : offset + OVERDUE_EVERY_DAYS;
};

const sentOffset = (state: TReviewReminderState, reviewDate: string) => (state?.reviewDate === reviewDate ? state.lastOffset : null);

/**
 * What a run on `today` owes for a review date: at most one reminder, the latest one due, so a
 * missed day is caught up without a burst of stale reminders.
 */
export const reviewReminderDue = (
  reviewDate: string,
  today: string,
  state: TReviewReminderState,
): { template: TEmailTemplate; offset: number } | null => {
  const latest = latestReviewOffset(reviewDate, today);
  const sent = sentOffset(state, reviewDate);
  if (latest === null || (sent !== null && latest <= sent)) return null;
  return { template: latest > 0 ? 'review_overdue' : 'review_due', offset: latest };
};

/** `expiry_approaching` this many days from the expiry date: 90 and 30 before. */
export const EXPIRY_WARNING_OFFSETS = [-90, -30] as const;

const sentWarning = (state: TExpiryWarningState, expiryDate: string) => (state?.expiryDate === expiryDate ? state.lastOffset : null);

/**
 * What a run on `today` owes for an expiry date: at most one warning, the latest due and not yet
 * sent, so a missed day is caught up once; none from the expiry date on (the agreement expires).
 */
export const expiryWarningDue = (expiryDate: string, today: string, state: TExpiryWarningState): { offset: number; daysLeft: number } | null => {
  const elapsed = daysBetween(expiryDate, today);
  const passed = EXPIRY_WARNING_OFFSETS.filter((offset) => offset <= elapsed);
  const sent = sentWarning(state, expiryDate);
  if (passed.length === 0 || elapsed >= 0) return null;
  const latest = Math.max(...passed);
  return sent !== null && latest <= sent ? null : { offset: latest, daysLeft: -elapsed };
};

/** The day an in-force agreement next needs the daily job: its next reminder or warning, or the day after it expires. */
export const agreementNextDueOn = (agreement: TAgreement, state: TReviewReminderState, warning: TExpiryWarningState = null): string | null => {
  if (agreement.status !== 'in_force') return null;
  const dates: string[] = [];
  if (agreement.nextReviewDate) dates.push(addDays(agreement.nextReviewDate, offsetAfter(sentOffset(state, agreement.nextReviewDate))));
  if (agreement.expiryDate) {
    dates.push(addDays(agreement.expiryDate, 1));
    const sent = sentWarning(warning, agreement.expiryDate);
    const next = EXPIRY_WARNING_OFFSETS.find((offset) => sent === null || offset > sent);
    if (next !== undefined) dates.push(addDays(agreement.expiryDate, next));
  }
  // Every party agreed to end it on a later date: the job ends it that day.
  if (agreement.terminationRound?.agreedAt) dates.push(agreement.terminationRound.effectiveDate);
  // A party that gave notice leaves on its day.
  for (const notice of agreement.withdrawalNotices) dates.push(notice.effectiveDate);
  return dates.length > 0 ? dates.sort()[0]! : null;
};

/** The day an open signing link next needs the daily job: its next reminder, or the day it expires. */
export const requestNextDueOn = (request: Pick<TSigningRequest, 'createdAt' | 'linkExpiresAt' | 'remindersSent'>): string => {
  const expiresOn = londonDate(new Date(request.linkExpiresAt));
  if (request.remindersSent >= MAX_SIGNATURE_REMINDERS) return expiresOn;
  const reminderOn = addDays(londonDate(new Date(request.createdAt)), SIGNATURE_REMINDER_EVERY_DAYS * (request.remindersSent + 1));
  return reminderOn < expiresOn ? reminderOn : expiresOn;
};

/** What a run at `now` owes an open signing link: expiry, one reminder (the latest due), or nothing yet. */
export const requestWorkDue = (
  request: Pick<TSigningRequest, 'createdAt' | 'linkExpiresAt' | 'remindersSent'>,
  now: Date,
): { kind: 'expire' } | { kind: 'remind'; remindersSent: number } | { kind: 'wait'; until: string } => {
  if (now.toISOString() >= request.linkExpiresAt) return { kind: 'expire' };
  const days = daysBetween(londonDate(new Date(request.createdAt)), londonDate(now));
  const due = Math.min(MAX_SIGNATURE_REMINDERS, Math.floor(days / SIGNATURE_REMINDER_EVERY_DAYS));
  if (due > request.remindersSent) return { kind: 'remind', remindersSent: due };
  // Expiring later today: look again tomorrow.
  return { kind: 'wait', until: addDays(londonDate(now), 1) };
};
