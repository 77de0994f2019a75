import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { DynamoDBBatchResponse, S3Event } from 'aws-lambda';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler as documentsHandler } from '../../functions/documents/handler';
import { handler as signingHandler } from '../../functions/signing/handler';
import { lambdaContext } from '../../infra/local/lambda-http';
import { startStreamPoller } from '../../infra/local/stream-poller';
import { IN_FORCE_STREAM_FILTER } from '../../shared/db/audit-trail';
import { WARWICKSHIRE_AGENCIES } from '../fixtures/agencies';
import { ADMIN, callFunction } from '../fixtures/http';
import { api, approve, authoriseDraft, openLinkOf } from '../fixtures/lifecycle';
import { partiesOf } from '../fixtures/agencies';
import { mailbox, startOutbox } from '../fixtures/outbox';
import { createS3FileStore } from '../../shared/storage/s3-file-store';

const run = promisify(execFile);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A small real PDF, made afresh (its bytes differ each time, so each test has its own hash). */
const makePdf = async (text: string) => {
  const pdf = await PDFDocument.create();
  pdf.addPage().drawText(text);
  // A classic trailer, so a test can mark it encrypted as a password-protected PDF is.
  return pdf.save({ useObjectStreams: false });
};
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

let outbox: Awaited<ReturnType<typeof startOutbox>>;
let sealing: Awaited<ReturnType<typeof startStreamPoller>>;
beforeAll(async () => {
  for (const agency of WARWICKSHIRE_AGENCIES) await api({ method: 'POST', path: '/agencies', as: ADMIN, body: agency });
  outbox = await startOutbox();
  // What the stream's event source mapping does in AWS: the documents function hears of each version coming into force.
  sealing = await startStreamPoller({
    endpoint: process.env.DYNAMODB_ENDPOINT!,
    tableName: process.env.TABLE_NAME!,
    filter: IN_FORCE_STREAM_FILTER,
    handler: (event) => documentsHandler(event, lambdaContext('accord-documents')) as Promise<DynamoDBBatchResponse>,
    name: 'accord-documents',
  });
});
afterAll(async () => {
  await sealing.stop();
  await outbox.stop();
});

const draft = async (emails: [string, string]) => {
  const created = await api({
    method: 'POST',
    path: '/agreements',
    as: ADMIN,
    body: {
      title: 'Joint control room',
      body: '# Joint control room\n\n## 1. Purpose\n\nThe parties share one control room.',
      withdrawalTerms: 'Six months notice.',
      parties: partiesOf([
        { agencyId: 'warwickshire-fire', email: emails[0] },
        { agencyId: 'west-midlands-ambulance', email: emails[1] },
      ]),
    },
  });
  expect(created.status).toBe(201);
  return created.json as { id: string; revision: number };
};

/** Declares a file, PUTs its bytes to the upload URL as a browser would, and lets the documents function check them, as S3's notification does. */
const attach = async (id: string, file: { name: string; contentType: string; bytes: Uint8Array; declaredSha256?: string; declaredSize?: number }) => {
  const declared = await api({
    method: 'POST',
    path: `/agreements/${id}/attachments`,
    as: ADMIN,
    body: { name: file.name, contentType: file.contentType, size: file.declaredSize ?? file.bytes.length, sha256: file.declaredSha256 ?? sha256(file.bytes) },
  });
  expect(declared.status, JSON.stringify(declared.json)).toBe(201);
  const upload = await fetch(declared.json.uploadUrl, { method: 'PUT', headers: declared.json.uploadHeaders, body: file.bytes as Uint8Array<ArrayBuffer> });
  expect(upload.status).toBe(200);
  const key = `attachments/${id}/${declared.json.attachmentId}`;
  const event = { Records: [{ eventSource: 'aws:s3', eventName: 'ObjectCreated:Put', s3: { object: { key } } }] } as unknown as S3Event;
  await documentsHandler(event, lambdaContext('accord-documents'));
  return declared.json.attachmentId as string;
};

const read = async (id: string) => (await api({ method: 'GET', path: `/agreements/${id}`, as: ADMIN })).json;
const attachmentOf = async (id: string, attachmentId: string) => (await read(id)).attachments.find((file: { id: string }) => file.id === attachmentId);

