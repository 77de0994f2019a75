import type { TDueWorkStore } from '../domain/ports';
import { queryAll, type TTableAccess } from './client';
import { DUE_AGREEMENTS, DUE_EVIDENCE, DUE_OUTBOX, DUE_SIGNING_REQUESTS, dueByKey, dueWorkPartitions, evidenceOfDueKey } from './keys';
import { ZSigningRequest } from '../schemas/stored';
import { TABLE_DEFINITION } from './table-definition';

/** Pages through every partition of one kind of due work up to a day; each page is one Query. */
export const createDueWorkStore = ({ client, tableName }: TTableAccess): TDueWorkStore => {
  const index = TABLE_DEFINITION.indexes.dueWork;
  /** Every partition at once: the job's reads take one round trip a page, not one per partition. */
  async function* dueItems(kind: string, today: string) {
    const partitions = await Promise.all(
      dueWorkPartitions(kind).map((partition) =>
        queryAll(client, {
          TableName: tableName,
          IndexName: index.indexName,
          KeyConditionExpression: '#pk = :pk AND #sk <= :due',
          ExpressionAttributeNames: { '#pk': index.partitionKey, '#sk': index.sortKey },
          ExpressionAttributeValues: { ':pk': partition, ':due': dueByKey(today) },
        }),
      ),
    );
    yield* partitions.flat();
  }
  return {
    async *agreementsDueBy(today) {
      for await (const item of dueItems(DUE_AGREEMENTS, today)) yield String(item.id);
    },
    async *evidenceRecordedBy(day) {
      for await (const item of dueItems(DUE_EVIDENCE, day)) yield evidenceOfDueKey(String(item[index.sortKey]));
    },
    async *messagesDueBy(now) {
      for await (const item of dueItems(DUE_OUTBOX, now)) yield String(item.id);
    },
    async *requestsDueBy(today) {
      for await (const item of dueItems(DUE_SIGNING_REQUESTS, today)) yield ZSigningRequest.parse(item);
    },
  };
};
