import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import * as z from 'zod/mini';
import { AGENCIES_CLAIM, ROLE_CLAIM } from '../../shared/http/auth';
import { ROLES } from '../../shared/domain/user';
import { ZSlug } from '../../shared/schemas/common';

const KEY_ID = 'accord-local';

export const ZLocalLoginRequest = z.strictObject({
  email: z.email(),
  role: z.enum(ROLES),
  agencies: z._default(z.array(ZSlug).check(z.maxLength(20)), []),
});

/**
 * Dev sign-in for the local stack: an RSA key kept in the data folder (so tokens survive a
 * restart) signs ID tokens shaped like Cognito's, which the API verifies with aws-jwt-verify.
 */
export const createDevAuth = async ({ dataDir, issuer }: { dataDir: string; issuer: string }) => {
  const keyFile = join(dataDir, 'dev-auth-key.json');
  let privateJwk: JWK;
  if (existsSync(keyFile)) {
    privateJwk = JSON.parse(readFileSync(keyFile, 'utf8')) as JWK;
  } else {
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    privateJwk = { ...(await exportJWK(privateKey)), kid: KEY_ID, alg: 'RS256', use: 'sig' };
    writeFileSync(keyFile, JSON.stringify(privateJwk), { mode: 0o600 });
  }
  const { kty, n, e } = privateJwk;
  const jwks = { keys: [{ kty, n, e, kid: KEY_ID, alg: 'RS256', use: 'sig' }] };
  const privateKey = await importJWK(privateJwk, 'RS256');

  /** Twelve hours for the API's `/_local/login`; the workspace's sign-in gets Cognito's one hour, and refreshes. */
  const issueToken = (login: z.infer<typeof ZLocalLoginRequest>, lifetime = '12h') =>
    new SignJWT({
      email: login.email,
      email_verified: true,
      token_use: 'id',
      [ROLE_CLAIM]: [login.role],
      [AGENCIES_CLAIM]: login.agencies.join(','),
    })
      .setProtectedHeader({ alg: 'RS256', kid: KEY_ID })
      .setIssuer(issuer)
      .setAudience('accord')
      .setSubject(login.email)
      .setIssuedAt()
      .setExpirationTime(lifetime)
      .sign(privateKey);

  return { jwks, issueToken };
};
