import * as z from 'zod/mini';
import { documented } from './documented';
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
    effectiveDate: z.nullable(ZIsoDate),
    nextReviewDate: z.nullable(ZIsoDate),
    expiryDate: z.nullable(ZIsoDate),
    documentSha256: z.nullable(z.string()),
  }),
);
export type TAgreementSnapshot = z.infer<typeof ZAgreementSnapshot>;

export const ZWebhookAgreement = deferred(() =>
  documented(z.extend(ZAgreementSnapshot, { url: documented(z.url(), { description: 'The agreement in the legal-team workspace' }) }), {
    id: 'WebhookAgreement',
  }),
);

/** A collaboration proposal as the event left it: who is party, each one's view, and whether they must proceed. */
const ZProposalSnapshot = deferred(() =>
  z.object({
    id: ZUlid,
    title: z.string(),
    proposerAgencyId: z.string(),
    parties: z.array(z.object({ agencyId: z.string(), agencyName: z.string(), view: z.nullable(z.enum(['benefit', 'decline'])) })),
    mustProceed: z.boolean(),
  }),
);
export type TProposalSnapshot = z.infer<typeof ZProposalSnapshot>;

const ZWebhookDetails = deferred(() =>
  z.object({
    event: documented(z.object({ id: ZUlid, seq: z.int(), type: z.string() }), { description: 'The audit event behind the delivery' }),
    /** `signatory.decided`: who, for which party, and what they decided. */
    signatory: z.optional(z.object({ id: z.string(), name: z.string(), partyAgencyId: z.string(), decision: z.enum(['approved', 'declined']) })),
    /** `review.due` and `review.overdue`: the review date; `termination.requested`: the proposed end; `party.*`: the day it leaves. */
    date: z.optional(ZIsoDate),
    /** `party.withdrawal_notice` and `party.withdrawn`: the agency leaving. */
    party: z.optional(z.object({ agencyId: z.string() })),
  }),
);

/**
 * A delivery's body (Standard Webhooks: `type`, `timestamp`, `data`). `data.event` is the audit
 * event behind it, by id and number, so a receiver can match it to `/agreements/{id}/events`.
 */
export const ZWebhookPayload = deferred(() =>
  documented(z.object({ type: ZWebhookEventType, timestamp: z.iso.datetime(), data: z.extend(ZWebhookDetails, { agreement: ZWebhookAgreement }) }), {
    id: 'WebhookPayload',
  }),
);

/** A `proposal.*` delivery's body: the proposal in place of an agreement. */
export const ZProposalWebhookPayload = deferred(() =>
  documented(z.object({ type: ZWebhookEventType, timestamp: z.iso.datetime(), data: z.extend(ZWebhookDetails, { proposal: ZProposalSnapshot }) }), {
    id: 'ProposalWebhookPayload',
  }),
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
    data: z.extend(ZWebhookDetails, { agreement: z.optional(ZAgreementSnapshot), proposal: z.optional(ZProposalSnapshot) }),
    onlyEndpoint: z.optional(z.string()),
  }),
);
export type TWebhookEvent = z.infer<typeof ZWebhookEvent>;

/** Where a secret is derived from: the keyring key, the endpoint and the secret's version. No secret is stored. */
export const ZWebhookSecretRef = deferred(() => z.object({ keyId: z.string(), version: z.int().check(z.gte(1)) }));
export type TWebhookSecretRef = z.infer<typeof ZWebhookSecretRef>;

export const ZWebhookEndpointState = deferred(() => z.enum(['active', 'disabled']));

/** A registered endpoint, as the API shows it. */
export const ZWebhookEndpoint = deferred(() =>
  documented(
    z.object({
      id: ZUlid,
      url: z.url(),
      events: z.array(ZWebhookEventType),
      agencyId: documented(z.nullable(z.string()), { description: "The agency whose agreements it receives; null: every agreement (an admin's)" }),
      state: ZWebhookEndpointState,
      disabledReason: z.nullable(z.string()),
      failingSince: documented(z.nullable(z.iso.datetime()), { description: 'First of an unbroken run of failed deliveries; 24 hours of them disable it' }),
      createdAt: z.iso.datetime(),
      createdBy: documented(z.string(), { description: 'Told by email if the endpoint is disabled' }),
      revision: z.int(),
    }),
    { id: 'WebhookEndpoint' },
  ),
);
export type TWebhookEndpoint = z.infer<typeof ZWebhookEndpoint>;

