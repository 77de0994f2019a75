import { partiesNow, type TAgreement } from '../schemas/agreement';
import type { TEmailTemplate, TOutboxMessage, TRecipient } from '../schemas/outbox';
import { sha256Hex } from './audit/audit-chain';

/**
 * One email per address, except that each signing link is an email of its own: a person who signs
 * for two parties (a combined commissioner, say) gets a link for each.
 */
const unique = (recipients: TRecipient[]): TRecipient[] => {
  const seen = new Set<string>();
  return recipients.filter((recipient) => {
    const key = `${recipient.to.toLowerCase()}|${recipient.link?.requestId ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

export const ownerAndLegal = (agreement: TAgreement): TRecipient[] =>
  unique([{ to: agreement.owner }, ...agreement.legalContacts.map((to) => ({ to }))]);

export const everyone = (agreement: TAgreement): TRecipient[] =>
  unique([
    // A signatory of an imported agreement may have no address on record.
    ...partiesNow(agreement).flatMap((party) => party.signatories.filter((s) => s.email).map((s) => ({ to: s.email, name: s.name }))),
    ...ownerAndLegal(agreement),
  ]);

/** Variables every template may use. */
export const agreementVars = (agreement: TAgreement): Record<string, string | null> => ({
  reference: agreement.reference,
  title: agreement.title,
  summary: agreement.summary || null,
  parties: partiesNow(agreement).map((party) => party.agencyName).join(', '),
  owner: agreement.owner,
  version: String(agreement.version),
  agreementId: agreement.id,
  documentSha256: agreement.documentSha256,
  effectiveDate: agreement.effectiveDate,
  nextReviewDate: agreement.nextReviewDate,
  expiryDate: agreement.expiryDate,
});

/**
 * An outbox message for an event. The id hashes the key, so one event (or one scheduled
 * reminder) can never produce the same email twice.
 */
export const outboxMessage = (options: {
  key: string;
  agreement: TAgreement;
  template: TEmailTemplate;
  recipients: TRecipient[];
  at: string;
  vars?: Record<string, string | null>;
}): TOutboxMessage[] => {
  const recipients = unique(options.recipients);
  if (recipients.length === 0) return [];
  return [
    {
      id: sha256Hex(`${options.key}|${options.template}`).slice(0, 32),
      agreementId: options.agreement.id,
      template: options.template,
      vars: { ...agreementVars(options.agreement), ...options.vars },
      recipients,
      createdAt: options.at,
    },
  ];
};

/** An email an event causes; it is written to the outbox in the same transaction as the event. */
export type TEmail = {
  template: TEmailTemplate;
  to: TRecipient[];
  vars?: Record<string, string | null>;
  /** Tells apart two emails of one event with one template (one per party, say). */
  variant?: string;
  /**
   * A cause that outlives the event, such as a scheduled reminder: the email is sent once for it,
   * whichever run or retry records it.
   */
  onceFor?: string;
};

/** An email to everyone concerned: every signatory, the owner and the legal contacts. */
export const toEveryone = (agreement: TAgreement, template: TEmailTemplate, vars: Record<string, string | null> = {}): TEmail => ({
  template,
  to: everyone(agreement),
  vars,
});
