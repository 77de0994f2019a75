import { defineConfig } from 'vitest/config';

/**
 * Four tiers: `unit` (no network; aws-sdk-client-mock where the SDK is involved), `integration`
 * (the real handlers and repositories against DynamoDB Local, started once in global setup),
 * `e2e` (runs `npm start` itself and drives it over HTTP), and `load` (many writers at once
 * against DynamoDB Local), which runs last and one file at a time, so it has the machine to itself.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          setupFiles: ['test/setup/environment.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/setup/dynamodb-local.ts'],
          setupFiles: ['test/setup/environment.ts', 'test/setup/table-per-file.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'load',
          include: ['test/load/**/*.test.ts'],
          globalSetup: ['test/setup/dynamodb-local.ts'],
          setupFiles: ['test/setup/environment.ts', 'test/setup/table-per-file.ts'],
          fileParallelism: false,
          sequence: { groupOrder: 1 },
          // In AWS each of these invocations is a Lambda of its own; here hundreds queue on one process
          // and one emulator, so each is given the time the whole queue takes, not one Lambda's.
          env: { LOCAL_INVOCATION_SECONDS: '300' },
          testTimeout: 300_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
