import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { isAppError } from '../../../shared/errors';
import { WORKSPACE_BASE, sessions } from '../dependencies';
import { publicPage, type TPage } from '../page-route';
import { BUILD_DIR, defineView } from '../view';

const messageView = defineView<{ heading: string; paragraphs: string[]; action?: { href: string; text: string } }>(
  'accord/message.njk',
  `{% block page %}
<h1 class="govuk-heading-l">{{ heading }}</h1>
{% for paragraph in paragraphs %}<p class="govuk-body">{{ paragraph }}</p>{% endfor %}
{% if action %}{{ govukButton({ text: action.text, href: action.href }) }}{% endif %}
{% endblock %}`,
);

const accessibilityView = defineView<object>(
  'accord/accessibility.njk',
  `{% block page %}
<h1 class="govuk-heading-l">Accessibility statement for Accord</h1>
<p class="govuk-body">This statement applies to Accord's workspace for legal teams, the pages signatories sign on, and the public register of collaboration agreements.</p>
<p class="govuk-body">Accord is built on the GOV.UK Design System (GOV.UK Frontend), which is tested with assistive technologies. We want as many people as possible to be able to use it. You should be able to:</p>
<ul class="govuk-list govuk-list--bullet">
  <li>change colours, contrast levels and fonts using your browser or device settings</li>
  <li>zoom in up to 400% without the text spilling off the screen</li>
  <li>do every task with a keyboard alone, including drafting, submitting and signing an agreement</li>
  <li>use every page with JavaScript turned off</li>
  <li>use every page with a screen reader, including recent versions of JAWS, NVDA and VoiceOver</li>
</ul>
<h2 class="govuk-heading-m">How accessible this service is</h2>
<p class="govuk-body">Every kind of page is checked with axe-core in Chromium on each change, against the Web Content Accessibility Guidelines version 2.2, level AA. We know of no part of the service that fails that standard.</p>
<h2 class="govuk-heading-m">Feedback and contact information</h2>
<p class="govuk-body">If you find a problem, or need an agreement in another format, tell the legal services team of your organisation, who run Accord for you. They will reply within 5 working days.</p>
<h2 class="govuk-heading-m">Enforcement procedure</h2>
<p class="govuk-body">The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018. If you are not happy with how we respond to your complaint, contact the Equality Advisory and Support Service (EASS).</p>
<h2 class="govuk-heading-m">Technical information about this service's accessibility</h2>
<p class="govuk-body">Accord is fully compliant with the Web Content Accessibility Guidelines version 2.2 AA standard.</p>
<p class="govuk-body">This statement was prepared on 3 December 2026. It was last reviewed on 3 December 2026.</p>
{% endblock %}`,
);

const ASSET_TYPES: Record<string, string> = { '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8' };

/** The built style sheet and scripts, read once: only these names are ever served. */
const assets = new Map(
  readdirSync(join(BUILD_DIR, 'public')).flatMap((name) => {
    const type = ASSET_TYPES[name.slice(name.lastIndexOf('.'))];
    return type ? [[name, { type, body: readFileSync(join(BUILD_DIR, 'public', name), 'utf8') }] as const] : [];
  }),
);

const cookieHeaderOf = (event: APIGatewayProxyEventV2) => (event.cookies ?? []).join('; ');

const signInAgain = (message: string, status: number) =>
  publicPage((layout) => messageView({ ...layout, title: 'Sign in again', heading: 'Sign in again', paragraphs: [message], action: { href: `${WORKSPACE_BASE}/sign-in`, text: 'Sign in' } }), status);

/** The routes that need no session: assets, the sign-in's start and return, the signed-out page, the accessibility statement. */
export const serviceRoutes = [
  {
    // What the workspace's script asks while someone types, so the idle timeout counts their typing.
    // Without a session it says so (401) and starts no sign-in, which would upset one in another tab.
    method: 'GET' as const,
    path: `${WORKSPACE_BASE}/keep-alive`,
    handler: async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => ({
      statusCode: (await sessions.current(cookieHeaderOf(event))) ? 204 : 401,
      headers: { 'cache-control': 'no-store' },
      body: '',
    }),
  },
  {
    method: 'GET' as const,
    path: `${WORKSPACE_BASE}/assets/{name}`,
    handler: async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
      const asset = assets.get(event.pathParameters?.name ?? '');
      if (!asset) return { statusCode: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'Not found' };
      return { statusCode: 200, headers: { 'content-type': asset.type, 'cache-control': 'public, max-age=3600', 'x-content-type-options': 'nosniff' }, body: asset.body };
    },
  },
  {
    method: 'GET' as const,
    path: `${WORKSPACE_BASE}/sign-in`,
    handler: async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
      const started = sessions.start(event.queryStringParameters?.returnTo);
      return { statusCode: 303, headers: { location: started.location, 'cache-control': 'no-store' }, cookies: [started.setCookie] };
    },
  },
  {
    method: 'GET' as const,
    path: `${WORKSPACE_BASE}/auth/callback`,
    handler: async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
      const query = event.queryStringParameters ?? {};
      if (query.error) return signInAgain('Sign-in did not finish. Try again; if it keeps failing, ask your administrator to check your account.', 401);
      try {
        const finished = await sessions.finish(query, cookieHeaderOf(event));
        return { statusCode: 303, headers: { location: finished.location, 'cache-control': 'no-store' }, cookies: finished.setCookies };
      } catch (error) {
        if (isAppError(error) && error.status < 500) return signInAgain(error.message, error.status);
        throw error;
      }
    },
  },
  {
    method: 'GET' as const,
    path: `${WORKSPACE_BASE}/signed-out`,
    handler: async (): Promise<APIGatewayProxyStructuredResultV2> =>
      publicPage((layout) => messageView({ ...layout, title: 'You have signed out', heading: 'You have signed out', paragraphs: ['Your session has ended on this device.'], action: { href: `${WORKSPACE_BASE}/sign-in`, text: 'Sign in again' } })),
  },
  {
    method: 'GET' as const,
    path: `${WORKSPACE_BASE}/accessibility`,
    handler: async (): Promise<APIGatewayProxyStructuredResultV2> => publicPage((layout) => accessibilityView({ ...layout, title: 'Accessibility statement' })),
  },
];

/** A page no route serves. */
export const notFoundPage = () =>
  publicPage((layout) => messageView({ ...layout, title: 'Page not found', heading: 'Page not found', paragraphs: ['If you typed the web address, check it is correct.'], action: { href: WORKSPACE_BASE, text: 'Go to your agreements' } }), 404);

/** Sign-out: the session ends here and at the identity provider. */
export const signOutPage: TPage = {
  method: 'POST',
  path: '/sign-out',
  role: 'viewer',
  handle: async ({ session }) => {
    const ended = await sessions.end(session);
    return { redirect: ended.location, cookies: [ended.setCookie] };
  },
};
