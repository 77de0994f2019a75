import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Browser, type Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardScript } from '../../shared/html/dashboard/dashboard-client';
import { dashboardHeaders, renderDashboardShell, type TDashboardAuth } from '../../shared/html/dashboard/dashboard-page';
import { launchChromium } from '../fixtures/browser';

const COGNITO = 'https://accord-test.auth.eu-west-2.amazoncognito.com';
const AUTH: TDashboardAuth = { kind: 'cognito', domainUrl: COGNITO, clientId: 'dashboard-client' };

/**
 * The dashboard as deployed signs in through Cognito's managed login. Cognito is played here by
 * the browser's own request interception, strictly: it issues tokens only for a code whose PKCE
 * verifier matches the challenge, and refreshes only with the refresh token it gave out.
 */
describe('the dashboard signing in through Cognito', () => {
  let server: Server;
  let origin: string;
  let browser: Browser;
  const apiTokens: string[] = [];
  const tokenRequests: URLSearchParams[] = [];
  const revoked: string[] = [];
  let challenge = '';

  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url?.startsWith('/app/assets/dashboard.js')) {
        response.writeHead(200, { 'content-type': 'text/javascript' });
        return response.end(dashboardScript);
      }
      if (request.url?.startsWith('/app')) {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...dashboardHeaders(AUTH) });
        return response.end(renderDashboardShell(AUTH));
      }
      const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';
      apiTokens.push(token);
      const valid = token === 'id-token-1' || token === 'id-token-2';
      response.writeHead(valid ? 200 : 401, { 'content-type': 'application/json' });
      response.end(JSON.stringify(valid ? { items: [], nextCursor: null } : { status: 401, detail: 'Sign in again.' }));
    });
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    origin = `http://localhost:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((done) => server?.close(() => done()));
  });

  const cognito = async (route: Route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/oauth2/authorize') {
      expect(url.searchParams.get('response_type')).toBe('code');
      expect(url.searchParams.get('code_challenge_method')).toBe('S256');
      expect(url.searchParams.get('redirect_uri')).toBe(`${origin}/app/`);
      challenge = url.searchParams.get('code_challenge')!;
      const back = new URL(`${origin}/app/`);
      back.search = new URLSearchParams({ code: 'the-code', state: url.searchParams.get('state')! }).toString();
      return route.fulfill({ status: 302, headers: { location: back.toString() } });
    }
    const cors = { 'access-control-allow-origin': origin, 'content-type': 'application/json' };
    if (url.pathname === '/oauth2/token') {
      const form = new URLSearchParams(route.request().postData() ?? '');
      tokenRequests.push(form);
      const verified =
        form.get('grant_type') === 'authorization_code' &&
        form.get('code') === 'the-code' &&
        createHash('sha256').update(form.get('code_verifier') ?? '').digest('base64url') === challenge;
      if (verified) return route.fulfill({ status: 200, headers: cors, body: JSON.stringify({ id_token: 'id-token-1', refresh_token: 'refresh-1', expires_in: 3600 }) });
      if (form.get('grant_type') === 'refresh_token' && form.get('refresh_token') === 'refresh-1') {
        return route.fulfill({ status: 200, headers: cors, body: JSON.stringify({ id_token: 'id-token-2', expires_in: 3600 }) });
      }
      return route.fulfill({ status: 400, headers: cors, body: JSON.stringify({ error: 'invalid_grant' }) });
    }
    if (url.pathname === '/oauth2/revoke') {
      revoked.push(new URLSearchParams(route.request().postData() ?? '').get('token') ?? '');
      return route.fulfill({ status: 200, headers: cors, body: '' });
    }
    if (url.pathname === '/logout') {
      expect(url.searchParams.get('logout_uri')).toBe(`${origin}/app/`);
      return route.fulfill({ status: 302, headers: { location: `${origin}/app/` } });
    }
    return route.fulfill({ status: 404 });
  };

  it('signs in with the code flow and PKCE, ignores a code it did not ask for, refreshes an expired token, and revokes on sign-out', async () => {
    const context = await browser.newContext();
    await context.route(`${COGNITO}/**`, cognito);
    const page = await context.newPage();

    // A code arriving without this tab's state (a forged callback) is not exchanged, even while a sign-in is pending.
    await page.goto(`${origin}/app/?code=the-code&state=forged`);
    await page.getByRole('link', { name: 'Sign in with your organisation account' }).waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('accord.pkce'))).toContain('verifier');
    await page.goto(`${origin}/app/?code=the-code&state=forged-again`);
    await page.getByRole('link', { name: 'Sign in with your organisation account' }).waitFor();
    expect(tokenRequests).toHaveLength(0);

    await page.getByRole('link', { name: 'Sign in with your organisation account' }).click();
    await page.getByRole('heading', { name: 'Agreements' }).waitFor();
    expect(tokenRequests[0]!.get('grant_type')).toBe('authorization_code');
    expect(apiTokens.at(-1)).toBe('id-token-1');
    expect(page.url()).toBe(`${origin}/app/`);

    // An hour later the ID token has expired: the dashboard refreshes it instead of signing out.
    await page.evaluate(() => sessionStorage.setItem('accord.expires', '0'));
    await page.reload();
    await page.getByRole('heading', { name: 'Agreements' }).waitFor();
    expect(tokenRequests.at(-1)!.get('grant_type')).toBe('refresh_token');
    expect(apiTokens.at(-1)).toBe('id-token-2');

    await page.getByRole('link', { name: 'Sign out' }).click();
    await page.getByRole('link', { name: 'Sign in with your organisation account' }).waitFor();
    expect(revoked).toEqual(['refresh-1']);
    expect(await page.evaluate(() => sessionStorage.getItem('accord.token'))).toBeNull();
    await context.close();
  });
});
