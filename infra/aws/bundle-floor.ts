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
 * The goal is 1.25× for every function; each budget holds a function at what it is today (plus
 * 0.02) so none can grow while the rest of the way is made. The history of each figure is in the
 * README's Benchmarks section.
 */
export const BUNDLE_BUDGETS: Record<TFunctionName, number> = {
  api: 1.54,
  signing: 1.29,
  // Server-rendered pages: Nunjucks (its compiler included: GOV.UK Frontend's templates are compiled at build time, Accord's own on first use) and the page modules.
  workspace: 1.60,
  outboxSender: 1.11,
  dailyJob: 1.23,
  sesEvents: 1.20,
  // Off the request path: it renders and seals PDFs (pdf-lib, an embedded font, PKI.js), which is why it is a function of its own.
  documents: 3.67,
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
