import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDestinationCheck, createWebhookPoster, isNonPublicAddress } from '../../../shared/webhooks/destinations';

const deployed = { allowPrivate: false };
const local = { allowPrivate: true };

let server: Server;
let port: number;
const hits: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    hits.push(request.url!);
    if (request.url === '/moved') response.writeHead(302, { location: `http://127.0.0.1:${port}/target` }).end();
    else response.writeHead(204).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('where webhooks may go', () => {
  it('calls private, loopback, link-local, shared and reserved addresses not public, in IPv4 and IPv6', () => {
    for (const address of ['10.0.0.5', '172.20.1.1', '192.168.1.1', '127.0.0.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '::1', '::', 'fd00::1', 'fe80::1', '::ffff:10.0.0.1', '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:a9fe:a9fe', '::7f00:1', '::ffff:51.140.1.1', '64:ff9b::a00:1']) {
      expect(isNonPublicAddress(address), address).toBe(true);
    }
    for (const address of ['51.140.1.1', '8.8.8.8', '2a00:1450:4009:81f::200e']) expect(isNonPublicAddress(address), address).toBe(false);
  });

  it('refuses, deployed, plain http, literal private addresses and names that resolve inward; allows them locally', async () => {
    const check = createDestinationCheck(deployed);
    expect(await check('http://records.example.org/hook')).toBe('must use https');
    expect(await check('https://10.1.2.3/hook')).toMatch(/private, loopback or link-local address \(10\.1\.2\.3\)/);
    expect(await check('https://169.254.169.254/latest/meta-data')).toMatch(/169\.254\.169\.254/);
    expect(await check('https://[::1]:8443/hook')).toMatch(/::1/);
    expect(await check('https://[::ffff:127.0.0.1]/hook')).toMatch(/::ffff:7f00:1/);
    expect(await check('https://[::127.0.0.1]/hook')).toMatch(/private, loopback/);
    expect(await check('https://localhost/hook')).toMatch(/private, loopback or link-local/);
    expect(await check('https://no-such-host.invalid/hook')).toBe('the host name does not resolve');
    expect(await check('https://8.8.8.8/hook')).toBeNull();
    expect(await check('https://user:secret@8.8.8.8/hook')).toBe('must not carry a user name or password');
    expect(await createDestinationCheck(local)('http://localhost:4000/hook')).toBeNull();
  });

  it('never connects, deployed, to a private address, literal or resolved, and follows no redirect', async () => {
    const post = (policy: typeof deployed, url: string) => createWebhookPoster(policy)({ url, headers: { 'content-type': 'application/json' }, body: '{}' });
    hits.length = 0;
    expect(await post(deployed, `http://127.0.0.1:${port}/literal`)).toMatchObject({ statusCode: null, error: expect.stringMatching(/not a public https address/) });
    expect(await post(deployed, `https://localhost:${port}/resolved`)).toMatchObject({ statusCode: null, error: expect.stringMatching(/non-public address/) });
    expect(hits).toEqual([]);
    expect(await post(local, `http://127.0.0.1:${port}/moved`)).toMatchObject({ statusCode: 302 });
    expect(hits).toEqual(['/moved']);
  });

  it('cuts off a receiver that trickles its answer, however slowly each byte comes', async () => {
    const trickle = createServer((_request, response) => {
      response.writeHead(200);
      const drip = setInterval(() => response.write('.'), 500);
      response.on('close', () => clearInterval(drip));
    });
    await new Promise<void>((resolve) => trickle.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(trickle.address() as AddressInfo).port}/`;
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const answer = createWebhookPoster(local)({ url, headers: {}, body: '{}' });
    await vi.waitFor(() => expect(vi.getTimerCount()).toBeGreaterThan(0));
    vi.advanceTimersByTime(10_000);
    vi.useRealTimers();
    expect(await answer).toMatchObject({ statusCode: null, error: 'No answer within 10 seconds' });
    await new Promise((resolve) => trickle.close(resolve));
    trickle.closeAllConnections();
  });
});
