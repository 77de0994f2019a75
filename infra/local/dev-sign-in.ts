import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import * as z from 'zod/mini';
import { LOCAL_SIGN_IN_CLIENT_ID } from '../../shared/config';
import { ROLES } from '../../shared/domain/user';
import { escapeHtml } from '../../shared/html/page';
import { ZSlug } from '../../shared/schemas/common';
import type { createDevAuth } from './dev-auth';
import type { TLocalUserDirectory } from './local-user-directory';

type TLocalResult = { statusCode: number; headers: Record<string, string>; body: string };
type TDevAuth = Awaited<ReturnType<typeof createDevAuth>>;

const ZAuthorize = z.object({
  response_type: z.literal('code'),
  client_id: z.literal(LOCAL_SIGN_IN_CLIENT_ID),
  redirect_uri: z.url(),
  state: z.string().check(z.minLength(16)),
  code_challenge: z.string().check(z.regex(/^[\w-]{43}$/)),
  code_challenge_method: z.literal('S256'),
  scope: z.optional(z.string()),
});

const ZSignInForm = z.extend(ZAuthorize, {
  email: z.email(),
  role: z.enum(ROLES),
  agencies: z.pipe(
    z.pipe(
      z._default(z.string(), ''),
      z.transform((text) => text.split(/[\s,]+/).filter(Boolean)),
    ),
    z.array(ZSlug).check(z.maxLength(20)),
  ),
});

const CODE_SECONDS = 120;
const ID_TOKEN_LIFETIME = '1h';

const page = (status: number, title: string, body: string): TLocalResult => ({
  statusCode: status,
  // form-action covers where the form's answer redirects: the workspace, on this same origin.
  headers: {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none'",
  },
  body: `<!DOCTYPE html><html lang="en-GB" class="govuk-template"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} – Accord (local)</title><link rel="stylesheet" href="/app/assets/accord.css"></head>
<body class="govuk-template__body"><div class="govuk-width-container"><main class="govuk-main-wrapper" id="main-content">${body}</main></div></body></html>`,
});

const json = (status: number, body: unknown): TLocalResult => ({
  statusCode: status,
  headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  body: JSON.stringify(body),
});
const oauthError = (error: string, description: string) => json(400, { error, error_description: description });

const signInForm = (request: z.infer<typeof ZAuthorize>, problem?: string, typed: Record<string, string> = {}) =>
  page(
    problem ? 400 : 200,
    'Sign in',
    `${problem ? `<div class="govuk-error-summary" data-module="govuk-error-summary"><div role="alert"><h2 class="govuk-error-summary__title">There is a problem</h2><div class="govuk-error-summary__body"><ul class="govuk-list govuk-error-summary__list"><li><a href="#email">${escapeHtml(problem)}</a></li></ul></div></div></div>` : ''}
<h1 class="govuk-heading-l">Sign in to Accord</h1>
<p class="govuk-body">This is the local stack's sign-in: say who you are and it believes you. In AWS, Cognito's sign-in takes its place.</p>
<p class="govuk-body">An address that already has an account signs in with the role and agencies an admin gave it (Users, in the workspace), or not at all if it is disabled; the role and agencies below are for an address it has not seen.</p>
<form method="post" action="/_local/oauth2/authorize" novalidate>
${Object.entries(request)
  .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
  .join('')}
<div class="govuk-form-group"><label class="govuk-label" for="email">Email address</label><input class="govuk-input" id="email" name="email" type="email" autocomplete="email" spellcheck="false" value="${escapeHtml(typed.email ?? '')}"></div>
<div class="govuk-form-group"><fieldset class="govuk-fieldset"><legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Role</legend><div class="govuk-radios" data-module="govuk-radios">
${ROLES.map((role) => `<div class="govuk-radios__item"><input class="govuk-radios__input" id="role-${role}" name="role" type="radio" value="${role}"${(typed.role ?? 'editor') === role ? ' checked' : ''}><label class="govuk-label govuk-radios__label" for="role-${role}">${role}</label></div>`).join('')}
</div></fieldset></div>
<div class="govuk-form-group"><label class="govuk-label" for="agencies">Agencies</label><div id="agencies-hint" class="govuk-hint">Their ids, separated by commas, for example warwickshire-police</div><input class="govuk-input" id="agencies" name="agencies" type="text" aria-describedby="agencies-hint" spellcheck="false" value="${escapeHtml(typed.agencies ?? '')}"></div>
<button type="submit" class="govuk-button" data-module="govuk-button">Sign in</button>
</form>`,
  );

/**
 * The local stack's copy of Cognito's OAuth 2.0 endpoints, for the workspace's sign-in: the
 * authorization code flow with PKCE, refresh tokens, revocation and logout, as Cognito answers them.
 */
