import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { TOutboxStore, TSentEmail } from '../domain/ports';
import type { TOutboxMessage } from '../schemas/outbox';
import { ZSentEmail } from '../schemas/stored';
import { epochSeconds, type TTableAccess } from './client';
import { outboxKey, sentEmailKey } from './keys';
import { TABLE_DEFINITION } from './table-definition';

/** Bounces arrive within minutes, complaints within days; a sent email is remembered for 30. */
const SENT_EMAIL_RETENTION_SECONDS = 30 * 24 * 3600;


/** Outbox items are removed by TTL a month after they were written, sent or not. */
const OUTBOX_RETENTION_SECONDS = 30 * 24 * 3600;

/** An outbox message as stored, written in the same transaction as the change that causes it. */
export const outboxItem = (message: TOutboxMessage) => ({
  ...outboxKey(message.id),
  entity: 'outbox',
  ...message,
  [TABLE_DEFINITION.timeToLiveAttribute]: epochSeconds(message.createdAt) + OUTBOX_RETENTION_SECONDS,
});

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

  async complete(message, recipient, recipientKey, outcome) {
    const recordOutcome = {
      TableName: tableName,
      Key: outboxKey(message.id),
      UpdateExpression: 'SET #delivery = :outcome',
      ExpressionAttributeNames: { '#delivery': deliveryAttribute(recipientKey) },
      ExpressionAttributeValues: { ':outcome': outcome },
    };
    if (outcome.state === 'failed') {
      await client.send(new UpdateCommand(recordOutcome));
      return;
    }
    const sent: TSentEmail = {
      providerMessageId: outcome.providerMessageId,
      agreementId: message.agreementId,
      outboxMessageId: message.id,
      template: message.template,
      to: recipient.to,
      requestId: recipient.link?.requestId ?? null,
    };
    await client.send(
      new TransactWriteCommand({
        TransactItems: [
          { Update: recordOutcome },
          {
            Put: {
              TableName: tableName,
              Item: {
                ...sentEmailKey(outcome.providerMessageId),
                entity: 'sent_email',
                ...sent,
                [TABLE_DEFINITION.timeToLiveAttribute]: Math.floor(Date.parse(outcome.at) / 1000) + SENT_EMAIL_RETENTION_SECONDS,
              },
            },
          },
        ],
      }),
    );
  },

  async findSent(providerMessageId) {
    const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: sentEmailKey(providerMessageId) }));
    return Item ? ZSentEmail.parse(Item) : undefined;
  },
});
