import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSessions, csrfTokenMatches, SESSION_COOKIE } from '../../../functions/workspace/session';
import type { TStoredSession } from '../../../shared/schemas/session';

const SIGN_IN = {
  kind: 'cognito' as const,
  clientId: 'client-1',
  authorizeUrl: 'https://accord.auth.eu-west-2.amazoncognito.com/oauth2/authorize',
  tokenUrl: 'https://accord.auth.eu-west-2.amazoncognito.com/oauth2/token',
  revokeUrl: 'https://accord.auth.eu-west-2.amazoncognito.com/oauth2/revoke',
  logoutUrl: 'https://accord.auth.eu-west-2.amazoncognito.com/logout',
  clientSecret: { kind: 'secret' as const, secretArn: 'arn:aws:secretsmanager:eu-west-2:123456789012:secret:workspace' },
};

/** An ID token as far as the session reads it: its expiry; `verify` below stands in for aws-jwt-verify. */
const idToken = (email: string, expiresAt: Date) =>
  ['e30', Buffer.from(JSON.stringify({ email, exp: Math.floor(expiresAt.getTime() / 1000) })).toString('base64url'), 'sig'].join('.');

const setUp = (now: () => Date) => {
  const stored = new Map<string, TStoredSession>();
  const requests: URLSearchParams[] = [];
  const credentials: (string | null)[] = [];
  let role: 'editor' | 'viewer' = 'editor';
  /** How the identity provider answers the next refresh. */
  let refresh: 'tokens' | 'refused' | 'down' | 'client-refused' = 'tokens';
  const sessions = createSessions({
    signIn: SIGN_IN,
    publicBaseUrl: 'https://accord.example.police.uk',
    base: '/app',
    sessions: {
      get: async (key) => stored.get(key) ?? null,
      put: async (key, session) => void stored.set(key, session),
      renew: async (key, session) => stored.has(key) && !!stored.set(key, session),
      remove: async (key) => void stored.delete(key),
    },
    verify: async (authorization) => ({ email: JSON.parse(Buffer.from(authorization.split('.')[1]!, 'base64url').toString()).email, role, agencies: ['warwickshire-fire'] }),
    clientSecret: async () => 'client-secret-1',
    fetch: (async (_url: string, init: RequestInit) => {
      const body = new URLSearchParams(String(init.body));
      requests.push(body);
      credentials.push(new Headers(init.headers).get('authorization'));
      if (body.get('grant_type') === 'refresh_token' && refresh === 'refused') return new Response('{"error":"invalid_grant"}', { status: 400 });
      if (body.get('grant_type') === 'refresh_token' && refresh === 'down') return new Response('', { status: 503 });
      if (body.get('grant_type') === 'refresh_token' && refresh === 'client-refused') return new Response('{"error":"invalid_client"}', { status: 401 });
      return Response.json({ id_token: idToken('legal@warwickshire-fire.test', new Date(now().getTime() + 3600_000)), refresh_token: 'refresh-1', expires_in: 3600 });
    }) as typeof fetch,
  });
  return { now, sessions, stored, requests, credentials, setRole: (next: typeof role) => (role = next), setRefresh: (next: typeof refresh) => (refresh = next) };
};

const signIn = async (kit: ReturnType<typeof setUp>) => {
  const started = kit.sessions.start('/app/agreements/01J0000000000000000000000A');
  const location = new URL(started.location);
  const finished = await kit.sessions.finish({ code: 'code-1', state: location.searchParams.get('state')! }, started.setCookie.split(';')[0], kit.now());
  return { location, finished, cookie: finished.setCookies[0]!.split(';')[0]! };
};

