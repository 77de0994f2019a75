import type { TOutboxMessage, TRecipient } from '../../schemas/outbox';
import { sha256Hex } from '../audit/audit-chain';
import { byId, changeAgreement } from '../agreement/change-agreement';
import { MailRejectedError, type TAgreementStore, type TLinkSigner, type TMailer, type TOutboxStore, type TRenderEmail } from '../ports';
import { countDelivery, deliveryPending, LEASE_MS, nextDelivery, type TAttemptResult, type TDeliveryReport } from '../outbox/delivery-policy';

/** Tries within one delivery: at once, then after short pauses, for a blip. */
export const SEND_BACKOFF_MS = [0, 250, 1_000];

/** A delivery is one email to one address, or, for a signing link, to one address for one link. */
export const recipientKey = (recipient: TRecipient) => sha256Hex(`${recipient.to.toLowerCase()}|${recipient.link?.requestId ?? ''}`).slice(0, 20);


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
    const { pending, waitUntil } = deliveryPending(before, options.now().toISOString());
    if (waitUntil) later(waitUntil);
    if (!pending) continue;
    const attempt = await attemptDelivery(options, recipient);
    const at = options.now().toISOString();
    const delivery = nextDelivery(before, at, attempt);
    countDelivery(report, delivery, later);
    await options.outbox.record(message, recipient, key, delivery, lease.owner);
    if (delivery.state === 'failed' && message.agreementId) await markUndelivered({ ...options, agreementId: message.agreementId, to: recipient.to, at });
  }
  await options.outbox.release(message.id, lease.owner, nextAttemptAt);
  return report;
};

/** One recipient's email, tried a few times in quick succession while the failure is transient. */
const attemptDelivery = async (options: Parameters<typeof deliverMessage>[0], recipient: TRecipient): Promise<TAttemptResult> => {
  const sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  const { message } = options;
  const email = options.render(message, recipient, {
    agreementUrl: message.agreementId ? `${options.publicBaseUrl}/app/agreements/${message.agreementId}` : `${options.publicBaseUrl}/app`,
    signingUrl: recipient.link
      ? `${options.publicBaseUrl}/${recipient.link.kind === 'proposal' ? 'proposals/respond' : 'sign'}/${options.linkSigner.tokenFor(recipient.link)}`
      : undefined,
    // Each party gets the sealed copy it can file, from a link that works as long as the key it was made with.
    executedCopyUrl:
      message.template === 'agreement_in_force' && message.agreementId
        ? `${options.publicBaseUrl}/copies/${options.linkSigner.executedCopyToken(message.agreementId, options.linkSigner.currentKeyId)}`
        : undefined,
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

const markUndelivered = (options: Parameters<typeof deliverMessage>[0] & { agreementId: string; to: string; at: string }) =>
  changeAgreement({
    agreements: options.agreements,
    now: new Date(options.at),
    newId: options.newId,
    onConflict: 'retry',
    load: byId(options.agreements, options.agreementId),
    change: ({ stored }) => {
      const entry = { template: options.message.template, to: options.to, at: options.at };
      return {
        agreement: { ...stored.agreement, undelivered: [...stored.agreement.undelivered, entry] },
        actor: { kind: 'system' },
        events: [{ type: 'email_undelivered', data: { template: entry.template, to: entry.to, messageId: options.message.id } }],
      };
    },
  });
