import * as z from 'zod/mini';
import { deferred } from './schemas/deferred';
import { ZSigningKeyring } from './signing-keyring';

/**
 * Every setting an Accord function may ask for, and the environment variables that carry it in
 * AWS (set by the CDK stack) and on a laptop (set by the local stack). A function asks only for
 * the settings it uses (`shared/functions.ts`); both stacks give it exactly those variables.
 *
 * Not listed here, because neither stack chooses them: what the Lambda runtime itself sets
 * (`AWS_REGION`, credentials) and the endpoints of local emulators (`DYNAMODB_ENDPOINT`,
 * `SES_ENDPOINT`, `S3_ENDPOINT`, `COGNITO_ENDPOINT`), which are only ever additions.
 */
export const SETTING_VARIABLES = {
  table: { aws: ['TABLE_NAME'], local: ['TABLE_NAME'] },
  publicBaseUrl: { aws: ['PUBLIC_BASE_URL'], local: ['PUBLIC_BASE_URL'] },
  auth: { aws: ['COGNITO_USER_POOL_ID', 'COGNITO_CLIENT_ID'], local: ['LOCAL_AUTH_ISSUER', 'LOCAL_AUTH_JWKS'] },
  workspaceSignIn: {
    aws: ['COGNITO_DOMAIN_URL', 'COGNITO_WORKSPACE_CLIENT_ID', 'COGNITO_WORKSPACE_CLIENT_SECRET_ARN'],
    local: ['LOCAL_SIGN_IN_URL', 'LOCAL_SIGN_IN_CLIENT_SECRET'],
  },
  signingKeys: { aws: ['SIGNING_KEY_SECRET_ARN'], local: ['SIGNING_KEYS'] },
  userDirectory: { aws: ['COGNITO_USER_POOL_ID'], local: ['COGNITO_USER_POOL_ID'] },
  mail: { aws: ['MAIL_FROM', 'SES_CONFIGURATION_SET'], local: ['MAIL_FROM'] },
  evidenceRetention: { aws: ['EVIDENCE_RETENTION_DAYS'], local: [] },
  webhookDestinations: { aws: [], local: ['WEBHOOKS_ALLOW_PRIVATE_ADDRESSES'] },
  documents: { aws: ['DOCUMENTS_BUCKET'], local: ['DOCUMENTS_BUCKET'] },
  seal: { aws: ['SEAL_KEY_ID'], local: ['SEAL_KEY'] },
} as const satisfies Record<string, { aws: readonly string[]; local: readonly string[] }>;

export type TSettingName = keyof typeof SETTING_VARIABLES;
export type TDeployment = 'aws' | 'local';

const REGION = deferred(() => z._default(z.string().check(z.minLength(1)), 'eu-west-2'));
export const DEFAULT_EVIDENCE_RETENTION_DAYS = 2192;

const jsonText = <T extends z.ZodMiniType>(schema: T) =>
  z.pipe(
    z.pipe(
      z.string(),
      z.transform((text, ctx) => {
        try {
          return JSON.parse(text) as unknown;
        } catch {
          ctx.issues.push({ code: 'custom', message: 'is not JSON', input: text });
          return z.NEVER;
        }
      }),
    ),
    schema,
  );

/** The client id the local stack's sign-in knows the workspace by. */
export const LOCAL_SIGN_IN_CLIENT_ID = 'accord-workspace';

/** The workspace's app client is confidential: its secret is in Secrets Manager in AWS, inline locally. */
type TClientSecret = { kind: 'secret'; secretArn: string } | { kind: 'inline'; value: string };

const oauthEndpoints = (baseUrl: string, clientId: string, clientSecret: TClientSecret, kind: 'cognito' | 'local') => {
  const base = baseUrl.replace(/\/+$/, '');
  return {
    kind,
    clientId,
    clientSecret,
    authorizeUrl: `${base}/oauth2/authorize`,
    tokenUrl: `${base}/oauth2/token`,
    revokeUrl: `${base}/oauth2/revoke`,
    logoutUrl: `${base}/logout`,
  };
};

