import { renderEmail } from '../../../shared/email/templates';
import { describe, expect, it } from 'vitest';
import { deliverMessage, DeliveryBusyError, recipientKey, SEND_BACKOFF_MS } from '../../../shared/domain/email/deliver-message';
import type { TDeliveryOutcome, TOutboxStore, TOutgoingEmail } from '../../../shared/domain/ports';
import { createLinkSigner } from '../../../shared/signing-keyring';
import type { TOutboxMessage } from '../../../shared/schemas/outbox';
import { monotonicFactory } from 'ulid';
import { createDraft } from '../../../shared/domain/agreement/create-draft';
import { inMemoryAgencies, inMemoryAgreements } from '../../fixtures/in-memory-stores';

const inMemoryOutbox = () => {
  const deliveries = new Map<string, { state: string; leaseUntil?: string } | TDeliveryOutcome>();
  const store: TOutboxStore = {
    claim: async (messageId, key, now, leaseMs) => {
      const current = deliveries.get(`${messageId}/${key}`);
      if (current?.state === 'sending' && 'leaseUntil' in current && current.leaseUntil! > now.toISOString()) return 'busy';
      if (current && current.state !== 'sending') return 'done';
      deliveries.set(`${messageId}/${key}`, { state: 'sending', leaseUntil: new Date(now.getTime() + leaseMs).toISOString() });
      return 'claimed';
    },
    complete: async (message, _recipient, key, outcome) => {
      deliveries.set(`${message.id}/${key}`, outcome);
    },
    findSent: async () => undefined,
  };
  return { store, deliveries };
};

const newId = monotonicFactory();
const linkSigner = createLinkSigner({ currentKeyId: 'k1', keys: { k1: Buffer.alloc(32, 7).toString('base64url') } });

const setup = async () => {
  const agreements = inMemoryAgreements();
  const agreement = await createDraft({
    input: { title: 'Outbox' },
    user: { email: 'owner@fire.test', role: 'admin', agencies: [] },
    now: new Date('2026-06-01T09:00:00Z'),
    newId,
    agencies: inMemoryAgencies([]),
    agreements: agreements.store,
  });
  const message: TOutboxMessage = {
    id: 'm1',
    agreementId: agreement.id,
    template: 'signature_requested',
    vars: { reference: agreement.reference, title: 'Outbox <b>', linkExpiresAt: '2026-06-15T09:00:00.000Z' },
    recipients: [
      { to: 'a@fire.test', name: 'A', link: { requestId: 'request-a', keyId: 'k1' } },
      { to: 'b@fire.test', name: 'B', link: { requestId: 'request-b', keyId: 'k1' } },
    ],
    createdAt: '2026-06-01T09:00:00.000Z',
  };
  return { agreements, message, outbox: inMemoryOutbox() };
};

const run = (options: Awaited<ReturnType<typeof setup>>, send: (email: TOutgoingEmail) => Promise<string>) =>
  deliverMessage({
    message: options.message,
    now: () => new Date('2026-06-01T09:00:01Z'),
    publicBaseUrl: 'https://accord.test',
    outbox: options.outbox.store,
    mailer: { send },
    render: renderEmail,
    linkSigner,
    agreements: options.agreements.store,
    newId,
    sleep: async () => undefined,
  });

describe('delivering an outbox message', () => {
  it('sends each recipient their own link once, however often the message is delivered', async () => {
    const context = await setup();
    const sent: TOutgoingEmail[] = [];
    const send = async (email: TOutgoingEmail) => {
      sent.push(email);
      return `ses-${sent.length}`;
    };
    await run(context, send);
    await run(context, send);
    expect(sent.map((email) => email.to)).toEqual(['a@fire.test', 'b@fire.test']);
    expect(sent[0]!.text).toContain(`https://accord.test/sign/${linkSigner.tokenFor({ requestId: 'request-a', keyId: 'k1' })}`);
    expect(sent[1]!.text).toContain(`https://accord.test/sign/${linkSigner.tokenFor({ requestId: 'request-b', keyId: 'k1' })}`);
    expect(sent[0]!.subject).toBe(`Signature requested: ${context.message.vars.reference} — Outbox <b>`);
    expect(sent[0]!.html).toContain('Outbox &lt;b&gt;');
  });

  it('retries with backoff, then marks a failing address undelivered on the agreement with an audit event', async () => {
    const context = await setup();
    let attempts = 0;
    await run(context, async (email) => {
      if (email.to === 'b@fire.test') {
        attempts += 1;
        throw new Error('MessageRejected');
      }
      return 'ses-ok';
    });
    expect(attempts).toBe(SEND_BACKOFF_MS.length);
    expect(context.outbox.deliveries.get(`m1/${recipientKey(context.message.recipients[1]!)}`)).toMatchObject({ state: 'failed' });
    const stored = await context.agreements.store.get(context.message.agreementId);
    expect(stored!.agreement.undelivered).toEqual([{ template: 'signature_requested', to: 'b@fire.test', at: '2026-06-01T09:00:01.000Z' }]);
    expect(context.agreements.events.at(-1)).toMatchObject({ type: 'email_undelivered', actor: { kind: 'system' } });
  });

  it('leaves a delivery another sender holds, and asks to be retried', async () => {
    const context = await setup();
    await context.outbox.store.claim('m1', recipientKey(context.message.recipients[0]!), new Date('2026-06-01T09:00:00Z'), 60_000);
    const sent: string[] = [];
    await expect(run(context, async (email) => (sent.push(email.to), 'ok'))).rejects.toThrow(DeliveryBusyError);
    expect(sent).toEqual(['b@fire.test']);
  });
});
