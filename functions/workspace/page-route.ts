import { randomBytes } from 'node:crypto';
import type { MiddlewareObj } from '@middy/core';
import type { Method } from '@middy/http-router';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { hasRole, type TRole, type TUser } from '../../shared/domain/user';
import { isAppError } from '../../shared/errors';
import { attachmentDisposition } from '../../shared/http/content-disposition';
import { PAGE_HEADERS } from '../../shared/html/page';
import { config } from './config';
import { logger } from '../../shared/observability';
import { WORKSPACE_BASE, sessions } from './dependencies';
import { readPostedForm, type TFormValues, type TPostedFile } from './form';
import { csrfTokenMatches, type TCurrentSession } from './session';
import { defineView, type TLayoutContext } from './view';

/** What every page's layout needs, settled by the route layer for the request. */
export type TLayoutBase = Omit<TLayoutContext, 'title'>;

export type TPageInput = {
  params: Record<string, string | undefined>;
  query: Record<string, string | undefined>;
  form: TFormValues;
  /** A multipart form's files, by field name. */
  files: Record<string, TPostedFile>;
  user: TUser;
  session: TCurrentSession;
  layout: TLayoutBase;
};

export type TPageResult =
  | { html: string; status?: number }
  | { redirect: string; cookies?: string[] }
  | { file: { type: string; name: string; bytes: Uint8Array | string } }
  /** For the workspace's own script (a large file's upload URL), never for a page. */
  | { json: unknown; status?: number };

/** A workspace page: its path, the least role that may use it (checked here, for every page), and what it does. */
export type TPage = {
  method: Extract<Method, 'GET' | 'POST'>;
  path: string;
  role: TRole;
  handle: (input: TPageInput) => Promise<TPageResult>;
};

const NAVIGATION = [
  { path: '/', text: 'Agreements' },
  { path: '/agreements/new', text: 'New draft', role: 'editor' as TRole },
  { path: '/report', text: 'Board report' },
  { path: '/agencies', text: 'Agencies' },
  { path: '/proposals', text: 'Proposals' },
  { path: '/users', text: 'Users', role: 'admin' as TRole },
  { path: '/webhooks', text: 'Webhooks', role: 'editor' as TRole },
];

/** Where the workspace's script sends a large file's bytes: the documents bucket, straight. */
const DOCUMENTS_ORIGIN = config.documents.endpoint ? new URL(config.documents.endpoint).origin : `https://${config.documents.bucket}.s3.${config.documents.region}.amazonaws.com`;

