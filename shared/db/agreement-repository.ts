import { isDeepStrictEqual } from 'node:util';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import { agenciesWithAccess } from '../domain/agreement/access';
import { searchTextOf, toSummary } from '../domain/agreement/summary';
import { agreementNextDueOn, requestNextDueOn } from '../domain/schedule/reminder-rules';
import {
  AlreadyCreatedError,
  AlreadyImportedError,
  ConcurrentWriteError,
  RateLimitedError,
  SigningRequestSpentError,
  type TRateLimit,
  type TAgreementStore,
  type TAgreementWrite,
  type TListQuery,
  type TStoredAgreement,
} from '../domain/ports';
import { AppError } from '../errors';
import { partiesNow, ZAgreementSummary, type TAgreement, type TAgreementSummary } from '../schemas/agreement';
import { ZStoredAgreement } from '../schemas/stored';
import { ZAuditEvent, type TAuditEvent } from '../schemas/audit-event';
import { readAuditTrail } from './audit-trail';
import { epochSeconds, transactionConditionFailed, transactionConflicted, type TTableAccess } from './client';
import { outboxItem, webhookEventItem } from './outbox-repository';
import {
  agreementKey,
  agreementTextKey,
  auditEventKey,
  createdSortKey,
  documentKey,
  DUE_AGREEMENTS,
  DUE_SIGNING_REQUESTS,
  dueWorkKeys,
  evidenceDueKeys,
  creationKey,
  importKey,
  listEntryKey,
  referenceCounterKey,
  reviewSortKey,
  scopePartition,
  scopeReviewPartition,
  scopeStatusPartition,
  rateLimitKey,
  signingRequestKey,
  type TScope,
} from './keys';
import type { TDocumentKind } from '../schemas/evidence';
import { mergeScopePages, type TScopePage } from './page-merge';
import { TABLE_DEFINITION } from './table-definition';
import { deferred } from '../schemas/deferred';

type TItem = Record<string, unknown>;
type TTransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

const ZCounter = deferred(() => z.object({ value: z.int().check(z.gte(0)) }));
/** A signing link's record outlives the link by this much, then TTL removes it. */
const SIGNING_REQUEST_GRACE_SECONDS = 30 * 24 * 3600;

/**
 * Drafts racing for the same year's next reference retry this often before giving up: each round
 * one of them wins, so fifty at once need fifty rounds. A random pause, longer after each loss,
 * spreads them out.
 */
const REFERENCE_ATTEMPTS = 100;
/** The longest pause between two attempts at the next reference. */
const REFERENCE_BACKOFF_CAP_MS = 1000;
/** Where a create's idempotency key stands in its transaction: after the counter, first of the agreement's items. */
const CREATION_KEY_INDEX = 1;
/** How long a create's idempotency key holds: a retry within a day returns the first draft. */
const CREATION_KEY_SECONDS = 24 * 3600;

/** Admins see all; each agency sees its own; the public register sees what is published. */
const scopesOf = (agreement: TAgreement): TScope[] => [
  { kind: 'all' },
  ...(agreement.publish ? [{ kind: 'register' } as const] : []),
  // The register by agency serves only what is in force, so other versions cost it nothing.
  ...(agreement.publish && agreement.status === 'in_force'
    ? partiesNow(agreement).map((party): TScope => ({ kind: 'register', agencyId: party.agencyId }))
    : []),
  ...agenciesWithAccess(agreement).map((agencyId): TScope => ({ kind: 'agency', agencyId })),
];

const scopeId = (scope: TScope) =>
  scope.kind === 'agency' ? scope.agencyId : scope.kind === 'register' && scope.agencyId ? `*register#${scope.agencyId}` : `*${scope.kind}`;

