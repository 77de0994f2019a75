import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { TOutboxStore } from '../domain/ports';
import type { TTableAccess } from './client';
import { outboxKey } from './keys';

/** DynamoDB Streams filter for the sender: new outbox items only (used by CDK and the local poller). */
export const OUTBOX_STREAM_FILTER = {
  eventName: ['INSERT'],
  dynamodb: { NewImage: { entity: { S: ['outbox'] } } },
} as const;

/**
 * Delivery state lives in the outbox item, one top-level attribute per recipient
 * (`delivery_<key>`), so a message is sent at least once and recorded once however often the
 * stream delivers it. Top-level, because DynamoDB Local's stream renders an empty map as `{}`.
 */
const deliveryAttribute = (recipientKey: string) => `delivery_${recipientKey}`;
export const createOutboxRepository = ({ client, tableName }: TTableAccess): TOutboxStore => ({
  async claim(messageId, recipientKey, now, leaseMs) {
    try {
      await client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: outboxKey(messageId),
          UpdateExpression: 'SET #delivery = :claim',
          ConditionExpression:
            'attribute_exists(PK) AND (attribute_not_exists(#delivery) OR (#delivery.#state = :sending AND #delivery.#leaseUntil < :now))',
          ExpressionAttributeNames: { '#delivery': deliveryAttribute(recipientKey), '#state': 'state', '#leaseUntil': 'leaseUntil' },
          ExpressionAttributeValues: {
            ':claim': { state: 'sending', leaseUntil: new Date(now.getTime() + leaseMs).toISOString() },
            ':sending': 'sending',
            ':now': now.toISOString(),
          },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return 'claimed';
    } catch (error) {
      if (!(error instanceof Error) || error.name !== 'ConditionalCheckFailedException') throw error;
      const item = (error as Error & { Item?: Record<string, unknown> }).Item;
      const delivery = item?.[deliveryAttribute(recipientKey)] as { state: string } | undefined;
      return delivery?.state === 'sending' ? 'busy' : 'done';
    }
  },

  async complete(messageId, recipientKey, outcome) {
    await client.send(
      new UpdateCommand({
        TableName: tableName,
        Key: outboxKey(messageId),
        UpdateExpression: 'SET #delivery = :outcome',
        ExpressionAttributeNames: { '#delivery': deliveryAttribute(recipientKey) },
        ExpressionAttributeValues: { ':outcome': outcome },
      }),
    );
  },
});
