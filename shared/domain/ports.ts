import { AppError } from '../errors';
import type { TAgency } from '../schemas/agency';
import type { TAgreement, TAgreementStatus, TAgreementSummary, TLegalBasis } from '../schemas/agreement';
import type { TAgencyEvent, TAuditEvent, TProposalEvent } from '../schemas/audit-event';
import type { TProposal, TProposalLink, TPublishedDecline } from '../schemas/proposal';
import type { TOutboxMessage, TRecipient } from '../schemas/outbox';
import type { TDocumentKind } from '../schemas/evidence';
import type { TUserAccess, TUserAccount, TUserInvitation } from '../schemas/user-account';
import type { TStoredWebhookEndpoint, TWebhookAttempt, TWebhookEvent, TWebhookSecretRef } from '../schemas/webhook';
import type { TAuditHead, TDelivery, TExpiryWarningState, TReviewReminderState, TSentEmail, TSigningRequest, TStoredAgreement, TOpenRequests } from '../schemas/stored';

export type { TAuditHead, TDelivery, TLinkPurpose, TOpenRequests, TReviewReminderState, TSentEmail, TSigningRequest, TStoredAgreement } from '../schemas/stored';

/** The stores the domain depends on; `shared/db` implements them on DynamoDB. */
export type TAgencyStore = {
  get(id: string): Promise<TAgency | undefined>;
  getMany(ids: string[]): Promise<Map<string, TAgency>>;
  /** Writes a new agency with the event that records its creation; fails with `conflict` when the id is taken. */
  create(agency: TAgency, auditHead: TAuditHead, events: TAgencyEvent[]): Promise<void>;
  list(): Promise<TAgency[]>;
  /** The agency and where its audit trail ends. */
  getWithTrail(id: string): Promise<{ agency: TAgency; auditHead: TAuditHead } | undefined>;
  /** Writes the agency with the events explaining the change, if it is still at `previousRevision`; else `ConcurrentWriteError`. */
  update(agency: TAgency, auditHead: TAuditHead, events: TAgencyEvent[], previousRevision: number): Promise<void>;
  listEvents(id: string): Promise<TAgencyEvent[]>;
};

/**
 * One atomic write: the agreement's new state with the audit events that explain it, and what
 * the change causes — signing links opened or closed, emails to send — all or nothing.
 */
export type TAgreementWrite = {
  agreement: TAgreement;
  auditHead: TAuditHead;
  events: TAuditEvent[];
  openRequests?: TOpenRequests;
  successorId?: string | null;
  reviewReminder?: TReviewReminderState;
  expiryWarning?: TExpiryWarningState;
  newRequests?: TSigningRequest[];
  /** `used` and `expired` only succeed on a link still open: a link is spent once. */
  closedRequests?: { tokenHash: string; state: 'used' | 'revoked' | 'expired' }[];
  messages?: TOutboxMessage[];
  /** Events for other systems' webhook endpoints, sent from the outbox like the emails. */
  webhookEvents?: TWebhookEvent[];
  /** Index the fixed document hash so `/verify/{sha256}` can find this version. */
  indexDocument?: boolean;
  /** Counts this write against a limit (emails sent on demand); over it, nothing is written and `RateLimitedError`. */
  rateLimit?: TRateLimit;
  /** Events of this agreement (by number) whose personal evidence is removed, its retention over. */
  reducedEvents?: number[];
  /** An import's source reference: the write fails with `AlreadyImportedError` if it was imported before. */
  importKey?: string;
  /**
   * A create's idempotency key (scoped to its caller) and the fingerprint of its request: written
   * with the draft, so the write fails with `AlreadyCreatedError` if the key made a draft before.
   */
  creationKey?: { key: string; fingerprint: string };
};

/** A create with this idempotency key made a draft before (`fingerprint`: of the request that did). */
export class AlreadyCreatedError extends AppError {
  constructor(
    readonly agreementId: string,
    readonly fingerprint: string,
  ) {
    super('conflict', 'A draft was created with this Idempotency-Key before.');
  }
}

/** An agreement with this source reference was imported before. */
export class AlreadyImportedError extends AppError {
  constructor(readonly agreementId: string | undefined) {
    super('conflict', 'This agreement was imported before.');
  }
}

