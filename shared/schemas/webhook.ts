import * as z from 'zod';
import { ZIsoDate, ZSlug, ZUlid } from './common';
import { AGREEMENT_STATUSES } from './agreement';
import { deferred } from './deferred';

/**
 * What an endpoint may subscribe to, and when each is sent. Each comes from one audit event of an
 * agreement (`shared/domain/webhooks/catalogue.ts`), so every delivery has its entry in the audit trail.
 */
export const WEBHOOK_EVENTS = {
  'agreement.submitted': 'A draft was submitted: every party is asked to sign',
  'signatory.decided': 'A signatory approved or declined (`data.signatory`)',
  'agreement.in_force': 'Every party has signed: the agreement is in force',
  'agreement.declined': 'A signatory declined, so sign-off ended',
  'agreement.withdrawn': 'The drafter withdrew the agreement from sign-off',
  'agreement.superseded': 'A new version came into force in place of this one',
  'review.due': 'The review date is near (`data.date`); the owner and legal contacts were reminded',
  'review.overdue': 'The review date has passed without a review (`data.date`)',
  'termination.requested': 'Every party is asked to agree to end the agreement (`data.date`: when it would end)',
  'party.withdrawal_notice': 'A party gave notice that it leaves (`data.party`; `data.date`: the day it leaves)',
  'party.withdrawn': 'A party left: the rest carry on as a new version (`agreement.superseded` follows) or the agreement ends',
  'proposal.view_recorded': 'A proposed party recorded its view of a collaboration proposal (`data.proposal`; `data.party`)',
  'agreement.terminated': 'The agreement has ended by agreement of every party or by an admin',
  'agreement.expired': 'The agreement reached its expiry date',
} as const;
export const WEBHOOK_EVENT_TYPES = Object.keys(WEBHOOK_EVENTS) as (keyof typeof WEBHOOK_EVENTS)[];
export const ZWebhookEventType = deferred(() => z.enum(WEBHOOK_EVENT_TYPES as [keyof typeof WEBHOOK_EVENTS, ...(keyof typeof WEBHOOK_EVENTS)[]]));
export type TWebhookEventType = z.infer<typeof ZWebhookEventType>;

/** The agreement as it stood just after the event: what a records system files. */
const ZAgreementSnapshot = deferred(() =>
  z.object({
      id: ZUlid,
      reference: z.string(),
      version: z.int(),
      title: z.string(),
      status: z.enum(AGREEMENT_STATUSES),
      revision: z.int(),
      parties: z.array(z.object({ agencyId: z.string(), agencyName: z.string() })),
      effectiveDate: ZIsoDate.nullable(),
      nextReviewDate: ZIsoDate.nullable(),
      expiryDate: ZIsoDate.nullable(),
      documentSha256: z.string().nullable(),
  }),
);
export type TAgreementSnapshot = z.infer<typeof ZAgreementSnapshot>;

export const ZWebhookAgreement = deferred(() =>
  ZAgreementSnapshot.extend({ url: z.url().meta({ description: 'The agreement in the legal-team workspace' }) }).meta({
    id: 'WebhookAgreement',
  }),
);

/** A collaboration proposal as the event left it: who is party, each one's view, and whether they must proceed. */
const ZProposalSnapshot = deferred(() =>
  z.object({
    id: ZUlid,
    title: z.string(),
    proposerAgencyId: z.string(),
    parties: z.array(z.object({ agencyId: z.string(), agencyName: z.string(), view: z.enum(['benefit', 'decline']).nullable() })),
    mustProceed: z.boolean(),
  }),
);
export type TProposalSnapshot = z.infer<typeof ZProposalSnapshot>;

const ZWebhookDetails = deferred(() =>
  z.object({
    event: z.object({ id: ZUlid, seq: z.int(), type: z.string() }).meta({ description: 'The audit event behind the delivery' }),
    /** `signatory.decided`: who, for which party, and what they decided. */
    signatory: z.object({ id: z.string(), name: z.string(), partyAgencyId: z.string(), decision: z.enum(['approved', 'declined']) }).optional(),
    /** `review.due` and `review.overdue`: the review date; `termination.requested`: the proposed end; `party.*`: the day it leaves. */
    date: ZIsoDate.optional(),
    /** `party.withdrawal_notice` and `party.withdrawn`: the agency leaving. */
    party: z.object({ agencyId: z.string() }).optional(),
  }),
);

/**
 * A delivery's body (Standard Webhooks: `type`, `timestamp`, `data`). `data.event` is the audit
 * event behind it, by id and number, so a receiver can match it to `/agreements/{id}/events`.
 */
export const ZWebhookPayload = deferred(() =>
  z
    .object({ type: ZWebhookEventType, timestamp: z.iso.datetime(), data: ZWebhookDetails.extend({ agreement: ZWebhookAgreement }) })
    .meta({ id: 'WebhookPayload' }),
);

/** A `proposal.*` delivery's body: the proposal in place of an agreement. */
export const ZProposalWebhookPayload = deferred(() =>
  z
    .object({ type: ZWebhookEventType, timestamp: z.iso.datetime(), data: ZWebhookDetails.extend({ proposal: ZProposalSnapshot }) })
    .meta({ id: 'ProposalWebhookPayload' }),
);

export type TWebhookPayload = z.infer<typeof ZWebhookPayload> | z.infer<typeof ZProposalWebhookPayload>;

/**
 * One event waiting in the outbox for every endpoint that subscribes to it, written in the same
 * transaction as the change. `agencies` are those that may see the agreement: an agency's
 * endpoint receives only these. A replay names the one endpoint it is for.
 */
