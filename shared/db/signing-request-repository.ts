import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import type { TDocumentIndex, TSigningRequestStore } from '../domain/ports';
import type { TTableAccess } from './client';
import { documentPartition, signingRequestKey } from './keys';
import { TABLE_DEFINITION } from './table-definition';

const ZSigningRequest = z.object({
  requestId: z.string(),
  tokenHash: z.string(),
  agreementId: z.string(),
  signatoryId: z.string(),
  createdAt: z.string(),
  linkExpiresAt: z.string(),
  state: z.enum(['open', 'used', 'revoked']),
});

export const createSigningRequestRepository = ({ client, tableName }: TTableAccess): TSigningRequestStore => ({
  async getByTokenHash(tokenHash) {
    const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: signingRequestKey(tokenHash), ConsistentRead: true }));
    return Item ? ZSigningRequest.parse(Item) : undefined;
  },
});

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
    return (Items ?? []).map((item) => ({ agreementId: String(item.agreementId) }));
  },
});