/** At most `limit` writes under `key` until `resetsAt` (an ISO time); the counter then expires. `refusal` says why, to the user. */
export type TRateLimit = { key: string; limit: number; resetsAt: string; refusal: string };

export type TListQuery = {
  /** Agencies whose agreements to list, `all` (admins), or the public `register`. */
  scopes: 'all' | 'register' | string[];
  /** With `register`: only agreements with this agency as a party. */
  registerAgency?: string;
  status?: TAgreementStatus;
  legalBasis?: TLegalBasis;
  reviewDueBefore?: string;
  q?: string;
  /** Oldest first instead of newest; a review-date list is always soonest first. */
  oldestFirst?: boolean;
  cursor?: string;
  limit: number;
};

export type TAgreementPage = { items: TAgreementSummary[]; nextCursor: string | null };

export type TAgreementStore = {
  get(id: string): Promise<TStoredAgreement | undefined>;
  /** Takes the year's next reference sequence number and writes the draft built with it, atomically. */
  createWithNextReference(year: number, build: (sequence: number) => TAgreementWrite): Promise<TAgreement>;
  /**
   * Writes only if the stored revision is still `previous`'s; otherwise `ConcurrentWriteError`.
   * `also` updates or creates other versions in the same transaction (revise, supersede).
   */
  update(
    write: TAgreementWrite,
    previous: TStoredAgreement,
    also?: { updates?: { write: TAgreementWrite; previous: TStoredAgreement }[]; creates?: TAgreementWrite[] },
  ): Promise<void>;
  list(query: TListQuery): Promise<TAgreementPage>;
  listEvents(agreementId: string): Promise<TAuditEvent[]>;
  /** The agreement imported under this source reference, if any. */
  findImported(sourceReference: string): Promise<string | undefined>;
};

/** One atomic write of a proposal: its new state, the events that explain it, the links it opens or spends, its emails. */
export type TProposalWrite = {
  proposal: TProposal;
  auditHead: TAuditHead;
  events: TProposalEvent[];
  newLinks?: TProposalLink[];
  /** Spent by this write, only if still open: a link records one view. */
  usedLink?: string;
  messages?: TOutboxMessage[];
  webhookEvents?: TWebhookEvent[];
};

export type TProposalStore = {
  get(id: string): Promise<{ proposal: TProposal; auditHead: TAuditHead } | undefined>;
  create(write: TProposalWrite): Promise<void>;
  /** Writes only if the proposal is still at `previousRevision` (else `ConcurrentWriteError`) and the used link is still open (else `SigningRequestSpentError`). */
  update(write: TProposalWrite, previousRevision: number): Promise<void>;
  /** Proposals of these agencies (or every one), newest first. */
  list(scopes: 'all' | string[]): Promise<TProposal[]>;
  listEvents(id: string): Promise<TProposalEvent[]>;
  getLink(tokenHash: string): Promise<TProposalLink | undefined>;
  /** The newest declines of agencies that publish them. */
  listPublishedDeclines(): Promise<TPublishedDecline[]>;
};

export type TSigningRequestStore = {
  getByTokenHash(tokenHash: string): Promise<TSigningRequest | undefined>;
  /** Records a reminder and its email together, only if the link is still open and unchanged. */
  recordReminder(request: TSigningRequest, remindersSent: number, message: TOutboxMessage[]): Promise<'recorded' | 'stale'>;
  /** Moves the link's next look by the daily job to `dueOn`. */
  reschedule(request: TSigningRequest, dueOn: string): Promise<void>;
};

/** Finds the daily job's work through the due-work index: reads grow with what is due, not with the table. */
export type TDueWorkStore = {
  agreementsDueBy(today: string): AsyncIterable<string>;
  requestsDueBy(today: string): AsyncIterable<TSigningRequest>;
  /** Outbox messages to look at again by this moment: a retry due, or a sender's lease run out. */
  messagesDueBy(now: string): AsyncIterable<string>;
  /** Audit events recorded on or before this day that still hold personal evidence. */
  evidenceRecordedBy(day: string): AsyncIterable<{ agreementId: string; seq: number }>;
};

