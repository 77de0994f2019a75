import { createHmac, timingSafeEqual } from 'node:crypto';
import * as z from 'zod/mini';
import type { TLinkSigner } from './domain/ports';
import { deferred } from './schemas/deferred';

const MIN_KEY_BYTES = 32;
const KEY_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/;

/**
 * The keys signing links derive from, by key id, and which one new links use:
 * `{"currentKeyId":"k2","k2":"<base64url>","k1":"<base64url>"}`. Flat, because that is the shape
 * Secrets Manager generates a key into. A key stays in the ring while links made with it may
 * still be emailed (see the key-rotation runbook in docs/).
 */
export const ZSigningKeyring = deferred(() =>
  z.pipe(
    z.record(z.string(), z.string()).check(
      z.superRefine((ring, ctx) => {
        const current = ring.currentKeyId;
        if (!current || !Object.hasOwn(ring, current) || current === 'currentKeyId')
          ctx.addIssue({ code: 'custom', message: 'currentKeyId must name a key in the ring' });
        for (const [keyId, value] of Object.entries(ring)) {
          if (keyId === 'currentKeyId') continue;
          if (!KEY_ID.test(keyId)) ctx.addIssue({ code: 'custom', message: `key id ${JSON.stringify(keyId)} is not a short identifier` });
          if (Buffer.from(value, 'base64url').length < MIN_KEY_BYTES)
            ctx.addIssue({ code: 'custom', message: `key ${keyId} is shorter than ${MIN_KEY_BYTES} bytes` });
        }
      }),
    ),
    z.transform((ring) => {
      const { currentKeyId, ...keys } = ring;
      return { currentKeyId: currentKeyId!, keys };
    }),
  ),
);
export type TSigningKeyring = z.output<typeof ZSigningKeyring>;

/**
 * A signing link's token is HMAC-SHA256(key, requestId), base64url: 256 bits, 43 characters.
 * The table keeps only the token's SHA-256, the request id and the id of the key; the outbox
 * sender derives the token again when it writes the email, so no usable token is ever at rest.
 */
export const createLinkSigner = (keyring: TSigningKeyring): TLinkSigner => {
  const keys = new Map(Object.entries(keyring.keys).map(([keyId, value]) => [keyId, Buffer.from(value, 'base64url')]));
  // A purpose prefix keeps a copy link from ever equalling a signing token.
  const copyMac = (agreementId: string, keyId: string) =>
    createHmac('sha256', keys.get(keyId)!).update(`executed-copy|${agreementId}`, 'utf8').digest('base64url');
  return {
    currentKeyId: keyring.currentKeyId,
    knows: (keyId) => keys.has(keyId),
    tokenFor: ({ requestId, keyId }) => {
      const key = keys.get(keyId);
      if (!key) throw new Error(`Signing key ${keyId} is not in the keyring`);
      return createHmac('sha256', key).update(requestId, 'utf8').digest('base64url');
    },
    // `<agreement id>.<key id>.<HMAC>`: a party's standing link to the executed copy, derived like a signing token, never stored.
    executedCopyToken: (agreementId, keyId) => `${agreementId}.${keyId}.${copyMac(agreementId, keyId)}`,
    agreementOfCopyToken: (token) => {
      // Key ids may hold dots; an agreement id (a ULID) and the MAC (base64url) never do.
      const parts = token.split('.');
      const [agreementId, mac] = [parts[0], parts.at(-1)];
      const keyId = parts.slice(1, -1).join('.');
      if (parts.length < 3 || !agreementId || !mac || !keys.has(keyId)) return undefined;
      const expected = Buffer.from(copyMac(agreementId, keyId));
      const given = Buffer.from(mac);
      return given.length === expected.length && timingSafeEqual(given, expected) ? agreementId : undefined;
    },
    webhookSecret: (endpointId, { keyId, version }) => {
      const key = keys.get(keyId);
      if (!key) throw new Error(`Signing key ${keyId} is not in the keyring`);
      // A purpose prefix keeps a webhook secret from ever equalling a link token.
      return `whsec_${createHmac('sha256', key).update(`webhook-secret|${endpointId}|${version}`, 'utf8').digest('base64')}`;
    },
  };
};
