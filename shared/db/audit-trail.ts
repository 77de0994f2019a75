import type * as z from 'zod/mini';
import { queryAll, type TTableAccess } from './client';
import { AUDIT_EVENT_PREFIX } from './keys';
import { TABLE_DEFINITION } from './table-definition';

/** A whole audit trail, oldest first: the event items of one partition, page by page (one Query each). */
export const readAuditTrail = async <T>({ client, tableName }: TTableAccess, partition: string, schema: z.ZodMiniType<T>): Promise<T[]> =>
  (
    await queryAll(client, {
      TableName: tableName,
      KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
      ExpressionAttributeNames: { '#pk': TABLE_DEFINITION.partitionKey, '#sk': TABLE_DEFINITION.sortKey },
      ExpressionAttributeValues: { ':pk': partition, ':prefix': AUDIT_EVENT_PREFIX },
    })
  ).map((item) => schema.parse(item));

/** The stream records the documents function seals an executed copy for: a version coming into force. */
export const IN_FORCE_STREAM_FILTER = {
  eventName: ['INSERT'],
  dynamodb: { NewImage: { entity: { S: ['audit_event'] }, type: { S: ['in_force', 'continued_after_withdrawal'] } } },
} as const;