/** What a file is to a version: its signed document, an attachment (with its name), or its sealed executed copy. */
export type TDocumentMatch = { agreementId: string; kind: TDocumentKind; name?: string };

export type TDocumentIndex = {
  findByHash(sha256: string): Promise<TDocumentMatch[]>;
};

/** A sender's hold on a message while it delivers it, and what each recipient has had so far. */
export type TOutboxLease = { owner: string; deliveries: Record<string, TDelivery> };

/** What waits in the outbox: an email to its recipients, or an event for the webhook endpoints that subscribe. */
export type TOutboxEntry = { kind: 'email'; message: TOutboxMessage } | { kind: 'webhook'; event: TWebhookEvent };

export type TOutboxStore = {
  get(id: string): Promise<TOutboxEntry | undefined>;
  /**
   * Takes the message for delivery until `now + leaseMs`: `busy` while another sender holds it,
   * `gone` when it no longer exists. A sender that dies leaves it to the sweep once the lease ends.
   */
  lease(messageId: string, now: Date, leaseMs: number): Promise<TOutboxLease | 'busy' | 'gone'>;
  /** Records one recipient's delivery, only while `owner` holds the lease; a sent email is also remembered by its provider message id. */
  record(message: TOutboxMessage, recipient: TRecipient, recipientKey: string, delivery: TDelivery, owner: string): Promise<void>;
  /** Gives the message back: the sweep looks at it again at `nextAttemptAt`, or never, when every recipient is done. */
  release(messageId: string, owner: string, nextAttemptAt: string | null): Promise<void>;
  findSent(providerMessageId: string): Promise<TSentEmail | undefined>;
};

/** Webhook endpoints, their delivery logs, and replays; `shared/db/webhook-repository.ts` keeps them. */
export type TWebhookStore = {
  get(id: string): Promise<TStoredWebhookEndpoint | undefined>;
  /** Every endpoint that is not removed, oldest first. */
  list(): Promise<TStoredWebhookEndpoint[]>;
  create(endpoint: TStoredWebhookEndpoint): Promise<void>;
  /** Writes the endpoint if it is still at `previousRevision` (else `ConcurrentWriteError`), with any emails its change causes. */
  update(endpoint: TStoredWebhookEndpoint, previousRevision: number, messages?: TOutboxMessage[]): Promise<void>;
  /** A failed delivery at `at`: starts the endpoint's failing run unless one is under way; resolves to the endpoint afterwards. */
  noteFailure(endpointId: string, at: string): Promise<TStoredWebhookEndpoint | undefined>;
  /** A delivery at `at` succeeded: ends a failing run that began no later. */
  noteSuccess(endpointId: string, at: string): Promise<void>;
  /** Removes the endpoint (its delivery log stays until it expires). */
  remove(endpoint: TStoredWebhookEndpoint): Promise<void>;
  /** Records one attempt in the endpoint's log, then the event's delivery to it, only while `owner` holds the event's lease. */
  recordAttempt(event: TWebhookEvent, endpointId: string, delivery: TDelivery, attempt: TWebhookAttempt, owner: string): Promise<void>;
  listAttempts(endpointId: string, page: { cursor?: string | undefined; limit: number }): Promise<{ items: TWebhookAttempt[]; nextCursor: string | null }>;
  getAttempt(endpointId: string, attemptId: string): Promise<TWebhookAttempt | undefined>;
  /** The event as it waits in the outbox (kept as long as the delivery log), to replay. */
  getEvent(webhookId: string): Promise<TWebhookEvent | undefined>;
  /** Puts a copy of the event in the outbox for one endpoint. */
  replay(event: TWebhookEvent): Promise<void>;
};

/** What a receiver made of one delivery: its status, or why there was none. */
export type TWebhookResponse = { statusCode: number | null; error: string | null; durationMs: number };

/** POSTs a signed delivery; refuses destinations the deployment does not allow (private addresses in AWS). */
export type TWebhookPoster = (request: { url: string; headers: Record<string, string>; body: string }) => Promise<TWebhookResponse>;

/** Why a URL may not receive deliveries here (a private address, plain http in AWS), or null when it may. */
export type TCheckDestination = (url: string) => Promise<string | null>;

export type TOutgoingEmail = { to: string; subject: string; text: string; html: string; template: string };

