import { randomUUID } from 'node:crypto';
import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { TOutboxEntry, TOutboxStore } from '../domain/ports';
import { ZWebhookEvent, type TWebhookEvent } from '../schemas/webhook';
import { ZOutboxMessage, type TOutboxMessage } from '../schemas/outbox';
import { ZDelivery, ZSentEmail, type TDelivery, type TSentEmail } from '../schemas/stored';
import { conditionFailed, epochSeconds, type TTableAccess } from './client';
import { DUE_OUTBOX, dueWorkKeys, outboxKey, sentEmailKey } from './keys';
import { TABLE_DEFINITION } from './table-definition';

/** Bounces arrive within minutes, complaints within days; a sent email is remembered for 30. */
const SENT_EMAIL_RETENTION_SECONDS = 30 * 24 * 3600;

/** Outbox items are removed by TTL a month after they were written, sent or not; a webhook event can be replayed until then. */
export const OUTBOX_RETENTION_SECONDS = 30 * 24 * 3600;

/** Unclaimed messages come up in the sweep this long after they are written, should the stream never bring them. */
const SWEEP_GRACE_MS = 2 * 60_000;

const EMAIL_ENTITY = 'outbox';
const WEBHOOK_EVENT_ENTITY = 'webhook_event';

const dueAt = (messageId: string, at: string) => dueWorkKeys(DUE_OUTBOX, at, messageId);

/**
 * An outbox message as stored, written in the same transaction as the change that causes it. It
 * sits in the due-work index until every recipient is done, so the sweep finds it if the stream
 * never brings it, a sender dies holding it, or a retry falls due.
 */
export const outboxItem = (message: TOutboxMessage) => ({
  ...outboxKey(message.id),
  entity: EMAIL_ENTITY,
  ...message,
  ...dueAt(message.id, new Date(Date.parse(message.createdAt) + SWEEP_GRACE_MS).toISOString()),
  [TABLE_DEFINITION.timeToLiveAttribute]: epochSeconds(message.createdAt) + OUTBOX_RETENTION_SECONDS,
});

/**
 * A webhook event in the outbox, under the same key, lease and due-work index as an email; the
 * sender delivers it to each endpoint that subscribes, recording each as a recipient.
 */
export const webhookEventItem = (event: TWebhookEvent, writtenAt: string) => ({
  ...outboxKey(event.id),
  entity: WEBHOOK_EVENT_ENTITY,
  ...event,
  ...dueAt(event.id, new Date(Date.parse(writtenAt) + SWEEP_GRACE_MS).toISOString()),
  [TABLE_DEFINITION.timeToLiveAttribute]: epochSeconds(writtenAt) + OUTBOX_RETENTION_SECONDS,
});

/** DynamoDB Streams filter for the sender: new outbox items only, emails and webhook events (used by CDK and the local poller). */
export const OUTBOX_STREAM_FILTER = {
  eventName: ['INSERT'],
  dynamodb: { NewImage: { entity: { S: [EMAIL_ENTITY, WEBHOOK_EVENT_ENTITY] } } },
} as const;

/** An outbox item read from the table or its stream, as what it is. */
export const outboxEntryOf = (item: Record<string, unknown>): TOutboxEntry =>
  item.entity === WEBHOOK_EVENT_ENTITY ? { kind: 'webhook', event: ZWebhookEvent.parse(item) } : { kind: 'email', message: ZOutboxMessage.parse(item) };

/**
 * Delivery state lives in the outbox item, one top-level attribute per recipient
 * (`delivery_<key>`), written only by the sender holding the message's lease, so each recipient
 * gets each message once however often the stream or the sweep brings it. Top-level, because
 * DynamoDB Local's stream renders an empty map as `{}`.
 */
