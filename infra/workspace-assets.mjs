// Builds what the workspace function reads at run time beside its code: its style sheet (GOV.UK
// Frontend compiled with Accord's typeface, so no GOV.UK font or crown is used), GOV.UK Frontend's
// script, and GOV.UK Frontend's Nunjucks templates. The CDK bundling hook runs it into the asset;
// the local stack runs it into functions/workspace/build. Plain JavaScript, so `node` runs it alone.
import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const govukDist = join(dirname(require.resolve('govuk-frontend/package.json')), 'dist');

const copyTree = (from, to, keep) => {
  for (const name of readdirSync(from)) {
    const source = join(from, name);
    if (statSync(source).isDirectory()) copyTree(source, join(to, name), keep);
    else if (keep(name)) {
      mkdirSync(to, { recursive: true });
      copyFileSync(source, join(to, name));
    }
  }
};

/** Writes `public/` (served under /app/assets) and `templates/govuk/` into `outputDir`. */
export const buildWorkspaceAssets = async (outputDir) => {
  const { compile } = await import('sass');
  const publicDir = join(outputDir, 'public');
  mkdirSync(publicDir, { recursive: true });
  const styles = compile(join(repositoryRoot, 'functions/workspace/styles/accord.scss'), {
    style: 'compressed',
    loadPaths: [join(repositoryRoot, 'node_modules')],
    quietDeps: true,
    silenceDeprecations: ['import'],
  });
  writeFileSync(join(publicDir, 'accord.css'), styles.css);
  copyFileSync(join(govukDist, 'govuk/govuk-frontend.min.js'), join(publicDir, 'govuk-frontend.min.js'));
  copyFileSync(join(repositoryRoot, 'functions/workspace/styles/accord.mjs'), join(publicDir, 'accord.mjs'));
  copyTree(join(govukDist, 'govuk'), join(outputDir, 'templates/govuk'), (name) => name.endsWith('.njk'));
};

const STAMP = '.built-from';

/** What the build is made from: when none of it changed, the build in place stands. */
const sourcesHash = () => {
  const hash = createHash('sha256');
  for (const file of [fileURLToPath(import.meta.url), join(repositoryRoot, 'functions/workspace/styles/accord.scss'), join(repositoryRoot, 'functions/workspace/styles/accord.mjs'), join(govukDist, '..', 'package.json')]) {
    hash.update(readFileSync(file));
  }
  return hash.digest('hex');
};

/**
 * Builds the workspace's files into `outputDir` unless they are already built from the same
 * sources. Built aside and moved into place, so a stack starting meanwhile never reads half a build.
 */
export const ensureWorkspaceAssets = async (outputDir) => {
  const wanted = sourcesHash();
  const stamp = join(outputDir, STAMP);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted) return;
  const aside = `${outputDir}-${randomBytes(6).toString('hex')}`;
  await buildWorkspaceAssets(aside);
  writeFileSync(join(aside, STAMP), wanted);
  rmSync(outputDir, { recursive: true, force: true });
  try {
    renameSync(aside, outputDir);
  } catch {
    // Another start built the same at the same moment.
    rmSync(aside, { recursive: true, force: true });
  }
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const outputDir = process.argv[2];
  if (!outputDir) throw new Error('usage: node infra/workspace-assets.mjs <output directory>');
  await buildWorkspaceAssets(resolve(outputDir));
}
