import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import * as z from 'zod';
import type { TSettings } from '../../shared/config';
import type { TSessionStore } from '../../shared/db/session-repository';
import type { TUser } from '../../shared/domain/user';
import { AppError } from '../../shared/errors';
import type { TStoredSession } from '../../shared/schemas/session';

/**
 * `__Host-`: the browser keeps the cookie only if it is Secure, set by this host, for every path,
 * so no other site or subdomain can plant or read it. Browsers treat http://localhost as secure.
 */
export const SESSION_COOKIE = '__Host-accord-session';
const SIGN_IN_COOKIE = '__Host-accord-sign-in';
/** A session ends after a working day, whatever refreshes it had. */
export const SESSION_HOURS = 12;
const SIGN_IN_WINDOW_SECONDS = 600;

const base64url = (bytes: Buffer) => bytes.toString('base64url');
const hashOf = (value: string) => createHash('sha256').update(value).digest('hex');

export const parseCookies = (header: string | undefined): Record<string, string> =>
  Object.fromEntries(
    (header ?? '')
      .split(/;\s*/)
      .filter((pair) => pair.includes('='))
      .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
  );

const cookie = (name: string, value: string, maxAgeSeconds: number) =>
  `${name}=${value}; Path=/; Max-Age=${maxAgeSeconds}; HttpOnly; Secure; SameSite=Lax`;

const ZTokenReply = z.object({ id_token: z.string(), refresh_token: z.string().optional(), expires_in: z.number().optional() });
const ZPendingSignIn = z.object({ state: z.string(), verifier: z.string(), returnTo: z.string() });

/** Where a return path may lead: only into the workspace itself. */
const safeReturn = (base: string, path: string | undefined) =>
  path && (path === base || path.startsWith(`${base}/`) || path.startsWith(`${base}?`)) && !path.includes('\\') ? path : base;

type TVerify = (authorization: string) => Promise<TUser>;

/**
 * Sign-in by the OAuth 2.0 authorization code flow with PKCE (RFC 7636), done by the server: the
 * browser only ever holds an opaque session cookie; the tokens stay in the session's record.
 */
export const createSessions = (options: {
  signIn: TSettings['workspaceSignIn'];
  publicBaseUrl: string;
  base: string;
  sessions: TSessionStore;
  verify: TVerify;
  fetch?: typeof fetch;
}) => {
  const { signIn, sessions } = options;
  const send = options.fetch ?? fetch;
  const redirectUri = `${options.publicBaseUrl}${options.base}/auth/callback`;

  const tokenRequest = async (parameters: Record<string, string>) => {
    const reply = await send(signIn.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: signIn.clientId, ...parameters }),
    });
    if (!reply.ok) throw new AppError('unauthenticated', 'Sign-in was refused.');
    return ZTokenReply.parse(await reply.json());
  };

  const identify = async (tokens: z.infer<typeof ZTokenReply>) => {
    const user = await options.verify(`Bearer ${tokens.id_token}`);
    const [, payload] = tokens.id_token.split('.');
    const { exp } = z.object({ exp: z.number() }).parse(JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')));
    return { user, idTokenExpiresAt: new Date(exp * 1000).toISOString() };
  };

  return {
    /** Sends the browser to sign in, remembering (in a short-lived cookie) how to finish and where to return. */
    start(returnTo: string | undefined) {
      const pending = { state: base64url(randomBytes(24)), verifier: base64url(randomBytes(48)), returnTo: safeReturn(options.base, returnTo) };
      const challenge = base64url(createHash('sha256').update(pending.verifier).digest());
      const location = `${signIn.authorizeUrl}?${new URLSearchParams({
        response_type: 'code',
        client_id: signIn.clientId,
        redirect_uri: redirectUri,
        scope: 'openid email profile',
        state: pending.state,
        code_challenge: challenge,
        code_challenge_method: 'S256',
      })}`;
      return { location, setCookie: cookie(SIGN_IN_COOKIE, base64url(Buffer.from(JSON.stringify(pending))), SIGN_IN_WINDOW_SECONDS) };
    },

    /** The sign-in's return: the state must be the one this browser was sent with, the code is exchanged with its verifier. */
    async finish(query: { code?: string; state?: string }, cookieHeader: string | undefined) {
      const raw = parseCookies(cookieHeader)[SIGN_IN_COOKIE];
      const pending = raw ? ZPendingSignIn.safeParse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8') || '{}')) : null;
      const expected = pending?.success ? pending.data : null;
      if (!expected || !query.code || !query.state || query.state.length !== expected.state.length || !timingSafeEqual(Buffer.from(query.state), Buffer.from(expected.state))) {
        throw new AppError('unauthenticated', 'This sign-in was not started here, or took too long. Sign in again.');
      }
      const tokens = await tokenRequest({ grant_type: 'authorization_code', code: query.code, redirect_uri: redirectUri, code_verifier: expected.verifier });
      const identity = await identify(tokens);
      const sessionId = base64url(randomBytes(32));
      const now = new Date();
      await sessions.put(hashOf(sessionId), {
        ...identity,
        refreshToken: tokens.refresh_token ?? null,
        csrfToken: base64url(randomBytes(32)),
        createdAt: now.toISOString(),
        expiresAt: Math.floor(now.getTime() / 1000) + SESSION_HOURS * 3600,
      });
      return {
        location: expected.returnTo,
        setCookies: [cookie(SESSION_COOKIE, sessionId, SESSION_HOURS * 3600), cookie(SIGN_IN_COOKIE, '', 0)],
      };
    },

    /**
     * The session a request's cookie names, renewed through its refresh token once the ID token
     * has lapsed (so a disabled user or a changed role takes effect within the hour).
     */
    async current(cookieHeader: string | undefined, now = new Date()): Promise<(TStoredSession & { id: string }) | null> {
      const sessionId = parseCookies(cookieHeader)[SESSION_COOKIE];
      if (!sessionId || !/^[\w-]{43}$/.test(sessionId)) return null;
      const key = hashOf(sessionId);
      const session = await sessions.get(key);
      if (!session) return null;
      if (Date.parse(session.idTokenExpiresAt) > now.getTime()) return { ...session, id: key };
      try {
        if (!session.refreshToken) throw new AppError('unauthenticated', 'No refresh token.');
        const renewed = { ...session, ...(await identify(await tokenRequest({ grant_type: 'refresh_token', refresh_token: session.refreshToken }))) };
        await sessions.put(key, renewed);
        return { ...renewed, id: key };
      } catch {
        await sessions.remove(key);
        return null;
      }
    },

    /** Ends the session here and at the identity provider, and revokes its refresh token. */
    async end(session: TStoredSession & { id: string }) {
      await sessions.remove(session.id);
      if (session.refreshToken) {
        await send(signIn.revokeUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ client_id: signIn.clientId, token: session.refreshToken }),
        }).catch(() => undefined);
      }
      const signedOut = `${options.publicBaseUrl}${options.base}/signed-out`;
      return {
        location: `${signIn.logoutUrl}?${new URLSearchParams({ client_id: signIn.clientId, logout_uri: signedOut })}`,
        setCookie: cookie(SESSION_COOKIE, '', 0),
      };
    },
  };
};

/** A form's CSRF token must be its session's (synchronizer token pattern). */
export const csrfTokenMatches = (session: TStoredSession, sent: unknown) =>
  typeof sent === 'string' && sent.length === session.csrfToken.length && timingSafeEqual(Buffer.from(sent), Buffer.from(session.csrfToken));
