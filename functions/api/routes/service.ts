import * as z from 'zod/mini';
import { documented } from '../../../shared/schemas/documented';
import { defineRoute, type TRouteSpec } from '../../../shared/http/route';
import { deferred } from '../../../shared/schemas/deferred';
import { openApiDocument } from '../openapi-document';

const ZOpenApiDocument = deferred(() =>
  documented(
    z.looseObject({ openapi: z.string(), info: z.looseObject({ title: z.string(), version: z.string() }), paths: z.record(z.string(), z.unknown()) }),
    { id: 'OpenApiDocument', description: 'An OpenAPI 3.1 document' },
  ),
);

/** Service routes: liveness, and the OpenAPI document naming `serverUrl`. */
export const serviceRoutes = (serverUrl: string): TRouteSpec[] => [
  defineRoute({
    method: 'GET',
    path: '/health',
    operationId: 'getHealth',
    summary: 'Liveness',
    tags: ['service'],
    auth: 'public',
    responses: { 200: { description: 'Up', schema: z.object({ status: z.literal('ok') }) } },
    handle: async () => ({ status: 200, body: { status: 'ok' } }),
  }),
  defineRoute({
    method: 'GET',
    path: '/openapi.json',
    operationId: 'getOpenApiDocument',
    summary: 'This document',
    tags: ['service'],
    auth: 'public',
    responses: { 200: { description: 'OpenAPI 3.1', schema: ZOpenApiDocument } },
    handle: async () => ({ status: 200, body: await openApiDocument(serverUrl) }),
  }),
];
