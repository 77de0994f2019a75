import { GetCommand, QueryCommand, TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { ConcurrentWriteError, SigningRequestSpentError, type TProposalStore, type TProposalWrite } from '../domain/ports';
import { ZProposalEvent } from '../schemas/audit-event';
import { ZProposal, ZProposalLink, ZPublishedDecline, type TProposal, type TPublishedDecline } from '../schemas/proposal';
import { ZAuditHead } from '../schemas/stored';
import { readAuditTrail } from './audit-trail';
import { epochSeconds, transactionConditionFailed, transactionConflicted, type TTableAccess } from './client';
import { outboxItem, webhookEventItem } from './outbox-repository';
import { ALL_PROPOSALS_SCOPE, PUBLISHED_DECLINES_SCOPE, proposalEventKey, proposalKey, proposalLinkKey, proposalListKeys, proposalListPartition } from './keys';
import { TABLE_DEFINITION } from './table-definition';

type TTransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** A proposal link's record outlives the link by this much, then TTL removes it. */
const LINK_GRACE_SECONDS = 30 * 24 * 3600;
/** A list page of proposals: the newest this many, per scope. */
const LIST_LIMIT = 100;

const scopesOf = (proposal: TProposal) => [ALL_PROPOSALS_SCOPE, ...proposal.parties.map((party) => `AGENCY#${party.agencyId}`)];

/** Each decline of an agency that publishes its declines, as the public record shows it. */
const publishedDeclines = (proposal: TProposal): TPublishedDecline[] =>
  proposal.parties.flatMap((party) =>
    party.publishesDeclines && party.view?.kind === 'decline' && party.view.ground
      ? [{ proposalId: proposal.id, title: proposal.title, proposer: proposal.parties[0]!.agencyName, agency: party.agencyName, ground: party.view.ground, reasons: party.view.reasons, recordedAt: party.view.recordedAt }]
      : [],
  );

/** The proposal, its list entries (a small copy per scope, for the byScope index), its new events, links and emails. */
type TCondition = { ConditionExpression: string; ExpressionAttributeNames?: Record<string, string>; ExpressionAttributeValues?: Record<string, unknown> };

const writeItems = (write: TProposalWrite, tableName: string, condition: TCondition): TTransactItem[] => [
  { Put: { TableName: tableName, Item: { ...proposalKey(write.proposal.id), entity: 'proposal', ...write.proposal, auditHead: write.auditHead }, ...condition } },
  ...scopesOf(write.proposal).map((scope) => ({
    Put: { TableName: tableName, Item: { ...proposalListKeys(write.proposal.id, scope, write.proposal.createdAt), entity: 'proposal_list_entry', summary: write.proposal } },
  })),
  ...publishedDeclines(write.proposal).map((decline) => ({
    Put: {
      TableName: tableName,
      Item: {
        ...proposalListKeys(write.proposal.id, `${PUBLISHED_DECLINES_SCOPE}#${decline.agency}`, decline.recordedAt),
        GSI1PK: proposalListPartition(PUBLISHED_DECLINES_SCOPE),
        entity: 'published_decline',
        summary: decline,
      },
    },
  })),
  ...write.events.map((event) => ({ Put: { TableName: tableName, Item: { ...proposalEventKey(event.proposalId, event.seq), entity: 'proposal_event', ...event }, ConditionExpression: 'attribute_not_exists(PK)' } })),
  ...(write.newLinks ?? []).map((link) => ({
    Put: {
      TableName: tableName,
      Item: { ...proposalLinkKey(link.tokenHash), entity: 'proposal_link', ...link, [TABLE_DEFINITION.timeToLiveAttribute]: epochSeconds(link.linkExpiresAt) + LINK_GRACE_SECONDS },
    },
  })),
  ...(write.usedLink
    ? [
        {
          Update: {
            TableName: tableName,
            Key: proposalLinkKey(write.usedLink),
            UpdateExpression: 'SET #state = :used',
            ConditionExpression: '#state = :open',
            ExpressionAttributeNames: { '#state': 'state' },
            ExpressionAttributeValues: { ':used': 'used', ':open': 'open' },
          },
        },
      ]
    : []),
  ...(write.messages ?? []).map((message) => ({ Put: { TableName: tableName, Item: outboxItem(message), ConditionExpression: 'attribute_not_exists(PK)' } })),
  ...(write.webhookEvents ?? []).map((event) => ({
    Put: { TableName: tableName, Item: webhookEventItem(event, event.timestamp), ConditionExpression: 'attribute_not_exists(PK)' },
  })),
];

export const createProposalRepository = ({ client, tableName }: TTableAccess): TProposalStore => {
  const transact = async (items: TTransactItem[], usedLinkIndex: number | null) => {
    try {
      await client.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      if (usedLinkIndex !== null && transactionConditionFailed(error, usedLinkIndex)) throw new SigningRequestSpentError();
      if (transactionConditionFailed(error, 0) || transactionConflicted(error)) throw new ConcurrentWriteError();
      throw error;
    }
  };
  const usedLinkIndex = (write: TProposalWrite) =>
    write.usedLink ? 1 + scopesOf(write.proposal).length + publishedDeclines(write.proposal).length + write.events.length + (write.newLinks?.length ?? 0) : null;

  return {
    async get(id) {
      const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: proposalKey(id), ConsistentRead: true }));
      return Item ? { proposal: ZProposal.parse(Item), auditHead: ZAuditHead.parse(Item.auditHead) } : undefined;
    },

    async create(write) {
      await transact(writeItems(write, tableName, { ConditionExpression: 'attribute_not_exists(PK)' }), null);
    },

    async update(write, previousRevision) {
      const guard = { ConditionExpression: '#revision = :previous', ExpressionAttributeNames: { '#revision': 'revision' }, ExpressionAttributeValues: { ':previous': previousRevision } };
      await transact(writeItems(write, tableName, guard), usedLinkIndex(write));
    },

    async list(scopes) {
      const partitions = scopes === 'all' ? [ALL_PROPOSALS_SCOPE] : scopes.map((agencyId) => `AGENCY#${agencyId}`);
      const pages = await Promise.all(
        partitions.map((scope) =>
          client.send(
            new QueryCommand({
              TableName: tableName,
              IndexName: TABLE_DEFINITION.indexes.byScope.indexName,
              KeyConditionExpression: 'GSI1PK = :pk',
              ExpressionAttributeValues: { ':pk': proposalListPartition(scope) },
              ScanIndexForward: false,
              Limit: LIST_LIMIT,
            }),
          ),
        ),
      );
      const byId = new Map<string, TProposal>();
      for (const item of pages.flatMap((page) => page.Items ?? [])) {
        const proposal = ZProposal.parse(item.summary);
        byId.set(proposal.id, proposal);
      }
      return [...byId.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, LIST_LIMIT);
    },

    async listPublishedDeclines() {
      const page = await client.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: TABLE_DEFINITION.indexes.byScope.indexName,
          KeyConditionExpression: 'GSI1PK = :pk',
          ExpressionAttributeValues: { ':pk': proposalListPartition(PUBLISHED_DECLINES_SCOPE) },
          ScanIndexForward: false,
          Limit: LIST_LIMIT,
        }),
      );
      return (page.Items ?? []).map((item) => ZPublishedDecline.parse(item.summary));
    },

    listEvents: (id) => readAuditTrail({ client, tableName }, proposalKey(id).PK, ZProposalEvent),

    async getLink(tokenHash) {
      const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: proposalLinkKey(tokenHash), ConsistentRead: true }));
      return Item ? ZProposalLink.parse(Item) : undefined;
    },
  };
};
