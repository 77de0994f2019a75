import { createHash } from 'node:crypto';
import type { TDocumentKind } from '../schemas/evidence';

/**
 * Key builders: the only place that knows how items are addressed.
 * See the README's access-pattern table for what each key serves.
 */
const pad = (n: number, width: number) => n.toString().padStart(width, '0');

export const agencyKey = (agencyId: string) => ({ PK: `AGENCY#${agencyId}`, SK: 'AGENCY' });
export const AGENCY_LIST_PARTITION = 'AGENCIES';
/** An agency's own audit trail, in its partition. */
export const agencyEventKey = (agencyId: string, seq: number) => ({ PK: `AGENCY#${agencyId}`, SK: `EVENT#${pad(seq, 6)}` });
/** Agencies share the byScope index (GSI1) under their own partition, sorted by name. */
export const agencyListKeys = (name: string, agencyId: string) => ({
  GSI1PK: AGENCY_LIST_PARTITION,
  GSI1SK: `${name.toLowerCase()}#${agencyId}`,
});

export const agreementKey = (agreementId: string) => ({ PK: `AGREEMENT#${agreementId}`, SK: 'AGREEMENT' });
/** A version's text, in an item of its own: written while it is drafted, never by a transition. */
export const agreementTextKey = (agreementId: string) => ({ PK: `AGREEMENT#${agreementId}`, SK: 'TEXT' });

/** Sequence counter for human references, one per year. */
export const referenceCounterKey = (year: number) => ({ PK: `COUNTER#REFERENCE#${year}`, SK: 'COUNTER' });

export const auditEventKey = (agreementId: string, seq: number) => ({
  PK: `AGREEMENT#${agreementId}`,
  SK: `EVENT#${pad(seq, 6)}`,
});
export const AUDIT_EVENT_PREFIX = 'EVENT#';

/**
 * A visibility scope: `ALL` (admins), one agency, the public register, or the register's
 * agreements in force with one agency as a party (`REGISTER#AGENCY#<id>`). Each agreement has one list entry per scope
 * so that a user's list is a Query on their agency's partition, never a Scan with a filter.
 */
export type TScope = { kind: 'all' } | { kind: 'register'; agencyId?: string } | { kind: 'agency'; agencyId: string };
const scopeName = (scope: TScope) =>
  scope.kind === 'agency' ? `AGENCY#${scope.agencyId}` : scope.kind === 'register' && scope.agencyId ? `REGISTER#AGENCY#${scope.agencyId}` : scope.kind.toUpperCase();

export const listEntryKey = (agreementId: string, scope: TScope) => ({
  PK: `AGREEMENT#${agreementId}`,
  SK: `LIST#${scopeName(scope)}`,
});
export const LIST_ENTRY_PREFIX = 'LIST#';

export const scopePartition = (scope: TScope) => `LIST#${scopeName(scope)}`;
export const scopeStatusPartition = (scope: TScope, status: string) => `LIST#${scopeName(scope)}#STATUS#${status}`;
export const scopeReviewPartition = (scope: TScope) => `LIST#${scopeName(scope)}#REVIEW`;

/** Sort keys of list entries: creation time then id, so pages are stable while agreements change. */
export const createdSortKey = (createdAt: string, agreementId: string) => `${createdAt}#${agreementId}`;
export const reviewSortKey = (nextReviewDate: string, agreementId: string) => `${nextReviewDate}#${agreementId}`;

/** A signing link, addressed by the SHA-256 of its token: the token itself is never stored. */
export const signingRequestKey = (tokenHash: string) => ({ PK: `SIGNREQ#${tokenHash}`, SK: 'SIGNREQ' });

/** An email waiting in the transactional outbox. */
export const outboxKey = (messageId: string) => ({ PK: `OUTBOX#${messageId}`, SK: 'OUTBOX' });

/**
 * Finds the versions a file with this hash belongs to (`/verify`): as the signed document itself,
 * one of its attachments, or its sealed executed copy. One agreement may hold the same bytes twice
 * (an imported agreement's signed copy is its document and an attachment), so the kind is in the key.
 */
export const documentKey = (sha256: string, agreementId: string, kind: TDocumentKind = 'document') => ({
  PK: `DOCUMENT#${sha256}`,
  SK: kind === 'document' ? `AGREEMENT#${agreementId}` : `AGREEMENT#${agreementId}#${kind.toUpperCase()}`,
});
export const documentPartition = (sha256: string) => `DOCUMENT#${sha256}`;

/**
 * Due-work index (GSI4): each kind of work is spread over `DUE_WORK_SHARDS` partitions by a hash of
 * the item's id, so no one key takes every write, and sorted by when it is next due.
 */
