// First: zod's settings hold for the schemas built after them.
import '../../shared/schemas/zod-settings';
import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import httpRouterHandler from '@middy/http-router';
import httpSecurityHeaders from '@middy/http-security-headers';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { config } from './config';
import { MAX_REQUEST_BYTES, requestSizeLimit } from '../../shared/http/request-size-limit';
import { problemDetails } from '../../shared/http/problem';
import { toRouterRoutes, type TRouteSpec } from '../../shared/http/route';
import { observability } from '../../shared/observability';
import { authenticate } from './dependencies';
import { agencyRoutes } from './routes/agencies';
import { agreementRoutes } from './routes/agreements';
import { serviceRoutes } from './routes/service';
import { registerRoutes } from './routes/register';
import { signOffRoutes } from './routes/sign-off';
import { webhookRoutes } from './routes/webhooks';
import { proposalRoutes } from './routes/proposals';
import { documentRoutes, MAX_VERIFY_BYTES } from './routes/documents';

// HTML pages (register, verify) carry their own stricter policy (shared/html/page.ts), which allows
// only the workspace's style sheet; no reporting endpoints (an option newer than the type definitions).
const JSON_SECURITY_HEADERS = { reportingEndpoints: false, contentSecurityPolicy: false, frameOptions: false } as Parameters<
  typeof httpSecurityHeaders
>[0];

/** Every route of the API, in one list: the router is built from it, and the OpenAPI document (client/generate.ts). */
export const routes: TRouteSpec[] = [
  ...serviceRoutes(config.publicBaseUrl),
  ...agencyRoutes,
  ...agreementRoutes,
  ...signOffRoutes,
  ...documentRoutes,
  ...registerRoutes,
  ...proposalRoutes,
  ...webhookRoutes,
];

/** The legal team's JSON API: one function, routed by path. */
export const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2>()
  .use(observability())
  .use(httpHeaderNormalizer())
  .use(requestSizeLimit(MAX_REQUEST_BYTES, { '/verify': MAX_VERIFY_BYTES + 64 * 1024 }))
  .use(httpSecurityHeaders(JSON_SECURITY_HEADERS))
  .use(problemDetails())
  .handler(httpRouterHandler<APIGatewayProxyEventV2, APIGatewayProxyResultV2>(routes.flatMap((route) => toRouterRoutes(route, authenticate))));
