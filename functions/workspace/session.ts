import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import * as z from 'zod/mini';
import type { TSettings } from '../../shared/config';
import type { TSessionStore } from '../../shared/db/session-repository';
import type { TUser } from '../../shared/domain/user';
import { AppError, isAppError } from '../../shared/errors';
import { logger } from '../../shared/observability';
import type { TStoredSession } from '../../shared/schemas/session';
import { deferred } from '../../shared/schemas/deferred';

/**
 * `__Host-`: the browser keeps the cookie only if it is Secure, set by this host, for every path,
 * so no other site or subdomain can plant or read it. Browsers treat http://localhost as secure.
 */
export const SESSION_COOKIE = '__Host-accord-session';
const SIGN_IN_COOKIE = '__Host-accord-sign-in';
/** A session ends after a working day, whatever refreshes it had. */
export const SESSION_HOURS = 12;
/** A session left alone this long ends: a shared or unattended machine is not signed in for the day. */
export const IDLE_MINUTES = 60;
/** How stale the last-seen time may grow before a request writes it again (one write in five minutes, not one a page). */
const TOUCH_MINUTES = 5;
const SIGN_IN_WINDOW_SECONDS = 600;
/** A session cookie: 32 random bytes, base64url. */
const SESSION_ID = /^[\w-]{43}$/;

const base64url = (bytes: Buffer) => bytes.toString('base64url');
const hashOf = (value: string) => createHash('sha256').update(value).digest('hex');
/** Equal in constant time, whatever either holds (digests have one length, so nothing can throw). */
const sameSecret = (sent: unknown, expected: string) =>
  typeof sent === 'string' && timingSafeEqual(createHash('sha256').update(sent).digest(), createHash('sha256').update(expected).digest());

export const parseCookies = (header: string | undefined): Record<string, string> =>
  Object.fromEntries(
    (header ?? '')
      .split(/;\s*/)
      .filter((pair) => pair.includes('='))
      .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
  );

const cookie = (name: string, value: string, maxAgeSeconds: number) => `${name}=${value}; Path=/; Max-Age=${maxAgeSeconds}; HttpOnly; Secure; SameSite=Lax`;

const ZTokenReply = deferred(() => z.object({ id_token: z.string(), refresh_token: z.optional(z.string()), expires_in: z.optional(z.number()) }));
const ZPendingSignIn = deferred(() => z.object({ state: z.string(), verifier: z.string(), returnTo: z.string() }));

/** Where a return path may lead: only into the workspace itself, and nothing that could break a header. */
const safeReturn = (base: string, path: string | undefined) =>
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must be refused
  path && (path === base || path.startsWith(`${base}/`) || path.startsWith(`${base}?`)) && !/[\\\x00-\x1f\x7f]/.test(path) ? path : base;

/** The sign-in this browser started, from its cookie; anything else (absent, altered, malformed) is none. */
const pendingSignIn = (raw: string | undefined) => {
  if (!raw) return null;
  try {
    const parsed = ZPendingSignIn.safeParse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
};

type TVerify = (authorization: string) => Promise<TUser>;

/**
 * The refresh token is kept sealed (AES-256-GCM) under a key derived from the session cookie,
 * which only the browser holds: the table, its backups and exports alone cannot renew a session.
 */
const sealKeyOf = (sessionId: string) => Buffer.from(hkdfSync('sha256', sessionId, '', 'accord workspace refresh token', 32));

const sealRefreshToken = (sessionId: string, token: string) => {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealKeyOf(sessionId), iv);
  const sealed = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
};

