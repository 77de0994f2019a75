import { z } from 'zod';

const ZAuthConfig = z.union([
  z.object({
    kind: z.literal('cognito'),
    userPoolId: z.string().min(1),
    clientId: z.string().min(1),
  }),
  z.object({
    kind: z.literal('local'),
    issuer: z.string().url(),
    /** The local stack's public JSON Web Key Set, inline, so verifying never needs the network. */
    jwks: z.string().transform((text, ctx) => {
      try {
        return JSON.parse(text) as { keys: Record<string, unknown>[] };
      } catch {
        ctx.addIssue({ code: 'custom', message: 'LOCAL_AUTH_JWKS is not JSON' });
        return z.NEVER;
      }
    }),
  }),
]);

const ZEnvironment = z
  .object({
    TABLE_NAME: z.string().min(1),
    AWS_REGION: z.string().min(1).default('eu-west-2'),
    DYNAMODB_ENDPOINT: z.string().url().optional(),
    PUBLIC_BASE_URL: z.string().url(),
    COGNITO_USER_POOL_ID: z.string().optional(),
    COGNITO_CLIENT_ID: z.string().optional(),
    /** The Cognito hosted UI the dashboard signs in through, e.g. https://accord.auth.eu-west-2.amazoncognito.com */
    COGNITO_DOMAIN_URL: z.string().url().optional(),
    LOCAL_AUTH_ISSUER: z.string().optional(),
    LOCAL_AUTH_JWKS: z.string().optional(),
    /** The key signing links are derived from: inline (local stack, tests) or a Secrets Manager secret. */
    SIGNING_KEY: z.string().min(43).optional(),
    SIGNING_KEY_SECRET_ARN: z.string().optional(),
    SES_ENDPOINT: z.string().url().optional(),
    MAIL_FROM: z.string().min(3).default('Accord <accord@localhost>'),
    SES_CONFIGURATION_SET: z.string().optional(),
  })
  .transform((env, ctx) => {
    const auth = ZAuthConfig.safeParse(
      env.COGNITO_USER_POOL_ID
        ? { kind: 'cognito', userPoolId: env.COGNITO_USER_POOL_ID, clientId: env.COGNITO_CLIENT_ID }
        : { kind: 'local', issuer: env.LOCAL_AUTH_ISSUER, jwks: env.LOCAL_AUTH_JWKS },
    );
    if (!auth.success) {
      ctx.addIssue({
        code: 'custom',
        message: 'set COGNITO_USER_POOL_ID and COGNITO_CLIENT_ID, or LOCAL_AUTH_ISSUER and LOCAL_AUTH_JWKS',
      });
      return z.NEVER;
    }
    const signingKey = env.SIGNING_KEY
      ? ({ kind: 'inline', value: env.SIGNING_KEY } as const)
      : env.SIGNING_KEY_SECRET_ARN
        ? ({ kind: 'secret', secretArn: env.SIGNING_KEY_SECRET_ARN } as const)
        : null;
    return {
      tableName: env.TABLE_NAME,
      signingKey,
      dashboardSignIn:
        env.COGNITO_DOMAIN_URL && env.COGNITO_CLIENT_ID
          ? ({ kind: 'cognito', domainUrl: env.COGNITO_DOMAIN_URL, clientId: env.COGNITO_CLIENT_ID } as const)
          : ({ kind: 'local' } as const),
      mail: { from: env.MAIL_FROM, sesEndpoint: env.SES_ENDPOINT, configurationSet: env.SES_CONFIGURATION_SET },
      region: env.AWS_REGION,
      dynamoDbEndpoint: env.DYNAMODB_ENDPOINT,
      publicBaseUrl: env.PUBLIC_BASE_URL.replace(/\/+$/, ''),
      auth: auth.data,
    };
  });

export type TConfig = z.infer<typeof ZEnvironment>;

/** Parses the environment; throws a readable error naming every missing or bad variable. */
export const loadConfig = (env: NodeJS.ProcessEnv): TConfig => {
  const parsed = ZEnvironment.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`);
    throw new Error(`Accord configuration is invalid: ${problems.join('; ')}`);
  }
  return Object.freeze(parsed.data);
};

/** Read once at cold start, so a misconfigured function fails at init rather than mid-request. */
export const config: TConfig = loadConfig(process.env);
