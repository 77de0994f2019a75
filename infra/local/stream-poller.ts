import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { localDynamoClient } from './dynamodb-local';
import { lambdaContext } from './lambda-http';

type TStreamHandler = (event: DynamoDBStreamEvent, context: ReturnType<typeof lambdaContext>) => Promise<DynamoDBBatchResponse | void>;

const POLL_MS = 250;
const RETRY_DELAYS_MS = [1_000, 2_000, 5_000, 10_000];

/** Lambda's event-filter semantics for the shapes Accord uses: nested objects of allowed value lists. */
export const matchesFilter = (value: unknown, pattern: unknown): boolean => {
  if (Array.isArray(pattern)) return pattern.includes(value as never);
  if (pattern && typeof pattern === 'object') {
    if (!value || typeof value !== 'object') return false;
    return Object.entries(pattern).every(([key, inner]) => matchesFilter((value as Record<string, unknown>)[key], inner));
  }
  return value === pattern;
};

/** The record as Lambda's DynamoDB event source hands it over. */
const toLambdaRecord = (record: StreamRecord, streamArn: string): DynamoDBRecord => ({
  eventID: record.eventID,
  eventName: record.eventName as DynamoDBRecord['eventName'],
  eventVersion: '1.1',
  eventSource: 'aws:dynamodb',
  awsRegion: 'local',
  eventSourceARN: streamArn,
  dynamodb: {
    ...(record.dynamodb as DynamoDBRecord['dynamodb']),
    ApproximateCreationDateTime: record.dynamodb?.ApproximateCreationDateTime
      ? Math.floor(record.dynamodb.ApproximateCreationDateTime.getTime() / 1000)
      : undefined,
  },
});

/**
 * What Lambda's event source mapping does in AWS, for the laptop: reads the table's stream in
 * DynamoDB Local, keeps the records that pass the filter, and hands them to the same handler,
 * retrying reported failures with backoff.
 */
export const startStreamPoller = async (options: { endpoint: string; tableName: string; filter: unknown; handler: TStreamHandler; name: string }) => {
  const { Table } = await localDynamoClient(options.endpoint).send(new DescribeTableCommand({ TableName: options.tableName }));
  const streamArn = Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`Table ${options.tableName} has no stream`);
  const streams = new DynamoDBStreamsClient({ endpoint: options.endpoint, region: 'eu-west-2', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const iterators = new Map<string, string | null>();
  const retries: { record: DynamoDBRecord; attempt: number; due: number }[] = [];
  let stopped = false;

  const refreshShards = async () => {
    const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    for (const shard of StreamDescription?.Shards ?? []) {
      if (!shard.ShardId || iterators.has(shard.ShardId)) continue;
      // From the start of what the stream keeps: a restart replays, and the sender's idempotency skips what was sent.
      const { ShardIterator } = await streams.send(
        new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shard.ShardId, ShardIteratorType: 'TRIM_HORIZON' }),
      );
      iterators.set(shard.ShardId, ShardIterator ?? null);
    }
  };

  const invoke = async (records: DynamoDBRecord[], attempt: number) => {
    if (records.length === 0) return;
    let failed: string[] = [];
    try {
      const result = await options.handler({ Records: records }, lambdaContext(options.name));
      failed = (result?.batchItemFailures ?? []).map((failure) => failure.itemIdentifier);
    } catch (error) {
      console.error(`${options.name} failed:`, (error as Error).message);
      failed = records.map((record) => record.dynamodb?.SequenceNumber ?? '');
    }
    for (const record of records.filter((r) => failed.includes(r.dynamodb?.SequenceNumber ?? ''))) {
      const delay = RETRY_DELAYS_MS[attempt];
      if (delay === undefined) console.error(`${options.name}: giving up on record ${record.eventID}`);
      else retries.push({ record, attempt: attempt + 1, due: Date.now() + delay });
    }
  };

  const pollOnce = async () => {
    await refreshShards();
    for (const [shardId, iterator] of iterators) {
      if (!iterator) continue;
      const page = await streams.send(new GetRecordsCommand({ ShardIterator: iterator }));
      iterators.set(shardId, page.NextShardIterator ?? null);
      const records = (page.Records ?? []).map((record) => toLambdaRecord(record, streamArn)).filter((record) => matchesFilter(record, options.filter));
      await invoke(records, 0);
    }
    const due = retries.filter((retry) => retry.due <= Date.now());
    for (const retry of due) {
      retries.splice(retries.indexOf(retry), 1);
      await invoke([retry.record], retry.attempt);
    }
  };

  const loop = (async () => {
    while (!stopped) {
      try {
        await pollOnce();
      } catch (error) {
        if (!stopped) console.error(`${options.name} poller:`, (error as Error).message);
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  })();

  return {
    stop: async () => {
      stopped = true;
      await loop;
    },
  };
};
