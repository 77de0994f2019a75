import type { TOutboxMessage, TRecipient } from '../../schemas/outbox';
import { sha256Hex } from '../audit/audit-chain';
import { changeAgreement } from '../agreement/change-agreement';
import type { TAgreementStore, TLinkSigner, TMailer, TOutboxStore, TRenderEmail } from '../ports';

/** Waits before each try: at once, then with growing backoff. */
export const SEND_BACKOFF_MS = [0, 250, 1_000, 3_000];
const LEASE_MS = 60_000;

/** Another sender holds a delivery; the stream should bring the record back later. */
export class DeliveryBusyError extends Error {
  constructor() {
    super('Another sender is delivering this message');
    this.name = 'DeliveryBusyError';
  }
}

/** A delivery is one email to one address, or, for a signing link, to one address for one link. */
export const recipientKey = (recipient: TRecipient) => sha256Hex(`${recipient.to.toLowerCase()}|${recipient.link?.requestId ?? ''}`).slice(0, 20);

/**
 * Sends an outbox message to each recipient at least once and records it once. A send that keeps
 * failing is marked failed and shows on the agreement as undelivered, with an audit event.
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
}): Promise<{ sent: number; failed: number }> => {
  const { message } = options;
  const sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  let busy = false;
  const counts = { sent: 0, failed: 0 };
  for (const recipient of message.recipients) {
    const key = recipientKey(recipient);
    const claim = await options.outbox.claim(message.id, key, options.now(), LEASE_MS);
    if (claim === 'done') continue;
    if (claim === 'busy') {
      busy = true;
      continue;
    }
    const email = options.render(message, recipient, {
      agreementUrl: `${options.publicBaseUrl}/app/agreements/${message.agreementId}`,
      signingUrl: recipient.link ? `${options.publicBaseUrl}/sign/${options.linkSigner.tokenFor(recipient.link)}` : undefined,
    });
    let providerMessageId: string | null = null;
    for (const wait of SEND_BACKOFF_MS) {
      await sleep(wait);
      try {
        providerMessageId = await options.mailer.send({ to: recipient.to, ...email, template: message.template });
        break;
      } catch {
        // Retried with backoff below; the reason may carry the address, so it is not logged.
      }
    }
    const at = options.now().toISOString();
    if (providerMessageId) {
      await options.outbox.complete(message, recipient, key, { state: 'sent', at, providerMessageId });
      counts.sent += 1;
    } else {
      counts.failed += 1;
      await options.outbox.complete(message, recipient, key, { state: 'failed', at, attempts: SEND_BACKOFF_MS.length });
      await markUndelivered({ ...options, to: recipient.to, at });
    }
  }
  if (busy) throw new DeliveryBusyError();
  return counts;
};

const markUndelivered = (options: Parameters<typeof deliverMessage>[0] & { to: string; at: string }) =>
  changeAgreement({
    agreements: options.agreements,
    now: new Date(options.at),
    newId: options.newId,
    onConflict: 'retry',
    load: async () => {
      const stored = await options.agreements.get(options.message.agreementId);
      return stored && { stored };
    },
    change: ({ stored }) => {
      const entry = { template: options.message.template, to: options.to, at: options.at };
      return {
        agreement: { ...stored.agreement, undelivered: [...stored.agreement.undelivered, entry] },
        actor: { kind: 'system' },
        events: [{ type: 'email_undelivered', data: { template: entry.template, to: entry.to, messageId: options.message.id } }],
      };
    },
  });
