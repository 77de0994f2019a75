import { renderEmail } from '../../../shared/email/templates';
import { describe, expect, it } from 'vitest';
import { deliverMessage, recipientKey, SEND_BACKOFF_MS } from '../../../shared/domain/email/deliver-message';
import { LEASE_MS, RETRY_FOR_MS } from '../../../shared/domain/outbox/delivery-policy';
import { sweepOutbox } from '../../../shared/domain/outbox/sweep-outbox';
import { MailRejectedError, type TOutgoingEmail } from '../../../shared/domain/ports';
import { createLinkSigner } from '../../../shared/signing-keyring';
import type { TOutboxMessage } from '../../../shared/schemas/outbox';
import { monotonicFactory } from 'ulid';
import { createDraft } from '../../../shared/domain/agreement/create-draft';
import { inMemoryAgencies, inMemoryAgreements, inMemoryOutbox } from '../../fixtures/in-memory-stores';

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
  return { agreements, message, outbox: inMemoryOutbox(new Map([[message.id, message]])) };
};

const START = Date.parse('2026-06-01T09:00:01Z');

const run = (options: Awaited<ReturnType<typeof setup>>, send: (email: TOutgoingEmail) => Promise<string>, at = START) =>
  deliverMessage({
    message: options.message,
    now: () => new Date(at),
    publicBaseUrl: 'https://accord.test',
    outbox: options.outbox.store,
    mailer: { send },
    render: renderEmail,
    linkSigner,
    agreements: options.agreements.store,
    newId,
    sleep: async () => undefined,
  });

const sweepAt = (options: Awaited<ReturnType<typeof setup>>, send: (email: TOutgoingEmail) => Promise<string>, at: number) =>
  sweepOutbox({
    now: new Date(at),
    due: options.outbox,
    outbox: options.outbox.store,
    deliver: (entry, now) => run({ ...options, message: entry.kind === 'email' ? entry.message : options.message }, send, now.getTime()),
  });

const deliveryOf = (options: Awaited<ReturnType<typeof setup>>, index: number) =>
  options.outbox.deliveries.get(`m1/${recipientKey(options.message.recipients[index]!)}`);

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
    // Every recipient is done: the sweep has nothing more to do with it.
    expect(context.outbox.due.has('m1')).toBe(false);
  });

  it('marks an address the provider rejects undelivered at once, on the agreement with an audit event', async () => {
    const context = await setup();
    let attempts = 0;
    const report = await run(context, async (email) => {
      if (email.to !== 'b@fire.test') return 'ses-ok';
      attempts += 1;
      throw new MailRejectedError('MessageRejected');
    });
    expect(report).toMatchObject({ sent: 1, failed: 1, deferred: 0 });
    expect(attempts).toBe(1);
    expect(deliveryOf(context, 1)).toMatchObject({ state: 'failed', reason: 'rejected' });
    const stored = await context.agreements.store.get(context.message.agreementId!);
    expect(stored!.agreement.undelivered).toEqual([{ template: 'signature_requested', to: 'b@fire.test', at: '2026-06-01T09:00:01.000Z' }]);
    expect(context.agreements.events.at(-1)).toMatchObject({ type: 'email_undelivered', actor: { kind: 'system' } });
  });

  it('keeps a message through an outage: tried again later by the sweep, and sent once when the provider is back', async () => {
    const context = await setup();
    let up = false;
    const sent: string[] = [];
    const send = async (email: TOutgoingEmail) => {
      if (!up) throw Object.assign(new Error('Service unavailable'), { name: 'InternalServiceErrorException' });
      sent.push(email.to);
      return `ses-${sent.length}`;
    };
    expect(await run(context, send)).toMatchObject({ sent: 0, deferred: 2 });
    expect(deliveryOf(context, 0)).toMatchObject({ state: 'retrying', attempts: 1 });
    // Before the retry falls due the sweep leaves it; while the outage lasts it keeps trying, later each time.
    expect((await sweepAt(context, send, START + 30_000)).messages).toBe(0);
    await sweepAt(context, send, START + 61_000);
    expect(deliveryOf(context, 0)).toMatchObject({ state: 'retrying', attempts: 2 });
    up = true;
    await sweepAt(context, send, START + 7 * 60_000);
    await sweepAt(context, send, START + 60 * 60_000);
    expect(sent).toEqual(['a@fire.test', 'b@fire.test']);
    expect(deliveryOf(context, 1)).toMatchObject({ state: 'sent' });
    expect((await context.agreements.store.get(context.message.agreementId!))!.agreement.undelivered).toEqual([]);
  });

  it('gives up a day after the first attempt, and marks the address undelivered', async () => {
    const context = await setup();
    const down = async (): Promise<string> => {
      throw Object.assign(new Error('Throttled'), { name: 'TooManyRequestsException' });
    };
    await run(context, down);
    for (let at = START; at <= START + RETRY_FOR_MS + 3 * 3600_000; at += 3600_000) await sweepAt(context, down, at);
    expect(deliveryOf(context, 0)).toMatchObject({ state: 'failed', reason: 'gave_up' });
    expect((await context.agreements.store.get(context.message.agreementId!))!.agreement.undelivered.map((entry) => entry.to)).toEqual(['a@fire.test', 'b@fire.test']);
    expect(context.outbox.due.has('m1')).toBe(false);
  });

  it('leaves a message another sender holds; once that sender is gone, the sweep delivers what it left', async () => {
    const context = await setup();
    await context.outbox.store.lease('m1', new Date(START), LEASE_MS);
    const sent: string[] = [];
    const send = async (email: TOutgoingEmail) => (sent.push(email.to), 'ok');
    expect(await run(context, send)).toMatchObject({ busy: true, sent: 0 });
    await sweepAt(context, send, START + LEASE_MS + 1_000);
    expect(sent).toEqual(['a@fire.test', 'b@fire.test']);
  });

  it('tries a blip again at once before deferring', async () => {
    const context = await setup();
    let calls = 0;
    const flaky = async () => {
      calls += 1;
      if (calls === 1) throw Object.assign(new Error('socket hang up'), { name: 'TimeoutError' });
      return 'ses-ok';
    };
    expect(await run(context, flaky)).toMatchObject({ sent: 2, deferred: 0 });
    expect(SEND_BACKOFF_MS.length).toBeGreaterThan(1);
  });
});
