import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { TDueWorkStore } from '../domain/ports';
import type { TTableAccess } from './client';
import { DUE_AGREEMENTS, DUE_SIGNING_REQUESTS, dueByKey } from './keys';
import { ZSigningRequest } from '../schemas/stored';
import { TABLE_DEFINITION } from './table-definition';

/** Pages through one due-work partition up to a day; each page is one Query. */
export const createDueWorkStore = ({ client, tableName }: TTableAccess): TDueWorkStore => {
  const index = TABLE_DEFINITION.indexes.dueWork;
  async function* dueItems(partition: string, today: string) {
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await client.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: index.indexName,
          KeyConditionExpression: '#pk = :pk AND #sk <= :due',
          ExpressionAttributeNames: { '#pk': index.partitionKey, '#sk': index.sortKey },
          ExpressionAttributeValues: { ':pk': partition, ':due': dueByKey(today) },
          ExclusiveStartKey: startKey,
        }),
      );
      yield* page.Items ?? [];
      startKey = page.LastEvaluatedKey;
    } while (startKey);
  }
  return {
    async *agreementsDueBy(today) {
      for await (const item of dueItems(DUE_AGREEMENTS, today)) yield String(item.id);
    },
    async *requestsDueBy(today) {
      for await (const item of dueItems(DUE_SIGNING_REQUESTS, today)) yield ZSigningRequest.parse(item);
    },
  };
};
