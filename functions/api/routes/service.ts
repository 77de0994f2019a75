import * as z from 'zod';
import { defineRoute, type TRouteSpec } from '../../../shared/http/route';
import { buildOpenApiDocument } from '../../../shared/http/openapi';
import { deferred } from '../../../shared/schemas/deferred';

const ZOpenApiDocument = deferred(() =>
  z
    .looseObject({ openapi: z.string(), info: z.object({ title: z.string(), version: z.string() }), paths: z.record(z.string(), z.unknown()) })
    .meta({ id: 'OpenApiDocument', description: 'An OpenAPI 3.1 document' }),
);

/** Service routes; the OpenAPI document is built on first request from every route given. */
export const serviceRoutes = (allRoutes: () => TRouteSpec[], serverUrl: string) => {
  let document: unknown;
  return [
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
      handle: async () => {
        document ??= buildOpenApiDocument(allRoutes(), serverUrl);
        return { status: 200, body: document };
      },
    }),
  ];
};
