import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { TSettingName } from '../../shared/config';
import { FUNCTIONS, type TFunctionName } from '../../shared/functions';
import { BUNDLE_SETTINGS } from './bundling';

/** The AWS SDK client packages a setting makes a function call. */
const CLIENTS_BY_SETTING: Partial<Record<TSettingName, readonly string[]>> = {
  table: ['@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb'],
  signingKeys: ['@aws-sdk/client-secrets-manager'],
  mail: ['@aws-sdk/client-sesv2'],
  documents: ['@aws-sdk/client-s3', '@aws-sdk/s3-request-presigner'],
  seal: ['@aws-sdk/client-kms'],
  userDirectory: ['@aws-sdk/client-cognito-identity-provider'],
};

/**
 * A function's floor: a bundle of only the AWS SDK clients it calls, each client package whole,
 * built with the same esbuild settings. A function's bundle size and load time are judged
 * against it: what it carries beyond the floor is Accord's own cost.
 */
export const floorSource = (name: TFunctionName): string =>
  [...new Set(FUNCTIONS[name].settings.flatMap((setting) => CLIENTS_BY_SETTING[setting] ?? []))]
    .map((client) => `export * from '${client}';`)
    .join('\n');

/**
 * How large each function's bundle may be, as a multiple of its floor: `npm test` fails past it.
 * The goal is 1.25× for every function; these hold each at what it is today so none can grow
 * while the rest of the way (tracing without the X-Ray SDK, a smaller zod) is made. The API's
 * grew by 0.04 with webhook registration (its routes, schemas and the destination check), the
 * outbox sender by 0.03 with webhook delivery, every function that changes agreements by a
 * little with the webhook events each change writes; the API by 0.07 more and the signing
 * function by 0.06 with collaboration proposals (the page a party answers on, the webhook event of its view),
 * the daily job and SES events by 0.02 with party withdrawals, the API by 0.07 more with imports
 * (csv-parse among them). The documents work put the S3 client (and presigner) in the API's and the
 * signing function's floors, which lowered their ratios; their budgets came down with them. The
 * workspace's entry in the functions table, which every bundle carries, added 1.2 KB to each: the
 * daily job's budget went up by 0.01 with it, and the outbox sender's by 0.01 when that entry
 * gained the workspace's users, files and webhook settings.
 */
export const BUNDLE_BUDGETS: Record<TFunctionName, number> = {
  // Lower since the documents work (the S3 client both now call is in their floors too), and
  // since a create's idempotency key is written in its own transaction (no Powertools idempotency).
  api: 1.95,
  signing: 1.65,
  // Server-rendered pages: Nunjucks (its compiler included; templates are compiled on first use) and
  // the page modules. Lower since it manages users (Cognito's client) and files (S3's): both are in its floor.
  workspace: 1.9,
  outboxSender: 1.43,
  dailyJob: 1.65,
  sesEvents: 1.64,
  // Off the request path: it renders and seals PDFs (pdf-lib, an embedded font, PKI.js), which is why it is a function of its own.
  documents: 4.4,
};

export const bundle = async (entry: { file: string } | { source: string }, outfile: string) => {
  mkdirSync(join(outfile, '..'), { recursive: true });
  if ('source' in entry) writeFileSync(`${outfile}.entry.mjs`, entry.source);
  await build({
    ...BUNDLE_SETTINGS,
    mainFields: [...BUNDLE_SETTINGS.mainFields],
    banner: { js: BUNDLE_SETTINGS.banner },
    entryPoints: ['source' in entry ? `${outfile}.entry.mjs` : entry.file],
    // The floor's entry lives outside the repository's tree; its packages are the repository's.
    nodePaths: [join(process.cwd(), 'node_modules')],
    bundle: true,
    outfile,
    logLevel: 'error',
  });
  return statSync(outfile).size;
};

/** Builds the floor of a function into `dir`; returns its path and size in bytes. */
export const buildFloor = async (name: TFunctionName, dir: string) => {
  const outfile = join(dir, `${name}.floor.mjs`);
  return { outfile, bytes: await bundle({ source: floorSource(name) }, outfile) };
};
