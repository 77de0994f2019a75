import * as z from 'zod/mini';
import { documented } from '../schemas/documented';
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject, type ZodOpenApiResponseObject } from 'zod-openapi';
import { ZProblem } from '../schemas/common';
import { schemasBuiltOnDefinition } from '../schemas/deferred';
import { WEBHOOK_EVENTS, ZProposalWebhookPayload, ZWebhookPayload } from '../schemas/webhook';
import { PROBLEM_CONTENT_TYPE } from './problem';
import { MAX_REQUEST_BYTES } from './request-size-limit';
import type { TRouteSpec } from './route';

const PROBLEM_RESPONSES: Record<number, string> = {
  400: 'Bad input; `errors[]` names each field',
  401: 'No or invalid bearer token',
  403: "The caller's role does not allow this",
  404: 'Not found, or not visible to the caller',
  500: 'An unexpected failure; the problem reveals nothing of its cause',
  503: 'Storage briefly unreachable; nothing was changed. Send the request again after `Retry-After` seconds',
};

/** What any operation with a JSON body may also answer. */
const BODY_PROBLEM_RESPONSES: Record<number, string> = {
  413: `The body is larger than ${MAX_REQUEST_BYTES / 1024} KiB`,
  415: 'The body is not application/json',
};

const WEBHOOK_HEADERS = z.object({
  'webhook-id': documented(z.string(), { description: 'The same for every attempt and replay of a delivery: drop repeats by it' }),
  'webhook-timestamp': documented(z.string(), { description: 'Unix seconds when the attempt was signed' }),
  'webhook-signature': documented(z.string(), {
    description: 'Space-separated `v1,<base64 HMAC-SHA256>` of `<webhook-id>.<webhook-timestamp>.<body>` (two during a secret rotation)',
  }),
});

/** `agreement.in_force` → `onAgreementInForce`. */
const webhookOperationId = (type: string) =>
  `on${type
    .split(/[._]/)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('')}`;

/** What Accord sends to registered endpoints (Standard Webhooks), in the document's `webhooks` section. */
const webhookOperations = (): ZodOpenApiPathsObject =>
  Object.fromEntries(
    Object.entries(WEBHOOK_EVENTS).map(([type, summary]) => [
      type,
      {
        post: {
          operationId: webhookOperationId(type),
          summary,
          tags: ['webhooks'],
          description: `Sent with \`type: "${type}"\` to endpoints subscribed to it (POST /webhooks). Verify the signature with the endpoint's secret (the \`standardwebhooks\` library does), then answer 2xx within 10 seconds; anything else is retried for 24 hours.`,
          // A receiver checks the signature headers; there are no credentials to present.
          security: [],
          requestParams: { header: WEBHOOK_HEADERS },
          requestBody: {
            required: true,
            content: { 'application/json': { schema: type.startsWith('proposal.') ? ZProposalWebhookPayload : ZWebhookPayload } },
          },
          responses: {
            200: { description: 'Any 2xx status acknowledges the delivery' },
            400: { description: 'Any other status, or no answer in 10 seconds, is retried on a schedule for 24 hours' },
          },
        },
      },
    ]),
  );

const problem = (description: string) => ({ description, content: { [PROBLEM_CONTENT_TYPE]: { schema: ZProblem } } });

const operationOf = (route: TRouteSpec): ZodOpenApiOperationObject => {
  const responses: Record<string, ZodOpenApiResponseObject> = Object.fromEntries(
    Object.entries(route.responses).map(([status, doc]) => [
      status,
      // Every error is a problem document, whether the route describes it or the list above does.
      Number(status) >= 400 && !doc.schema
        ? problem(doc.description)
        : { description: doc.description, ...(doc.schema ? { content: { [doc.contentType ?? 'application/json']: { schema: doc.schema } } } : {}) },
    ]),
  );
  for (const [status, description] of Object.entries({ ...PROBLEM_RESPONSES, ...(route.body ? BODY_PROBLEM_RESPONSES : {}) })) {
    if (route.auth === 'public' && (status === '401' || status === '403')) continue;
    responses[status] ??= problem(description);
  }
  return {
    operationId: route.operationId,
    summary: route.summary,
    tags: route.tags,
    // A public operation says so: it needs no credentials, rather than leaving the question open. Others name
    // the least role they need (OpenAPI 3.1 lets a bearer requirement list role names); the route layer enforces it.
    ...(route.auth === 'public' ? { security: [] } : { security: [{ bearer: [route.auth] }], description: `Needs the ${route.auth} role.` }),
    requestParams: {
      ...(route.params ? { path: route.params as never } : {}),
      ...(route.query ? { query: route.query as never } : {}),
      ...(route.headers ? { header: route.headers as never } : {}),
    },
    ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: route.body } } } } : {}),
    ...(route.rawBody
      ? {
          requestBody: {
            required: true,
            description: route.rawBody.description,
            content: Object.fromEntries(route.rawBody.contentTypes.map((type) => [type, { schema: documented(z.string(), { format: 'binary' }) }])),
          },
        }
      : {}),
    responses,
  };
};

/** The OpenAPI 3.1 document, generated from the same route specs and zod schemas the API runs on. */
export const buildOpenApiDocument = (routes: TRouteSpec[], serverUrl: string) => {
  if (!schemasBuiltOnDefinition())
    throw new Error(
      'The OpenAPI document is generated from schemas built on definition: call buildSchemasOnDefinition() before loading the routes (client/generate.ts)',
    );
  const paths: ZodOpenApiPathsObject = {};
  for (const route of routes) paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: operationOf(route) };
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Accord',
      version: '1',
      description: 'Collaboration agreements between emergency services: drafting, sign-off and review.',
      license: { name: 'Open Government Licence v3.0', identifier: 'OGL-UK-3.0' },
    },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'A Cognito ID token (in AWS) or one from POST /_local/login (local stack)',
        },
      },
    },
    paths,
    webhooks: webhookOperations(),
  });
};
