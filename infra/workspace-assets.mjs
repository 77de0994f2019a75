// Builds what the workspace function reads at run time beside its code: its style sheet (GOV.UK
// Frontend compiled with Accord's typeface, so no GOV.UK font or crown is used), GOV.UK Frontend's
// script, and GOV.UK Frontend's Nunjucks templates, compiled. The CDK bundling hook runs it into the asset;
// the local stack runs it into functions/workspace/build. Plain JavaScript, so `node` runs it alone.
import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const govukDist = join(dirname(require.resolve('govuk-frontend/package.json')), 'dist');

/** Where functions/workspace/view.ts finds GOV.UK Frontend's compiled templates. */
const GOVUK_TEMPLATES_FILE = 'govuk-templates.cjs';

/**
 * GOV.UK Frontend's templates compiled to one CommonJS module, `{ "govuk/template.njk": … }`, for
 * Nunjucks' PrecompiledLoader. Compiling them on a cold start's first page took about 100 ms;
 * loading them compiled takes a few.
 */
const compiledGovukTemplates = async () => {
  const { default: nunjucks } = await import('nunjucks');
  const { transform } = await import('esbuild');
  const source = nunjucks.precompile(govukDist, {
    include: [/^govuk[\\/].*\.njk$/],
    wrapper: (templates) => templates.map(({ name, template }) => `exports[${JSON.stringify(name)}] = (function () {\n${template}\n})();`).join('\n'),
  });
  return (await transform(source, { format: 'cjs', minify: true, target: 'node20' })).code;
};

/** Writes `public/` (served under /app/assets) and `govuk-templates.cjs` into `outputDir`. */
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
  writeFileSync(join(outputDir, GOVUK_TEMPLATES_FILE), await compiledGovukTemplates());
};

const STAMP = '.built-from';

/** What the build is made from: when none of it changed, the build in place stands. */
const sourcesHash = () => {
  const hash = createHash('sha256');
  for (const file of [fileURLToPath(import.meta.url), join(repositoryRoot, 'functions/workspace/styles/accord.scss'), join(repositoryRoot, 'functions/workspace/styles/accord.mjs'), join(govukDist, '..', 'package.json'), require.resolve('nunjucks/package.json')]) {
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
