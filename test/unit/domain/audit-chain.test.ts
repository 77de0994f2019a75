import { describe, expect, it } from 'vitest';
import { appendAuditEvent, EMPTY_AUDIT_HEAD, findBrokenLink } from '../../../shared/domain/audit/audit-chain';
import type { TAuditEvent } from '../../../shared/schemas/audit-event';

const chainOf = (count: number): TAuditEvent[] => {
  let head = EMPTY_AUDIT_HEAD;
  return Array.from({ length: count }, (_, index) => {
    const next = appendAuditEvent(head, {
      id: `01J00000000000000000000${index.toString().padStart(3, '0')}`,
      agreementId: '01J00000000000000000000AAA',
      type: 'draft_edited',
      at: `2026-01-0${index + 1}T09:00:00.000Z`,
      actor: { kind: 'user', email: 'drafter@fire.test' },
      data: { changes: [{ field: 'title', to: `Title ${index}` }] },
    });
    head = next.head;
    return next.event;
  });
};

describe('the audit chain', () => {
  it('links each event to the one before it', () => {
    const events = chainOf(3);
    expect(events[0]!.prevHash).toBeNull();
    expect(events[1]!.prevHash).toBe(events[0]!.hash);
    expect(events[2]!.prevHash).toBe(events[1]!.hash);
    expect(events.map((event) => event.seq)).toEqual([1, 2, 3]);
    expect(findBrokenLink(events)).toBeNull();
  });

  it('shows an edited event', () => {
    const events = chainOf(3);
    events[1]!.actor.email = 'someone-else@fire.test';
    expect(findBrokenLink(events)).toBe(2);
  });

  it('shows a missing event', () => {
    const events = chainOf(3);
    expect(findBrokenLink([events[0]!, events[2]!])).toBe(3);
  });

  it('shows a forged event whose hash was recomputed but whose successor still points at the original', () => {
    const events = chainOf(3);
    const { hash: _ignored, ...unsigned } = events[1]!;
    const forged = appendAuditEvent({ seq: 1, hash: events[0]!.hash }, { ...unsigned, data: { forged: true } }).event;
    expect(findBrokenLink([events[0]!, forged, events[2]!])).toBe(3);
  });

  it('covers personal evidence by a salted digest, so removing it keeps the chain and altering it does not', () => {
    const first = chainOf(1)[0]!;
    const { event } = appendAuditEvent({ seq: first.seq, hash: first.hash }, {
      id: '01J00000000000000000000BBB',
      agreementId: first.agreementId,
      type: 'signatory_approved',
      at: '2026-01-02T09:00:00.000Z',
      actor: { kind: 'signatory', email: 'cfo@fire.test' },
      data: { signedName: 'Chief' },
      personal: { ip: '192.0.2.7', userAgent: 'Firefox' },
    });
    expect(event.personal).toMatchObject({ ip: '192.0.2.7', userAgent: 'Firefox', salt: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(event.data.personalSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(event.data)).not.toContain('192.0.2.7');
    expect(findBrokenLink([first, event])).toBeNull();

    const { personal: _removed, ...reduced } = event;
    expect(findBrokenLink([first, reduced])).toBeNull();
    expect(findBrokenLink([first, { ...event, personal: { ...event.personal!, ip: '198.51.100.1' } }])).toBe(2);
  });
});