const DELIVERY_PREFIX = 'delivery_';
const deliveryAttribute = (recipientKey: string) => `${DELIVERY_PREFIX}${recipientKey}`;
/** Records one recipient's delivery (an address, or a webhook endpoint by its id), only while `owner` holds the lease. */
export const recipientDeliveryUpdate = (messageId: string, recipientKey: string, delivery: TDelivery, owner: string) => ({
  Key: outboxKey(messageId),
  UpdateExpression: 'SET #delivery = :delivery',
  ConditionExpression: '#lease.#owner = :owner',
  ExpressionAttributeNames: { '#delivery': deliveryAttribute(recipientKey), '#lease': 'lease', '#owner': 'owner' },
  ExpressionAttributeValues: { ':delivery': delivery, ':owner': owner },
});


export const createOutboxRepository = ({ client, tableName }: TTableAccess): TOutboxStore => ({
  async get(messageId) {
    const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: outboxKey(messageId), ConsistentRead: true }));
    return Item ? outboxEntryOf(Item) : undefined;
  },

  async lease(messageId, now, leaseMs) {
    const owner = randomUUID();
    const until = new Date(now.getTime() + leaseMs).toISOString();
    try {
      const { Attributes } = await client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: outboxKey(messageId),
          // Due again when the lease runs out, in case this sender never finishes.
          UpdateExpression: 'SET #lease = :lease, GSI4PK = :duePartition, GSI4SK = :dueKey',
          ConditionExpression: 'attribute_exists(PK) AND (attribute_not_exists(#lease) OR #lease.#until < :now)',
          ExpressionAttributeNames: { '#lease': 'lease', '#until': 'until' },
          ExpressionAttributeValues: {
            ':lease': { owner, until },
            ':now': now.toISOString(),
            ':duePartition': dueAt(messageId, until).GSI4PK,
            ':dueKey': dueAt(messageId, until).GSI4SK,
          },
          ReturnValues: 'ALL_NEW',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      const deliveries = Object.fromEntries(
        Object.entries(Attributes ?? {})
          .filter(([name]) => name.startsWith(DELIVERY_PREFIX))
          .map(([name, value]) => [name.slice(DELIVERY_PREFIX.length), ZDelivery.parse(value)]),
      );
      return { owner, deliveries };
    } catch (error) {
      if (!conditionFailed(error)) throw error;
      return (error as Error & { Item?: Record<string, unknown> }).Item ? 'busy' : 'gone';
    }
  },

  async record(message, recipient, recipientKey, delivery, owner) {
    const recordDelivery = { TableName: tableName, ...recipientDeliveryUpdate(message.id, recipientKey, delivery, owner) };
    if (delivery.state !== 'sent') {
      await client.send(new UpdateCommand(recordDelivery));
      return;
    }
    const sent: TSentEmail = {
      providerMessageId: delivery.providerMessageId,
      agreementId: message.agreementId,
      outboxMessageId: message.id,
      template: message.template,
      to: recipient.to,
      requestId: recipient.link?.requestId ?? null,
    };
    await client.send(
      new TransactWriteCommand({
        TransactItems: [
          { Update: recordDelivery },
          {
            Put: {
              TableName: tableName,
              Item: {
                ...sentEmailKey(delivery.providerMessageId),
                entity: 'sent_email',
                ...sent,
                [TABLE_DEFINITION.timeToLiveAttribute]: epochSeconds(delivery.at) + SENT_EMAIL_RETENTION_SECONDS,
              },
            },
          },
        ],
      }),
    );
  },

  async release(messageId, owner, nextAttemptAt) {
    const due = nextAttemptAt ? dueAt(messageId, nextAttemptAt) : null;
    try {
      await client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: outboxKey(messageId),
          UpdateExpression: due ? 'SET GSI4SK = :dueKey REMOVE #lease' : 'REMOVE #lease, GSI4PK, GSI4SK',
          ConditionExpression: '#lease.#owner = :owner',
          ExpressionAttributeNames: { '#lease': 'lease', '#owner': 'owner' },
          ExpressionAttributeValues: { ':owner': owner, ...(due ? { ':dueKey': due.GSI4SK } : {}) },
        }),
      );
    } catch (error) {
      // The lease ran out and another sender has the message: it decides what is left.
      if (!conditionFailed(error)) throw error;
    }
  },

  async findSent(providerMessageId) {
    const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: sentEmailKey(providerMessageId) }));
    return Item ? ZSentEmail.parse(Item) : undefined;
  },
});
