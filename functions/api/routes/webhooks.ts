import { defineRoute } from '../../../shared/http/route';
import {
  changeEndpoint,
  listAttempts,
  listEndpoints,
  readEndpoint,
  registerEndpoint,
  removeEndpoint,
  replayAttempt,
  rotateSecret,
} from '../../../shared/domain/webhooks/endpoints';
import {
  ZWebhookAttemptList,
  ZWebhookAttemptParams,
  ZWebhookAttemptQuery,
  ZWebhookChange,
  ZWebhookEndpoint,
  ZWebhookEndpointList,
  ZWebhookIdParams,
  ZWebhookRegistration,
  ZWebhookWithSecret,
} from '../../../shared/schemas/webhook';
import { agencies, checkDestination, linkSigner, newId, webhooks } from '../dependencies';

const NOT_FOUND = { 404: { description: 'No such endpoint, or not one the caller manages' } };

/** Other systems' endpoints for Accord's events: an admin's receive every agreement, an agency's those its agency may see. */
export const webhookRoutes = [
  defineRoute({
    method: 'POST',
    path: '/webhooks',
    operationId: 'registerWebhook',
    summary: 'Register an endpoint for events; the signing secret is in the answer and nowhere else',
    tags: ['webhooks'],
    auth: 'editor',
    body: ZWebhookRegistration,
    responses: {
      201: { description: 'Registered', schema: ZWebhookWithSecret },
      403: { description: "Not an editor of that agency (an editor registers for their own agency's agreements)" },
      422: { description: 'No such agency' },
    },
    handle: async ({ body, user }) => {
      const created = await registerEndpoint({ input: body, user, now: new Date(), newId, webhooks, agencies, checkDestination, linkSigner: await linkSigner() });
      return { status: 201, body: created, headers: { location: `/webhooks/${created.endpoint.id}` } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/webhooks',
    operationId: 'listWebhooks',
    summary: 'The endpoints the caller manages',
    tags: ['webhooks'],
    auth: 'editor',
    responses: { 200: { description: 'Oldest first', schema: ZWebhookEndpointList } },
    handle: async ({ user }) => ({ status: 200, body: { items: await listEndpoints({ user, webhooks }) } }),
  }),
  defineRoute({
    method: 'GET',
    path: '/webhooks/{id}',
    operationId: 'getWebhook',
    summary: 'One endpoint: its events, and whether it is failing or disabled',
    tags: ['webhooks'],
    auth: 'editor',
    params: ZWebhookIdParams,
    responses: { 200: { description: 'The endpoint', schema: ZWebhookEndpoint }, ...NOT_FOUND },
    handle: async ({ params, user }) => ({ status: 200, body: await readEndpoint({ id: params.id, user, webhooks }) }),
  }),
  defineRoute({
    method: 'PATCH',
    path: '/webhooks/{id}',
    operationId: 'changeWebhook',
    summary: 'Change the URL or events, or enable a disabled endpoint again',
    tags: ['webhooks'],
    auth: 'editor',
    params: ZWebhookIdParams,
    body: ZWebhookChange,
    responses: { 200: { description: 'The endpoint as changed', schema: ZWebhookEndpoint }, ...NOT_FOUND, 409: { description: 'A delivery changed it meanwhile; try again' } },
    handle: async ({ params, body, user }) => ({ status: 200, body: await changeEndpoint({ id: params.id, change: body, user, webhooks, checkDestination }) }),
  }),
  defineRoute({
    method: 'DELETE',
    path: '/webhooks/{id}',
    operationId: 'removeWebhook',
    summary: 'Remove an endpoint: nothing more is delivered to it',
    tags: ['webhooks'],
    auth: 'editor',
    params: ZWebhookIdParams,
    responses: { 204: { description: 'Removed' }, ...NOT_FOUND },
    handle: async ({ params, user }) => {
      await removeEndpoint({ id: params.id, user, webhooks });
      return { status: 204 };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/webhooks/{id}/secret',
    operationId: 'rotateWebhookSecret',
    summary: 'Rotate the signing secret: deliveries carry signatures with both secrets for 24 hours',
    tags: ['webhooks'],
    auth: 'editor',
    params: ZWebhookIdParams,
    responses: { 200: { description: 'The new secret, shown only now', schema: ZWebhookWithSecret }, ...NOT_FOUND, 409: { description: 'A delivery changed it meanwhile; try again' } },
    handle: async ({ params, user }) => ({ status: 200, body: await rotateSecret({ id: params.id, user, webhooks, now: new Date(), linkSigner: await linkSigner() }) }),
  }),
  defineRoute({
    method: 'GET',
    path: '/webhooks/{id}/deliveries',
    operationId: 'listWebhookDeliveries',
    summary: "The endpoint's delivery log, newest first: each attempt, its status and error (kept 30 days)",
    tags: ['webhooks'],
    auth: 'editor',
    params: ZWebhookIdParams,
    query: ZWebhookAttemptQuery,
    responses: { 200: { description: 'A page of attempts', schema: ZWebhookAttemptList }, ...NOT_FOUND },
    handle: async ({ params, query, user }) => ({
      status: 200,
      body: await listAttempts({ id: params.id, user, webhooks, page: { cursor: query.cursor, limit: query.limit } }),
    }),
  }),
  defineRoute({
    method: 'POST',
    path: '/webhooks/{id}/deliveries/{attemptId}/replay',
    operationId: 'replayWebhookDelivery',
    summary: 'Send the event of a logged attempt to this endpoint again, with the same webhook-id',
    tags: ['webhooks'],
    auth: 'editor',
    params: ZWebhookAttemptParams,
    responses: {
      202: { description: 'Queued: it appears in the log when delivered' },
      ...NOT_FOUND,
      409: { description: 'The endpoint is disabled: enable it first' },
      410: { description: 'The event is older than 30 days' },
    },
    handle: async ({ params, user }) => {
      await replayAttempt({ id: params.id, attemptId: params.attemptId, user, webhooks, newId });
      return { status: 202 };
    },
  }),
];
