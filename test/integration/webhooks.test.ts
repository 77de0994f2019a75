import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler as outboxSender } from '../../functions/outbox-sender/handler';
import { lambdaContext } from '../../infra/local/lambda-http';
import { CONSULTED, WARWICKSHIRE_AGENCIES } from '../fixtures/agencies';
import { ADMIN } from '../fixtures/http';
import { api, authoriseDraft, bringIntoForce, postForm } from '../fixtures/lifecycle';
import { mailbox, startOutbox } from '../fixtures/outbox';

const FIRE_EDITOR = { email: 'records@warwickshire-fire.test', role: 'editor' as const, agencies: ['warwickshire-fire'] };
const AMBULANCE_EDITOR = { email: 'records@wmas.test', role: 'editor' as const, agencies: ['west-midlands-ambulance'] };

type TDelivered = { path: string; headers: IncomingHttpHeaders; body: string };

/** A receiver as a force's records system would run one: it answers each path as told and keeps what it was sent. */
const receiver = { server: undefined as Server | undefined, url: '', received: [] as TDelivered[], answers: new Map<string, number>() };

const deliveredTo = (path: string) => receiver.received.filter((delivery) => delivery.path === path);

/** Waits (bounded) until the receiver holds what `ready` looks for; delivery is asynchronous. */
const waitForDeliveries = async (path: string, ready: (deliveries: TDelivered[]) => boolean) => {
  for (let attempt = 0; attempt < 150; attempt += 1) {
    if (ready(deliveredTo(path))) return deliveredTo(path);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Timed out waiting for deliveries to ${path}; it has ${deliveredTo(path).map((d) => JSON.parse(d.body).type).join(', ')}`);
};

const typesOf = (deliveries: TDelivered[]) => deliveries.map((delivery) => JSON.parse(delivery.body).type as string);

const register = async (as: typeof ADMIN, body: Record<string, unknown>) => {
  const reply = await api({ method: 'POST', path: '/webhooks', as, body });
  expect(reply.status, JSON.stringify(reply.json)).toBe(201);
  return reply.json as { endpoint: { id: string }; secret: string };
};

const log = async (endpointId: string, as: typeof ADMIN = ADMIN) => (await api({ method: 'GET', path: `/webhooks/${endpointId}/deliveries`, as })).json.items;

const waitForLog = async (endpointId: string, ready: (items: any[]) => boolean) => {
  for (let attempt = 0; attempt < 150; attempt += 1) {
    const items = await log(endpointId);
    if (ready(items)) return items;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Timed out waiting for the delivery log of ${endpointId}: ${JSON.stringify(await log(endpointId))}`);
};

/** Polls (bounded) until `ready` holds. */
const waitUntil = async (ready: () => Promise<boolean>, what: string) => {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (await ready()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Timed out waiting for ${what}`);
};

/** The outbox sweep, as EventBridge Scheduler runs it, at a chosen moment. */
const sweepAt = (time: string) => outboxSender({ time }, lambdaContext('accord-outbox-sender'));

/** Submits a new agreement between fire and the PCC; resolves to its id. */
const submitAgreement = async (title: string) => {
  const created = await api({
    method: 'POST',
    path: '/agreements',
    as: ADMIN,
    body: {
      title,
      body: 'Text.',
      withdrawalTerms: 'Notice.',
      parties: [
        { agencyId: 'warwickshire-fire', assessment: { efficiencyEffectiveness: 'Yes.', publicSafety: 'Yes.' }, signatories: [{ name: 'Fire Chief', role: 'Chief Fire Officer', email: `cfo-${title.length}@fire.test` }] },
        { agencyId: 'warwickshire-pcc', assessment: { efficiencyEffectiveness: 'Yes.', publicSafety: 'Yes.' }, consultation: CONSULTED, signatories: [{ name: 'Commissioner', role: 'Police and Crime Commissioner', email: `pcc-${title.length}@pcc.test` }] },
      ],
    },
  });
  await authoriseDraft(created.json.id);
  const submitted = await api({ method: 'POST', path: `/agreements/${created.json.id}/submit`, as: ADMIN });
  expect(submitted.status, JSON.stringify(submitted.json)).toBe(200);
  return created.json.id as string;
};

let outbox: Awaited<ReturnType<typeof startOutbox>>;

beforeAll(async () => {
  for (const agency of WARWICKSHIRE_AGENCIES) await api({ method: 'POST', path: '/agencies', as: ADMIN, body: agency });
  receiver.server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      receiver.received.push({ path: request.url!, headers: request.headers, body: Buffer.concat(chunks).toString() });
      response.writeHead(receiver.answers.get(request.url!) ?? 204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.server!.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(receiver.server.address() as AddressInfo).port}`;
  outbox = await startOutbox();
});

