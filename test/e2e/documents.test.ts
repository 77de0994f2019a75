import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { must } from '../../client/accord-client';
import { startS3Local } from '../../infra/local/s3-local';
import { authoriseParties, partiesOf } from '../fixtures/agencies';
import { stackClient } from '../fixtures/contract';
import { startLocalStackOnFreePorts } from '../fixtures/local-stack';
import { createMailbox } from '../fixtures/outbox';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Polls (bounded) until `ready` gives a value. */
const waitFor = async <T>(ready: () => Promise<T | undefined>, what: string): Promise<T> => {
  for (let attempt = 0; attempt < 150; attempt += 1) {
    const value = await ready();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Timed out waiting for ${what}`);
};

const schedulePdf = async (text: string) => {
  const pdf = await PDFDocument.create();
  pdf.addPage().drawText(text);
  return pdf.save();
};

/** A stack's API as an admin, with the two agencies of these tests. */
const adminClient = async (url: string) => {
  const client = await stackClient(url);
  await client.signIn({ email: 'admin@accord.test', role: 'admin' });
  await must(client.api.POST('/agencies', { body: { id: 'warwickshire-fire', name: 'Warwickshire Fire and Rescue', type: 'fire_and_rescue_authority', legalContacts: ['legal@fire.docs.test'] } }));
  await must(client.api.POST('/agencies', { body: { id: 'west-midlands-ambulance', name: 'West Midlands Ambulance Service', type: 'ambulance_trust', legalContacts: ['legal@wmas.docs.test'] } }));
  return client;
};

/** Drafts an agreement, declares a schedule and uploads its bytes as a browser would; resolves once the stack has checked them. */
const draftWithSchedule = async (client: Awaited<ReturnType<typeof adminClient>>, emails: [string, string], bytes: Uint8Array) => {
  const created = await must(
    client.api.POST('/agreements', {
      body: {
        title: 'Joint fleet workshop',
        body: '# Joint fleet workshop\n\nThe parties share one workshop.',
        withdrawalTerms: 'Six months notice.',
        parties: partiesOf([
          { agencyId: 'warwickshire-fire', email: emails[0] },
          { agencyId: 'west-midlands-ambulance', email: emails[1] },
        ]),
      },
    }),
  );
  const upload = await must(
    client.api.POST('/agreements/{id}/attachments', {
      params: { path: { id: created.id } },
      body: { name: 'Schedule 1 – Costs.pdf', contentType: 'application/pdf', size: bytes.length, sha256: sha256(bytes) },
    }),
  );
  expect((await fetch(upload.uploadUrl, { method: upload.uploadMethod, headers: upload.uploadHeaders, body: bytes as Uint8Array<ArrayBuffer> })).status).toBe(200);
  await waitFor(async () => {
    const agreement = await must(client.api.GET('/agreements/{id}', { params: { path: { id: created.id } } }));
    return agreement.attachments.some((file) => file.status === 'available') ? true : undefined;
  }, 'the upload to be checked');
  return created;
};

describe('documents through the local stack (npm start)', () => {
  let stack: Awaited<ReturnType<typeof startLocalStackOnFreePorts>>;
  beforeAll(async () => {
    stack = await startLocalStackOnFreePorts('documents');
  });
  afterAll(() => stack?.stop());

  it('checks an upload, seals the executed copy once every party signs, links it from the In force email, and lets anyone check it', async () => {
    const client = await adminClient(stack.url);
    const schedule = await schedulePdf('Schedule 1: costs');
    const emails: [string, string] = ['cfo@fire.docs.test', 'ceo@wmas.docs.test'];
    const draft = await draftWithSchedule(client, emails, schedule);
    await authoriseParties(client.call, draft.parties);
    await must(client.api.POST('/agreements/{id}/submit', { params: { path: { id: draft.id } } }));

    const mailbox = createMailbox(() => stack.sesUrl);
    for (const email of emails) {
      const link = await mailbox.linkFor(email);
      const page = await (await fetch(`${stack.url}${link}`)).text();
      expect(page).toContain('Schedule 1 – Costs.pdf');
      const decided = await fetch(`${stack.url}${link}`, {
        method: 'POST',
        headers: { origin: stack.url, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ decision: 'approve', signedName: email }).toString(),
      });
      expect(decided.status).toBe(200);
    }
    const inForce = await mailbox.waitFor((all) => all.some((mail) => mail.to === emails[0] && mail.subject.startsWith('In force:')), 'the In force email');
    const copyUrl = /http:\/\/localhost:\d+\/copies\/\S+/.exec(inForce.find((mail) => mail.to === emails[0] && mail.subject.startsWith('In force:'))!.text)![0];

    // The party's link gives the sealed PDF once the documents function has sealed it.
    const pdf = await waitFor(async () => {
      const reply = await fetch(copyUrl, { redirect: 'manual' });
      if (reply.status !== 303) return undefined;
      return Buffer.from(await (await fetch(reply.headers.get('location')!)).arrayBuffer());
    }, 'the executed copy');
    const folder = mkdtempSync(join(tmpdir(), 'accord-e2e-copy-'));
    try {
      writeFileSync(join(folder, 'executed.pdf'), pdf);
      const { stdout } = await promisify(execFile)('pdfsig', [join(folder, 'executed.pdf')]).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
      expect(stdout, pdf.subarray(0, 300).toString('latin1')).toContain('Signature is Valid.');
      expect(stdout).toContain('Total document signed');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }

    // Anyone can check it: by its bytes, or through the page's form (no JavaScript), and learn only which agreement it is.
    const verified = (await (await fetch(`${stack.url}/verify`, { method: 'POST', headers: { 'content-type': 'application/pdf' }, body: pdf })).json()) as { matches: { kind: string; reference: string }[] };
    expect(verified.matches).toEqual([expect.objectContaining({ kind: 'executed_copy', reference: draft.reference })]);
    const form = new FormData();
    form.append('file', new Blob([schedule as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }), 'schedule.pdf');
    const page = await fetch(`${stack.url}/verify`, { method: 'POST', headers: { accept: 'text/html' }, body: form });
    expect(page.status).toBe(200);
    expect((await page.text()).replace(/<[^>]+>/g, '')).toContain(`It is an attachment of ${draft.reference}, version 1, in force since`);
  });
});

describe('the local stack with an S3-compatible server of its own choosing', () => {
  let s3: Awaited<ReturnType<typeof startS3Local>>;
  let stack: Awaited<ReturnType<typeof startLocalStackOnFreePorts>>;
  const directory = mkdtempSync(join(tmpdir(), 'accord-e2e-s3-'));
  beforeAll(async () => {
    s3 = await startS3Local({ port: 0, directory, onObjectCreated: () => undefined });
    stack = await startLocalStackOnFreePorts('s3-endpoint', { S3_ENDPOINT: s3.endpoint });
  });
  afterAll(async () => {
    await stack?.stop();
    await s3?.stop();
    rmSync(directory, { recursive: true, force: true });
  });

  it('starts no S3 server of its own, and still finds and checks each upload to that one', async () => {
    expect(stack.s3Url).toBe(s3.endpoint);
    const client = await adminClient(stack.url);
    const draft = await draftWithSchedule(client, ['cfo@fire.s3.test', 'ceo@wmas.s3.test'], await schedulePdf('Elsewhere'));
    expect(draft.id).toMatch(/^[0-9A-Z]{26}$/);
  });
});
