import { createServer } from 'node:net';
import type { TestProject } from 'vitest/node';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDynamoDbLocal } from '../../infra/local/dynamodb-local';
import { startS3Local } from '../../infra/local/s3-local';

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- augmenting vitest's interface needs an interface
  export interface ProvidedContext {
    dynamoEndpoint: string;
    s3Endpoint: string;
  }
}

/**
 * One in-memory DynamoDB Local and one S3-compatible server for the whole integration run; each
 * test file makes its own table, and keys in the bucket are unique to their agreements.
 */
export default async function setup(project: TestProject) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const dynamo = await startDynamoDbLocal({ port: await freePort() });
  project.provide('dynamoEndpoint', dynamo.endpoint);
  const directory = mkdtempSync(join(tmpdir(), 'accord-s3-'));
  // Tests hand uploads to the documents handler themselves, as S3 would.
  const s3 = await startS3Local({ port: await freePort(), directory, onObjectCreated: () => undefined });
  project.provide('s3Endpoint', s3.endpoint);
  return async () => {
    await s3.stop();
    await dynamo.stop();
    rmSync(directory, { recursive: true, force: true });
  };
}
