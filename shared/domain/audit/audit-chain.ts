import { createHash, randomBytes } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { TActor, TAgencyEvent, TAuditEvent, TProposalEvent } from '../../schemas/audit-event';

import type { TAuditHead } from '../../schemas/stored';

export const EMPTY_AUDIT_HEAD: TAuditHead = { seq: 0, hash: null };

/** SHA-256 in lower-case hex, of text (as UTF-8) or of bytes. */
export const sha256Hex = (data: string | Uint8Array): string =>
  (typeof data === 'string' ? createHash('sha256').update(data, 'utf8') : createHash('sha256').update(data)).digest('hex');

const hashOf = (event: object): string => sha256Hex(canonicalize(event) ?? '');

/** What every audit event records, whatever it is about (an agreement, an agency). */
type TEventInput = { id: string; type: string; at: string; actor: TActor; data: Record<string, unknown>; personal?: Record<string, string> };

/**
 * The digest the chain covers in place of personal evidence, so that evidence can later be
 * removed. The evidence carries a random salt, removed with it: without the salt the digest
 * cannot be matched against guessed addresses.
 */
const personalDigest = (personal: Record<string, string>) => hashOf(personal);
const salted = (personal: Record<string, string>) => ({ ...personal, salt: personal.salt ?? randomBytes(16).toString('hex') });
type TChained<T> = T & { seq: number; prevHash: string | null; hash: string };

/**
 * Makes the next event of a chain. Its hash covers every field and the previous hash,
 * so an edited, removed or reordered event breaks every hash after it.
 */
const chain = <TInput extends TEventInput>(head: TAuditHead, input: TInput): { event: TChained<TInput>; head: TAuditHead } => {
  const personal = input.personal && salted(input.personal);
  const { personal: _unsalted, ...rest } = input;
  const unsigned = { ...rest, ...(personal ? { data: { ...rest.data, personalSha256: personalDigest(personal) } } : {}), seq: head.seq + 1, prevHash: head.hash };
  const event = { ...unsigned, hash: hashOf(unsigned), ...(personal ? { personal } : {}) } as unknown as TChained<TInput>;
  return { event, head: { seq: event.seq, hash: event.hash } };
};

/** The next event of an agreement's trail. */
export const appendAuditEvent = (head: TAuditHead, input: TEventInput & { agreementId: string }): { event: TAuditEvent; head: TAuditHead } =>
  chain(head, input);

/** The next event of an agency's trail (its authorised signatories, its contacts). */
export const appendAgencyEvent = (head: TAuditHead, input: TEventInput & { agencyId: string }): { event: TAgencyEvent; head: TAuditHead } =>
  chain(head, input);

/** The next event of a collaboration proposal's trail. */
export const appendProposalEvent = (head: TAuditHead, input: TEventInput & { proposalId: string }): { event: TProposalEvent; head: TAuditHead } =>
  chain(head, input);

/** Checks a whole chain, oldest first; returns the seq of the first bad event, or null when intact. */
export const findBrokenLink = (events: TChained<TEventInput>[]): number | null => {
  let prevHash: string | null = null;
  for (const [index, event] of events.entries()) {
    const { hash, personal, ...unsigned } = event;
    // Personal evidence still held must match the digest the chain covers; once removed, the chain still holds.
    const personalIntact = !personal || unsigned.data.personalSha256 === personalDigest(personal);
    if (event.seq !== index + 1 || event.prevHash !== prevHash || hashOf(unsigned) !== hash || !personalIntact) return event.seq;
    prevHash = hash;
  }
  return null;
};
