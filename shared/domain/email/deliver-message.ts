import type { TOutboxMessage, TRecipient } from '../../schemas/outbox';
import { sha256Hex } from '../audit/audit-chain';
import { byId, changeAgreement } from '../agreement/change-agreement';
import { MailRejectedError, type TAgreementStore, type TDueWorkStore, type TLinkSigner, type TMailer, type TOutboxStore, type TRenderEmail } from '../ports';
import { forEachConcurrently } from '../bounded-concurrency';
import type { TDelivery } from '../../schemas/stored';

/** Tries within one delivery: at once, then after short pauses, for a blip. */
export const SEND_BACKOFF_MS = [0, 250, 1_000];
/** A transient failure is tried again after these pauses (the last repeating) until a day has passed since the first attempt. */
export const RETRY_AFTER_MS = [60_000, 5 * 60_000, 15 * 60_000, 30 * 60_000, 60 * 60_000, 2 * 3600_000];
export const RETRY_FOR_MS = 24 * 3600_000;
/** Long enough to send to every recipient of a message; a sender that dies holds it no longer than this. */
export const LEASE_MS = 5 * 60_000;

/** A delivery is one email to one address, or, for a signing link, to one address for one link. */
export const recipientKey = (recipient: TRecipient) => sha256Hex(`${recipient.to.toLowerCase()}|${recipient.link?.requestId ?? ''}`).slice(0, 20);

type TAttempt = { kind: 'sent'; providerMessageId: string } | { kind: 'rejected' } | { kind: 'unavailable' };

export type TDeliveryReport = { sent: number; failed: number; deferred: number; busy: boolean };

/**
 * Delivers an outbox message to each recipient exactly once, holding the message while it does.
 * A transient failure (the provider throttling or unavailable) is tried again later, for a day;
 * a permanent one, or a day of transient ones, marks the address undelivered on the agreement
 * with an audit event. What is left to do is given back to the sweep with its time.
 */
export const deliverMessage = async (options: {
  message: TOutboxMessage;
  now: () => Date;
  publicBaseUrl: string;
  outbox: TOutboxStore;
  mailer: TMailer;
  render: TRenderEmail;
  linkSigner: TLinkSigner;
  agreements: TAgreementStore;
  newId: () => string;
  sleep?: (ms: number) => Promise<void>;
}): Promise<TDeliveryReport> => {
  const { message } = options;
  const report: TDeliveryReport = { sent: 0, failed: 0, deferred: 0, busy: false };
  const lease = await options.outbox.lease(message.id, options.now(), LEASE_MS);
  if (lease === 'busy' || lease === 'gone') return { ...report, busy: lease === 'busy' };
  let nextAttemptAt: string | null = null;
  const later = (at: string) => {
    if (!nextAttemptAt || at < nextAttemptAt) nextAttemptAt = at;
  };
  for (const recipient of message.recipients) {
    const key = recipientKey(recipient);
    const before = lease.deliveries[key];
    if (before?.state === 'sent' || before?.state === 'failed') continue;
    if (before?.state === 'retrying' && before.nextAttemptAt > options.now().toISOString()) {
      later(before.nextAttemptAt);
      continue;
    }
    const attempt = await attemptDelivery(options, recipient);
    const at = options.now().toISOString();
    const attempts = (before?.state === 'retrying' ? before.attempts : 0) + 1;
    const firstAttemptAt = before?.state === 'retrying' ? before.firstAttemptAt : at;
    let delivery: TDelivery;
    if (attempt.kind === 'sent') {
      delivery = { state: 'sent', at, providerMessageId: attempt.providerMessageId };
      report.sent += 1;
    } else if (attempt.kind === 'rejected' || Date.parse(at) - Date.parse(firstAttemptAt) >= RETRY_FOR_MS) {
      delivery = { state: 'failed', at, attempts, reason: attempt.kind === 'rejected' ? 'rejected' : 'gave_up' };
      report.failed += 1;
    } else {
      const pause = RETRY_AFTER_MS[Math.min(attempts, RETRY_AFTER_MS.length) - 1]!;
      delivery = { state: 'retrying', firstAttemptAt, attempts, nextAttemptAt: new Date(Date.parse(at) + pause).toISOString() };
      later(delivery.nextAttemptAt);
      report.deferred += 1;
    }
    await options.outbox.record(message, recipient, key, delivery, lease.owner);
    if (delivery.state === 'failed') await markUndelivered({ ...options, to: recipient.to, at });
  }
  await options.outbox.release(message.id, lease.owner, nextAttemptAt);
  return report;
};

/** One recipient's email, tried a few times in quick succession while the failure is transient. */
const attemptDelivery = async (options: Parameters<typeof deliverMessage>[0], recipient: TRecipient): Promise<TAttempt> => {
  const sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  const { message } = options;
  const email = options.render(message, recipient, {
    agreementUrl: `${options.publicBaseUrl}/app/agreements/${message.agreementId}`,
    signingUrl: recipient.link ? `${options.publicBaseUrl}/sign/${options.linkSigner.tokenFor(recipient.link)}` : undefined,
  });
  for (const wait of SEND_BACKOFF_MS) {
    await sleep(wait);
    try {
      return { kind: 'sent', providerMessageId: await options.mailer.send({ to: recipient.to, ...email, template: message.template }) };
    } catch (error) {
      // The reason may carry the address, so it is not logged.
      if (error instanceof MailRejectedError) return { kind: 'rejected' };
    }
  }
  return { kind: 'unavailable' };
};

const markUndelivered = (options: Parameters<typeof deliverMessage>[0] & { to: string; at: string }) =>
  changeAgreement({
    agreements: options.agreements,
    now: new Date(options.at),
    newId: options.newId,
    onConflict: 'retry',
    load: byId(options.agreements, options.message.agreementId),
    change: ({ stored }) => {
      const entry = { template: options.message.template, to: options.to, at: options.at };
      return {
        agreement: { ...stored.agreement, undelivered: [...stored.agreement.undelivered, entry] },
        actor: { kind: 'system' },
        events: [{ type: 'email_undelivered', data: { template: entry.template, to: entry.to, messageId: options.message.id } }],
      };
    },
  });

/** Messages the sweep delivers at once. */
const SWEEP_CONCURRENCY = 8;

/**
 * The outbox sweep (every few minutes): delivers each message whose retry has fallen due, whose
 * sender died holding it, or that the stream never brought. Nothing is sent twice: `deliver`
 * leases each message and skips every recipient already done.
 */
export const sweepOutbox = async (options: {
  now: Date;
  due: Pick<TDueWorkStore, 'messagesDueBy'>;
  outbox: Pick<TOutboxStore, 'get'>;
  /** Delivers one message as of `now` (the sweep's scheduled time). */
  deliver: (message: TOutboxMessage, now: Date) => Promise<TDeliveryReport>;
}): Promise<TDeliveryReport & { messages: number }> => {
  const totals = { messages: 0, sent: 0, failed: 0, deferred: 0, busy: false };
  await forEachConcurrently(options.due.messagesDueBy(options.now.toISOString()), SWEEP_CONCURRENCY, async (messageId) => {
    const message = await options.outbox.get(messageId);
    if (!message) return;
    const report = await options.deliver(message, options.now);
    totals.messages += 1;
    totals.sent += report.sent;
    totals.failed += report.failed;
    totals.deferred += report.deferred;
    totals.busy ||= report.busy;
  });
  return totals;
};