/** The links an email may carry: the agreement in Accord, the recipient's own link to act on, and the executed copy. */
export type TEmailLinks = { agreementUrl: string; signingUrl?: string | undefined; executedCopyUrl?: string | undefined };

/** Writes one recipient's email of an outbox message from its template, with the links it carries. */
export type TRenderEmail = (
  message: TOutboxMessage,
  recipient: TRecipient,
  links: TEmailLinks,
) => Pick<TOutgoingEmail, 'subject' | 'text' | 'html'>;

/**
 * Sends one email; resolves to the provider's message id. Throws `MailRejectedError` when the
 * provider refuses this message for good; any other error is taken as transient.
 */
export type TMailer = { send(email: TOutgoingEmail): Promise<string> };

/** The mail provider refused the message for good (a malformed address, a message it will not send): trying again cannot help. */
export class MailRejectedError extends Error {
  constructor(readonly providerError: string) {
    super(`The mail provider rejected the message (${providerError})`);
    this.name = 'MailRejectedError';
  }
}

/** Which link a token belongs to: its request, and the key it is derived with. */
export type TLinkRef = { requestId: string; keyId: string };

/**
 * Derives a signing link's token from its request id, and a webhook endpoint's signing secret from
 * its id and version, with a secret key: no token or webhook secret is ever stored.
 */
/** Where files live (the documents bucket): uploads and downloads go straight to it through short-lived signed URLs. */
export type TFileStore = {
  /** A URL the uploader PUTs exactly these bytes to, with these headers, before it expires. */
  uploadUrl(file: { key: string; contentType: string; size: number; sha256: string }, expiresInSeconds: number): Promise<{ url: string; headers: Record<string, string>; expiresAt: string }>;
  /** A URL that downloads the file under its name, until it expires. */
  downloadUrl(file: { key: string; name: string; contentType: string }, expiresInSeconds: number): Promise<string>;
  /** The bytes, or undefined when there is no such file. */
  read(key: string): Promise<Uint8Array | undefined>;
  /** Stores the bytes; with `ifAbsent`, only if nothing is there yet, resolving to whether these were written. */
  write(key: string, bytes: Uint8Array, contentType: string, options?: { ifAbsent?: boolean }): Promise<boolean>;
  remove(key: string): Promise<void>;
};

export type TLinkSigner = {
  /** The key new links and secrets are made with. */
  currentKeyId: string;
  knows(keyId: string): boolean;
  tokenFor(link: TLinkRef): string;
  /** A party's link to an agreement's executed copy, made with this key. */
  executedCopyToken(agreementId: string, keyId: string): string;
  /** The agreement a copy link is for, or undefined when it is not one this keyring made. */
  agreementOfCopyToken(token: string): string | undefined;
  /** The endpoint's Standard Webhooks secret (`whsec_…`) of this version. */
  webhookSecret(endpointId: string, ref: TWebhookSecretRef): string;
};

/** A limit on emails sent on demand was reached; the same request succeeds after `retryAfterSeconds`. */
export class RateLimitedError extends AppError {
  constructor(detail: string, retryAfterSeconds: number) {
    super('too_many_requests', detail, undefined, { retryAfterSeconds });
  }
}

/** A signing link was spent by a concurrent request. */
export class SigningRequestSpentError extends AppError {
  constructor() {
    super('gone', 'This signing link has already been used.');
  }
}

/** The agreement changed between read and write. */
export class ConcurrentWriteError extends AppError {
  constructor() {
    super('conflict', 'The agreement changed while this request was being handled; reload and try again.');
  }
}

/** The legal teams' accounts, kept by the identity provider (Cognito's user pool in AWS). */
export type TUserDirectory = {
  list(): Promise<TUserAccount[]>;
  get(email: string): Promise<TUserAccount | null>;
  /** Creates the account and sends its invitation; `conflict` when the address already has one. */
  invite(invitation: TUserInvitation): Promise<void>;
  /** Takes effect at their next sign-in or token refresh: within the hour. */
  setAccess(email: string, access: TUserAccess): Promise<void>;
  /** A disabled account cannot sign in, and its refresh tokens are revoked, so its sessions end within the hour. */
  setEnabled(email: string, enabled: boolean): Promise<void>;
};
