import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { TDocumentIndex } from '../domain/ports';
import type { TTableAccess } from './client';
import { documentPartition } from './keys';
import type { TDocumentKind } from '../schemas/evidence';
import { TABLE_DEFINITION } from './table-definition';

/** Versions by the hash of a file they hold (document, attachment, executed copy), for `/verify`. */
export const createDocumentIndex = ({ client, tableName }: TTableAccess): TDocumentIndex => ({
  async findByHash(sha256) {
    const { Items } = await client.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': TABLE_DEFINITION.partitionKey },
        ExpressionAttributeValues: { ':pk': documentPartition(sha256) },
      }),
    );
    return (Items ?? []).map((item) => ({
      agreementId: String(item.agreementId),
      kind: (item.kind as TDocumentKind | undefined) ?? 'document',
      ...(item.name ? { name: String(item.name) } : {}),
    }));
  },
});
