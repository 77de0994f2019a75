import type { App } from 'aws-cdk-lib';
import { DEFAULT_EVIDENCE_RETENTION_DAYS } from '../../shared/config';
import * as z from 'zod/mini';

const HOSTNAME = /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/**
 * Names that can never receive mail for a real deployment: the reserved example, test and local
 * names (RFC 2606, RFC 6761) and this README's own placeholder.
 */
const isPlaceholderDomain = (domain: string) =>
  /(^|\.)(example\.(com|net|org)|example|test|invalid|localhost|local)$/.test(domain) || domain.split('.').includes('your-force');

/**
 * What a deployment needs from whoever deploys it, as CDK context (`-c name=value` or
 * `cdk.json`). Read once; a missing or malformed value stops `cdk synth` and `cdk deploy` with a
 * message naming the context value to set.
 */
export const ZDeploySettings = z
  .object({
    /** UK personal data stays in London unless the deployer says otherwise. */
    region: z._default(z.string().check(z.regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'an AWS region such as eu-west-2')), 'eu-west-2'),
    /** The domain Accord sends from (SES identity, DKIM); the deployer must control its DNS. */
    mailDomain: z.string({ error: 'set -c mailDomain=<a domain whose DNS you control>, e.g. accord.your-force.police.uk' }).check(
      z.toLowerCase(),
      z.regex(HOSTNAME, 'a domain name such as accord.your-force.police.uk'),
      z.refine((domain) => !isPlaceholderDomain(domain), 'a real domain whose DNS you control, not an example or placeholder name'),
    ),
    /** Who is emailed when an alarm fires. */
    alarmEmail: z.email({ error: 'set -c alarmEmail=<the address that receives alarms>, e.g. accord-ops@your-force.police.uk' }),
    /** An optional custom domain for the API and pages, with an ACM certificate for it in the same region. */
    domainName: z.optional(z.string().check(z.toLowerCase(), z.regex(HOSTNAME, 'a domain name such as accord.your-force.police.uk'))),
    certificateArn: z.optional(z.string().check(z.startsWith('arn:aws:acm:', 'an ACM certificate ARN'))),
    /** The prefix of Cognito's sign-in domain (`<prefix>.auth.<region>.amazoncognito.com`); unique per region. */
    signInDomainPrefix: z.optional(z.string().check(z.regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, 'lower-case letters, digits and hyphens'))),
    /** The keyring kept from an earlier deployment of this stack, when it is created again over the retained table. */
    signingKeySecretArn: z.optional(z.string().check(z.startsWith('arn:aws:secretsmanager:', 'a Secrets Manager secret ARN'))),
    /** Days IP addresses and user agents recorded as signing evidence are kept (the audit chain keeps their digest). */
    evidenceRetentionDays: z._default(z.coerce.number().check(z.int('a whole number of days'), z.gte(1)), DEFAULT_EVIDENCE_RETENTION_DAYS),
  })
  .check(
    z.refine((settings) => Boolean(settings.domainName) === Boolean(settings.certificateArn), {
      message: 'set both -c domainName=… and -c certificateArn=… for a custom domain, or neither',
      path: ['domainName'],
    }),
    // A regional API's certificate lives in the API's own region.
    z.refine((settings) => !settings.certificateArn || settings.certificateArn.split(':')[3] === settings.region, {
      message: 'the certificate must be in the region Accord deploys to',
      path: ['certificateArn'],
    }),
  );
export type TDeploySettings = z.output<typeof ZDeploySettings>;

const CONTEXT_KEYS = [
  'region',
  'mailDomain',
  'alarmEmail',
  'domainName',
  'certificateArn',
  'signInDomainPrefix',
  'signingKeySecretArn',
  'evidenceRetentionDays',
] as const;

/** Reads the deploy settings from the app's context; throws naming each context value to fix. */
export const readDeploySettings = (app: App): TDeploySettings => {
  const context = Object.fromEntries(CONTEXT_KEYS.map((key) => [key, app.node.tryGetContext(key) as unknown]).filter(([, value]) => value !== undefined));
  const parsed = ZDeploySettings.safeParse(context);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `context ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Accord cannot be deployed as configured:\n  ${problems.join('\n  ')}`);
  }
  return parsed.data;
};