/** One list entry per scope: a small copy of the agreement that the list indexes serve. */
const listEntryItem = (agreement: TAgreement, scope: TScope): TItem => {
  const sortKey = createdSortKey(agreement.createdAt, agreement.id);
  const reviewed = agreement.status === 'in_force' && agreement.nextReviewDate;
  return {
    ...listEntryKey(agreement.id, scope),
    entity: 'list_entry',
    GSI1PK: scopePartition(scope),
    GSI1SK: sortKey,
    GSI2PK: scopeStatusPartition(scope, agreement.status),
    GSI2SK: sortKey,
    ...(reviewed ? { GSI3PK: scopeReviewPartition(scope), GSI3SK: reviewSortKey(agreement.nextReviewDate!, agreement.id) } : {}),
    summary: toSummary(agreement),
    searchText: searchTextOf(agreement),
  };
};

/**
 * A list entry for a scope the agreement has left drops out of every index at once and is
 * removed by TTL: an update, not a delete, so functions that change agreements (the public
 * signing function among them) need no permission to delete.
 */
const withdrawnListEntry = (tableName: string, agreementId: string, scope: TScope, at = new Date().toISOString()) => {
  const indexKeys = Object.values(TABLE_DEFINITION.indexes).flatMap((index) => [index.partitionKey, index.sortKey]);
  return {
    TableName: tableName,
    Key: listEntryKey(agreementId, scope),
    UpdateExpression: `REMOVE ${indexKeys.map((_, i) => `#k${i}`).join(', ')} SET #ttl = :now`,
    ExpressionAttributeNames: {
      ...Object.fromEntries(indexKeys.map((name, i) => [`#k${i}`, name])),
      '#ttl': TABLE_DEFINITION.timeToLiveAttribute,
    },
    ExpressionAttributeValues: { ':now': epochSeconds(at) },
  };
};

/** One more use of a limited action, refused once the limit is reached; the counter expires when the limit resets. */
const rateLimitUpdate = (tableName: string, limit: TRateLimit) => ({
  TableName: tableName,
  Key: rateLimitKey(limit.key),
  UpdateExpression: 'SET #count = if_not_exists(#count, :zero) + :one, #ttl = :resets',
  ConditionExpression: 'attribute_not_exists(#count) OR #count < :limit',
  ExpressionAttributeNames: { '#count': 'count', '#ttl': TABLE_DEFINITION.timeToLiveAttribute },
  ExpressionAttributeValues: { ':zero': 0, ':one': 1, ':limit': limit.limit, ':resets': epochSeconds(limit.resetsAt) },
});

/** The agreement's record without its text and files, which live in an item of their own. */
const agreementItem = (write: TAgreementWrite, previous?: TStoredAgreement): TItem => {
  const reviewReminder = write.reviewReminder !== undefined ? write.reviewReminder : (previous?.reviewReminder ?? null);
  const expiryWarning = write.expiryWarning !== undefined ? write.expiryWarning : (previous?.expiryWarning ?? null);
  const dueOn = agreementNextDueOn(write.agreement, reviewReminder, expiryWarning);
  const { body: _text, attachments: _files, ...record } = write.agreement;
  return {
    ...agreementKey(write.agreement.id),
    entity: 'agreement',
    ...record,
    auditHead: write.auditHead,
    openRequests: write.openRequests ?? previous?.openRequests ?? {},
    successorId: write.successorId !== undefined ? write.successorId : (previous?.successorId ?? null),
    reviewReminder,
    expiryWarning,
    // In the due-work index only while in force, keyed by the day the daily job next owes it something.
    ...(dueOn ? dueWorkKeys(DUE_AGREEMENTS, dueOn, write.agreement.id) : {}),
  };
};

/** What a version says: its text and its files, written only while it is drafted. */
const textItem = (agreement: TAgreement): TItem => ({
  ...agreementTextKey(agreement.id),
  entity: 'agreement_text',
  agreementId: agreement.id,
  body: agreement.body,
  attachments: agreement.attachments,
});
const textChanged = (next: TAgreement, prior: TAgreement) => next.body !== prior.body || !isDeepStrictEqual(next.attachments, prior.attachments);

