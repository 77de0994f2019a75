import { defineConfig } from 'vitest/config';

/**
 * Three tiers: `unit` (no network; aws-sdk-client-mock where the SDK is involved), `integration`
 * (the real handlers and repositories against DynamoDB Local, started once in global setup),
 * and `e2e` (runs `npm start` itself and drives it over HTTP).
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
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