describe('files on an agreement', () => {
  it('stores a schedule whose bytes match, binds its hash into the document, and lets each signatory open it from their page', async () => {
    const agreement = await draft(['cfo@fire.files.test', 'ceo@wmas.files.test']);
    const unattached = await api({ method: 'GET', path: `/agreements/${agreement.id}`, as: ADMIN });
    // The workspace shows the text rendered, as signatories read it.
    const text = await api({ method: 'GET', path: `/agreements/${agreement.id}/text.html`, as: ADMIN });
    expect(text.headers['content-type']).toContain('text/html');
    expect(text.text).toContain('<h2>Joint control room</h2>');
    expect(text.text).not.toContain('# Joint');
    expect((await api({ method: 'GET', path: `/agreements/${agreement.id}/text.html`, as: { email: 'x@other.test', role: 'viewer', agencies: ['warwickshire-police'] } as never })).status).toBe(404);
    const schedule = await makePdf('Schedule 1: data sharing');
    const attachmentId = await attach(agreement.id, { name: 'Schedule 1 – Data sharing.pdf', contentType: 'application/pdf', bytes: schedule });
    expect(await attachmentOf(agreement.id, attachmentId)).toMatchObject({ status: 'available', sha256: sha256(schedule), size: schedule.length, contentType: 'application/pdf' });

    await authoriseDraft(agreement.id);
    const submitted = await api({ method: 'POST', path: `/agreements/${agreement.id}/submit`, as: ADMIN });
    expect(submitted.status, JSON.stringify(submitted.json)).toBe(200);
    // The same text without the file would have another hash: the schedule is part of what is signed.
    expect(submitted.json.documentSha256).not.toBe(unattached.json.documentSha256);

    const link = await openLinkOf(agreement.id, submitted.json.parties[0].signatories[0].id);
    const page = await callFunction(signingHandler, 'signing', { method: 'GET', path: link });
    expect(page.text).toContain('Schedule 1 – Data sharing.pdf');
    expect(page.text).toContain(sha256(schedule));
    const opened = await callFunction(signingHandler, 'signing', { method: 'GET', path: `${link}/attachments/${attachmentId}` });
    expect(opened.status).toBe(303);
    const downloaded = new Uint8Array(await (await fetch(opened.headers.location!)).arrayBuffer());
    expect(sha256(downloaded)).toBe(sha256(schedule));
    // Without the signing link, no file.
    expect((await callFunction(signingHandler, 'signing', { method: 'GET', path: `/sign/${'x'.repeat(43)}/attachments/${attachmentId}` })).status).toBe(404);
    expect((await api({ method: 'GET', path: `/verify/${sha256(schedule)}` })).json.matches).toEqual([
      { kind: 'attachment', reference: submitted.json.reference, version: 1, status: 'awaiting_signatures', inForceSince: null },
    ]);
  });

  it('refuses what the bytes belie — another type, an encrypted PDF, another hash — and keeps nothing of them', async () => {
    const agreement = await draft(['cfo@fire.refuse.test', 'ceo@wmas.refuse.test']);
    const lying = await attach(agreement.id, { name: 'schedule.pdf', contentType: 'application/pdf', bytes: PNG });
    const encryptedPdf = Buffer.from(Buffer.from(await makePdf('secret')).toString('latin1').replace(/trailer\s*<</, 'trailer\n<<\n/Encrypt << /Filter /Standard /V 1 /R 2 >>'), 'latin1');
    const encrypted = await attach(agreement.id, { name: 'locked.pdf', contentType: 'application/pdf', bytes: encryptedPdf });
    const other = await makePdf('another');
    const mismatched = await attach(agreement.id, { name: 'schedule 2.pdf', contentType: 'application/pdf', bytes: other, declaredSha256: sha256(PNG), declaredSize: other.length });
    const files = (await read(agreement.id)).attachments;
    expect(files.map((file: { status: string; refusal: string }) => [file.status, file.refusal])).toEqual([
      ['refused', 'type_mismatch'],
      ['refused', 'encrypted_pdf'],
      ['refused', 'hash_mismatch'],
    ]);
    const store = createS3FileStore({ bucket: process.env.DOCUMENTS_BUCKET!, region: 'eu-west-2', endpoint: process.env.S3_ENDPOINT });
    for (const id of [lying, encrypted, mismatched]) {
      expect((await api({ method: 'GET', path: `/agreements/${agreement.id}/attachments/${id}`, as: ADMIN })).status).toBe(404);
      expect(await store.read(`attachments/${agreement.id}/${id}`)).toBeUndefined();
    }
    await authoriseDraft(agreement.id);
    const submit = await api({ method: 'POST', path: `/agreements/${agreement.id}/submit`, as: ADMIN });
    expect(submit.status).toBe(422);
    expect(submit.json.errors.map((error: { path: string }) => error.path)).toEqual(expect.arrayContaining(['attachments.0', 'attachments.1', 'attachments.2']));
    const removed = await api({ method: 'DELETE', path: `/agreements/${agreement.id}/attachments/${lying}`, as: ADMIN });
    expect(removed.json.attachments).toHaveLength(2);
  });

  it('gives a new upload URL for a file not stored yet, and takes the right bytes through it', async () => {
    const agreement = await draft(['cfo@fire.again.test', 'ceo@wmas.again.test']);
    const bytes = await makePdf('Schedule 3');
    const declared = await api({ method: 'POST', path: `/agreements/${agreement.id}/attachments`, as: ADMIN, body: { name: 'Schedule 3.pdf', contentType: 'application/pdf', size: bytes.length, sha256: sha256(bytes) } });
    // The first URL goes unused; a second is asked for.
    const again = await api({ method: 'POST', path: `/agreements/${agreement.id}/attachments/${declared.json.attachmentId}/upload`, as: ADMIN });
    expect(again.status).toBe(201);
    expect(again.json.attachmentId).toBe(declared.json.attachmentId);
    expect((await fetch(again.json.uploadUrl, { method: 'PUT', headers: again.json.uploadHeaders, body: bytes as Uint8Array<ArrayBuffer> })).status).toBe(200);
    const key = `attachments/${agreement.id}/${declared.json.attachmentId}`;
    await documentsHandler({ Records: [{ eventSource: 'aws:s3', eventName: 'ObjectCreated:Put', s3: { object: { key } } }] } as unknown as S3Event, lambdaContext('accord-documents'));
    expect(await attachmentOf(agreement.id, declared.json.attachmentId)).toMatchObject({ status: 'available', uploadExpiresAt: null });
    expect((await api({ method: 'POST', path: `/agreements/${agreement.id}/attachments/${declared.json.attachmentId}/upload`, as: ADMIN })).status).toBe(409);
    expect((await api({ method: 'GET', path: `/agreements/${agreement.id}/attachments/not-an-id`, as: ADMIN })).status).toBe(404);
  });

  it('names the field of a bad declaration, and holds a draft to twenty files', async () => {
    const agreement = await draft(['cfo@fire.limits.test', 'ceo@wmas.limits.test']);
    const declare = (body: Record<string, unknown>) => api({ method: 'POST', path: `/agreements/${agreement.id}/attachments`, as: ADMIN, body });
    const valid = { name: 'a.pdf', contentType: 'application/pdf', size: 10, sha256: 'a'.repeat(64) };
    expect((await declare({ ...valid, size: 26 * 1024 * 1024 })).json.errors).toEqual([{ path: 'size', message: 'at most 25 MB' }]);
    expect((await declare({ ...valid, size: 0 })).json.errors).toEqual([{ path: 'size', message: 'the file is empty' }]);
    expect((await declare({ ...valid, contentType: 'text/html' })).json.errors[0].path).toBe('contentType');
    expect((await declare({ ...valid, sha256: 'xyz' })).json.errors[0].path).toBe('sha256');
    for (let index = 0; index < 20; index += 1) expect((await declare({ ...valid, name: `${index}.pdf` })).status).toBe(201);
    const twentyFirst = await declare(valid);
    expect(twentyFirst.status).toBe(422);
    expect(twentyFirst.json.errors).toEqual([{ path: 'attachments', message: 'at most 20 files' }]);
  });
});

