import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authoriseParties, partiesOf } from '../fixtures/agencies';
import { createMailbox } from '../fixtures/outbox';
import { stackClient } from '../fixtures/contract';
import { must } from '../../client/accord-client';
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
    const [port, sesPort, dynamoPort, s3Port] = [await freePort(), await freePort(), await freePort(), await freePort()];
    env = { PORT: String(port), SES_PORT: String(sesPort), DYNAMODB_PORT: String(dynamoPort), S3_PORT: String(s3Port), ACCORD_DATA_DIR: dataDir };
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

  it('serves the drafting contract over HTTP, keeps the data across a restart, and stops wholly on Ctrl-C', async () => {
    expect((await login({ email: 'x', role: 'god' })).status).toBe(400);
    const { api, signIn } = await stackClient(baseUrl);
    await signIn({ email: 'admin@accord.test', role: 'admin' });

    expect((await api.POST('/agencies', { body: { id: 'warwickshire-fire', name: 'Warwickshire Fire and Rescue', type: 'fire_and_rescue_authority' } })).response.status).toBe(201);
    expect((await api.POST('/agencies', { body: { name: 'Warwickshire PCC', type: 'policing_body' } })).data?.id).toBe('warwickshire-pcc');

    const created = await api.POST('/agreements', { body: { title: 'Joint estates', parties: [{ agencyId: 'warwickshire-fire' }, { agencyId: 'warwickshire-pcc' }] } });
    expect(created.response.status).toBe(201);
    const id = created.data!.id;
    expect(created.response.headers.get('location')).toBe(`/agreements/${id}`);

    const edit = (ifMatch: string) => api.PATCH('/agreements/{id}', { params: { path: { id }, header: { 'if-match': ifMatch } }, body: { title: 'Joint estates and fleet' } });
    expect((await edit('"0"')).response.status).toBe(412);
    expect((await edit('"1"')).response.headers.get('etag')).toBe('"2"');

    const listed = await must(api.GET('/agreements', { params: { query: { status: 'draft' } } }));
    expect(listed.items.map((item) => item.title)).toEqual(['Joint estates and fleet']);

    await ctrlC(stack);
    expect(groupIsGone(stack.child.pid!)).toBe(true);

    // Same data folder: the agreement and the sign-in key survive.
    stack = npmStart(env);
    await waitForHealth(baseUrl, stack);
    const reread = await api.GET('/agreements/{id}', { params: { path: { id } } });
    expect(reread.response.status).toBe(200);
    expect(reread.data?.title).toBe('Joint estates and fleet');
  });

  it('gets an agreement signed from the links in the local mailbox', async () => {
    const { api, signIn, call } = await stackClient(baseUrl);
    await signIn({ email: 'owner@accord.test', role: 'admin' });
    await must(api.POST('/agencies', { body: { id: 'west-midlands-ambulance', name: 'West Midlands Ambulance Service', type: 'ambulance_trust' } }));
    const created = await must(
      api.POST('/agreements', {
        body: {
          title: 'Co-responding',
          body: 'Firefighters co-respond to cardiac arrests.',
          withdrawalTerms: 'Three months notice.',
          parties: partiesOf([
            { agencyId: 'warwickshire-fire', name: 'Fire Chief', role: 'CFO', email: 'cfo@fire-e2e.test' },
            { agencyId: 'west-midlands-ambulance', name: 'Ambulance Chief', role: 'CEO', email: 'ceo@wmas-e2e.test' },
          ]),
        },
      }),
    );
    await authoriseParties(call, created.parties);
    expect((await must(api.POST('/agreements/{id}/submit', { params: { path: { id: created.id } } }))).status).toBe('awaiting_signatures');

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
    const certificate = await must(api.GET('/agreements/{id}/certificate', { params: { path: { id: created.id } } }));
    expect(certificate.status).toBe('in_force');
    expect(certificate.parties.map((party) => party.signatories[0]!.signedName)).toEqual([
      'cfo@fire-e2e.test',
      'ceo@wmas-e2e.test',
    ]);

    // The daily job, run as EventBridge would on the day 60 days before the review.
    const dueDay = new Date(`${certificate.nextReviewDate}T09:00:00Z`);
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
