// First: zod's settings hold for the schemas built after them.
import '../../shared/schemas/zod-settings';
import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import httpRouterHandler from '@middy/http-router';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { MAX_REQUEST_BYTES, requestSizeLimit } from '../../shared/http/request-size-limit';
import { observability } from '../../shared/observability';
import { MAX_FORM_FILE_BYTES } from './form';
import { toRouterRoute, workspaceErrorPage, type TPage } from './page-route';
import { agencyPages } from './pages/agencies';
import { agreementListPages } from './pages/agreement-list';
import { agreementPages } from './pages/agreement';
import { agreementActionPages } from './pages/agreement-actions';
import { certificatePages } from './pages/certificate';
import { reportPages } from './pages/report';
import { draftPages } from './pages/draft-form';
import { notFoundPage, serviceRoutes, signOutPage } from './pages/service';
import { userPages } from './pages/users';
import { filePages } from './pages/files';
import { importPages } from './pages/imports';
import { checkAndSendPages } from './pages/check-and-send';
import { proposalPages } from './pages/proposals';
import { webhookPages } from './pages/webhooks';

/** Every page of the workspace; each module owns its pages and their templates. */
export const pages: TPage[] = [...agreementListPages, ...draftPages, ...checkAndSendPages, ...importPages, ...agreementPages, ...filePages, ...agreementActionPages, ...certificatePages, ...reportPages, ...agencyPages, ...userPages, ...proposalPages, ...webhookPages, signOutPage];

/** The legal teams' workspace: server-rendered pages, one function, routed by path. */
export const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2>()
  .use(observability())
  .use(httpHeaderNormalizer())
  .use(requestSizeLimit(MAX_REQUEST_BYTES, (path) => (/^\/app\/agreements\/(import|[^/]+\/files)$/.test(path) ? MAX_FORM_FILE_BYTES + 64 * 1024 : undefined)))
  .use(workspaceErrorPage())
  // http-router types its not-found answer as a thrown error; a page is answered instead.
  .handler(httpRouterHandler<APIGatewayProxyEventV2, APIGatewayProxyResultV2>({ routes: [...serviceRoutes, ...pages.map(toRouterRoute)], notFoundResponse: notFoundPage as () => never }));
