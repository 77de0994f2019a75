import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authoriseParties, partiesOf } from '../fixtures/agencies';
import { createMailbox } from '../fixtures/outbox';
import { freePort } from '../setup/dynamodb-local';

type TStack = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

/** Runs `npm start` as a person would, in its own process group so Ctrl-C can be sent to all of it. */
const npmStart = (env: Record<string, string>): TStack => {
  let output = '';
  const child = spawn('npm', ['start'], { env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
};

const waitForHealth = async (baseUrl: string, stack: TStack) => {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    try {
      if ((await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(2_000) })).ok) return;
    } catch {
      // not listening yet
    }
    if (stack.child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`npm start did not come up:\n${stack.output()}`);
};

const groupIsGone = (pid: number) => {
  try {
    process.kill(-pid, 0);
    return false;
  } catch {
    return true;
  }
};

const ctrlC = async (stack: TStack) => {
  process.kill(-stack.child.pid!, 'SIGINT');
  await stack.exited;
  for (let attempt = 0; attempt < 100 && !groupIsGone(stack.child.pid!); attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

describe('npm start', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'accord-e2e-'));
  let env: Record<string, string>;
  let baseUrl: string;
  let stack: TStack;

  beforeAll(async () => {
    const [port, sesPort, dynamoPort] = [await freePort(), await freePort(), await freePort()];
    env = { PORT: String(port), SES_PORT: String(sesPort), DYNAMODB_PORT: String(dynamoPort), ACCORD_DATA_DIR: dataDir };
    baseUrl = `http://localhost:${port}`;
    stack = npmStart(env);
    await waitForHealth(baseUrl, stack);
  });

  afterAll(async () => {
    if (stack.child.exitCode === null) await ctrlC(stack);
    rmSync(dataDir, { recursive: true, force: true });
  });

  const login = async (body: unknown) => {
    const reply = await fetch(`${baseUrl}/_local/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: reply.status, json: (await reply.json()) as { token: string } };
  };

  const call = async (method: string, path: string, token: string, body?: unknown, headers: Record<string, string> = {}) => {
    const reply = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: reply.status, headers: reply.headers, json: (await reply.json()) as any };
  };

  it('serves the drafting contract over HTTP, keeps the data across a restart, and stops wholly on Ctrl-C', async () => {
    expect((await login({ email: 'x', role: 'god' })).status).toBe(400);
    const { token } = (await login({ email: 'admin@accord.test', role: 'admin', agencies: [] })).json;

    expect((await call('POST', '/agencies', token, { id: 'warwickshire-fire', name: 'Warwickshire Fire and Rescue', type: 'fire_and_rescue_authority' })).status).toBe(201);
    expect((await call('POST', '/agencies', token, { name: 'Warwickshire PCC', type: 'policing_body' })).json.id).toBe('warwickshire-pcc');

    const created = await call('POST', '/agreements', token, {
      title: 'Joint estates',
      parties: [{ agencyId: 'warwickshire-fire' }, { agencyId: 'warwickshire-pcc' }],
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/agreements/${created.json.id}`);

    const stale = await call('PATCH', `/agreements/${created.json.id}`, token, { title: 'Joint estates and fleet' }, { 'if-match': '"0"' });
    expect(stale.status).toBe(412);
    const edited = await call('PATCH', `/agreements/${created.json.id}`, token, { title: 'Joint estates and fleet' }, { 'if-match': '"1"' });
    expect(edited.headers.get('etag')).toBe('"2"');

    const listed = await call('GET', '/agreements?status=draft', token);
    expect(listed.json.items.map((item: { title: string }) => item.title)).toEqual(['Joint estates and fleet']);

    await ctrlC(stack);
    expect(groupIsGone(stack.child.pid!)).toBe(true);

    // Same data folder: the agreement and the sign-in key survive.
    stack = npmStart(env);
    await waitForHealth(baseUrl, stack);
    const reread = await call('GET', `/agreements/${created.json.id}`, token);
    expect(reread.status).toBe(200);
    expect(reread.json.title).toBe('Joint estates and fleet');
  });

  it('gets an agreement signed from the links in the local mailbox', async () => {
    const { token } = (await login({ email: 'owner@accord.test', role: 'admin', agencies: [] })).json;
    await call('POST', '/agencies', token, { id: 'west-midlands-ambulance', name: 'West Midlands Ambulance Service', type: 'ambulance_trust' });
    const created = await call('POST', '/agreements', token, {
      title: 'Co-responding',
      body: 'Firefighters co-respond to cardiac arrests.',
      withdrawalTerms: 'Three months notice.',
      parties: partiesOf([
        { agencyId: 'warwickshire-fire', name: 'Fire Chief', role: 'CFO', email: 'cfo@fire-e2e.test' },
        { agencyId: 'west-midlands-ambulance', name: 'Ambulance Chief', role: 'CEO', email: 'ceo@wmas-e2e.test' },
      ]),
    });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    await authoriseParties(async (method, path, body) => (await call(method, path, token, body)).json, created.json.parties);
    expect((await call('POST', `/agreements/${created.json.id}/submit`, token)).json.status).toBe('awaiting_signatures');

    const mailbox = createMailbox(() => `http://localhost:${env.SES_PORT}`);
    for (const address of ['cfo@fire-e2e.test', 'ceo@wmas-e2e.test']) {
      const link = `${baseUrl}${await mailbox.linkFor(address)}`;
      expect((await fetch(link)).status).toBe(200);
      const decided = await fetch(link, {
        method: 'POST',
        headers: { origin: baseUrl, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ decision: 'approve', signedName: address }),
      });
      expect(decided.status).toBe(200);
    }
    const certificate = await call('GET', `/agreements/${created.json.id}/certificate`, token);
    expect(certificate.json.status).toBe('in_force');
    expect(certificate.json.parties.map((party: { signatories: { signedName: string }[] }) => party.signatories[0]!.signedName)).toEqual([
      'cfo@fire-e2e.test',
      'ceo@wmas-e2e.test',
    ]);

    // The daily job, run as EventBridge would on the day 60 days before the review.
    const dueDay = new Date(`${certificate.json.nextReviewDate}T09:00:00Z`);
    dueDay.setUTCDate(dueDay.getUTCDate() - 60);
    const run = await fetch(`${baseUrl}/_local/scheduled/daily`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ time: dueDay.toISOString() }),
    });
    expect(await run.json()).toMatchObject({ reviewRemindersSent: 1 });
    const bad = await fetch(`${baseUrl}/_local/scheduled/daily`, { method: 'POST', body: '{"time":"tomorrow"}' });
    expect(bad.status).toBe(400);
  });
});
