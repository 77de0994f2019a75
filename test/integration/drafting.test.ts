import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../shared/db/client';
import { handler } from '../../functions/api/handler';
import { findBrokenLink } from '../../shared/domain/audit/audit-chain';
import { draftFor, WARWICKSHIRE_AGENCIES } from '../fixtures/agencies';
import { ADMIN, callApi, type TCall } from '../fixtures/http';
import type { TTestUser } from '../fixtures/auth';

const api = (call: TCall) => callApi(handler, call);
const FIRE_EDITOR: TTestUser = { email: 'drafter@warwickshire-fire.test', role: 'editor', agencies: ['warwickshire-fire'] };
const POLICE_VIEWER: TTestUser = { email: 'legal@warwickshire-police.test', role: 'viewer', agencies: ['warwickshire-police'] };
const AMBULANCE_EDITOR: TTestUser = { email: 'legal@wmas.test', role: 'editor', agencies: ['west-midlands-ambulance'] };
const year = new Date().getUTCFullYear();

beforeAll(async () => {
  for (const agency of WARWICKSHIRE_AGENCIES) {
    expect((await api({ method: 'POST', path: '/agencies', body: agency, as: ADMIN })).status).toBe(201);
  }
});

describe('drafting an agreement', () => {
  it('creates, reads, refuses a stale edit, edits and lists a draft', async () => {
    const created = await api({
      method: 'POST',
      path: '/agreements',
      body: draftFor('Joint estates', ['warwickshire-fire', 'warwickshire-police', 'warwickshire-pcc']),
      as: FIRE_EDITOR,
    });
    expect(created.status).toBe(201);
    expect(created.headers.location).toBe(`/agreements/${created.json.id}`);
    expect(created.headers.etag).toBe('"1"');
    expect(created.json).toMatchObject({
      status: 'draft',
      version: 1,
      owner: FIRE_EDITOR.email,
      ownerAgencyId: 'warwickshire-fire',
      reference: expect.stringMatching(new RegExp(`^CA-${year}-\\d{4}$`)),
    });
    expect(created.json.parties[1]).toMatchObject({ agencyName: 'Warwickshire Police', agencyType: 'police_force', requiredApprovals: 1 });
    expect(created.json.parties[1].signatories[0]).toMatchObject({ status: 'pending', order: 1 });

    const read = await api({ method: 'GET', path: `/agreements/${created.json.id}`, as: POLICE_VIEWER });
    expect(read.status).toBe(200);
    expect(read.headers.etag).toBe('"1"');
    expect(read.json).toEqual(created.json);

    const edited = await api({
      method: 'PATCH',
      path: `/agreements/${created.json.id}`,
      headers: { 'if-match': '"1"' },
      body: { title: 'Joint estates and fleet', expiryDate: '2031-03-31' },
      as: FIRE_EDITOR,
    });
    expect(edited.status).toBe(200);
    expect(edited.headers.etag).toBe('"2"');
    expect(edited.json).toMatchObject({ title: 'Joint estates and fleet', expiryDate: '2031-03-31', revision: 2 });

    const stale = await api({
      method: 'PATCH',
      path: `/agreements/${created.json.id}`,
      headers: { 'if-match': '"1"' },
      body: { title: 'Lost update' },
      as: FIRE_EDITOR,
    });
    expect(stale.status).toBe(412);
    expect(stale.headers['content-type']).toBe('application/problem+json');
    const afterStale = await api({ method: 'GET', path: `/agreements/${created.json.id}`, as: FIRE_EDITOR });
    expect(afterStale.json.title).toBe('Joint estates and fleet');

    const listed = await api({ method: 'GET', path: '/agreements', as: POLICE_VIEWER });
    expect(listed.status).toBe(200);
    expect(listed.json.items).toContainEqual(
      expect.objectContaining({ id: created.json.id, title: 'Joint estates and fleet', status: 'draft' }),
    );
    expect(listed.json.items[0]).not.toHaveProperty('body');
  });

  it('asks for If-Match before editing, and names the current revision when it is stale', async () => {
    const created = await api({ method: 'POST', path: '/agreements', body: { title: 'Shared control room' }, as: FIRE_EDITOR });
    const missing = await api({ method: 'PATCH', path: `/agreements/${created.json.id}`, body: { title: 'x' }, as: FIRE_EDITOR });
    expect(missing.status).toBe(428);
    const wrong = await api({
      method: 'PATCH',
      path: `/agreements/${created.json.id}`,
      headers: { 'if-match': '"7"' },
      body: { title: 'x' },
      as: FIRE_EDITOR,
    });
    expect(wrong.status).toBe(412);
    expect(wrong.json.detail).toContain('revision 1');
  });

  it('keeps each idempotency key under a partition of its own', async () => {
    for (const key of ['spread-a', 'spread-b']) {
      await api({ method: 'POST', path: '/agreements', body: { title: `Spread ${key}` }, headers: { 'idempotency-key': key }, as: FIRE_EDITOR });
    }
    // A scan is fine in a test: it reads what the table holds, whatever the keys.
    const { Items } = await createDocumentClient({ region: 'eu-west-2', endpoint: process.env.DYNAMODB_ENDPOINT }).send(
      new ScanCommand({ TableName: process.env.TABLE_NAME, FilterExpression: 'begins_with(PK, :prefix)', ExpressionAttributeValues: { ':prefix': 'CREATE#' } }),
    );
    const partitions = new Set((Items ?? []).map((item) => item.PK));
    expect(partitions.size).toBe(Items!.length);
    expect(partitions.size).toBeGreaterThanOrEqual(2);
  });

  it('makes a retried create with the same Idempotency-Key return the first draft, not a second one', async () => {
    const body = { title: 'Retried over a flaky network' };
    const headers = { 'idempotency-key': 'create-7f3a9c' };
    const first = await api({ method: 'POST', path: '/agreements', body, headers, as: FIRE_EDITOR });
    const retry = await api({ method: 'POST', path: '/agreements', body, headers, as: FIRE_EDITOR });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.json.id).toBe(first.json.id);
    expect(retry.headers.location).toBe(first.headers.location);
    const listed = await api({ method: 'GET', path: '/agreements?q=flaky&limit=100', as: FIRE_EDITOR });
    expect(listed.json.items).toHaveLength(1);

    const reused = await api({ method: 'POST', path: '/agreements', body: { title: 'Something else' }, headers, as: FIRE_EDITOR });
    expect(reused.status).toBe(422);
    expect(reused.json.errors[0].path).toBe('Idempotency-Key');
    const invalid = await api({ method: 'POST', path: '/agreements', body, headers: { 'idempotency-key': 'has space' }, as: FIRE_EDITOR });
    expect(invalid.status).toBe(400);

    const failing = { title: 'Bad party', parties: [{ agencyId: 'no-such-agency' }] };
    const refused = await api({ method: 'POST', path: '/agreements', body: failing, headers: { 'idempotency-key': 'create-bad' }, as: FIRE_EDITOR });
    expect(refused.status).toBe(422);
    expect(refused.json.errors[0].path).toBe('parties.0.agencyId');
  });

  it('keeps a hash-chained audit trail of the creation and each edit', async () => {
    const created = await api({ method: 'POST', path: '/agreements', body: { title: 'Audit me' }, as: FIRE_EDITOR });
    await api({
      method: 'PATCH',
      path: `/agreements/${created.json.id}`,
      headers: { 'if-match': '"1"' },
      body: { body: 'New text', summary: 'Now with a summary' },
      as: FIRE_EDITOR,
    });
    const events = await api({ method: 'GET', path: `/agreements/${created.json.id}/events`, as: FIRE_EDITOR });
    expect(events.status).toBe(200);
    expect(events.json.items.map((event: { type: string }) => event.type)).toEqual(['draft_created', 'draft_edited']);
    expect(events.json.items[0].prevHash).toBeNull();
    expect(events.json.items[1].prevHash).toBe(events.json.items[0].hash);
    expect(events.json.items[1].data.changes).toContainEqual({ field: 'summary', from: '', to: 'Now with a summary' });
    expect(findBrokenLink(events.json.items)).toBeNull();

    const tampered = structuredClone(events.json.items);
    tampered[0].data.title = 'Something else';
    expect(findBrokenLink(tampered)).toBe(1);
  });

  it("hides another agency's agreement as if it did not exist", async () => {
    const created = await api({
      method: 'POST',
      path: '/agreements',
      body: draftFor('Fire and police only', ['warwickshire-fire', 'warwickshire-police']),
      as: FIRE_EDITOR,
    });
    const read = await api({ method: 'GET', path: `/agreements/${created.json.id}`, as: AMBULANCE_EDITOR });
    expect(read.status).toBe(404);
    const listed = await api({ method: 'GET', path: '/agreements?limit=100', as: AMBULANCE_EDITOR });
    expect(listed.json.items.map((item: { id: string }) => item.id)).not.toContain(created.json.id);
    const filtered = await api({ method: 'GET', path: '/agreements?agency=warwickshire-fire', as: AMBULANCE_EDITOR });
    expect(filtered.status).toBe(403);
  });

  it('refuses writes from a viewer and unauthenticated callers', async () => {
    expect((await api({ method: 'POST', path: '/agreements', body: { title: 'x' }, as: POLICE_VIEWER })).status).toBe(403);
    expect((await api({ method: 'POST', path: '/agreements', body: { title: 'x' } })).status).toBe(401);
    expect((await api({ method: 'GET', path: '/agreements', headers: { authorization: 'Bearer not.a.jwt' } })).status).toBe(401);
  });

  it('names an unknown party agency and changes nothing', async () => {
    const before = await api({ method: 'GET', path: '/agreements?limit=100', as: ADMIN });
    const refused = await api({
      method: 'POST',
      path: '/agreements',
      body: draftFor('Ghost party', ['warwickshire-fire', 'no-such-agency']),
      as: FIRE_EDITOR,
    });
    expect(refused.status).toBe(422);
    expect(refused.json.errors).toEqual([{ path: 'parties.1.agencyId', message: "no agency 'no-such-agency'" }]);
    const after = await api({ method: 'GET', path: '/agreements?limit=100', as: ADMIN });
    expect(after.json.items).toHaveLength(before.json.items.length);
  });
});

