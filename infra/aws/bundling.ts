/**
 * esbuild settings shared by the CDK functions and `npm run bench`, so the sizes and cold starts
 * measured are those of what is deployed.
 */
export const BUNDLE_SETTINGS = {
  format: 'esm',
  target: 'node22',
  platform: 'node',
  minify: true,
  sourcemap: true,
  // Text outside ASCII (markdown-it's table of HTML entities, the messages' typography) is written
  // as UTF-8, which Node reads a module as, rather than as \u escapes up to three times its size.
  charset: 'utf8',
  mainFields: ['module', 'main'],
  // Some dependencies are CommonJS and call require(); ESM output needs it defined.
  // markdown-it imports entities whole, and its encoding tables (23 KiB) are built at load, so
  // they are not tree-shaken; markdown-it only decodes (decodeHTML), which is all this module has.
  alias: { entities: 'entities/lib/decode.js' },
  banner: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);",
} as const;
