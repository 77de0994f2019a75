import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { TActor, TAuditEvent } from '../../schemas/audit-event';

/** Where an agreement's audit chain ends; stored with the agreement so the next event can link to it. */
export type TAuditHead = { seq: number; hash: string | null };

export const EMPTY_AUDIT_HEAD: TAuditHead = { seq: 0, hash: null };

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

const hashOf = (event: Omit<TAuditEvent, 'hash'>): string => sha256Hex(canonicalize(event) ?? '');

/**
 * Makes the next event of a chain. Its hash covers every field and the previous hash,
 * so an edited, removed or reordered event breaks every hash after it.
 */
export const appendAuditEvent = (
  head: TAuditHead,
  input: { id: string; agreementId: string; type: string; at: string; actor: TActor; data: Record<string, unknown> },
): { event: TAuditEvent; head: TAuditHead } => {
  const unsigned = { ...input, seq: head.seq + 1, prevHash: head.hash };
  const event = { ...unsigned, hash: hashOf(unsigned) };
  return { event, head: { seq: event.seq, hash: event.hash } };
};

/** Checks a whole chain, oldest first; returns the seq of the first bad event, or null when intact. */
export const findBrokenLink = (events: TAuditEvent[]): number | null => {
  let prevHash: string | null = null;
  for (const [index, event] of events.entries()) {
    const { hash, ...unsigned } = event;
    if (event.seq !== index + 1 || event.prevHash !== prevHash || hashOf(unsigned) !== hash) return event.seq;
    prevHash = hash;
  }
  return null;
};
