import { BatchGetCommand, type BatchGetCommandOutput, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { EMPTY_AUDIT_HEAD } from '../domain/audit/audit-chain';
import { ConcurrentWriteError, type TAgencyStore } from '../domain/ports';
import { AppError } from '../errors';
import { ZAgency, type TAgency } from '../schemas/agency';
import { ZAgencyEvent, type TAgencyEvent } from '../schemas/audit-event';
import { readAuditTrail } from './audit-trail';
import { ZAuditHead } from '../schemas/stored';
import { queryAll, transactionConditionFailed, type TTableAccess } from './client';
import { AGENCY_LIST_PARTITION, agencyEventKey, agencyKey, agencyListKeys } from './keys';
import { TABLE_DEFINITION } from './table-definition';

const ENTITY = 'agency';
/** BatchGetItem takes at most 100 keys. */
const BATCH_GET_LIMIT = 100;

const toItem = (agency: TAgency, auditHead = EMPTY_AUDIT_HEAD) => ({
  ...agencyKey(agency.id),
  ...agencyListKeys(agency.name, agency.id),
  entity: ENTITY,
  ...agency,
  auditHead,
});

const fromItem = (item: Record<string, unknown>): TAgency => ZAgency.parse(item);

const eventItem = (event: TAgencyEvent) => ({ ...agencyEventKey(event.agencyId, event.seq), entity: 'agency_event', ...event });

export const createAgencyRepository = ({ client, tableName }: TTableAccess): TAgencyStore => ({
  async get(id) {
    const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: agencyKey(id) }));
    return Item ? fromItem(Item) : undefined;
  },

  async getMany(ids) {
    const unique = [...new Set(ids)];
    const found = new Map<string, TAgency>();
    for (let start = 0; start < unique.length; start += BATCH_GET_LIMIT) {
      let keys: Record<string, unknown>[] | undefined = unique.slice(start, start + BATCH_GET_LIMIT).map(agencyKey);
      // BatchGet may hand back unprocessed keys under load; ask again until none are left.
      while (keys && keys.length > 0) {
        const result: BatchGetCommandOutput = await client.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: keys } } }));
        for (const item of result.Responses?.[tableName] ?? []) {
          const agency = fromItem(item);
          found.set(agency.id, agency);
        }
        keys = result.UnprocessedKeys?.[tableName]?.Keys;
      }
    }
    return found;
  },

  async create(agency, auditHead, events) {
    try {
      await client.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: tableName, Item: toItem(agency, auditHead), ConditionExpression: 'attribute_not_exists(PK)' } },
            ...events.map((event) => ({ Put: { TableName: tableName, Item: eventItem(event), ConditionExpression: 'attribute_not_exists(PK)' } })),
          ],
        }),
      );
    } catch (error) {
      if (transactionConditionFailed(error, 0)) {
        throw new AppError('conflict', `An agency with id '${agency.id}' already exists.`, [{ path: 'id', message: 'already taken' }]);
      }
      throw error;
    }
  },

  async getWithTrail(id) {
    const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: agencyKey(id), ConsistentRead: true }));
    return Item ? { agency: fromItem(Item), auditHead: ZAuditHead.safeParse(Item.auditHead).data ?? EMPTY_AUDIT_HEAD } : undefined;
  },

  async update(agency, auditHead, events, previousRevision) {
    try {
      await client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: tableName,
                Item: toItem(agency, auditHead),
                // Agencies made before they had revisions read as revision 1.
                ConditionExpression: previousRevision === 1 ? 'attribute_not_exists(#revision) OR #revision = :revision' : '#revision = :revision',
                ExpressionAttributeNames: { '#revision': 'revision' },
                ExpressionAttributeValues: { ':revision': previousRevision },
              },
            },
            ...events.map((event) => ({
              Put: {
                TableName: tableName,
                Item: eventItem(event),
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            })),
          ],
        }),
      );
    } catch (error) {
      if (transactionConditionFailed(error, 0)) throw new ConcurrentWriteError();
      throw error;
    }
  },

  listEvents: (id) => readAuditTrail({ client, tableName }, agencyKey(id).PK, ZAgencyEvent),

  async list() {
    const items = await queryAll(client, {
      TableName: tableName,
      IndexName: TABLE_DEFINITION.indexes.byScope.indexName,
      KeyConditionExpression: '#partition = :partition',
      ExpressionAttributeNames: { '#partition': TABLE_DEFINITION.indexes.byScope.partitionKey },
      ExpressionAttributeValues: { ':partition': AGENCY_LIST_PARTITION },
    });
    return items.map(fromItem);
  },
});
