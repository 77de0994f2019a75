import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { createDynamoClient, type TDynamoSettings } from './client';
import { idempotencyRecordKey } from './keys';
import { TABLE_DEFINITION } from './table-definition';

/**
 * Powertools idempotency records live in Accord's own table, each under a partition of its own
 * (`PK=IDEMPOTENCY#<key>`, `SK=IDEMPOTENCY`), and expire through the table's TTL. Powertools
 * puts every record of a table with a sort key under one static partition; this layer gives it
 * Accord's key instead.
 */
class SpreadPersistenceLayer extends DynamoDBPersistenceLayer {
  protected override getKey(idempotencyKey: string): Record<string, AttributeValue> {
    return marshall(idempotencyRecordKey(idempotencyKey));
  }
}

export const createIdempotencyStore = (settings: TDynamoSettings & { name: string }) =>
  new SpreadPersistenceLayer({
    tableName: settings.name,
    awsSdkV3Client: createDynamoClient(settings),
    keyAttr: TABLE_DEFINITION.partitionKey,
    sortKeyAttr: TABLE_DEFINITION.sortKey,
    expiryAttr: TABLE_DEFINITION.timeToLiveAttribute,
  });
