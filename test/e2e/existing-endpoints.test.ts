import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sesLocal from 'aws-ses-v2-local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStack } from '../../infra/local/local-stack';
import { authoriseParties, partiesOf } from '../fixtures/agencies';
import { createMailbox } from '../fixtures/outbox';
import { freePort } from '../setup/dynamodb-local';

// aws-ses-v2-local is CommonJS with an ES-style default export.
const startSesServer = ((sesLocal as unknown as { default?: typeof sesLocal }).default ?? sesLocal) as typeof sesLocal;

/** `SES_ENDPOINT` points the local stack at a mailbox someone else runs (a test that stops and starts it, say). */
describe('the local stack with an SES endpoint of its own choosing', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'accord-endpoints-'));
  let ses: Awaited<ReturnType<typeof startSesServer>>;
  let stack: Awaited<ReturnType<typeof startLocalStack>>;

  beforeAll(async () => {
    ses = await startSesServer({ host: '127.0.0.1', port: 0 });
    stack = await startLocalStack({
      PORT: String(await freePort()),
      DYNAMODB_PORT: String(await freePort()),
      ACCORD_DATA_DIR: dataDir,
      SES_ENDPOINT: `http://127.0.0.1:${(ses.address() as AddressInfo).port}`,
    });
  });

  afterAll(async () => {
    await stack?.stop();
    await new Promise<void>((done) => ses.close(() => done()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts no mailbox of its own and sends its emails to that endpoint', async () => {
    expect(stack.sesUrl).toBe(`http://127.0.0.1:${(ses.address() as AddressInfo).port}`);
    const call = async (method: string, path: string, token: string | null, body?: unknown) =>
      (await fetch(`${stack.url}${path}`, {
        method,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': 'application/json' },
        body: body ? JSON.stringify(body) : undefined,
      }).then((reply) => reply.json())) as any;
    const { token } = await call('POST', '/_local/login', null, { email: 'admin@accord.test', role: 'admin', agencies: [] });
    await call('POST', '/agencies', token, { id: 'warwickshire-fire', name: 'Warwickshire Fire and Rescue', type: 'fire_and_rescue_authority' });
    await call('POST', '/agencies', token, { id: 'west-midlands-ambulance', name: 'West Midlands Ambulance Service', type: 'ambulance_trust' });
    const created = await call('POST', '/agreements', token, {
      title: 'Elsewhere',
      body: 'Text.',
      withdrawalTerms: 'Notice.',
      parties: partiesOf([
        { agencyId: 'warwickshire-fire', email: 'cfo@fire.elsewhere.test' },
        { agencyId: 'west-midlands-ambulance', email: 'ceo@wmas.elsewhere.test' },
      ]),
    });
    await authoriseParties((method, path, body) => call(method, path, token, body), created.parties);
    expect((await call('POST', `/agreements/${created.id}/submit`, token, {})).status).toBe('awaiting_signatures');
    expect(await createMailbox(() => stack.sesUrl).linkFor('cfo@fire.elsewhere.test')).toMatch(/^\/sign\/[\w-]{43}$/);
  });
});
