import { ZIfMatchHeader } from '../../../shared/schemas/common';
import * as z from 'zod/mini';
import { documented } from '../../../shared/schemas/documented';
import { createDraft } from '../../../shared/domain/agreement/create-draft';
import { editDraft } from '../../../shared/domain/agreement/edit-draft';
import { importAgreement, importCsv } from '../../../shared/domain/agreement/import-agreement';
import { getAgreement, listAgreements, listAuditEvents } from '../../../shared/domain/agreement/read-agreements';
import { defineRoute } from '../../../shared/http/route';
import {
  ZAgreement,
  ZAgreementIdParams,
  ZAgreementList,
  ZCreateAgreementRequest,
  ZImportAgreementRequest,
  ZImportCsvRequest,
  ZImportCsvResult,
  ZListAgreementsQuery,
  ZPatchAgreementRequest,
  type TAgreement,
} from '../../../shared/schemas/agreement';
import { ZAuditEventList } from '../../../shared/schemas/audit-event';
import { agencies, agreements, newId } from '../dependencies';
import { deferred } from '../../../shared/schemas/deferred';

/** The revision is the entity tag: it changes on every write. */
const etagOf = (agreement: TAgreement) => `"${agreement.revision}"`;

const withEtag = (status: number, agreement: TAgreement, extra: Record<string, string> = {}) => ({
  status,
  body: agreement,
  headers: { etag: etagOf(agreement), ...extra },
});

const ZIdempotencyKey = deferred(() => z.string().check(z.minLength(1), z.maxLength(255), z.regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces')));

export const agreementRoutes = [
  defineRoute({
    method: 'POST',
    path: '/agreements',
    operationId: 'createAgreement',
    summary: 'Create a draft agreement (send Idempotency-Key to make retries safe)',
    tags: ['agreements'],
    auth: 'editor',
    body: ZCreateAgreementRequest,
    headers: z.object({
      'idempotency-key': documented(z.optional(ZIdempotencyKey), {
        description: 'Any unique string: a retry with the same key returns the first draft instead of making a second',
      }),
    }),
    responses: {
      201: { description: 'The new draft, version 1, with its reference', schema: ZAgreement },
      422: { description: 'A party or the drafting agency does not exist' },
    },
    handle: async ({ body, user, headers }) => {
      const key = headers['idempotency-key'];
      // With an Idempotency-Key, a retried create returns the draft the first attempt made (for a day).
      const agreement = await createDraft({
        input: body,
        user,
        now: new Date(),
        newId,
        agencies,
        agreements,
        ...(key ? { idempotencyKey: `${user.email}|api|${key}` } : {}),
      });
      return withEtag(201, agreement, { location: `/agreements/${agreement.id}` });
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/agreements',
    operationId: 'listAgreements',
    summary: 'List the agreements the caller may see',
    tags: ['agreements'],
    auth: 'viewer',
    query: ZListAgreementsQuery,
    responses: { 200: { description: 'A page, newest first (soonest review first with reviewDueBefore)', schema: ZAgreementList } },
    handle: async ({ query, user }) => ({ status: 200, body: await listAgreements({ query, user, agreements }) }),
  }),
  defineRoute({
    method: 'GET',
    path: '/agreements/{id}',
    operationId: 'getAgreement',
    summary: 'Read one agreement version with its parties and signatory statuses',
    tags: ['agreements'],
    auth: 'viewer',
    params: ZAgreementIdParams,
    responses: { 200: { description: 'The agreement; ETag is its revision', schema: ZAgreement } },
    handle: async ({ params, user }) => withEtag(200, await getAgreement({ id: params.id, user, agreements })),
  }),
  defineRoute({
    method: 'PATCH',
    path: '/agreements/{id}',
    operationId: 'editAgreement',
    summary: 'Edit a draft',
    tags: ['agreements'],
    auth: 'editor',
    headers: ZIfMatchHeader,
    params: ZAgreementIdParams,
    body: ZPatchAgreementRequest,
    responses: {
      200: { description: 'The edited draft with its new ETag', schema: ZAgreement },
      409: { description: 'Only a draft can be edited' },
      412: { description: 'If-Match does not match the current revision' },
      422: { description: 'A party names an agency that does not exist' },
      428: { description: 'If-Match is missing' },
    },
    handle: async ({ params, body, user, headers }) =>
      withEtag(200, await editDraft({ id: params.id, patch: body, ifMatch: headers['if-match'], user, now: new Date(), newId, agencies, agreements })),
  }),
  defineRoute({
    method: 'GET',
    path: '/agreements/{id}/events',
    operationId: 'listAgreementEvents',
    summary: 'The hash-chained audit trail, oldest first',
    tags: ['agreements'],
    auth: 'viewer',
    params: ZAgreementIdParams,
    responses: { 200: { description: 'Every event; each hash covers the event and the previous hash', schema: ZAuditEventList } },
    handle: async ({ params, user }) => ({
      status: 200,
      body: { items: await listAuditEvents({ id: params.id, user, agreements }) },
    }),
  }),
  defineRoute({
    method: 'POST',
    path: '/agreements/imports',
    operationId: 'importAgreement',
    summary: 'Import an agreement signed outside Accord: it enters in force, each signature attested by the importing admin',
    tags: ['agreements'],
    auth: 'admin',
    body: ZImportAgreementRequest,
    responses: {
      201: { description: 'The agreement, in force', schema: ZAgreement },
      409: { description: 'An agreement with this sourceReference was imported before' },
      422: { description: 'Every failed rule, by field: unknown agencies, dates, the statute’s party rules' },
    },
    handle: async ({ body, user }) => {
      const agreement = await importAgreement({ input: body, user, now: new Date(), newId, agencies, agreements });
      return withEtag(201, agreement, { location: `/agreements/${agreement.id}` });
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/agreements/imports/csv',
    operationId: 'importAgreementsCsv',
    summary: 'Import a register’s backlog from CSV: a dry run (the default) lists every problem by line and field; a run imports each agreement once',
    tags: ['agreements'],
    auth: 'admin',
    body: ZImportCsvRequest,
    responses: { 200: { description: 'What became of each agreement in the file', schema: ZImportCsvResult } },
    handle: async ({ body, user }) => ({
      status: 200,
      body: await importCsv({ csv: body.csv, dryRun: body.dryRun, attestation: body.attestation, user, now: new Date(), newId, agencies, agreements }),
    }),
  }),
];
