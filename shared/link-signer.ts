import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import type { TSettings } from './config';
import type { TLinkSigner } from './domain/ports';
import { createLinkSigner, ZSigningKeyring } from './signing-keyring';

/** How long a warm function trusts its copy of the keyring before reading the secret again. */
const KEYRING_MAX_AGE_SECONDS = 300;

/**
 * The link signer, from the keyring inline (local stack, tests) or in Secrets Manager (AWS).
 * Asked for key ids it does not know (a key added since this copy was read), it reads the
 * secret again at once, so a rotation reaches every function without waiting for the cache.
 */
export const loadLinkSigner = (setting: TSettings['signingKeys']) => {
  if (setting.kind === 'inline') {
    const signer = createLinkSigner(setting.keyring);
    return async (): Promise<TLinkSigner> => signer;
  }
  const read = async (forceFetch: boolean) => {
    const value = await getSecret<string>(setting.secretArn, { maxAge: KEYRING_MAX_AGE_SECONDS, forceFetch });
    // Neither the secret nor a parser's message quoting it may reach a log.
    const notAKeyring = () => new Error('The signing-key secret is not a keyring: {"currentKeyId": "<id>", "<id>": "<base64url key>"}');
    let parsed: unknown;
    try {
      parsed = JSON.parse(value ?? 'null');
    } catch {
      throw notAKeyring();
    }
    const keyring = ZSigningKeyring.safeParse(parsed);
    if (!keyring.success) throw notAKeyring();
    return createLinkSigner(keyring.data);
  };
  return async (keyIds: readonly string[] = []): Promise<TLinkSigner> => {
    const signer = await read(false);
    return keyIds.every((keyId) => signer.knows(keyId)) ? signer : read(true);
  };
};