describe('the signed copy of an agreement imported from paper', () => {
  it('is attached by an admin with the hash the import recorded, stored once its bytes match, and found by /verify as that agreement’s', async () => {
    const signedCopy = await makePdf('Signed on paper, 20 March 2019');
    const imported = await api({
      method: 'POST',
      path: '/agreements/imports',
      as: ADMIN,
      body: {
        sourceReference: `PAPER-${sha256(signedCopy).slice(0, 8)}`,
        title: 'Co-responding (signed on paper)',
        effectiveDate: '2019-04-01',
        nextReviewDate: '2030-04-01',
        signedCopySha256: sha256(signedCopy),
        attestation: 'Sealed copy held by legal services.',
        parties: [
          { agencyId: 'warwickshire-fire', signatories: [{ name: 'Andy Hickmott', role: 'Chief Fire Officer', signedOn: '2019-03-20' }] },
          { agencyId: 'west-midlands-ambulance', signatories: [{ name: 'Anthony Marsh', role: 'Chief Executive', signedOn: '2019-03-21' }] },
        ],
      },
    });
    expect(imported.status, JSON.stringify(imported.json)).toBe(201);
    const id = imported.json.id as string;
    const declare = (sha: string, as = ADMIN) =>
      api({ method: 'POST', path: `/agreements/${id}/attachments`, as, body: { name: 'Signed copy.pdf', contentType: 'application/pdf', size: signedCopy.length, sha256: sha } });
    expect((await declare(sha256(PNG))).json.errors).toEqual([{ path: 'sha256', message: expect.stringContaining('signedCopySha256') }]);
    expect((await declare(sha256(signedCopy), { email: 'legal@fire.paper.test', role: 'editor', agencies: ['warwickshire-fire'] } as never)).status).toBe(403);

    const attachmentId = await attach(id, { name: 'Signed copy.pdf', contentType: 'application/pdf', bytes: signedCopy });
    expect(await attachmentOf(id, attachmentId)).toMatchObject({ status: 'available', signedCopy: true, sha256: sha256(signedCopy) });
    expect((await read(id)).documentSha256).toBe(sha256(signedCopy));
    expect((await declare(sha256(signedCopy))).status).toBe(409);
    const verified = (await api({ method: 'POST', path: '/verify', bytes: signedCopy, headers: { 'content-type': 'application/pdf' } })).json;
    expect(verified.matches.map((match: { kind: string; reference: string }) => [match.kind, match.reference]).sort()).toEqual([
      ['attachment', imported.json.reference],
      ['document', imported.json.reference],
    ]);
    const events = (await api({ method: 'GET', path: `/agreements/${id}/events`, as: ADMIN })).json.items.map((event: { type: string }) => event.type);
    expect(events).toEqual(['imported', 'attachment_added', 'attachment_stored']);
  });
});

