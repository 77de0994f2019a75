import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { TSigningRequestStore } from '../domain/ports';
import { requestNextDueOn } from '../domain/schedule/reminder-rules';
import { conditionFailed, transactionConditionFailed, type TTableAccess } from './client';
import { DUE_SIGNING_REQUESTS, dueWorkKeys, signingRequestKey } from './keys';
import { outboxItem } from './outbox-repository';
import { ZSigningRequest } from '../schemas/stored';


export const createSigningRequestRepository = ({ client, tableName }: TTableAccess): TSigningRequestStore => ({
  async getByTokenHash(tokenHash) {
    const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: signingRequestKey(tokenHash), ConsistentRead: true }));
    return Item ? ZSigningRequest.parse(Item) : undefined;
  },

  async recordReminder(request, remindersSent, messages) {
    const next = requestNextDueOn({ ...request, remindersSent });
    try {
      await client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: tableName,
                Key: signingRequestKey(request.tokenHash),
                UpdateExpression: 'SET remindersSent = :sent, GSI4SK = :due',
                ConditionExpression: '#state = :open AND remindersSent = :before',
                ExpressionAttributeNames: { '#state': 'state' },
                ExpressionAttributeValues: {
                  ':sent': remindersSent,
                  ':due': dueWorkKeys(DUE_SIGNING_REQUESTS, next, request.tokenHash).GSI4SK,
                  ':open': 'open',
                  ':before': request.remindersSent,
                },
              },
            },
            ...messages.map((message) => ({ Put: { TableName: tableName, Item: outboxItem(message), ConditionExpression: 'attribute_not_exists(PK)' } })),
          ],
        }),
      );
      return 'recorded';
    } catch (error) {
      // Another run recorded it, or the link closed meanwhile: either way nothing is owed.
      if (transactionConditionFailed(error, 0) || transactionConditionFailed(error, 1)) return 'stale';
      throw error;
    }
  },

  async reschedule(request, dueOn) {
    await client.send(
      new UpdateCommand({
        TableName: tableName,
        Key: signingRequestKey(request.tokenHash),
        UpdateExpression: 'SET GSI4SK = :due',
        ConditionExpression: '#state = :open',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':due': dueWorkKeys(DUE_SIGNING_REQUESTS, dueOn, request.tokenHash).GSI4SK, ':open': 'open' },
      }),
    ).catch((error: unknown) => {
      if (!conditionFailed(error)) throw error;
    });
  },
});

