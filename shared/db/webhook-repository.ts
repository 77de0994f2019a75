import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand, type UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import { ConcurrentWriteError, type TWebhookStore } from '../domain/ports';
import { AppError } from '../errors';
import { ZStoredWebhookEndpoint, ZWebhookAttempt, ZWebhookEvent, type TStoredWebhookEndpoint } from '../schemas/webhook';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { conditionFailed, epochSeconds, queryAll, transactionConditionFailed, transactionConflicted, type TTableAccess } from './client';
import { OUTBOX_RETENTION_SECONDS, outboxItem, recipientDeliveryUpdate, webhookEventItem } from './outbox-repository';
import { outboxKey, WEBHOOK_ATTEMPT_PREFIX, WEBHOOK_ENDPOINTS_PARTITION, webhookAttemptKey, webhookAttemptPartition, webhookEndpointKey } from './keys';
import { TABLE_DEFINITION } from './table-definition';
import { ZUlid } from '../schemas/common';
import { deferred } from '../schemas/deferred';

/** A removed endpoint is kept this long (its log refers to it), then TTL deletes it. */
const REMOVED_RETENTION_SECONDS = 30 * 24 * 3600;

const endpointItem = (endpoint: TStoredWebhookEndpoint) => ({ ...webhookEndpointKey(endpoint.id), entity: 'webhook_endpoint', ...endpoint });

const ZAttemptCursor = deferred(() => z.object({ after: ZUlid }));
const encodeCursor = (attemptId: string) => Buffer.from(JSON.stringify({ after: attemptId })).toString('base64url');
const decodeCursor = (cursor: string) => {
  try {
    return ZAttemptCursor.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString())).after;
  } catch {
    throw new AppError('validation_failed', 'The cursor is not one this API gave out for this list.', [{ path: 'cursor', message: 'invalid cursor' }]);
  }
};

