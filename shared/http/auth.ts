import { CognitoJwtVerifier, JwtRsaVerifier } from 'aws-jwt-verify';
import { assertIsJwks } from 'aws-jwt-verify/jwk';
import type { JwtPayload } from 'aws-jwt-verify/jwt-model';
import type { Json } from 'aws-jwt-verify/safe-json-parse';
import * as z from 'zod/mini';
import type { TSettings } from '../config';
import { highestRole, type TUser } from '../domain/user';
import { AppError } from '../errors';
import { deferred } from '../schemas/deferred';

/** Claims Accord reads from an ID token: Cognito's own names, which the local stack's tokens copy. */
export const ROLE_CLAIM = 'cognito:groups';
export const AGENCIES_CLAIM = 'custom:agencies';

const ZClaims = deferred(() =>
  z.object({
    email: z.email(),
    // An address nobody has proved they receive mail at identifies nobody (Cognito sends a boolean).
    email_verified: z.union([z.literal(true), z.literal('true')], { error: 'the email address is not verified' }),
    [ROLE_CLAIM]: z._default(z.array(z.string()), []),
    [AGENCIES_CLAIM]: z._default(z.string(), ''),
  }),
);

/** The highest of Accord's roles among the user's groups; agencies are a comma-separated attribute. */
export const userFromClaims = (payload: JwtPayload): TUser => {
  const claims = ZClaims.safeParse(payload);
  if (!claims.success) {
    const unverified = claims.error.issues.some((issue) => issue.path[0] === 'email_verified');
    throw new AppError('unauthenticated', unverified ? 'Your email address is not verified.' : 'The token lacks the claims Accord needs.');
  }
  const groups = claims.data[ROLE_CLAIM];
  const role = highestRole(groups);
  if (!role) throw new AppError('forbidden', 'Your account has no Accord role (viewer, editor or admin).');
  return {
    email: claims.data.email.toLowerCase(),
    role,
    agencies: claims.data[AGENCIES_CLAIM].split(',')
      .map((id) => id.trim())
      .filter(Boolean),
  };
};

type TVerify = (token: string) => Promise<JwtPayload>;

const createVerify = (auth: TSettings['auth']): TVerify => {
  if (auth.kind === 'cognito') {
    const verifier = CognitoJwtVerifier.create({ userPoolId: auth.userPoolId, tokenUse: 'id', clientId: auth.clientIds });
    return (token) => verifier.verify(token);
  }
  const verifier = JwtRsaVerifier.create({ issuer: auth.issuer, audience: 'accord', jwksUri: `${auth.issuer}/jwks.json` });
  // The local stack hands its keys over in the environment, so verifying never fetches.
  const jwks = auth.jwks as Json;
  assertIsJwks(jwks);
  verifier.cacheJwks(jwks);
  return (token) => verifier.verify(token);
};

/** Builds the bearer-token check once, at cold start. */
export const createAuthenticator = (auth: TSettings['auth']) => {
  const verify = createVerify(auth);
  return async (authorization: string | undefined): Promise<TUser> => {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token) throw new AppError('unauthenticated', 'Send Authorization: Bearer <token>.');
    let payload: JwtPayload;
    try {
      payload = await verify(token);
    } catch {
      throw new AppError('unauthenticated', 'The token is invalid or has expired.');
    }
    return userFromClaims(payload);
  };
};
