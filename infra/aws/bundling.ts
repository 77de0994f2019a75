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
  mainFields: ['module', 'main'],
  // Some dependencies are CommonJS and call require(); ESM output needs it defined.
  banner: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);",
} as const;