describe('workspace sessions', () => {
  it('signs in by the code flow with PKCE: the verifier sent matches the challenge, and the browser gets only an opaque cookie', async () => {
    const kit = setUp(() => new Date('2027-03-01T09:00:00Z'));
    const { location, finished, cookie } = await signIn(kit);
    const verifier = kit.requests[0]!.get('code_verifier')!;
    expect(location.searchParams.get('code_challenge')).toBe(createHash('sha256').update(verifier).digest('base64url'));
    expect(finished.location).toBe('/app/agreements/01J0000000000000000000000A');
    expect(cookie.startsWith(`${SESSION_COOKIE}=`)).toBe(true);
    expect(finished.setCookies[0]).toContain('HttpOnly; Secure; SameSite=Lax');
    // The store holds the hash of the cookie, never the cookie, and the refresh token only sealed under it.
    expect([...kit.stored.keys()]).not.toContain(cookie.split('=')[1]);
    expect(JSON.stringify([...kit.stored.values()])).not.toContain('refresh-1');
    // A confidential client: the code is exchanged with the client's credentials.
    expect(kit.credentials[0]).toBe(`Basic ${Buffer.from('client-1:client-secret-1').toString('base64')}`);
  });

  it('ends a session left idle for over an hour, and keeps one in use all day', async () => {
    let now = new Date('2027-03-01T09:00:00Z');
    const kit = setUp(() => now);
    const { cookie } = await signIn(kit);
    for (let minutes = 50; minutes <= 600; minutes += 50) {
      now = new Date(Date.parse('2027-03-01T09:00:00Z') + minutes * 60_000);
      expect(await kit.sessions.current(cookie, now), `at ${minutes} minutes`).not.toBeNull();
    }
    now = new Date(now.getTime() + 61 * 60_000);
    expect(await kit.sessions.current(cookie, now)).toBeNull();
    expect(kit.stored.size).toBe(0);
  });

  it('cannot renew a session from the table alone: its refresh token opens only with the cookie', async () => {
    const now = new Date('2027-03-01T09:00:00Z');
    const kit = setUp(() => now);
    const { cookie } = await signIn(kit);
    const [key, stored] = [...kit.stored][0]!;
    const other = await signIn(kit);
    // The first session's record moved under the second cookie's key: it does not open.
    const otherKey = [...kit.stored.keys()].find((candidate) => candidate !== key)!;
    kit.stored.set(otherKey, { ...stored, idTokenExpiresAt: '2027-03-01T08:00:00Z' });
    expect(await kit.sessions.current(other.cookie, now)).toBeNull();
    expect(await kit.sessions.current(cookie, now)).not.toBeNull();
  });

  it('refuses a return that was not started in this browser', async () => {
    const kit = setUp(() => new Date('2027-03-01T09:00:00Z'));
    const started = kit.sessions.start(undefined);
    await expect(kit.sessions.finish({ code: 'code-1', state: 'someone-elses-state-value-000000' }, started.setCookie.split(';')[0])).rejects.toThrow(/not started here/);
  });

  it('never sends the user anywhere outside the workspace after sign-in', () => {
    const kit = setUp(() => new Date());
    const pendingOf = (returnTo: string) => JSON.parse(Buffer.from(kit.sessions.start(returnTo).setCookie.split(';')[0]!.split('=')[1]!, 'base64url').toString()).returnTo;
    expect(pendingOf('https://attacker.example/app')).toBe('/app');
    expect(pendingOf('/appx')).toBe('/app');
    expect(pendingOf('/app?q=fleet')).toBe('/app?q=fleet');
  });

  it('outlives the ID token’s hour by refreshing it, and takes up a changed role when it does', async () => {
    let now = new Date('2027-03-01T09:00:00Z');
    const kit = setUp(() => now);
    const { cookie } = await signIn(kit);
    expect((await kit.sessions.current(cookie, now))!.user.role).toBe('editor');
    kit.setRole('viewer');
    // In use at 09:45, so not idle at 10:30, when its ID token has lapsed.
    expect(await kit.sessions.current(cookie, new Date('2027-03-01T09:45:00Z'))).not.toBeNull();
    now = new Date('2027-03-01T10:30:00Z');
    const renewed = await kit.sessions.current(cookie, now);
    expect(renewed!.user.role).toBe('viewer');
    expect(kit.requests.at(-1)!.get('grant_type')).toBe('refresh_token');
  });

  it('ends the session when the refresh token is refused, and at sign-out', async () => {
    const now = new Date('2027-03-01T09:00:00Z');
    const kit = setUp(() => now);
    const { cookie } = await signIn(kit);
    const session = (await kit.sessions.current(cookie, now))!;
    const ended = await kit.sessions.end(session);
    expect(new URL(ended.location).searchParams.get('logout_uri')).toBe('https://accord.example.police.uk/app/signed-out');
    expect(kit.requests.at(-1)!.get('token')).toBe('refresh-1');
    expect(await kit.sessions.current(cookie, now)).toBeNull();

    const again = await signIn(kit);
    kit.setRefresh('refused');
    expect(await kit.sessions.current(again.cookie, new Date('2027-03-01T09:45:00Z'))).not.toBeNull();
    expect(await kit.sessions.current(again.cookie, new Date('2027-03-01T10:30:00Z'))).toBeNull();
    expect(kit.stored.size).toBe(0);
  });

  it('accepts a form only with its session’s CSRF token, and refuses any other without failing', () => {
    const session = { csrfToken: 'a'.repeat(43) } as TStoredSession;
    expect(csrfTokenMatches(session, 'a'.repeat(43))).toBe(true);
    expect(csrfTokenMatches(session, 'b'.repeat(43))).toBe(false);
    expect(csrfTokenMatches(session, `${'a'.repeat(42)}é`)).toBe(false);
    expect(csrfTokenMatches(session, undefined)).toBe(false);
  });

  it('keeps the session through a fault at the identity provider, and does not renew one signed out meanwhile', async () => {
    let now = new Date('2027-03-01T09:00:00Z');
    const kit = setUp(() => now);
    const { cookie } = await signIn(kit);
    kit.setRefresh('down');
    expect(await kit.sessions.current(cookie, new Date('2027-03-01T09:45:00Z'))).not.toBeNull();
    now = new Date('2027-03-01T10:30:00Z');
    await expect(kit.sessions.current(cookie, now)).rejects.toThrow(/not answering/);
    expect(kit.stored.size).toBe(1);
    // A refusal of the app client (its secret rotated) is the service's fault, not the user's: nobody is signed out by it.
    kit.setRefresh('client-refused');
    await expect(kit.sessions.current(cookie, now)).rejects.toThrow(/not working just now/);
    expect(kit.stored.size).toBe(1);
  });

  it('treats a tampered sign-in cookie as no sign-in', async () => {
    const kit = setUp(() => new Date());
    await expect(kit.sessions.finish({ code: 'c', state: 's' }, '__Host-accord-sign-in=not-json-at-all')).rejects.toThrow(/not started here/);
  });
});
