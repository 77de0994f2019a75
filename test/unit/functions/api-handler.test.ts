import { BatchGetCommand, DynamoDBDocumentClient, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../../functions/api/handler';
import { agreementKey, agreementTextKey } from '../../../shared/db/keys';
import type { TAgreement } from '../../../shared/schemas/agreement';
import { tokenFor } from '../../fixtures/auth';
import { ADMIN, callApi, type TCall } from '../../fixtures/http';

const dynamo = mockClient(DynamoDBDocumentClient);
const api = (call: TCall) => callApi(handler, call);
const FIRE_VIEWER = { email: 'viewer@fire.test', role: 'viewer' as const, agencies: ['warwickshire-fire'] };

const AGREEMENT: TAgreement = {
  id: '01JD0000000000000000000000',
  reference: 'CA-2026-0001',
  version: 1,
  attachments: [],
  executedCopy: null,
  supersedes: null,
  title: 'Joint estates',
  summary: '',
  legalBasis: 'PCA2017_S2',
  functions: [],
  body: 'Text',
  withdrawalTerms: null,
  documentSha256: null,
  parties: [],
  owner: 'drafter@fire.test',
  ownerAgencyId: 'warwickshire-fire',
  legalContacts: [],
  status: 'draft',
  effectiveDate: null,
  reviewIntervalMonths: 12,
  nextReviewDate: null,
  expiryDate: null,
  publish: true,
  publishExemptionReason: null,
  undelivered: [],
  reviews: [],
  termination: null,
  terminationRound: null,
  withdrawalNotices: [],
  proposalId: null,
  revision: 3,
  createdAt: '2026-06-01T09:00:00.000Z',
  updatedAt: '2026-06-01T09:00:00.000Z',
};

beforeEach(() => {
  dynamo.reset();
});

describe('the API function', () => {
  it('answers the health check without a token', async () => {
    const reply = await api({ method: 'GET', path: '/health' });
    expect(reply).toMatchObject({ status: 200, json: { status: 'ok' } });
  });

  it('reads one agreement with one DynamoDB request and gives its revision as the ETag', async () => {
    const { body, ...record } = AGREEMENT;
    dynamo.on(BatchGetCommand).resolves({
      Responses: { [process.env.TABLE_NAME!]: [{ ...agreementKey(AGREEMENT.id), ...record, auditHead: { seq: 3, hash: 'abc' } }, { ...agreementTextKey(AGREEMENT.id), body }] },
    });
    const reply = await api({ method: 'GET', path: `/agreements/${AGREEMENT.id}`, as: FIRE_VIEWER });
    expect(reply.status).toBe(200);
    expect(reply.headers.etag).toBe('"3"');
    expect(reply.json).toEqual(AGREEMENT);
    expect(reply.json).not.toHaveProperty('auditHead');
    expect(dynamo.calls()).toHaveLength(1);
  });

  it('lists a single-agency user\'s agreements with one Query', async () => {
    dynamo.on(QueryCommand).resolves({ Items: [] });
    const reply = await api({ method: 'GET', path: '/agreements?status=draft', as: FIRE_VIEWER });
    expect(reply.json).toEqual({ items: [], nextCursor: null });
    expect(dynamo.calls()).toHaveLength(1);
    expect(dynamo.commandCalls(QueryCommand)[0]!.args[0].input.ExpressionAttributeValues).toEqual({
      ':pk': 'LIST#AGENCY#warwickshire-fire#STATUS#draft',
    });
  });

  it('refuses a missing, forged or expired token with 401', async () => {
    expect((await api({ method: 'GET', path: '/agreements' })).status).toBe(401);
    const forged = await tokenFor(FIRE_VIEWER, { issuer: 'https://evil.example' });
    expect((await api({ method: 'GET', path: '/agreements', headers: { authorization: `Bearer ${forged}` } })).status).toBe(401);
    const expired = await tokenFor(FIRE_VIEWER, { expiresIn: '-1m' });
    expect((await api({ method: 'GET', path: '/agreements', headers: { authorization: `Bearer ${expired}` } })).status).toBe(401);
    expect(dynamo.calls()).toHaveLength(0);
  });

  it('refuses a viewer creating an agency with 403 before touching the table', async () => {
    const reply = await api({ method: 'POST', path: '/agencies', body: { name: 'X', type: 'other' }, as: FIRE_VIEWER });
    expect(reply.status).toBe(403);
    expect(reply.headers['content-type']).toBe('application/problem+json');
    expect(dynamo.calls()).toHaveLength(0);
  });

  it('refuses malformed JSON with 400, a non-JSON body with 415 and an oversized one with 413', async () => {
    const malformed = await api({ method: 'POST', path: '/agreements', rawBody: '{"title":', as: ADMIN });
    expect(malformed.status).toBe(400);
    expect(malformed.json.detail).toBe('The request body is not valid JSON.');
    const form = await api({ method: 'POST', path: '/agreements', rawBody: 'title=x', headers: { 'content-type': 'text/plain' }, as: ADMIN });
    expect(form.status).toBe(415);
    const huge = await api({ method: 'POST', path: '/agreements', body: { title: 'Big', body: 'x'.repeat(500_000) }, as: ADMIN });
    expect(huge.status).toBe(413);
    expect(dynamo.calls()).toHaveLength(0);
  });

  it('names every bad field of a draft, down to the signatory', async () => {
    const reply = await api({
      method: 'POST',
      path: '/agreements',
      body: { title: '', legalBasis: 'MAGNA_CARTA', parties: [{ agencyId: 'warwickshire-fire', signatories: [{ name: 'A', role: 'CFO', email: 'nope' }] }] },
      as: ADMIN,
    });
    expect(reply.status).toBe(400);
    expect(reply.json.errors.map((error: { path: string }) => error.path)).toEqual([
      'title',
      'legalBasis',
      'parties.0.signatories.0.email',
    ]);
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('turns a storage failure into a 500 that reveals nothing of its cause', async () => {
    dynamo.on(BatchGetCommand).rejects(new Error('secret internal detail'));
    const reply = await api({ method: 'GET', path: `/agreements/${AGREEMENT.id}`, as: FIRE_VIEWER });
    expect(reply.status).toBe(500);
    expect(reply.text).not.toContain('secret');
    expect(reply.json.title).toBe('Internal error');
  });

  it('answers an unknown path and an unknown id with 404 problems', async () => {
    expect((await api({ method: 'GET', path: '/nowhere' })).status).toBe(404);
    dynamo.on(BatchGetCommand).resolves({ Responses: { [process.env.TABLE_NAME!]: [] } });
    const missing = await api({ method: 'GET', path: `/agreements/${AGREEMENT.id}`, as: FIRE_VIEWER });
    expect(missing.status).toBe(404);
    expect(missing.json.type).toBe('urn:accord:problem:not_found');
    expect((await api({ method: 'GET', path: '/agreements/not-an-id', as: FIRE_VIEWER })).status).toBe(404);
  });

  it('publishes an OpenAPI 3.1 document generated from the route schemas', async () => {
    const reply = await api({ method: 'GET', path: '/openapi.json' });
    expect(reply.json.openapi).toBe('3.1.0');
    expect(Object.keys(reply.json.paths)).toEqual(
      expect.arrayContaining(['/health', '/agencies', '/agreements', '/agreements/{id}', '/agreements/{id}/events']),
    );
    expect(reply.json.components.schemas.Agreement.properties.reference).toBeDefined();
    expect(reply.json.paths['/agreements/{id}'].patch.responses['412']).toBeDefined();
  });
});
