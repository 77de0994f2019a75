import type { TDelivery } from '../../schemas/stored';

/** A transient failure is tried again after these pauses (the last repeating) until a day has passed since the first attempt. */
export const RETRY_AFTER_MS = [60_000, 5 * 60_000, 15 * 60_000, 30 * 60_000, 60 * 60_000, 2 * 3600_000];
export const RETRY_FOR_MS = 24 * 3600_000;
/** Long enough to deliver to every recipient of a message; a sender that dies holds it no longer than this. */
export const LEASE_MS = 5 * 60_000;

/** How one attempt went: delivered, refused for good, or failed in a way that may pass. */
export type TAttemptResult = { kind: 'sent'; providerMessageId: string } | { kind: 'rejected' } | { kind: 'unavailable' };

/** Whether a recipient is still to be tried now; `waitUntil` when its retry is not yet due. */
export const deliveryPending = (before: TDelivery | undefined, now: string): { pending: boolean; waitUntil?: string } => {
  if (before?.state === 'sent' || before?.state === 'failed') return { pending: false };
  if (before?.state === 'retrying' && before.nextAttemptAt > now) return { pending: false, waitUntil: before.nextAttemptAt };
  return { pending: true };
};

/**
 * A recipient's delivery after an attempt at `at` (emails and webhooks alike): sent; failed when
 * refused for good or after a day of transient failures; otherwise retrying after the next pause.
 */
export const nextDelivery = (before: TDelivery | undefined, at: string, result: TAttemptResult): TDelivery => {
  const attempts = (before?.state === 'retrying' ? before.attempts : 0) + 1;
  const firstAttemptAt = before?.state === 'retrying' ? before.firstAttemptAt : at;
  if (result.kind === 'sent') return { state: 'sent', at, providerMessageId: result.providerMessageId };
  if (result.kind === 'rejected' || Date.parse(at) - Date.parse(firstAttemptAt) >= RETRY_FOR_MS) {
    return { state: 'failed', at, attempts, reason: result.kind === 'rejected' ? 'rejected' : 'gave_up' };
  }
  const pause = RETRY_AFTER_MS[Math.min(attempts, RETRY_AFTER_MS.length) - 1]!;
  return { state: 'retrying', firstAttemptAt, attempts, nextAttemptAt: new Date(Date.parse(at) + pause).toISOString() };
};

/** What one delivery run did, over its recipients. */
export type TDeliveryReport = { sent: number; failed: number; deferred: number; busy: boolean };

/** Adds a delivery to the report; a retry tells `later` when it falls due. */
export const countDelivery = (report: TDeliveryReport, delivery: TDelivery, later: (at: string) => void) => {
  if (delivery.state === 'sent') report.sent += 1;
  else if (delivery.state === 'failed') report.failed += 1;
  else {
    report.deferred += 1;
    later(delivery.nextAttemptAt);
  }
};