const SETTING_SCHEMAS = {
  /** Days personal evidence (IP addresses, user agents) is kept after it is recorded: six years by default (Limitation Act 1980 s.5). */
  evidenceRetention: deferred(() =>
    z.pipe(
      z.object({ EVIDENCE_RETENTION_DAYS: z._default(z.coerce.number().check(z.int(), z.gte(1)), DEFAULT_EVIDENCE_RETENTION_DAYS) }),
      z.transform((env) => ({ days: env.EVIDENCE_RETENTION_DAYS })),
    ),
  ),
  /** In AWS webhooks go to public https addresses only; the local stack lets them reach localhost. */
  webhookDestinations: deferred(() =>
    z.pipe(
      z.object({ WEBHOOKS_ALLOW_PRIVATE_ADDRESSES: z.optional(z.enum(['true'])) }),
      z.transform((env) => ({ allowPrivate: env.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES === 'true' })),
    ),
  ),
  table: deferred(() =>
    z.pipe(
      z.object({ TABLE_NAME: z.string().check(z.minLength(1)), AWS_REGION: REGION, DYNAMODB_ENDPOINT: z.optional(z.url()) }),
      z.transform((env) => ({ name: env.TABLE_NAME, region: env.AWS_REGION, endpoint: env.DYNAMODB_ENDPOINT })),
    ),
  ),
  publicBaseUrl: deferred(() =>
    z.pipe(
      z.object({ PUBLIC_BASE_URL: z.url() }),
      z.transform((env) => env.PUBLIC_BASE_URL.replace(/\/+$/, '')),
    ),
  ),
  auth: deferred(() =>
    z.union([
      z.pipe(
        z.object({
          COGNITO_USER_POOL_ID: z.string().check(z.regex(/^[\w-]+_[0-9a-zA-Z]+$/)),
          /** The app clients whose ID tokens Accord accepts, comma-separated: the API's public client and the workspace's. */
          COGNITO_CLIENT_ID: z.string().check(z.minLength(1)),
        }),
        z.transform((env) => ({
          kind: 'cognito' as const,
          userPoolId: env.COGNITO_USER_POOL_ID,
          clientIds: env.COGNITO_CLIENT_ID.split(',')
            .map((id) => id.trim())
            .filter(Boolean),
        })),
      ),
      z.pipe(
        z.object({
          LOCAL_AUTH_ISSUER: z.url(),
          /** The local stack's public JSON Web Key Set, inline, so verifying never needs the network. */
          LOCAL_AUTH_JWKS: jsonText(z.object({ keys: z.array(z.record(z.string(), z.unknown())) })),
        }),
        z.transform((env) => ({ kind: 'local' as const, issuer: env.LOCAL_AUTH_ISSUER, jwks: env.LOCAL_AUTH_JWKS })),
      ),
    ]),
  ),
  /** The workspace's sign-in: Cognito's OAuth 2.0 endpoints in AWS, the local stack's copies of them on a laptop. */
  workspaceSignIn: deferred(() =>
    z.union([
      z.pipe(
        z.object({
          COGNITO_DOMAIN_URL: z.url(),
          COGNITO_WORKSPACE_CLIENT_ID: z.string().check(z.minLength(1)),
          COGNITO_WORKSPACE_CLIENT_SECRET_ARN: z.string().check(z.startsWith('arn:')),
        }),
        z.transform((env) =>
          oauthEndpoints(
            env.COGNITO_DOMAIN_URL,
            env.COGNITO_WORKSPACE_CLIENT_ID,
            { kind: 'secret', secretArn: env.COGNITO_WORKSPACE_CLIENT_SECRET_ARN },
            'cognito',
          ),
        ),
      ),
      z.pipe(
        z.object({ LOCAL_SIGN_IN_URL: z.url(), LOCAL_SIGN_IN_CLIENT_SECRET: z.string().check(z.minLength(32)) }),
        z.transform((env) =>
          oauthEndpoints(env.LOCAL_SIGN_IN_URL, LOCAL_SIGN_IN_CLIENT_ID, { kind: 'inline', value: env.LOCAL_SIGN_IN_CLIENT_SECRET }, 'local'),
        ),
      ),
    ]),
  ),
  /** The legal teams' accounts: Cognito's user pool in AWS, the local stack's stand-in for its admin API on a laptop. */
  userDirectory: deferred(() =>
    z.pipe(
      z.object({ COGNITO_USER_POOL_ID: z.string().check(z.regex(/^[\w-]+_[0-9a-zA-Z]+$/)), AWS_REGION: REGION, COGNITO_ENDPOINT: z.optional(z.url()) }),
      z.transform((env) => ({ userPoolId: env.COGNITO_USER_POOL_ID, region: env.AWS_REGION, endpoint: env.COGNITO_ENDPOINT })),
    ),
  ),
  signingKeys: deferred(() =>
    z.union([
      z.pipe(
        z.object({ SIGNING_KEY_SECRET_ARN: z.string().check(z.startsWith('arn:')) }),
        z.transform((env) => ({ kind: 'secret' as const, secretArn: env.SIGNING_KEY_SECRET_ARN })),
      ),
      /** The keyring inline (local stack, tests): `{"currentKeyId":"k1","k1":"<base64url key>"}`. */
      z.pipe(
        z.object({ SIGNING_KEYS: jsonText(ZSigningKeyring) }),
        z.transform((env) => ({ kind: 'inline' as const, keyring: env.SIGNING_KEYS })),
      ),
    ]),
  ),
  documents: deferred(() =>
    z.pipe(
      z.object({ DOCUMENTS_BUCKET: z.string().check(z.minLength(1)), AWS_REGION: REGION, S3_ENDPOINT: z.optional(z.url()) }),
      z.transform((env) => ({ bucket: env.DOCUMENTS_BUCKET, region: env.AWS_REGION, endpoint: env.S3_ENDPOINT })),
    ),
  ),
  /** The executed copy's seal: an asymmetric KMS key in AWS (it never leaves KMS); a key and certificate of its own locally. */
  seal: deferred(() =>
    z.union([
      z.pipe(
        z.object({ SEAL_KEY_ID: z.string().check(z.minLength(1)), AWS_REGION: REGION }),
        z.transform((env) => ({ kind: 'kms' as const, keyId: env.SEAL_KEY_ID, region: env.AWS_REGION })),
      ),
      z.pipe(
        z.object({ SEAL_KEY: jsonText(z.object({ privateKeyPem: z.string().check(z.minLength(1)), certificatePem: z.string().check(z.minLength(1)) })) }),
        z.transform((env) => ({ kind: 'local' as const, ...env.SEAL_KEY })),
      ),
    ]),
  ),
  mail: deferred(() =>
    z.pipe(
      z.object({
        MAIL_FROM: z.string().check(z.minLength(3)),
        SES_CONFIGURATION_SET: z.optional(z.string().check(z.minLength(1))),
        SES_ENDPOINT: z.optional(z.url()),
        AWS_REGION: REGION,
      }),
      z.transform((env) => ({ from: env.MAIL_FROM, configurationSet: env.SES_CONFIGURATION_SET, sesEndpoint: env.SES_ENDPOINT, region: env.AWS_REGION })),
    ),
  ),
} satisfies Record<TSettingName, z.ZodMiniType>;

