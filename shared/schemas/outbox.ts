import * as z from 'zod/mini';
import { deferred } from './deferred';

export const EMAIL_TEMPLATES = [
  'signature_requested',
  'signature_reminder',
  'decision_recorded',
  'agreement_declined',
  'agreement_in_force',
  'agreement_withdrawn',
  'agreement_terminated',
  'agreement_superseded',
  'link_expired',
  'address_bounced',
  'review_due',
  'review_overdue',
  'party_named',
  'termination_requested',
  'termination_declined',
  'termination_withdrawn',
  'agreement_expired',
  'expiry_approaching',
  'webhook_disabled',
  'withdrawal_notice',
  'party_withdrawn',
  'collaboration_proposal',
] as const;
export const ZEmailTemplate = deferred(() => z.enum(EMAIL_TEMPLATES));
export type TEmailTemplate = z.infer<typeof ZEmailTemplate>;

export const ZRecipient = deferred(() =>
  z.object({
    to: z.string(),
    name: z.optional(z.string()),
    /** For a signing request: the party the recipient signs for. */
    party: z.optional(z.string()),
    /** For a signing request (or a proposal): the link this recipient gets, derived again when the email is written. */
    link: z.optional(z.object({ requestId: z.string(), keyId: z.string(), kind: z.optional(z.enum(['proposal'])) })),
  }),
);
export type TRecipient = z.infer<typeof ZRecipient>;

/**
 * One email of one event, to one or more recipients, written in the same transaction as the
 * state change that causes it. Its id is derived from the event, so writing it twice is refused.
 */
export const ZOutboxMessage = deferred(() =>
  z.object({
    id: z.string(),
    /** The agreement the email is about; none for one about a webhook endpoint. */
    agreementId: z.optional(z.string()),
    template: ZEmailTemplate,
    vars: z.record(z.string(), z.nullable(z.string())),
    recipients: z.array(ZRecipient).check(z.minLength(1)),
    createdAt: z.string(),
  }),
);
export type TOutboxMessage = z.infer<typeof ZOutboxMessage>;
