import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { createDynamoClient, type TDynamoSettings } from './client';
import { IDEMPOTENCY_PARTITION } from './keys';
import { TABLE_DEFINITION } from './table-definition';

/**
 * Powertools idempotency records live in Accord's own table, under one partition
 * (`PK=IDEMPOTENCY`, `SK=<key hash>`), and expire through the table's TTL.
 */
export const createIdempotencyStore = (settings: TDynamoSettings & { name: string }) =>
  new DynamoDBPersistenceLayer({
    tableName: settings.name,
    awsSdkV3Client: createDynamoClient(settings),
    keyAttr: TABLE_DEFINITION.partitionKey,
    sortKeyAttr: TABLE_DEFINITION.sortKey,
    staticPkValue: IDEMPOTENCY_PARTITION,
    expiryAttr: TABLE_DEFINITION.timeToLiveAttribute,
  });