export const DUE_AGREEMENTS = 'DUE#AGREEMENT';
export const DUE_SIGNING_REQUESTS = 'DUE#SIGNREQ';
/** Outbox messages, keyed by the moment (ISO) a retry falls due or a sender's lease runs out. */
export const DUE_OUTBOX = 'DUE#OUTBOX';
/** Audit events holding personal evidence, keyed by the day they were recorded, until it is removed. */
export const DUE_EVIDENCE = 'DUE#EVIDENCE';
export const evidenceDueKeys = (agreementId: string, seq: number, day: string) => dueWorkKeys(DUE_EVIDENCE, day, `${agreementId}#${pad(seq, 6)}`);
/** The event a due-evidence sort key names (`<day>#<agreementId>#<seq>`). */
export const evidenceOfDueKey = (sortKey: string) => {
  const [, agreementId, seq] = sortKey.split('#');
  return { agreementId: agreementId!, seq: Number(seq) };
};
export const DUE_WORK_SHARDS = 8;
const shardOf = (id: string) => createHash('sha256').update(id).digest().readUInt16BE(0) % DUE_WORK_SHARDS;
export const dueWorkKeys = (kind: string, dueOn: string, id: string) => ({ GSI4PK: `${kind}#${shardOf(id)}`, GSI4SK: `${dueOn}#${id}` });
/** Every partition of one kind of due work. */
export const dueWorkPartitions = (kind: string) => Array.from({ length: DUE_WORK_SHARDS }, (_, shard) => `${kind}#${shard}`);
/** Everything due on or before this day (or moment): `~` sorts after every id character. */
export const dueByKey = (today: string) => `${today}#~`;

/** A sent email by its SES message id, so a bounce or complaint can be traced to its agreement. */
export const sentEmailKey = (providerMessageId: string) => ({ PK: `SESMSG#${providerMessageId}`, SK: 'SESMSG' });

/** A rate-limit counter, e.g. the resends of one signatory's link on one day. */
export const rateLimitKey = (key: string) => ({ PK: `RATE#${key}`, SK: 'RATE' });

/**
 * A create's idempotency key, hashed (any characters, any length), under a partition of its own:
 * written in the draft's own transaction, so a key makes one draft however often it is sent.
 */
export const creationKey = (idempotencyKey: string) => ({ PK: `CREATE#${createHash('sha256').update(idempotencyKey).digest('hex')}`, SK: 'CREATE' });

/** Webhook endpoints share one partition: few, and the sender reads them all for each event. */
export const WEBHOOK_ENDPOINTS_PARTITION = 'WEBHOOKS';
export const webhookEndpointKey = (endpointId: string) => ({ PK: WEBHOOK_ENDPOINTS_PARTITION, SK: `WEBHOOK#${endpointId}` });
/** An endpoint's delivery log, newest last: one item per attempt, in the endpoint's own partition. */
export const webhookAttemptPartition = (endpointId: string) => `WEBHOOK#${endpointId}`;
export const WEBHOOK_ATTEMPT_PREFIX = 'ATTEMPT#';
export const webhookAttemptKey = (endpointId: string, attemptId: string) => ({ PK: webhookAttemptPartition(endpointId), SK: `${WEBHOOK_ATTEMPT_PREFIX}${attemptId}` });

/** A collaboration proposal, its trail (`EVENT#…`) and its list entries (`LIST#…`), in its own partition. */
export const proposalKey = (proposalId: string) => ({ PK: `PROPOSAL#${proposalId}`, SK: 'PROPOSAL' });
export const proposalEventKey = (proposalId: string, seq: number) => ({ PK: `PROPOSAL#${proposalId}`, SK: `EVENT#${pad(seq, 6)}` });
/** Proposals an agency is party to (or every proposal, for admins), newest first, in the byScope index. */
export const proposalListKeys = (proposalId: string, scope: string, createdAt: string) => ({
  PK: `PROPOSAL#${proposalId}`,
  SK: `LIST#${scope}`,
  GSI1PK: proposalListPartition(scope),
  GSI1SK: createdSortKey(createdAt, proposalId),
});
export const proposalListPartition = (scope: string) => `PROPOSALS#${scope}`;
export const ALL_PROPOSALS_SCOPE = 'ALL';
/** Declines whose agencies publish them, newest first: the public record of declines. */
export const PUBLISHED_DECLINES_SCOPE = 'PUBLISHED_DECLINES';
/** A proposed party's link, by the SHA-256 of its token. */
export const proposalLinkKey = (tokenHash: string) => ({ PK: `PROPLINK#${tokenHash}`, SK: 'PROPLINK' });

/** An imported agreement by its source reference (hashed: any characters), so the same import creates nothing twice. */
export const importKey = (sourceReference: string) => ({ PK: `IMPORT#${createHash('sha256').update(sourceReference.trim().toLowerCase()).digest('hex')}`, SK: 'IMPORT' });

/** A workspace session, addressed by the SHA-256 of its cookie: the cookie itself is never stored. */
export const SESSION_PARTITION = 'SESSION#';
export const sessionKey = (sessionHash: string) => ({ PK: `${SESSION_PARTITION}${sessionHash}`, SK: 'SESSION' });