export type TSettings = { [K in TSettingName]: z.output<(typeof SETTING_SCHEMAS)[K]> };

const describeVariables = (name: TSettingName) => {
  const { aws, local } = SETTING_VARIABLES[name];
  const list = (names: readonly string[]) => names.join(' and ');
  return local.length === 0 || list(aws) === list(local) ? `set ${list(aws)}` : `set ${list(aws)} (AWS) or ${list(local)} (local stack)`;
};

/**
 * Reads the settings a function asks for, once, at cold start; throws one error naming every
 * setting that is missing or malformed and the variables that carry it.
 */
export const loadConfig = <const TName extends TSettingName>(
  names: readonly TName[],
  env: NodeJS.ProcessEnv = process.env,
): Readonly<Pick<TSettings, TName>> => {
  const problems: string[] = [];
  const config: Partial<TSettings> = {};
  for (const name of names) {
    const parsed = SETTING_SCHEMAS[name].safeParse(env);
    if (parsed.success) (config as Record<string, unknown>)[name] = parsed.data;
    else problems.push(`${name}: ${describeVariables(name)}`);
  }
  if (problems.length > 0) throw new Error(`Accord configuration is invalid: ${problems.join('; ')}`);
  return Object.freeze(config as Pick<TSettings, TName>);
};

/** The variables a function with these settings is given in one deployment, from the table above. */
export const variablesFor = (names: readonly TSettingName[], deployment: TDeployment): string[] => [
  ...new Set(names.flatMap((name) => SETTING_VARIABLES[name][deployment])),
];
