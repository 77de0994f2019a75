import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { TABLE_DEFINITION, tableKeyAttributes } from './table-definition';

/** The CreateTable request the local stack and the tests use; the CDK stack maps the same definition. */
export const createTableInput = (tableName: string): CreateTableCommandInput => ({
  TableName: tableName,
  BillingMode: 'PAY_PER_REQUEST',
  AttributeDefinitions: tableKeyAttributes().map((name) => ({ AttributeName: name, AttributeType: 'S' })),
  KeySchema: [
    { AttributeName: TABLE_DEFINITION.partitionKey, KeyType: 'HASH' },
    { AttributeName: TABLE_DEFINITION.sortKey, KeyType: 'RANGE' },
  ],
  GlobalSecondaryIndexes: Object.values(TABLE_DEFINITION.indexes).map((index) => ({
    IndexName: index.indexName,
    KeySchema: [
      { AttributeName: index.partitionKey, KeyType: 'HASH' },
      { AttributeName: index.sortKey, KeyType: 'RANGE' },
    ],
    Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: [...new Set(index.projects)] },
  })),
  StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
});