export const createDevSignIn = ({
  devAuth,
  publicBaseUrl,
  clientSecret,
  directory,
}: {
  devAuth: TDevAuth;
  publicBaseUrl: string;
  clientSecret: string;
  directory: TLocalUserDirectory;
}) => {
  const codes = new Map<string, { login: z.infer<typeof ZSignInForm>; expiresAt: number }>();
  /** Each refresh token names the account it renews; the account's state is read again at each use. */
  const refreshTokens = new Map<string, string>();
  /** The workspace is a confidential client: its token and revocation calls carry HTTP Basic credentials. */
  const authenticatesClient = (authorization: string | undefined) => {
    const expected = `Basic ${Buffer.from(`${LOCAL_SIGN_IN_CLIENT_ID}:${clientSecret}`).toString('base64')}`;
    const sent = authorization ?? '';
    return sent.length === expected.length && timingSafeEqual(Buffer.from(sent), Buffer.from(expected));
  };
  const allowedRedirect = `${publicBaseUrl}/app/auth/callback`;

  const tokensFor = async (login: { email: string; role: (typeof ROLES)[number]; agencies: string[] }, refreshToken?: string) => ({
    id_token: await devAuth.issueToken({ email: login.email, role: login.role, agencies: login.agencies }, ID_TOKEN_LIFETIME),
    access_token: randomBytes(24).toString('base64url'),
    token_type: 'Bearer',
    expires_in: 3600,
    ...(refreshToken ? { refresh_token: refreshToken } : {}),
  });

  return {
    authorizePage(query: URLSearchParams): TLocalResult {
      const request = ZAuthorize.safeParse(Object.fromEntries(query));
      if (!request.success || request.data.redirect_uri !== allowedRedirect)
        return page(400, 'Sign-in refused', '<h1 class="govuk-heading-l">This sign-in request is not valid</h1>');
      return signInForm(request.data);
    },
    authorize(form: URLSearchParams): TLocalResult {
      const typed = Object.fromEntries(form);
      const request = ZAuthorize.safeParse(typed);
      if (!request.success || request.data.redirect_uri !== allowedRedirect)
        return page(400, 'Sign-in refused', '<h1 class="govuk-heading-l">This sign-in request is not valid</h1>');
      const login = ZSignInForm.safeParse(typed);
      if (!login.success) return signInForm(request.data, 'Enter an email address, a role and agency ids', typed);
      const account = directory.signIn(login.data);
      if ('refused' in account) return signInForm(request.data, account.refused, typed);
      const code = randomBytes(24).toString('base64url');
      codes.set(code, { login: { ...login.data, ...account }, expiresAt: Date.now() + CODE_SECONDS * 1000 });
      return {
        statusCode: 302,
        headers: { location: `${allowedRedirect}?${new URLSearchParams({ code, state: request.data.state })}`, 'cache-control': 'no-store' },
        body: '',
      };
    },
    async token(form: URLSearchParams, authorization?: string): Promise<TLocalResult> {
      if (form.get('client_id') !== LOCAL_SIGN_IN_CLIENT_ID || !authenticatesClient(authorization))
        return { ...oauthError('invalid_client', 'unknown client, or wrong client secret'), statusCode: 401 };
      if (form.get('grant_type') === 'authorization_code') {
        const code = form.get('code') ?? '';
        const issued = codes.get(code);
        codes.delete(code);
        const challenge = createHash('sha256')
          .update(form.get('code_verifier') ?? '')
          .digest('base64url');
        if (!issued || issued.expiresAt < Date.now() || issued.login.code_challenge !== challenge || form.get('redirect_uri') !== issued.login.redirect_uri) {
          return oauthError('invalid_grant', 'the code is unknown, used, expired, or its verifier does not match');
        }
        const refreshToken = randomBytes(32).toString('base64url');
        refreshTokens.set(refreshToken, issued.login.email);
        return json(200, await tokensFor(issued.login, refreshToken));
      }
      if (form.get('grant_type') === 'refresh_token') {
        const email = refreshTokens.get(form.get('refresh_token') ?? '');
        // A refresh takes up the account as it is now: a changed role, or a disabled account, refused.
        const account = email ? directory.current(email) : null;
        if (!account) return oauthError('invalid_grant', 'the refresh token is unknown or revoked, or its account is disabled');
        return json(200, await tokensFor(account));
      }
      return oauthError('unsupported_grant_type', 'authorization_code or refresh_token');
    },
    revoke(form: URLSearchParams, authorization?: string): TLocalResult {
      if (!authenticatesClient(authorization)) return { ...oauthError('invalid_client', 'wrong client secret'), statusCode: 401 };
      refreshTokens.delete(form.get('token') ?? '');
      return json(200, {});
    },
    /** What AdminUserGlobalSignOut does: every refresh token of the account stops working. */
    revokeAllOf(email: string) {
      for (const [token, owner] of refreshTokens) if (owner === email) refreshTokens.delete(token);
    },
    logout(query: URLSearchParams): TLocalResult {
      const target = query.get('logout_uri') ?? '';
      if (query.get('client_id') !== LOCAL_SIGN_IN_CLIENT_ID || !target.startsWith(`${publicBaseUrl}/app/`))
        return page(400, 'Sign-out refused', '<h1 class="govuk-heading-l">This sign-out request is not valid</h1>');
      return { statusCode: 302, headers: { location: target, 'cache-control': 'no-store' }, body: '' };
    },
  };
};