afterAll(async () => {
  await outbox.stop();
  await new Promise((resolve) => receiver.server?.close(resolve));
});

describe('webhooks', () => {
  it("tells an agency's records system of its agreements' events, signed so the standardwebhooks library verifies them, and nothing of others'", async () => {
    const fire = await register(FIRE_EDITOR, {
      url: `${receiver.url}/fire`,
      events: ['agreement.submitted', 'signatory.decided', 'agreement.in_force'],
      agencyId: 'warwickshire-fire',
    });
    expect(fire.secret).toMatch(/^whsec_/);
    const ambulance = await register(AMBULANCE_EDITOR, { url: `${receiver.url}/ambulance`, events: ['agreement.in_force'], agencyId: 'west-midlands-ambulance' });
    // The secret is shown once: reading the endpoint never shows it.
    expect(JSON.stringify((await api({ method: 'GET', path: `/webhooks/${fire.endpoint.id}`, as: FIRE_EDITOR })).json)).not.toContain('whsec_');

    const agreement = await bringIntoForce(ADMIN, [
      { agencyId: 'warwickshire-fire', email: 'cfo@fire.test' },
      { agencyId: 'warwickshire-police', email: 'cc@police.test' },
      { agencyId: 'warwickshire-pcc', email: 'pcc@pcc.test' },
    ]);

    const deliveries = await waitForDeliveries('/fire', (all) => typesOf(all).includes('agreement.in_force'));
    expect(typesOf(deliveries).sort()).toEqual(['agreement.in_force', 'agreement.submitted', 'signatory.decided', 'signatory.decided', 'signatory.decided']);
    const verifier = new Webhook(fire.secret);
    for (const delivery of deliveries) {
      const payload = verifier.verify(delivery.body, delivery.headers as Record<string, string>) as any;
      expect(payload.data.agreement).toMatchObject({ id: agreement.id, reference: agreement.reference, url: `http://localhost:3000/app/agreements/${agreement.id}` });
    }
    expect(new Set(deliveries.map((delivery) => delivery.headers['webhook-id'])).size).toBe(5);
    const inForce = JSON.parse(deliveries.find((delivery) => JSON.parse(delivery.body).type === 'agreement.in_force')!.body);
    expect(inForce.data.agreement).toMatchObject({ status: 'in_force', documentSha256: agreement.documentSha256, parties: [{ agencyId: 'warwickshire-fire' }, { agencyId: 'warwickshire-police' }, { agencyId: 'warwickshire-pcc' }] });
    const decided = deliveries.map((delivery) => JSON.parse(delivery.body)).filter((payload) => payload.type === 'signatory.decided');
    expect(decided.map((payload) => payload.data.signatory.decision)).toEqual(['approved', 'approved', 'approved']);
    // A tampered body fails verification.
    expect(() => verifier.verify(deliveries[0]!.body.replace('"type"', '"tipe"'), deliveries[0]!.headers as Record<string, string>)).toThrow();

    const fireLog = await log(fire.endpoint.id, FIRE_EDITOR);
    expect(fireLog).toHaveLength(5);
    expect(fireLog.every((attempt: any) => attempt.outcome === 'delivered' && attempt.statusCode === 204 && attempt.attempt === 1)).toBe(true);
    // The ambulance trust is no party: its endpoint hears nothing, and its editor cannot see the fire service's endpoint.
    expect(deliveredTo('/ambulance')).toEqual([]);
    expect(await log(ambulance.endpoint.id)).toEqual([]);
    expect((await api({ method: 'GET', path: `/webhooks/${fire.endpoint.id}`, as: AMBULANCE_EDITOR })).status).toBe(404);
    expect((await api({ method: 'GET', path: '/webhooks', as: AMBULANCE_EDITOR })).json.items.map((e: any) => e.id)).toEqual([ambulance.endpoint.id]);
  });

  it('retries a failing endpoint from the sweep with the same webhook-id, replays a logged delivery, and disables the endpoint after 24 hours of failures, telling its owner', async () => {
    receiver.answers.set('/flaky', 500);
    const flaky = await register(ADMIN, { url: `${receiver.url}/flaky`, events: ['agreement.submitted'] });
    const agreementId = await submitAgreement('Flaky receiver');

    const [failed] = await waitForLog(flaky.endpoint.id, (items) => items.length === 1);
    expect(failed).toMatchObject({ outcome: 'retrying', statusCode: 500, attempt: 1, agreementId, eventType: 'agreement.submitted' });
    // The endpoint's failing run is noted just after the attempt is logged.
    await waitUntil(async () => (await api({ method: 'GET', path: `/webhooks/${flaky.endpoint.id}`, as: ADMIN })).json.failingSince === failed.at, 'the failing run noted');

    receiver.answers.set('/flaky', 200);
    // The sender may still hold the event for a moment after logging; the sweep finds it once it lets go.
    await waitUntil(async () => {
      await sweepAt(new Date(Date.parse(failed.nextAttemptAt) + 1000).toISOString());
      return deliveredTo('/flaky').length === 2;
    }, 'the retry');
    const deliveries = deliveredTo('/flaky');
    expect(deliveries).toHaveLength(2);
    expect(deliveries[1]!.headers['webhook-id']).toBe(deliveries[0]!.headers['webhook-id']);
    const retried = (await log(flaky.endpoint.id))[0];
    expect(retried).toMatchObject({ outcome: 'delivered', statusCode: 200, attempt: 2 });
    expect((await api({ method: 'GET', path: `/webhooks/${flaky.endpoint.id}`, as: ADMIN })).json.failingSince).toBeNull();

    const replay = await api({ method: 'POST', path: `/webhooks/${flaky.endpoint.id}/deliveries/${retried.id}/replay`, as: ADMIN });
    expect(replay.status).toBe(202);
    const replayed = await waitForDeliveries('/flaky', (all) => all.length === 3);
    expect(replayed[2]!.headers['webhook-id']).toBe(deliveries[0]!.headers['webhook-id']);
    expect(new Webhook(flaky.secret).verify(replayed[2]!.body, replayed[2]!.headers as Record<string, string>)).toMatchObject({ type: 'agreement.submitted' });
    expect((await waitForLog(flaky.endpoint.id, (items) => items.length === 3))[0]).toMatchObject({ outcome: 'delivered', replay: true, attempt: 1 });

    receiver.answers.set('/flaky', 503);
    await submitAgreement('Flaky receiver, down for a day');
    const [down] = await waitForLog(flaky.endpoint.id, (items) => items.length === 4);
    expect(down).toMatchObject({ outcome: 'retrying', statusCode: 503 });
    await waitUntil(async () => (await api({ method: 'GET', path: `/webhooks/${flaky.endpoint.id}`, as: ADMIN })).json.failingSince === down.at, 'the new failing run noted');
    await waitUntil(async () => {
      await sweepAt(new Date(Date.parse(down.at) + 25 * 3600_000).toISOString());
      return (await log(flaky.endpoint.id))[0].outcome === 'failed';
    }, 'the last try');
    const [lastTry] = await log(flaky.endpoint.id);
    expect(lastTry).toMatchObject({ outcome: 'failed', statusCode: 503 });
    const endpoint = (await api({ method: 'GET', path: `/webhooks/${flaky.endpoint.id}`, as: ADMIN })).json;
    expect(endpoint).toMatchObject({ state: 'disabled', disabledReason: expect.stringContaining('24 hours') });
    const [told] = await mailbox.waitFor((mails) => mails.some((mail) => mail.to === ADMIN.email && mail.subject.startsWith('Webhook disabled:')), 'the disabled-endpoint email');
    expect((await mailbox.to(ADMIN.email)).find((mail) => mail.subject.startsWith('Webhook disabled:'))!.text).toContain(`${receiver.url}/flaky`);
    expect(told).toBeDefined();

    // Disabled, it is sent nothing, and replays wait until it is enabled; enabled again, it is sent events.
    const before = deliveredTo('/flaky').length;
    await submitAgreement('While the receiver is disabled');
    const [skipped] = await waitForLog(flaky.endpoint.id, (items) => items[0].error?.includes('disabled'));
    expect(deliveredTo('/flaky')).toHaveLength(before);
    expect((await api({ method: 'POST', path: `/webhooks/${flaky.endpoint.id}/deliveries/${skipped.id}/replay`, as: ADMIN })).status).toBe(409);
    receiver.answers.set('/flaky', 204);
    const enabled = await api({ method: 'PATCH', path: `/webhooks/${flaky.endpoint.id}`, as: ADMIN, body: { state: 'active' } });
    expect(enabled.json).toMatchObject({ state: 'active', disabledReason: null, failingSince: null });
    await submitAgreement('After the receiver is back');
    await waitForDeliveries('/flaky', (all) => all.length === before + 1);
  });

  it('rotates the secret: for a day deliveries verify with the new secret and with the old', async () => {
    const endpoint = await register(FIRE_EDITOR, { url: `${receiver.url}/rotating`, events: ['agreement.submitted'], agencyId: 'warwickshire-fire' });
    const rotated = await api({ method: 'POST', path: `/webhooks/${endpoint.endpoint.id}/secret`, as: FIRE_EDITOR });
    expect(rotated.status).toBe(200);
    expect(rotated.json.secret).not.toBe(endpoint.secret);
    await submitAgreement('Rotating secrets');
    const [delivery] = await waitForDeliveries('/rotating', (all) => all.length === 1);
    for (const secret of [endpoint.secret, rotated.json.secret]) {
      expect(new Webhook(secret).verify(delivery!.body, delivery!.headers as Record<string, string>)).toMatchObject({ type: 'agreement.submitted' });
    }
    expect(() => new Webhook(`whsec_${Buffer.from('not the secret, but long enough').toString('base64')}`).verify(delivery!.body, delivery!.headers as Record<string, string>)).toThrow();
  });

  it("tells a proposed party's records system of each view recorded on the proposal", async () => {
    const endpoint = await register(AMBULANCE_EDITOR, { url: `${receiver.url}/proposals`, events: ['proposal.view_recorded'], agencyId: 'west-midlands-ambulance' });
    const proposal = await api({
      method: 'POST',
      path: '/proposals',
      as: FIRE_EDITOR,
      body: { title: 'Shared fleet workshop', summary: 'One workshop for both fleets.', proposerAgencyId: 'warwickshire-fire', agencyIds: ['west-midlands-ambulance'] },
    });
    expect(proposal.status).toBe(201);
    const link = await mailbox.proposalLinkFor('legal@west-midlands-ambulance.test');
    const answered = await postForm(link, { view: 'benefit', reasons: 'Fewer vehicles off the road.', name: 'Anthony Marsh' });
    expect(answered.status).toBe(200);
    const [delivery] = await waitForDeliveries('/proposals', (all) => all.length === 1);
    const payload = new Webhook(endpoint.secret).verify(delivery!.body, delivery!.headers as Record<string, string>) as any;
    expect(payload).toMatchObject({ type: 'proposal.view_recorded', data: { party: { agencyId: 'west-midlands-ambulance' }, proposal: { id: proposal.json.id, mustProceed: true } } });
    expect(payload.data.agreement).toBeUndefined();
    expect((await log(endpoint.endpoint.id, AMBULANCE_EDITOR))[0]).toMatchObject({ outcome: 'delivered', agreementId: null, proposalId: proposal.json.id });
  });

  it('tells a records system of an agreement imported from paper, as in force', async () => {
    const endpoint = await register(ADMIN, { url: `${receiver.url}/imports`, events: ['agreement.in_force'] });
    const imported = await api({
      method: 'POST',
      path: '/agreements/imports',
      as: ADMIN,
      body: {
        sourceReference: 'WEBHOOK-IMPORT-1',
        title: 'Signed on paper',
        effectiveDate: '2020-01-01',
        nextReviewDate: new Date(Date.now() + 100 * 86_400_000).toISOString().slice(0, 10),
        attestation: 'Sealed copy held by legal services.',
        parties: [
          { agencyId: 'warwickshire-fire', signatories: [{ name: 'A', role: 'Chief Fire Officer', signedOn: '2019-12-01' }] },
          { agencyId: 'west-midlands-ambulance', signatories: [{ name: 'B', role: 'Chief Executive', signedOn: '2019-12-02' }] },
        ],
      },
    });
    expect(imported.status).toBe(201);
    const [delivery] = await waitForDeliveries('/imports', (all) => all.length === 1);
    const payload = new Webhook(endpoint.secret).verify(delivery!.body, delivery!.headers as Record<string, string>) as any;
    expect(payload).toMatchObject({ type: 'agreement.in_force', data: { agreement: { id: imported.json.id, status: 'in_force' }, event: { type: 'imported' } } });
  });

  it('refuses bad registrations with a 400 naming the field, and registrations for an agency the caller does not edit', async () => {
    const refused = async (as: typeof ADMIN, body: Record<string, unknown>) => {
      const reply = await api({ method: 'POST', path: '/webhooks', as, body });
      return { status: reply.status, fields: (reply.json.errors ?? []).map((error: { path: string }) => error.path) };
    };
    expect(await refused(ADMIN, { url: 'not a url', events: ['agreement.in_force'] })).toEqual({ status: 400, fields: ['url'] });
    expect(await refused(ADMIN, { url: 'ftp://records.test/in', events: ['agreement.in_force'] })).toEqual({ status: 400, fields: ['url'] });
    expect(await refused(ADMIN, { url: `${receiver.url}/x`, events: ['agreement.signed'] })).toEqual({ status: 400, fields: ['events.0'] });
    expect(await refused(ADMIN, { url: `${receiver.url}/x`, events: [] })).toEqual({ status: 400, fields: ['events'] });
    expect(await refused(ADMIN, { url: 'http://user:password@localhost/x', events: ['agreement.in_force'] })).toEqual({ status: 400, fields: ['url'] });
    expect(await refused(FIRE_EDITOR, { url: `${receiver.url}/x`, events: ['agreement.in_force'] })).toEqual({ status: 400, fields: ['agencyId'] });
    // A misspelt field is refused, not dropped: dropping agencyID would register an endpoint for every agreement.
    expect(await refused(ADMIN, { url: `${receiver.url}/x`, events: ['agreement.in_force'], agencyID: 'warwickshire-fire' })).toEqual({ status: 400, fields: ['agencyID'] });
    expect((await refused(FIRE_EDITOR, { url: `${receiver.url}/x`, events: ['agreement.in_force'], agencyId: 'warwickshire-police' })).status).toBe(403);
    expect((await refused({ email: 'viewer@fire.test', role: 'viewer', agencies: ['warwickshire-fire'] } as typeof ADMIN, { url: `${receiver.url}/x`, events: ['agreement.in_force'], agencyId: 'warwickshire-fire' })).status).toBe(403);
    expect(await refused(ADMIN, { url: `${receiver.url}/x`, events: ['agreement.in_force'], agencyId: 'no-such-agency' })).toEqual({ status: 422, fields: ['agencyId'] });
    expect((await api({ method: 'GET', path: '/webhooks', as: ADMIN })).json.items.map((e: any) => e.url)).not.toContain(`${receiver.url}/x`);
  });
});
