import * as z from 'zod/mini';
import { ZAgreement } from './agreement';
import { ZEmailTemplate } from './outbox';
import { deferred } from './deferred';

/**
 * The shapes Accord keeps in its table beyond what the API shows: each is parsed when read, and
 * the domain's port types are derived from them, so a stored shape is declared once.
 */

/** Where an audit trail ends, kept on the item it belongs to (an agreement, an agency) so the next event can link to it. */
export const ZAuditHead = deferred(() => z.object({ seq: z.int().check(z.gte(0)), hash: z.nullable(z.string()) }));
export type TAuditHead = z.infer<typeof ZAuditHead>;

/** The open signing link of each signatory that has one; only the token's hash is kept. */
export const ZOpenRequests = deferred(() => z.record(z.string(), z.object({ requestId: z.string(), tokenHash: z.string() })));
export type TOpenRequests = z.infer<typeof ZOpenRequests>;

/** The last review reminder sent for a review date, so each threshold sends once. */
export const ZReviewReminderState = deferred(() => z.nullable(z.object({ reviewDate: z.string(), lastOffset: z.int() })));
export type TReviewReminderState = z.infer<typeof ZReviewReminderState>;

/** The last expiry warning sent for an expiry date, so each threshold sends once. */
export const ZExpiryWarningState = deferred(() => z.nullable(z.object({ expiryDate: z.string(), lastOffset: z.int() })));
export type TExpiryWarningState = z.infer<typeof ZExpiryWarningState>;

/** An agreement as stored: the record, where its audit trail ends, its open links, its successor, its reminder state. */
export const ZStoredAgreement = deferred(() =>
  z.object({
    agreement: ZAgreement,
    auditHead: ZAuditHead,
    openRequests: ZOpenRequests,
    /** The version made from this one by revise or variation, once there is one. */
    successorId: z.nullable(z.string()),
    reviewReminder: ZReviewReminderState,
    expiryWarning: ZExpiryWarningState,
  }),
);
export type TStoredAgreement = z.infer<typeof ZStoredAgreement>;

export const ZLinkPurpose = deferred(() => z.enum(['sign_off', 'termination']));
export type TLinkPurpose = z.infer<typeof ZLinkPurpose>;

/** A signing link's record, addressed by the SHA-256 of its token. */
export const ZSigningRequest = deferred(() =>
  z.object({
    requestId: z.string(),
    /** The signing key the token derives from, so a rotated key still serves the links it made. */
    keyId: z.string(),
    /** What the signatory is asked: to sign the agreement, or to agree to end it. */
    purpose: z._default(ZLinkPurpose, 'sign_off'),
    tokenHash: z.string(),
    agreementId: z.string(),
    signatoryId: z.string(),
    createdAt: z.string(),
    linkExpiresAt: z.string(),
    state: z.enum(['open', 'used', 'revoked', 'expired']),
    /** Signature reminders sent for this link so far. */
    remindersSent: z._default(z.int(), 0),
  }),
);
export type TSigningRequest = z.infer<typeof ZSigningRequest>;

/** What was sent, found again by the provider's message id when a bounce or complaint comes back. */
export const ZSentEmail = deferred(() =>
  z.object({
    providerMessageId: z.string(),
    agreementId: z.optional(z.string()),
    outboxMessageId: z.string(),
    template: ZEmailTemplate,
    to: z.string(),
    requestId: z.nullable(z.string()),
  }),
);
export type TSentEmail = z.infer<typeof ZSentEmail>;

/**
 * One recipient's delivery of an outbox message (an address, or a webhook endpoint whose
 * `providerMessageId` is the delivering attempt's id): sent, failed for good, or waiting to be tried
 * again after a transient failure (SES throttling or unavailable), from its first attempt on.
 */
export const ZDelivery = deferred(() =>
  z.discriminatedUnion('state', [
    z.object({ state: z.literal('sent'), at: z.string(), providerMessageId: z.string() }),
    z.object({ state: z.literal('failed'), at: z.string(), attempts: z.int(), reason: z.enum(['rejected', 'gave_up', 'endpoint_disabled']) }),
    z.object({ state: z.literal('retrying'), firstAttemptAt: z.string(), attempts: z.int(), nextAttemptAt: z.string() }),
  ]),
);
export type TDelivery = z.infer<typeof ZDelivery>;
