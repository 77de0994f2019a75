import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { traceAwsClient } from '../xray-tracer';

export type TDynamoSettings = { region: string; endpoint?: string | undefined };

/**
 * A DynamoDB client for AWS, or for a local endpoint (DynamoDB Local accepts any credentials, so
 * a laptop needs no AWS account). Traced in AWS: an X-Ray subsegment per call; a no-op where
 * tracing is off.
 */
export const createDynamoClient = ({ region, endpoint }: TDynamoSettings): DynamoDBClient =>
  traceAwsClient(
    new DynamoDBClient({
      region,
      ...(endpoint
        ? {
            endpoint,
            credentials: {
              accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? 'local',
              secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? 'local',
            },
          }
        : {}),
    }),
  );

export const createDocumentClient = (settings: TDynamoSettings): DynamoDBDocumentClient =>
  DynamoDBDocumentClient.from(createDynamoClient(settings), { marshallOptions: { removeUndefinedValues: true } });

export type TTableAccess = { client: DynamoDBDocumentClient; tableName: string };

/** Every item a Query finds, page after page (one request a page). */
export const queryAll = async (client: DynamoDBDocumentClient, input: Omit<QueryCommandInput, 'ExclusiveStartKey'>): Promise<Record<string, unknown>[]> => {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await client.send(new QueryCommand({ ...input, ExclusiveStartKey: startKey }));
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
};

/** True when a single write was refused because its condition did not hold. */
export const conditionFailed = (error: unknown): boolean => error instanceof Error && error.name === 'ConditionalCheckFailedException';

/** True when a transaction was cancelled because the condition of item `index` failed. */
export const transactionConditionFailed = (error: unknown, index: number): boolean => {
  if (!(error instanceof Error) || error.name !== 'TransactionCanceledException') return false;
  const reasons = (error as Error & { CancellationReasons?: { Code?: string }[] }).CancellationReasons;
  return reasons?.[index]?.Code === 'ConditionalCheckFailed';
};

/** An ISO time as DynamoDB TTL wants it: whole seconds since the epoch. */
export const epochSeconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

/** True when a transaction was cancelled because another transaction was writing the same item at that moment. */
export const transactionConflicted = (error: unknown): boolean => {
  if (!(error instanceof Error) || error.name !== 'TransactionCanceledException') return false;
  const reasons = (error as Error & { CancellationReasons?: { Code?: string }[] }).CancellationReasons;
  return reasons?.some((reason) => reason.Code === 'TransactionConflict') ?? false;
};
