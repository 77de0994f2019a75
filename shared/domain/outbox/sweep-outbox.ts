import { forEachConcurrently } from '../bounded-concurrency';
import type { TDueWorkStore, TOutboxEntry, TOutboxStore } from '../ports';
import type { TDeliveryReport } from './delivery-policy';

/** Messages the sweep delivers at once. */
const SWEEP_CONCURRENCY = 8;

/**
 * The outbox sweep (every few minutes): delivers each email or webhook event whose retry has fallen due, whose
 * sender died holding it, or that the stream never brought. Nothing is sent twice: `deliver`
 * leases each message and skips every recipient already done.
 */
export const sweepOutbox = async (options: {
  now: Date;
  due: Pick<TDueWorkStore, 'messagesDueBy'>;
  outbox: Pick<TOutboxStore, 'get'>;
  /** Delivers one email or webhook event as of `now` (the sweep's scheduled time). */
  deliver: (entry: TOutboxEntry, now: Date) => Promise<TDeliveryReport>;
}): Promise<TDeliveryReport & { messages: number }> => {
  const totals = { messages: 0, sent: 0, failed: 0, deferred: 0, busy: false };
  await forEachConcurrently(options.due.messagesDueBy(options.now.toISOString()), SWEEP_CONCURRENCY, async (messageId) => {
    const entry = await options.outbox.get(messageId);
    if (!entry) return;
    const report = await options.deliver(entry, options.now);
    totals.messages += 1;
    totals.sent += report.sent;
    totals.failed += report.failed;
    totals.deferred += report.deferred;
    totals.busy ||= report.busy;
  });
  return totals;
};