describe('listing agreements', () => {
  const POLICE_AND_FIRE: TTestUser = {
    email: 'joint@warwickshire.test',
    role: 'viewer',
    agencies: ['warwickshire-police', 'warwickshire-fire'],
  };

  it('pages through every agreement a user may see across their agencies, newest first, once each', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await api({
        method: 'GET',
        path: `/agreements?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
        as: POLICE_AND_FIRE,
      });
      expect(page.status).toBe(200);
      expect(page.json.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.json.items.map((item: { id: string }) => item.id));
      cursor = page.json.nextCursor;
    } while (cursor);
    // Every agreement in this file was drafted by the fire service, so this user sees exactly what an admin sees.
    const all = await api({ method: 'GET', path: '/agreements?limit=100', as: ADMIN });
    expect(all.json.nextCursor).toBeNull();
    expect(seen).toEqual(all.json.items.map((item: { id: string }) => item.id));
    const createdTimes = all.json.items.map((item: { createdAt: string }) => item.createdAt);
    expect(createdTimes).toEqual([...createdTimes].sort().reverse());
  });

  it('filters by status and by words in the title', async () => {
    const drafts = await api({ method: 'GET', path: '/agreements?status=draft&limit=100', as: ADMIN });
    expect(drafts.json.items.length).toBeGreaterThan(0);
    expect(drafts.json.items.every((item: { status: string }) => item.status === 'draft')).toBe(true);
    const inForce = await api({ method: 'GET', path: '/agreements?status=in_force', as: ADMIN });
    expect(inForce.json.items).toEqual([]);
    const search = await api({ method: 'GET', path: '/agreements?q=control%20room&limit=100', as: ADMIN });
    expect(search.json.items.map((item: { title: string }) => item.title)).toEqual(['Shared control room']);
  });

  it('refuses a bad filter with the field named', async () => {
    const bad = await api({ method: 'GET', path: '/agreements?status=signed&limit=0', as: ADMIN });
    expect(bad.status).toBe(400);
    expect(bad.json.errors.map((error: { path: string }) => error.path).sort()).toEqual(['limit', 'status']);
    const badCursor = await api({ method: 'GET', path: '/agreements?cursor=nonsense', as: ADMIN });
    expect(badCursor.status).toBe(400);
    expect(badCursor.json.errors[0].path).toBe('cursor');
  });
});