describe('the executed copy', () => {
  it('is sealed when the agreement comes into force, linked from every In force email, valid in a PDF reader, and found by /verify', async () => {
    const emails: [string, string] = ['cfo@fire.sealed.test', 'ceo@wmas.sealed.test'];
    const agreement = await draft(emails);
    await attach(agreement.id, { name: 'Schedule 1.pdf', contentType: 'application/pdf', bytes: await makePdf('Schedule 1') });
    await authoriseDraft(agreement.id);
    const submitted = (await api({ method: 'POST', path: `/agreements/${agreement.id}/submit`, as: ADMIN })).json;
    for (const party of submitted.parties) for (const signatory of party.signatories) await approve(await openLinkOf(agreement.id, signatory.id), signatory.name);

    const mails = await mailbox.waitFor((all) => emails.every((to) => all.some((mail) => mail.to === to && mail.subject.startsWith('In force:'))), 'the In force emails');
    const inForce = mails.find((mail) => mail.to === emails[0] && mail.subject.startsWith('In force:'))!;
    const copyLink = /\/copies\/[^\s"<]+/.exec(inForce.text)![0];

    let sealed = await read(agreement.id);
    for (let attempt = 0; attempt < 100 && !sealed.executedCopy; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      sealed = await read(agreement.id);
    }
    expect(sealed.executedCopy).toMatchObject({ sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });

    const pdf = await api({ method: 'GET', path: `/agreements/${agreement.id}/executed.pdf`, as: ADMIN });
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(sha256(pdf.bytes)).toBe(sealed.executedCopy.sha256);
    const file = join(mkdtempSync(join(tmpdir(), 'accord-executed-')), 'executed.pdf');
    writeFileSync(file, pdf.bytes);
    const { stdout } = await run('pdfsig', [file]).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
    expect(stdout).toContain('Signature is Valid.');
    expect(stdout).toContain('ETSI.CAdES.detached');
    const { stdout: text } = await run('pdftotext', [file, '-']);
    expect(text).toContain('Joint control room');
    expect(text).toContain(submitted.documentSha256.slice(0, 16));

    const byParty = await callFunction(signingHandler, 'signing', { method: 'GET', path: copyLink });
    expect(byParty.status).toBe(303);
    expect(sha256(new Uint8Array(await (await fetch(byParty.headers.location!)).arrayBuffer()))).toBe(sealed.executedCopy.sha256);

    const verified = await api({ method: 'POST', path: '/verify', bytes: pdf.bytes, headers: { 'content-type': 'application/pdf' } });
    expect(verified.json.matches).toEqual([
      { kind: 'executed_copy', reference: sealed.reference, version: 1, status: 'in_force', inForceSince: sealed.effectiveDate },
    ]);
    const unknown = await api({ method: 'POST', path: '/verify', bytes: Buffer.from('not an agreement'), headers: { 'content-type': 'application/octet-stream' } });
    expect(unknown.status).toBe(404);
  });
});