export const ZWebhookEvent = deferred(() =>
  z.object({
    id: z.string(),
    /** The `webhook-id` header: the same for every attempt and replay, so receivers can drop repeats. */
    webhookId: z.string(),
    agencies: z.array(z.string()),
    type: ZWebhookEventType,
    timestamp: z.iso.datetime(),
    data: ZWebhookDetails.extend({ agreement: ZAgreementSnapshot.optional(), proposal: ZProposalSnapshot.optional() }),
    onlyEndpoint: z.string().optional(),
  }),
);
export type TWebhookEvent = z.infer<typeof ZWebhookEvent>;

/** Where a secret is derived from: the keyring key, the endpoint and the secret's version. No secret is stored. */
export const ZWebhookSecretRef = deferred(() => z.object({ keyId: z.string(), version: z.int().min(1) }));
export type TWebhookSecretRef = z.infer<typeof ZWebhookSecretRef>;

export const ZWebhookEndpointState = deferred(() => z.enum(['active', 'disabled']));

/** A registered endpoint, as the API shows it. */
export const ZWebhookEndpoint = deferred(() =>
  z
    .object({
      id: ZUlid,
      url: z.url(),
      events: z.array(ZWebhookEventType),
      agencyId: z.string().nullable().meta({ description: "The agency whose agreements it receives; null: every agreement (an admin's)" }),
      state: ZWebhookEndpointState,
      disabledReason: z.string().nullable(),
      failingSince: z.iso.datetime().nullable().meta({ description: 'First of an unbroken run of failed deliveries; 24 hours of them disable it' }),
      createdAt: z.iso.datetime(),
      createdBy: z.string().meta({ description: 'Told by email if the endpoint is disabled' }),
      revision: z.int(),
    })
    .meta({ id: 'WebhookEndpoint' }),
);
export type TWebhookEndpoint = z.infer<typeof ZWebhookEndpoint>;

/** An endpoint as stored: what it shows, and where its signing secrets come from. */
export const ZStoredWebhookEndpoint = deferred(() =>
  ZWebhookEndpoint.extend({
    secret: ZWebhookSecretRef,
    /** After a rotation, deliveries carry a signature with the old secret too, until `until`. */
    previousSecret: ZWebhookSecretRef.extend({ until: z.iso.datetime() }).nullable(),
  }),
);
export type TStoredWebhookEndpoint = z.infer<typeof ZStoredWebhookEndpoint>;

export const ZWebhookEndpointList = deferred(() => z.object({ items: z.array(ZWebhookEndpoint) }).meta({ id: 'WebhookEndpointList' }));

const ZWebhookSecret = deferred(() => z.string().regex(/^whsec_[A-Za-z0-9+/]+=*$/).meta({ description: 'Standard Webhooks signing secret; shown only now' }));

export const ZWebhookRegistration = deferred(() =>
  z
    .strictObject({
      url: z.url({ protocol: /^https?$/ }).max(2000),
      events: z.array(ZWebhookEventType).min(1).max(WEBHOOK_EVENT_TYPES.length),
      agencyId: ZSlug.optional().meta({ description: "Required of an agency's editor (their agency); an admin may leave it out to receive every agreement" }),
    })
    .meta({ id: 'WebhookRegistration' }),
);
export type TWebhookRegistration = z.infer<typeof ZWebhookRegistration>;

export const ZWebhookChange = deferred(() =>
  z
    .strictObject({
      url: ZWebhookRegistration.shape.url.optional(),
      events: ZWebhookRegistration.shape.events.optional(),
      state: ZWebhookEndpointState.optional().meta({ description: '`active` enables a disabled endpoint again' }),
    })
    .refine((change) => Object.keys(change).length > 0, 'name at least one of url, events, state')
    .meta({ id: 'WebhookChange' }),
);
export type TWebhookChange = z.infer<typeof ZWebhookChange>;

export const ZWebhookWithSecret = deferred(() => z.object({ endpoint: ZWebhookEndpoint, secret: ZWebhookSecret }).meta({ id: 'WebhookWithSecret' }));

export const ZWebhookIdParams = deferred(() => z.object({ id: ZUlid }));
export const ZWebhookAttemptParams = deferred(() => z.object({ id: ZUlid, attemptId: ZUlid }));

/** One attempt to deliver one event to one endpoint, kept 30 days in its delivery log. */
export const ZWebhookAttempt = deferred(() =>
  z
    .object({
      id: ZUlid,
      webhookId: z.string(),
      eventType: ZWebhookEventType,
      agreementId: ZUlid.nullable().meta({ description: 'The agreement the event is about; null for a proposal' }),
      proposalId: ZUlid.nullable().default(null).meta({ description: 'The proposal the event is about, for `proposal.*`' }),
      at: z.iso.datetime(),
      attempt: z.int().min(1).meta({ description: 'Counts from 1 for each event and endpoint; a replay starts again' }),
      outcome: z.enum(['delivered', 'retrying', 'failed']),
      statusCode: z.int().nullable().meta({ description: "The receiver's status, when it answered" }),
      error: z.string().nullable().meta({ description: 'Why it failed: a status outside 2xx, a timeout, a refused address' }),
      durationMs: z.int(),
      nextAttemptAt: z.iso.datetime().nullable(),
      replay: z.boolean(),
    })
    .meta({ id: 'WebhookAttempt' }),
);
export type TWebhookAttempt = z.infer<typeof ZWebhookAttempt>;

export const ZWebhookAttemptList = deferred(() =>
  z
    .object({ items: z.array(ZWebhookAttempt), nextCursor: z.string().nullable() })
    .meta({ id: 'WebhookAttemptList' }),
);

export const ZWebhookAttemptQuery = deferred(() =>
  z.strictObject({
    cursor: z.string().max(1000).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  }),
);