const openRefreshToken = (sessionId: string, sealed: string) => {
  const bytes = Buffer.from(sealed, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', sealKeyOf(sessionId), bytes.subarray(0, 12));
  decipher.setAuthTag(bytes.subarray(12, 28));
  return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
};

/** A session as a request sees it: the stored record, the key it is stored under, and its refresh token opened. */
export type TCurrentSession = TStoredSession & { id: string; refreshToken: string | null };

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
  /** The app client's secret: the token and revocation endpoints take it as HTTP Basic credentials. */
  clientSecret: () => Promise<string>;
  fetch?: typeof fetch;
}) => {
  const { signIn, sessions } = options;
  const clientCredentials = async () =>
    `Basic ${Buffer.from(`${encodeURIComponent(signIn.clientId)}:${encodeURIComponent(await options.clientSecret())}`).toString('base64')}`;
  const send = options.fetch ?? fetch;
  const redirectUri = `${options.publicBaseUrl}${options.base}/auth/callback`;

  const tokenRequest = async (parameters: Record<string, string>) => {
    const reply = await send(signIn.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: await clientCredentials() },
      body: new URLSearchParams({ client_id: signIn.clientId, ...parameters }),
    });
    // Refused (a used code, a revoked or lapsed refresh token) ends the sign-in; a fault is not a refusal,
    // and neither is a refusal of the client itself (its secret rotated or wrong): no user could sign in.
    if (reply.status === 400 || reply.status === 401) {
      const { error } = z.catch(z.object({ error: z.optional(z.string()) }), {}).parse(await reply.json().catch(() => ({})));
      if (error === 'invalid_client' || error === 'unauthorized_client') {
        logger.error('The identity provider refused the workspace app client: check its client secret', { error });
        throw new AppError('unavailable', 'Sign-in is not working just now. Try again later.', undefined, { retryAfterSeconds: 300 });
      }
      throw new AppError('unauthenticated', 'Sign-in was refused.');
    }
    if (!reply.ok) throw new AppError('unavailable', 'Sign-in is not answering just now. Try again in a minute.', undefined, { retryAfterSeconds: 30 });
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
    async finish(query: { code?: string; state?: string }, cookieHeader: string | undefined, now = new Date()) {
      const expected = pendingSignIn(parseCookies(cookieHeader)[SIGN_IN_COOKIE]);
      if (!expected || !query.code || !sameSecret(query.state, expected.state)) {
        throw new AppError('unauthenticated', 'This sign-in was not started here, or took too long. Sign in again.');
      }
      const tokens = await tokenRequest({ grant_type: 'authorization_code', code: query.code, redirect_uri: redirectUri, code_verifier: expected.verifier });
      const identity = await identify(tokens);
      // A sign-in replaces whatever session this browser had: it never lives on beside the new one.
      const previous = parseCookies(cookieHeader)[SESSION_COOKIE];
      if (previous && SESSION_ID.test(previous)) await sessions.remove(hashOf(previous));
      const sessionId = base64url(randomBytes(32));
      await sessions.put(hashOf(sessionId), {
        ...identity,
        sealedRefreshToken: tokens.refresh_token ? sealRefreshToken(sessionId, tokens.refresh_token) : null,
        csrfToken: base64url(randomBytes(32)),
        createdAt: now.toISOString(),
        lastSeenAt: now.toISOString(),
        expiresAt: Math.floor(now.getTime() / 1000) + SESSION_HOURS * 3600,
      });
      return {
        location: safeReturn(options.base, expected.returnTo),
        setCookies: [cookie(SESSION_COOKIE, sessionId, SESSION_HOURS * 3600), cookie(SIGN_IN_COOKIE, '', 0)],
      };
    },

    /**
     * The session a request's cookie names, renewed through its refresh token once the ID token
     * has lapsed (so a disabled user or a changed role takes effect within the hour). A session
     * idle for longer than IDLE_MINUTES has ended.
     */
    async current(cookieHeader: string | undefined, now = new Date()): Promise<TCurrentSession | null> {
      const sessionId = parseCookies(cookieHeader)[SESSION_COOKIE];
      if (!sessionId || !SESSION_ID.test(sessionId)) return null;
      const key = hashOf(sessionId);
      const session = await sessions.get(key);
      if (!session) return null;
      const idleMs = now.getTime() - Date.parse(session.lastSeenAt);
      if (idleMs > IDLE_MINUTES * 60_000) {
        await sessions.remove(key);
        return null;
      }
      let refreshToken: string | null = null;
      try {
        refreshToken = session.sealedRefreshToken ? openRefreshToken(sessionId, session.sealedRefreshToken) : null;
      } catch {
        // Sealed under another cookie: not this browser's session.
        return null;
      }
      const seen = { ...session, lastSeenAt: now.toISOString() };
      if (Date.parse(session.idTokenExpiresAt) > now.getTime()) {
        // Only a session that still exists is touched: a sign-out meanwhile is not undone.
        if (idleMs > TOUCH_MINUTES * 60_000 && !(await sessions.renew(key, seen))) return null;
        return { ...session, id: key, refreshToken };
      }
      try {
        if (!refreshToken) throw new AppError('unauthenticated', 'No refresh token.');
        const renewed = { ...seen, ...(await identify(await tokenRequest({ grant_type: 'refresh_token', refresh_token: refreshToken }))) };
        if (!(await sessions.renew(key, renewed))) return null;
        return { ...renewed, id: key, refreshToken };
      } catch (error) {
        // Refused (revoked, disabled, lapsed): the session ends. Anything else is a fault to report, not a sign-out.
        if (!isAppError(error) || error.code !== 'unauthenticated') throw error;
        await sessions.remove(key);
        return null;
      }
    },

    /** Ends the session here and at the identity provider, and revokes its refresh token. */
    async end(session: TCurrentSession) {
      await sessions.remove(session.id);
      const { refreshToken } = session;
      if (refreshToken) {
        // Signed out here whatever the identity provider answers: the token lapses within 12 hours anyway.
        await (async () =>
          send(signIn.revokeUrl, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: await clientCredentials() },
            body: new URLSearchParams({ client_id: signIn.clientId, token: refreshToken }),
          }))().catch(() => undefined);
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
export const csrfTokenMatches = (session: TStoredSession, sent: unknown) => sameSecret(sent, session.csrfToken);