export const createWebhookRepository = ({ client, tableName }: TTableAccess): TWebhookStore => {
  /** Starts (`since`) or ends (null) an endpoint's failing run, a revision on, if `condition` holds of the endpoint. */
  const failingSinceUpdate = (endpointId: string, since: string | null, condition: string, extra: Partial<UpdateCommandInput> = {}) =>
    new UpdateCommand({
      TableName: tableName,
      Key: webhookEndpointKey(endpointId),
      UpdateExpression: 'SET failingSince = :since, #revision = #revision + :one',
      ConditionExpression: `attribute_exists(PK) AND ${condition}`,
      ...extra,
      ExpressionAttributeNames: { '#revision': 'revision' },
      ExpressionAttributeValues: { ':since': since, ':one': 1, ...extra.ExpressionAttributeValues },
    });

  return {
    async get(id) {
      const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: webhookEndpointKey(id) }));
      return Item && !Item.removedAt ? ZStoredWebhookEndpoint.parse(Item) : undefined;
    },

    async list() {
      const items = await queryAll(client, {
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk',
        FilterExpression: 'attribute_not_exists(removedAt)',
        ExpressionAttributeValues: { ':pk': WEBHOOK_ENDPOINTS_PARTITION },
        ConsistentRead: true,
      });
      return items.map((item) => ZStoredWebhookEndpoint.parse(item)).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    },

    async create(endpoint) {
      await client.send(new PutCommand({ TableName: tableName, Item: endpointItem(endpoint), ConditionExpression: 'attribute_not_exists(PK)' }));
    },

    async update(endpoint, previousRevision, messages = []) {
      const put = {
        TableName: tableName,
        Item: endpointItem(endpoint),
        ConditionExpression: '#revision = :previous AND attribute_not_exists(removedAt)',
        ExpressionAttributeNames: { '#revision': 'revision' },
        ExpressionAttributeValues: { ':previous': previousRevision },
      };
      try {
        await client.send(
          new TransactWriteCommand({
            TransactItems: [
              { Put: put },
              ...messages.map((message) => ({ Put: { TableName: tableName, Item: outboxItem(message), ConditionExpression: 'attribute_not_exists(PK)' } })),
            ],
          }),
        );
      } catch (error) {
        if (transactionConditionFailed(error, 0) || transactionConflicted(error)) throw new ConcurrentWriteError();
        throw error;
      }
    },

    async remove(endpoint) {
      const at = new Date().toISOString();
      await client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: webhookEndpointKey(endpoint.id),
          UpdateExpression: 'SET removedAt = :at, #ttl = :ttl',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeNames: { '#ttl': TABLE_DEFINITION.timeToLiveAttribute },
          ExpressionAttributeValues: { ':at': at, ':ttl': epochSeconds(at) + REMOVED_RETENTION_SECONDS },
        }),
      );
    },

    async recordAttempt(event, endpointId, delivery, attempt, owner) {
      // Two writes, not one transaction: the endpoints of one event are delivered at once, and
      // transactions on the same outbox item would cancel each other. The log comes first, so an
      // attempt whose delivery record is lost (the lease gone) is still in the log.
      await client.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            ...webhookAttemptKey(endpointId, attempt.id),
            entity: 'webhook_attempt',
            ...attempt,
            [TABLE_DEFINITION.timeToLiveAttribute]: epochSeconds(attempt.at) + OUTBOX_RETENTION_SECONDS,
          },
        }),
      );
      await client.send(new UpdateCommand({ TableName: tableName, ...recipientDeliveryUpdate(event.id, endpointId, delivery, owner) }));
    },

    async noteFailure(endpointId, at) {
      try {
        const { Attributes } = await client.send(
          failingSinceUpdate(endpointId, at, 'attribute_not_exists(removedAt) AND failingSince = :none', {
            ExpressionAttributeValues: { ':none': null },
            ReturnValues: 'ALL_NEW',
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          }),
        );
        return ZStoredWebhookEndpoint.parse(Attributes);
      } catch (error) {
        if (!conditionFailed(error)) throw error;
        // Already failing (or gone): the run under way is what counts.
        const item = (error as Error & { Item?: Record<string, unknown> }).Item;
        // The SDK hands the item back as it came on the wire, in DynamoDB's attribute-value form.
        const old = item && typeof item.PK === 'object' ? unmarshall(item as never) : item;
        return old && !old.removedAt ? ZStoredWebhookEndpoint.parse(old) : undefined;
      }
    },

    async noteSuccess(endpointId, at) {
      try {
        await client.send(failingSinceUpdate(endpointId, null, 'failingSince <= :at', { ExpressionAttributeValues: { ':at': at } }));
      } catch (error) {
        // Not failing, or failing only since after this attempt: nothing to end.
        if (!conditionFailed(error)) throw error;
      }
    },

    async listAttempts(endpointId, page) {
      const after = page.cursor ? decodeCursor(page.cursor) : undefined;
      const result = await client.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
          ExpressionAttributeValues: { ':pk': webhookAttemptPartition(endpointId), ':prefix': WEBHOOK_ATTEMPT_PREFIX },
          ScanIndexForward: false,
          Limit: page.limit,
          ...(after ? { ExclusiveStartKey: webhookAttemptKey(endpointId, after) } : {}),
        }),
      );
      const items = (result.Items ?? []).map((item) => ZWebhookAttempt.parse(item));
      return { items, nextCursor: result.LastEvaluatedKey && items.length > 0 ? encodeCursor(items.at(-1)!.id) : null };
    },

    async getAttempt(endpointId, attemptId) {
      const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: webhookAttemptKey(endpointId, attemptId) }));
      return Item ? ZWebhookAttempt.parse(Item) : undefined;
    },

    async getEvent(id) {
      const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: outboxKey(id) }));
      return Item?.entity === 'webhook_event' ? ZWebhookEvent.parse(Item) : undefined;
    },

    async replay(event) {
      await client.send(
        new PutCommand({ TableName: tableName, Item: webhookEventItem(event, new Date().toISOString()), ConditionExpression: 'attribute_not_exists(PK)' }),
      );
    },
  };
};
