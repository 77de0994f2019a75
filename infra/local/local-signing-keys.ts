import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ZSigningKeyring, type TSigningKeyring } from '../../shared/signing-keyring';
import { createLocalSealKey } from '../../shared/document/seal-signers';

/**
 * The local stack's signing keyring, kept in the data folder in the same shape as the AWS
 * secret (`{"currentKeyId": …, "<id>": "<key>"}`), so links in the mailbox survive a restart and
 * the rotation runbook can be tried on a laptop by editing the file.
 */
export const loadLocalSigningKeys = (dataDir: string): Record<string, string> => {
  const file = resolve(dataDir, 'signing-keys.json');
  if (!existsSync(file)) {
    writeFileSync(file, JSON.stringify({ currentKeyId: 'local-1', 'local-1': randomBytes(32).toString('base64url') }, null, 2), { mode: 0o600 });
  }
  const ring = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  const parsed = ZSigningKeyring.safeParse(ring);
  if (!parsed.success) throw new Error(`${file} is not a signing keyring: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`);
  return flatten(parsed.data);
};

const flatten = (keyring: TSigningKeyring) => ({ currentKeyId: keyring.currentKeyId, ...keyring.keys });

/** The local stack's seal for executed copies: a P-256 key and self-signed certificate, kept with the data. */
export const loadLocalSealKey = async (dataDir: string): Promise<{ privateKeyPem: string; certificatePem: string }> => {
  const file = resolve(dataDir, 'seal-key.json');
  if (!existsSync(file)) writeFileSync(file, JSON.stringify(await createLocalSealKey('Accord executed copies (local)'), null, 2), { mode: 0o600 });
  return JSON.parse(readFileSync(file, 'utf8')) as { privateKeyPem: string; certificatePem: string };
};
