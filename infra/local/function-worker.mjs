// A Lambda function's own process, for the local stack: a worker thread started with only the
// variables its CDK function gets. Plain JavaScript, so it starts the same under `tsx` and vitest.
import { tsImport } from 'tsx/esm/api';

await tsImport('./function-runtime.ts', import.meta.url);
