import { createHmac } from 'node:crypto';
import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import type { TConfig } from './config';
import type { TLinkSigner } from './domain/ports';

const MIN_KEY_BYTES = 32;

/**
 * A signing link's token is HMAC-SHA256(key, requestId), base64url: 256 bits, 43 characters.
 * The table keeps only the token's SHA-256 and the request id; the outbox sender derives the
 * token again when it writes the email, so no usable token is ever at rest.
 */
export const createLinkSigner = (key: Buffer): TLinkSigner => {
  if (key.length < MIN_KEY_BYTES) throw new Error(`The signing key must be at least ${MIN_KEY_BYTES} bytes`);
  return { tokenFor: (requestId) => createHmac('sha256', key).update(requestId, 'utf8').digest('base64url') };
};

/** Loads the key once per cold start: from the environment locally, from Secrets Manager in AWS. */
export const loadLinkSigner = async (signingKey: TConfig['signingKey']): Promise<TLinkSigner> => {
  if (!signingKey) throw new Error('Set SIGNING_KEY or SIGNING_KEY_SECRET_ARN');
  const encoded = signingKey.kind === 'inline' ? signingKey.value : await getSecret<string>(signingKey.secretArn, { maxAge: 3600 });
  if (!encoded) throw new Error('The signing key secret is empty');
  return createLinkSigner(Buffer.from(encoded, 'base64url'));
};
