import { lookup, type LookupAddress, type LookupOptions } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP } from 'node:net';
import type { TCheckDestination, TWebhookPoster } from '../domain/ports';

/** Where deliveries may go: in AWS public `https` addresses only; locally anything, to try it out against localhost. */
export type TDestinationPolicy = { allowPrivate: boolean };

/**
 * Addresses no delivery reaches in AWS: private, loopback, link-local (the instance metadata
 * service), shared, documentation, benchmarking, multicast and reserved ranges, in IPv4 and IPv6.
 */
// Two lists: Node checks an IPv4 address against IPv6 rules as if IPv4-mapped, so one list whose
// IPv6 rules cover the mapped range would refuse every IPv4 address.
const NOT_PUBLIC_V4 = new BlockList();
const NOT_PUBLIC_V6 = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24],
  ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) NOT_PUBLIC_V4.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 96], ['::ffff:0:0', 96], ['::ffff:0:0:0', 96], ['64:ff9b::', 96], ['64:ff9b:1::', 48], ['100::', 64], ['2001::', 23], ['2001:db8::', 32], ['2002::', 16],
  ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8],
] as const) NOT_PUBLIC_V6.addSubnet(network, prefix, 'ipv6');

/**
 * True for an address deliveries must not reach. IPv4 written as IPv6 (`::ffff:10.0.0.1`,
 * `::ffff:a00:1`, the deprecated `::10.0.0.1`) is refused whole: a public service has no reason to
 * be reached that way.
 */
export const isNonPublicAddress = (address: string): boolean => {
  const family = isIP(address);
  if (family === 0) return true;
  return family === 4 ? NOT_PUBLIC_V4.check(address, 'ipv4') : NOT_PUBLIC_V6.check(address, 'ipv6');
};

const hostOf = (url: URL) => url.hostname.replace(/^\[|\]$/g, '');

const resolveAll = (hostname: string): Promise<LookupAddress[]> =>
  new Promise((resolve, reject) => lookup(hostname, { all: true, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))));

/** Why a URL may not receive deliveries under the policy, or null; it resolves the host name as a delivery would. */
export const createDestinationCheck =
  (policy: TDestinationPolicy): TCheckDestination =>
  async (text) => {
    const url = new URL(text);
    if (url.username || url.password) return 'must not carry a user name or password';
    if (policy.allowPrivate) return null;
    if (url.protocol !== 'https:') return 'must use https';
    const host = hostOf(url);
    let addresses: string[];
    try {
      addresses = isIP(host) ? [host] : (await resolveAll(host)).map((found) => found.address);
    } catch {
      return 'the host name does not resolve';
    }
    const refused = addresses.find(isNonPublicAddress);
    return refused ? `resolves to a private, loopback or link-local address (${refused})` : null;
  };

/**
 * A DNS lookup for deliveries that fails when any address of the name is not public, so a name
 * that passed at registration and now resolves inward (DNS rebinding) is refused at connection.
 */
const publicOnlyLookup = (hostname: string, options: LookupOptions, callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void) => {
  lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '');
    const refused = addresses.find((found) => isNonPublicAddress(found.address));
    if (refused) return callback(Object.assign(new Error(`${hostname} resolves to a non-public address`), { code: 'EACCES' }), '');
    if (options.all) return callback(null, addresses);
    return callback(null, addresses[0]!.address, addresses[0]!.family);
  });
};

const TIMEOUT_MS = 10_000;
/** Enough of a receiver's answer to finish the exchange; the rest is not read. */
const MAX_RESPONSE_BYTES = 64 * 1024;

/** POSTs deliveries: 10 seconds for the whole exchange, no redirects followed, destinations held to the policy at connection. */
export const createWebhookPoster =
  (policy: TDestinationPolicy): TWebhookPoster =>
  async ({ url, headers, body }) => {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    const target = new URL(url);
    if (!policy.allowPrivate && (target.protocol !== 'https:' || (isIP(hostOf(target)) && isNonPublicAddress(hostOf(target))))) {
      return { statusCode: null, error: 'The destination is not a public https address', durationMs: 0 };
    }
    const transport = target.protocol === 'https:' ? https : http;
    try {
      const statusCode = await new Promise<number>((resolve, reject) => {
        const request = transport.request(
          target,
          {
            method: 'POST',
            headers: { ...headers, 'content-length': String(Buffer.byteLength(body)), 'user-agent': 'Accord-Webhooks/1' },
            ...(policy.allowPrivate ? {} : { lookup: publicOnlyLookup as never }),
          },
          (response) => {
            let received = 0;
            response.on('data', (chunk: Buffer) => {
              received += chunk.length;
              if (received > MAX_RESPONSE_BYTES) response.destroy();
            });
            response.on('close', () => resolve(response.statusCode ?? 0));
            response.on('error', () => resolve(response.statusCode ?? 0));
          },
        );
        // The whole exchange, not just each wait for a byte: a receiver that trickles its answer is cut off too.
        const deadline = setTimeout(() => request.destroy(new Error(`No answer within ${TIMEOUT_MS / 1000} seconds`)), TIMEOUT_MS);
        request.on('close', () => clearTimeout(deadline));
        request.on('error', reject);
        request.end(body);
      });
      return { statusCode, error: null, durationMs: elapsed() };
    } catch (error) {
      // The message names the host at most: never a header or the body.
      return { statusCode: null, error: (error as Error).message.slice(0, 300), durationMs: elapsed() };
    }
  };