/** An endpoint as stored: what it shows, and where its signing secrets come from. */
export const ZStoredWebhookEndpoint = deferred(() =>
  z.extend(ZWebhookEndpoint, {
    secret: ZWebhookSecretRef,
    /** After a rotation, deliveries carry a signature with the old secret too, until `until`. */
    previousSecret: z.nullable(z.extend(ZWebhookSecretRef, { until: z.iso.datetime() })),
  }),
);
export type TStoredWebhookEndpoint = z.infer<typeof ZStoredWebhookEndpoint>;

export const ZWebhookEndpointList = deferred(() => documented(z.object({ items: z.array(ZWebhookEndpoint) }), { id: 'WebhookEndpointList' }));

const ZWebhookSecret = deferred(() =>
  documented(z.string().check(z.regex(/^whsec_[A-Za-z0-9+/]+=*$/)), { description: 'Standard Webhooks signing secret; shown only now' }),
);

export const ZWebhookRegistration = deferred(() =>
  documented(
    z.strictObject({
      url: z.url({ protocol: /^https?$/ }).check(z.maxLength(2000)),
      events: z.array(ZWebhookEventType).check(z.minLength(1), z.maxLength(WEBHOOK_EVENT_TYPES.length)),
      agencyId: documented(z.optional(ZSlug), {
        description: "Required of an agency's editor (their agency); an admin may leave it out to receive every agreement",
      }),
    }),
    { id: 'WebhookRegistration' },
  ),
);
export type TWebhookRegistration = z.infer<typeof ZWebhookRegistration>;

export const ZWebhookChange = deferred(() =>
  documented(
    z
      .strictObject({
        url: z.optional(ZWebhookRegistration.shape.url),
        events: z.optional(ZWebhookRegistration.shape.events),
        state: documented(z.optional(ZWebhookEndpointState), { description: '`active` enables a disabled endpoint again' }),
      })
      .check(z.refine((change) => Object.keys(change).length > 0, 'name at least one of url, events, state')),
    { id: 'WebhookChange' },
  ),
);
export type TWebhookChange = z.infer<typeof ZWebhookChange>;

export const ZWebhookWithSecret = deferred(() => documented(z.object({ endpoint: ZWebhookEndpoint, secret: ZWebhookSecret }), { id: 'WebhookWithSecret' }));

export const ZWebhookIdParams = deferred(() => z.object({ id: ZUlid }));
export const ZWebhookAttemptParams = deferred(() => z.object({ id: ZUlid, attemptId: ZUlid }));

/** One attempt to deliver one event to one endpoint, kept 30 days in its delivery log. */
export const ZWebhookAttempt = deferred(() =>
  documented(
    z.object({
      id: ZUlid,
      webhookId: z.string(),
      eventType: ZWebhookEventType,
      agreementId: documented(z.nullable(ZUlid), { description: 'The agreement the event is about; null for a proposal' }),
      proposalId: documented(z._default(z.nullable(ZUlid), null), { description: 'The proposal the event is about, for `proposal.*`' }),
      at: z.iso.datetime(),
      attempt: documented(z.int().check(z.gte(1)), { description: 'Counts from 1 for each event and endpoint; a replay starts again' }),
      outcome: z.enum(['delivered', 'retrying', 'failed']),
      statusCode: documented(z.nullable(z.int()), { description: "The receiver's status, when it answered" }),
      error: documented(z.nullable(z.string()), { description: 'Why it failed: a status outside 2xx, a timeout, a refused address' }),
      durationMs: z.int(),
      nextAttemptAt: z.nullable(z.iso.datetime()),
      replay: z.boolean(),
    }),
    { id: 'WebhookAttempt' },
  ),
);
export type TWebhookAttempt = z.infer<typeof ZWebhookAttempt>;

export const ZWebhookAttemptList = deferred(() =>
  documented(z.object({ items: z.array(ZWebhookAttempt), nextCursor: z.nullable(z.string()) }), { id: 'WebhookAttemptList' }),
);

export const ZWebhookAttemptQuery = deferred(() =>
  z.strictObject({
    cursor: z.optional(z.string().check(z.maxLength(1000))),
    limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 50),
  }),
);