const contentSecurityPolicy = (nonce: string) =>
  [
    "default-src 'none'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self' ${DOCUMENTS_ORIGIN}`,
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');

/** Every Accord page's headers, with a policy that lets in the workspace's style sheet and scripts. */
const pageHeaders = (nonce: string) => ({ ...PAGE_HEADERS, 'content-security-policy': contentSecurityPolicy(nonce) });

const errorView = defineView<{ heading: string; message: string }>(
  'accord/error.njk',
  `{% block page %}<h1 class="govuk-heading-l">{{ heading }}</h1><p class="govuk-body">{{ message }}</p><p class="govuk-body"><a class="govuk-link" href="{{ base }}">Go to your agreements</a></p>{% endblock %}`,
);

const HEADINGS: Record<number, string> = { 413: 'Too much to send', 403: 'You cannot do this', 404: 'Page not found', 409: 'This has changed', 410: 'This is no longer available', 412: 'Someone else changed this first', 422: 'This cannot be done yet', 429: 'Too many attempts' };

export const newNonce = () => randomBytes(16).toString('base64');

const OWN_ORIGIN = new URL(config.publicBaseUrl).origin;

/** A form posted from a page of this site: by its Origin when the browser sends one, else by Sec-Fetch-Site. */
const isSameSite = (headers: APIGatewayProxyEventV2['headers']) => {
  const origin = headers.origin;
  if (origin && origin !== 'null') return origin === OWN_ORIGIN;
  const site = headers['sec-fetch-site'];
  return !site || site === 'same-origin';
};

const respond = (result: TPageResult, nonce: string, extraHeaders: Record<string, string> = {}): APIGatewayProxyStructuredResultV2 => {
  if ('redirect' in result) return { statusCode: 303, headers: { location: result.redirect, 'cache-control': 'no-store', ...extraHeaders }, ...(result.cookies ? { cookies: result.cookies } : {}) };
  if ('json' in result) return { statusCode: result.status ?? 200, headers: { 'content-type': 'application/json', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' }, body: JSON.stringify(result.json) };
  if ('file' in result) {
    const bytes = typeof result.file.bytes === 'string' ? Buffer.from(result.file.bytes, 'utf8') : Buffer.from(result.file.bytes);
    return {
      statusCode: 200,
      headers: { 'content-type': result.file.type, 'content-disposition': attachmentDisposition(result.file.name), 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' },
      body: bytes.toString('base64'),
      isBase64Encoded: true,
    };
  }
  return { statusCode: result.status ?? 200, headers: { ...pageHeaders(nonce), ...extraHeaders }, body: result.html };
};

/** A page with no signed-in user (an error before sign-in, the signed-out page). */
export const publicPage = (render: (layout: TLayoutBase) => string, status = 200, headers: Record<string, string> = {}) => {
  const nonce = newNonce();
  return respond({ html: render({ base: WORKSPACE_BASE, cspNonce: nonce, user: null }), status }, nonce, headers);
};

/**
 * Turns a page into a router entry: the session is required (a GET without one is sent to sign in
 * and brought back), the page's role is checked, every POST must carry the session's CSRF token
 * and come from this site, and a domain refusal becomes a page saying so.
 */
export const toRouterRoute = (page: TPage) => ({
  method: page.method,
  path: `${WORKSPACE_BASE}${page.path === '/' ? '' : page.path}`,
  handler: async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
    const nonce = newNonce();
    const headers = event.headers ?? {};
    const session = await sessions.current((event.cookies ?? []).join('; '));
    if (!session) {
      const returnTo = page.method === 'GET' ? `${event.rawPath}${event.rawQueryString ? `?${event.rawQueryString}` : ''}` : WORKSPACE_BASE;
      const started = sessions.start(returnTo);
      return { statusCode: 303, headers: { location: started.location, 'cache-control': 'no-store' }, cookies: [started.setCookie] };
    }
    const user = session.user;
    const layout: TLayoutBase = {
      base: WORKSPACE_BASE,
      cspNonce: nonce,
      user,
      csrfToken: session.csrfToken,
      navigation: NAVIGATION.filter((item) => !item.role || hasRole(user, item.role)).map((item) => ({
        href: item.path === '/' ? WORKSPACE_BASE : `${WORKSPACE_BASE}${item.path}`,
        text: item.text,
        active: item.path === '/' ? /^\/app(\/agreements\/(?!new)|$)/.test(event.rawPath) : event.rawPath === `${WORKSPACE_BASE}${item.path}` || event.rawPath.startsWith(`${WORKSPACE_BASE}${item.path}/`),
      })),
    };
    const refuse = (status: number, message: string) => respond({ html: errorView({ ...layout, title: HEADINGS[status] ?? 'Sorry', heading: HEADINGS[status] ?? 'Sorry', message }), status }, nonce);
    if (!hasRole(user, page.role)) return refuse(403, `This needs the ${page.role} role; you are signed in as a ${user.role}.`);
    const { values: form, files } = page.method === 'POST' ? await readPostedForm(event) : { values: {}, files: {} };
    if (page.method === 'POST') {
      // The session's token is the defence; what the browser says of the form's origin (which a page cannot forge) is checked first.
      if (!isSameSite(headers) || !csrfTokenMatches(session, form.csrfToken)) {
        return refuse(403, 'This form has expired or did not come from Accord. Go back, reload the page and try again.');
      }
    }
    try {
      const result = await page.handle({ params: event.pathParameters ?? {}, query: event.queryStringParameters ?? {}, form, files, user, session, layout });
      return respond(result, nonce);
    } catch (error) {
      if (isAppError(error) && error.status < 500) return refuse(error.status, error.message);
      logger.error('A workspace page failed', { path: page.path, error: error as Error });
      throw error;
    }
  },
});

/** Whatever fails outside a page (a body too large, a fault) is still a page of the service, never JSON. */
export const workspaceErrorPage = (): MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyResultV2> => ({
  onError: async (request) => {
    const status = isAppError(request.error) && request.error.status < 500 ? request.error.status : 500;
    if (status === 500) logger.error('The workspace failed', { error: request.error as Error });
    const message = status === 500 ? 'Sorry, there is a problem with the service. Try again later; what you entered has not been saved.' : (request.error as Error).message;
    const heading = status === 500 ? 'Sorry, there is a problem with the service' : (HEADINGS[status] ?? 'Sorry');
    request.response = publicPage((layout) => errorView({ ...layout, title: heading, heading, message }), status);
  },
});