/** What is stored of an agreement, as the write that would store it. */
const asWrite = (stored: TStoredAgreement): TAgreementWrite => ({ ...stored, events: [] });

/**
 * An update of only the attributes that differ, guarded by the revision read: a transition writes
 * what it changes (DynamoDB still counts the item's size, which is why its text lives apart).
 */
const changedAttributesUpdate = (tableName: string, before: TItem, after: TItem, revision: number) => {
  const present = (item: TItem) => Object.keys(item).filter((name) => item[name] !== undefined);
  const changed = present(after).filter((name) => !isDeepStrictEqual(before[name], after[name]));
  const removed = present(before).filter((name) => after[name] === undefined);
  const names = Object.fromEntries([...changed, ...removed, 'revision'].map((name) => [`#${name}`, name]));
  const values = Object.fromEntries(changed.map((name) => [`:${name}`, after[name]]));
  return {
    TableName: tableName,
    Key: { PK: after.PK, SK: after.SK },
    UpdateExpression: [
      `SET ${changed.map((name) => `#${name} = :${name}`).join(', ')}`,
      ...(removed.length > 0 ? [`REMOVE ${removed.map((name) => `#${name}`).join(', ')}`] : []),
    ].join(' '),
    ConditionExpression: '#revision = :previousRevision',
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: { ...values, ':previousRevision': revision },
  };
};

/** A list entry is written when what it shows changes, not on every revision. */
const listEntryChanged = (before: TItem | undefined, after: TItem) => {
  const withoutTimestamp = (item: TItem) => ({ ...item, summary: { ...(item.summary as object), updatedAt: null } });
  return !before || !isDeepStrictEqual(withoutTimestamp(before), withoutTimestamp(after));
};

const fromAgreementItem = (item: TItem, text: TItem | undefined): TStoredAgreement =>
  ZStoredAgreement.parse({
    agreement: { ...item, body: text?.body, attachments: text?.attachments ?? [] },
    auditHead: item.auditHead,
    openRequests: item.openRequests ?? {},
    successorId: item.successorId ?? null,
    reviewReminder: item.reviewReminder ?? null,
    expiryWarning: item.expiryWarning ?? null,
  });

/** An email waiting to be sent; its id is derived from its cause, so it can be written only once. */

/** What a write causes besides the agreement itself: links, emails, the document index. */
const sideEffectItems = (write: TAgreementWrite, tableName: string): TTransactItem[] => [
  ...(write.newRequests ?? []).map((request) => ({
    Put: {
      TableName: tableName,
      Item: {
        ...signingRequestKey(request.tokenHash),
        entity: 'signing_request',
        ...request,
        ...dueWorkKeys(DUE_SIGNING_REQUESTS, requestNextDueOn(request), request.tokenHash),
        // Kept a while after it expires, so the daily job and any revocation still find it.
        [TABLE_DEFINITION.timeToLiveAttribute]: epochSeconds(request.linkExpiresAt) + SIGNING_REQUEST_GRACE_SECONDS,
      },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  })),
  ...(write.closedRequests ?? []).map((closed) => ({
    Update: {
      TableName: tableName,
      Key: signingRequestKey(closed.tokenHash),
      // A closed link leaves the due-work index: no more reminders.
      UpdateExpression: 'SET #state = :state REMOVE GSI4PK, GSI4SK',
      ...(closed.state === 'revoked'
        ? { ConditionExpression: 'attribute_exists(PK)', ExpressionAttributeValues: { ':state': 'revoked' } }
        : { ConditionExpression: '#state = :open', ExpressionAttributeValues: { ':state': closed.state, ':open': 'open' } }),
      ExpressionAttributeNames: { '#state': 'state' },
    },
  })),
  ...(write.messages ?? []).map((message) => ({
    Put: { TableName: tableName, Item: outboxItem(message), ConditionExpression: 'attribute_not_exists(PK)' },
  })),
  ...(write.webhookEvents ?? []).map((event) => ({
    Put: { TableName: tableName, Item: webhookEventItem(event, write.agreement.updatedAt), ConditionExpression: 'attribute_not_exists(PK)' },
  })),
  ...(write.indexDocument ? documentEntries(write.agreement).map((entry) => ({ Put: { TableName: tableName, Item: entry } })) : []),
];

/** The files `/verify` finds this version by: the signed document, each attachment, the executed copy. */
const documentEntries = (agreement: TAgreement): TItem[] => {
  const entry = (sha256: string, kind: TDocumentKind, name?: string) => ({
    ...documentKey(sha256, agreement.id, kind),
    entity: 'document',
    agreementId: agreement.id,
    kind,
    ...(name ? { name } : {}),
  });
  return [
    ...(agreement.documentSha256 ? [entry(agreement.documentSha256, 'document')] : []),
    ...agreement.attachments.filter((file) => file.status === 'available').map((file) => entry(file.sha256, 'attachment', file.name)),
    ...(agreement.executedCopy ? [entry(agreement.executedCopy.sha256, 'executed_copy')] : []),
  ];
};

/** Each event once; one holding personal evidence waits in the due-work index for its removal. */
const eventPuts = (events: TAuditEvent[], tableName: string): TTransactItem[] =>
  events.map((event) => ({
    Put: {
      TableName: tableName,
      Item: {
        ...auditEventKey(event.agreementId, event.seq),
        entity: 'audit_event',
        ...event,
        ...(event.personal ? evidenceDueKeys(event.agreementId, event.seq, event.at.slice(0, 10)) : {}),
      },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  }));

/** Removes the personal evidence of events whose retention is over; their hashes cover only its digest. */
const evidenceRemovals = (write: TAgreementWrite, tableName: string): TTransactItem[] =>
  (write.reducedEvents ?? []).map((seq) => ({
    Update: {
      TableName: tableName,
      Key: auditEventKey(write.agreement.id, seq),
      UpdateExpression: 'REMOVE #personal, GSI4PK, GSI4SK',
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeNames: { '#personal': 'personal' },
    },
  }));

/** Everything a new agreement writes: its record (only if the id is new), its text, its list entries, its events and what it causes. */
const newAgreementItems = (write: TAgreementWrite, tableName: string): TTransactItem[] => [
  // First, so a repeated import or create is told apart from any other refusal (see createWithNextReference);
  // a write is an import or a create with a key, never both.
  ...(write.importKey
    ? [
        {
          Put: {
            TableName: tableName,
            Item: { ...importKey(write.importKey), entity: 'import', agreementId: write.agreement.id },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
      ]
    : []),
  ...(write.creationKey
    ? [
        {
          Put: {
            TableName: tableName,
            Item: {
              ...creationKey(write.creationKey.key),
              entity: 'creation',
              agreementId: write.agreement.id,
              fingerprint: write.creationKey.fingerprint,
              expiresAt: epochSeconds(write.agreement.createdAt) + CREATION_KEY_SECONDS,
            },
            // TTL removes a spent key within days, not at once: one past its day is free again.
            ConditionExpression: 'attribute_not_exists(PK) OR expiresAt < :now',
            ExpressionAttributeValues: { ':now': epochSeconds(write.agreement.createdAt) },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
          },
        },
      ]
    : []),
  { Put: { TableName: tableName, Item: agreementItem(write), ConditionExpression: 'attribute_not_exists(PK)' } },
  { Put: { TableName: tableName, Item: textItem(write.agreement) } },
  ...scopesOf(write.agreement).map((scope) => ({ Put: { TableName: tableName, Item: listEntryItem(write.agreement, scope) } })),
  ...eventPuts(write.events, tableName),
  ...sideEffectItems(write, tableName),
];

const encodeCursor = (sortKey: string) => Buffer.from(JSON.stringify({ after: sortKey })).toString('base64url');

/** The sort keys a cursor may carry: a creation time, or (for review-date lists) a review date, then an agreement id. */
const CREATED_SORT_KEY = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z#[0-9A-HJKMNP-TV-Z]{26}$/;
const REVIEW_SORT_KEY = /^\d{4}-\d{2}-\d{2}#[0-9A-HJKMNP-TV-Z]{26}$/;

/**
 * Reads a cursor back, refusing (400, never a DynamoDB error) anything this API did not give out
 * for this kind of list, and a review-date cursor already past the list's own end date.
 */
const decodeCursor = (cursor: string, query: TListQuery): string => {
  const invalid = (message: string) =>
    new AppError('validation_failed', 'The cursor is not one this API gave out for this list.', [{ path: 'cursor', message }]);
  let after: string;
  try {
    after = z.object({ after: z.string().check(z.minLength(1)) }).parse(JSON.parse(Buffer.from(cursor, 'base64url').toString())).after;
  } catch {
    throw invalid('invalid cursor');
  }
  const byReview = query.reviewDueBefore !== undefined;
  if (!(byReview ? REVIEW_SORT_KEY : CREATED_SORT_KEY).test(after)) throw invalid('invalid cursor');
  if (byReview && after.slice(0, 10) > query.reviewDueBefore!) throw invalid('the cursor is past reviewDueBefore');
  return after;
};

export const createAgreementRepository = ({ client, tableName }: TTableAccess): TAgreementStore => {
  const findImported = async (sourceReference: string) => {
    const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: importKey(sourceReference), ConsistentRead: true }));
    return Item ? String(Item.agreementId) : undefined;
  };
  const transact = (items: TTransactItem[]) => client.send(new TransactWriteCommand({ TransactItems: items }));

  /** One Query of one scope's list entries, from the cursor on, in index order. */
  const queryScope = async (scope: TScope, query: TListQuery, after: string | undefined): Promise<TScopePage<TAgreementSummary>> => {
    const byReview = query.reviewDueBefore !== undefined;
    const index = byReview
      ? TABLE_DEFINITION.indexes.byScopeReviewDate
      : query.status
        ? TABLE_DEFINITION.indexes.byScopeStatus
        : TABLE_DEFINITION.indexes.byScope;
    const partition = byReview ? scopeReviewPartition(scope) : query.status ? scopeStatusPartition(scope, query.status) : scopePartition(scope);
    const names: Record<string, string> = { '#pk': index.partitionKey };
    if (byReview || after) names['#sk'] = index.sortKey;
    const values: Record<string, unknown> = { ':pk': partition };
    const keyConditions = ['#pk = :pk'];
    if (byReview) {
      // `~` sorts after every id character, so the whole due date is included.
      values[':due'] = `${query.reviewDueBefore}#~`;
      keyConditions.push(after ? '#sk BETWEEN :after AND :due' : '#sk <= :due');
      if (after) values[':after'] = `${after}\u0000`;
    } else if (after) {
      values[':after'] = after;
      keyConditions.push(query.oldestFirst ? '#sk > :after' : '#sk < :after');
    }
    const filters: string[] = [];
    if (query.q) {
      names['#searchText'] = 'searchText';
      values[':q'] = query.q;
      filters.push('contains(#searchText, :q)');
    }
    if (query.legalBasis) {
      names['#summary'] = 'summary';
      names['#legalBasis'] = 'legalBasis';
      values[':legalBasis'] = query.legalBasis;
      filters.push('#summary.#legalBasis = :legalBasis');
    }
    if (byReview && query.status) {
      names['#summary'] = 'summary';
      names['#status'] = 'status';
      values[':status'] = query.status;
      filters.push('#summary.#status = :status');
    }
    const page = await client.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: index.indexName,
        KeyConditionExpression: keyConditions.join(' AND '),
        FilterExpression: filters.length > 0 ? filters.join(' AND ') : undefined,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ScanIndexForward: byReview || query.oldestFirst === true,
        Limit: query.limit,
      }),
    );
    return {
      items: (page.Items ?? []).map((item) => ({
        sortKey: item[index.sortKey] as string,
        value: ZAgreementSummary.parse(item.summary),
      })),
      lastEvaluatedSortKey: (page.LastEvaluatedKey?.[index.sortKey] as string | undefined) ?? null,
    };
  };

  return {
    async get(id) {
      // The record and its text in one request; consistent, so a transition reads the revision it must guard against.
      const found = new Map<string, TItem>();
      let keys: Record<string, unknown>[] | undefined = [agreementKey(id), agreementTextKey(id)];
      while (keys && keys.length > 0) {
        const result: BatchGetCommandOutput = await client.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: keys, ConsistentRead: true } } }));
        for (const item of result.Responses?.[tableName] ?? []) found.set(String(item.SK), item);
        keys = result.UnprocessedKeys?.[tableName]?.Keys;
      }
      const record = found.get(agreementKey(id).SK);
      return record ? fromAgreementItem(record, found.get(agreementTextKey(id).SK)) : undefined;
    },

    findImported,

    async createWithNextReference(year, build) {
      const counterKey = referenceCounterKey(year);
      const readCounter = async () => {
        const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: counterKey, ConsistentRead: true }));
        return Item ? ZCounter.parse(Item).value : null;
      };
      let current = await readCounter();
      for (let attempt = 1; attempt <= REFERENCE_ATTEMPTS; attempt += 1) {
        const write: TAgreementWrite = build((current ?? 0) + 1);
        const counterWrite: TTransactItem =
          current !== null
            ? {
                Update: {
                  TableName: tableName,
                  Key: counterKey,
                  UpdateExpression: 'SET #value = :next',
                  ConditionExpression: '#value = :current',
                  ExpressionAttributeNames: { '#value': 'value' },
                  ExpressionAttributeValues: { ':next': current + 1, ':current': current },
                  // A lost race hands back the counter as the winner left it: no second read.
                  ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
                },
              }
            : {
                Put: {
                  TableName: tableName,
                  Item: { ...counterKey, entity: 'counter', value: 1 },
                  ConditionExpression: 'attribute_not_exists(PK)',
                  ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
                },
              };
        try {
          await transact([counterWrite, ...newAgreementItems(write, tableName)]);
          return write.agreement;
        } catch (error) {
          if (write.importKey && transactionConditionFailed(error, 1)) throw new AlreadyImportedError(await findImported(write.importKey));
          if (write.creationKey && transactionConditionFailed(error, CREATION_KEY_INDEX)) {
            const returned = (error as Error & { CancellationReasons?: { Item?: Record<string, AttributeValue> }[] }).CancellationReasons?.[CREATION_KEY_INDEX]
              ?.Item;
            const earlier = returned
              ? unmarshall(returned)
              : (await client.send(new GetCommand({ TableName: tableName, Key: creationKey(write.creationKey.key), ConsistentRead: true }))).Item;
            if (!earlier) throw error;
            throw new AlreadyCreatedError(String(earlier.agreementId), String(earlier.fingerprint));
          }
          // Another draft took this number first, or was taking it at that very moment.
          if (!transactionConditionFailed(error, 0) && !transactionConflicted(error)) throw error;
          const winner = (error as Error & { CancellationReasons?: { Item?: Record<string, unknown> }[] }).CancellationReasons?.[0]?.Item;
          // Full jitter, growing with each loss: fewer of the racers try at once, so fewer rounds are lost in all.
          await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(REFERENCE_BACKOFF_CAP_MS, 10 * 2 ** attempt)));
          current = winner ? ZCounter.parse(unmarshall(winner as Record<string, AttributeValue>)).value : await readCounter();
        }
      }
      throw new AppError('conflict', 'Too many agreements are being created at once; try again.');
    },

    async update(write, previous, also = {}) {
      // Which item of the transaction guards what, to tell a lost race from a spent link.
      const guards: ('agreement' | 'link' | 'rate' | 'other')[] = [];
      const items: TTransactItem[] = [];
      const add = (item: TTransactItem, guard: (typeof guards)[number]) => {
        items.push(item);
        guards.push(guard);
      };
      const addUpdate = (next: TAgreementWrite, prior: TStoredAgreement) => {
        add({ Update: changedAttributesUpdate(tableName, agreementItem(asWrite(prior)), agreementItem(next, prior), prior.agreement.revision) }, 'agreement');
        // Only a draft's text and files change, and only when an edit changes them.
        if (textChanged(next.agreement, prior.agreement)) add({ Put: { TableName: tableName, Item: textItem(next.agreement) } }, 'other');
        const nextScopeIds = new Set(scopesOf(next.agreement).map(scopeId));
        const priorEntries = new Map(scopesOf(prior.agreement).map((scope) => [scopeId(scope), listEntryItem(prior.agreement, scope)]));
        for (const scope of scopesOf(next.agreement)) {
          const entry = listEntryItem(next.agreement, scope);
          if (listEntryChanged(priorEntries.get(scopeId(scope)), entry)) add({ Put: { TableName: tableName, Item: entry } }, 'other');
        }
        for (const scope of scopesOf(prior.agreement).filter((candidate) => !nextScopeIds.has(scopeId(candidate)))) {
          add({ Update: withdrawnListEntry(tableName, next.agreement.id, scope, write.events[0]?.at) }, 'other');
        }
        addSideEffects(next);
      };
      const addSideEffects = (next: TAgreementWrite) => {
        for (const item of eventPuts(next.events, tableName)) add(item, 'other');
        for (const item of evidenceRemovals(next, tableName)) add(item, 'other');
        for (const item of sideEffectItems(next, tableName)) add(item, item.Update ? 'link' : 'other');
      };
      addUpdate(write, previous);
      if (write.rateLimit) add({ Update: rateLimitUpdate(tableName, write.rateLimit) }, 'rate');
      for (const other of also.updates ?? []) addUpdate(other.write, other.previous);
      for (const created of also.creates ?? []) {
        for (const [index, item] of newAgreementItems(created, tableName).entries()) add(item, index === 0 ? 'agreement' : item.Update ? 'link' : 'other');
      }
      try {
        await transact(items);
      } catch (error) {
        const failed = guards.flatMap((guard, index) => (transactionConditionFailed(error, index) ? [guard] : []));
        if (failed.includes('agreement')) throw new ConcurrentWriteError();
        if (failed.includes('link')) throw new SigningRequestSpentError();
        if (failed.includes('rate') && write.rateLimit) {
          const seconds = Math.max(1, Math.ceil((Date.parse(write.rateLimit.resetsAt) - Date.now()) / 1000));
          throw new RateLimitedError(write.rateLimit.refusal, seconds);
        }
        // Another transaction was writing one of these items at that very moment: a lost race too.
        if (transactionConflicted(error)) throw new ConcurrentWriteError();
        throw error;
      }
    },

    async list(query) {
      const scopes: TScope[] =
        query.scopes === 'all'
          ? [{ kind: 'all' }]
          : query.scopes === 'register'
            ? [{ kind: 'register', ...(query.registerAgency ? { agencyId: query.registerAgency } : {}) }]
            : query.scopes.map((agencyId) => ({ kind: 'agency', agencyId }));
      const after = query.cursor ? decodeCursor(query.cursor, query) : undefined;
      const pages = await Promise.all(scopes.map((scope) => queryScope(scope, query, after)));
      const merged = mergeScopePages(pages, { limit: query.limit, descending: query.reviewDueBefore === undefined && !query.oldestFirst });
      return { items: merged.items, nextCursor: merged.after ? encodeCursor(merged.after) : null };
    },

    listEvents: (agreementId) => readAuditTrail({ client, tableName }, agreementKey(agreementId).PK, ZAuditEvent),
  };
};
