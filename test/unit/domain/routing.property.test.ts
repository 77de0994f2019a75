import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyDecision,
  approvalsOf,
  currentGroup,
  isPartyComplete,
  mapSignatories,
  signatoriesToRequest,
} from '../../../shared/domain/signing/routing';
import type { TAgreement, TParty } from '../../../shared/schemas/agreement';

const arbitraryParties = fc
  .array(
    fc
      .array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 4 })
      .chain((orders) => fc.record({ orders: fc.constant(orders), required: fc.integer({ min: 1, max: orders.length }) })),
    { minLength: 2, maxLength: 4 },
  )
  .map((parties): TParty[] =>
    parties.map((party, p) => ({
      agencyId: `agency-${p}`,
      agencyName: `Agency ${p}`,
      agencyType: 'other',
      policingBodyId: null,
      consultation: null,
      publication: null,
      assessment: {},
      requiredApprovals: party.required,
      leaving: false,
      signatories: party.orders.map((order, s) => ({
        id: `S${p}${s}`.padEnd(26, '0'),
        name: `Signatory ${p}.${s}`,
        role: 'Chief',
        email: `s${p}${s}@test`,
        order,
        status: 'pending',
        requestedAt: null,
        decidedAt: null,
        reason: null,
        evidence: null,
      })),
    })),
  );

const awaiting = (parties: TParty[]): TAgreement =>
  ({ id: 'A'.padEnd(26, '0'), status: 'awaiting_signatures', documentSha256: 'f'.repeat(64), parties }) as TAgreement;

/** Asks the signatories now due, as submit and each decision do. */
const requestDue = (agreement: TAgreement): TAgreement => {
  const due = new Set(signatoriesToRequest(agreement).map((s) => s.id));
  return mapSignatories(agreement, (s) => (due.has(s.id) ? { ...s, status: 'requested' } : s));
};

const context = { at: '2026-06-01T09:00:00.000Z', ip: '127.0.0.1', userAgent: 'test' };

describe('routing invariants under any sequence of decisions', () => {
  it('never asks a later group early, never over-approves, ends once, and never stalls', () => {
    fc.assert(
      fc.property(arbitraryParties, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 9 })), { maxLength: 40 }), (parties, moves) => {
        let agreement = requestDue(awaiting(parties));
        let endings = 0;
        for (const [pick, roll] of moves) {
          const requested = agreement.parties.flatMap((p) => p.signatories.filter((s) => s.status === 'requested'));
          if (agreement.status !== 'awaiting_signatures') {
            break;
          }
          // Progress: sign-off that is still open always has someone to ask.
          expect(requested.length).toBeGreaterThan(0);
          // Only the current group is ever asked.
          const group = currentGroup(agreement);
          for (const s of requested) expect(s.order).toBe(group);

          const chosen = requested[pick % requested.length]!;
          const decision = roll === 0 ? { kind: 'decline' as const, reason: 'No', reasonCode: 'other' as const } : { kind: 'approve' as const, signedName: chosen.name };
          const result = applyDecision(agreement, chosen.id, decision, context);
          agreement = result.outcome === 'awaiting' ? requestDue(result.agreement) : { ...result.agreement, status: result.outcome === 'in_force' ? 'in_force' : 'declined' };
          if (result.outcome !== 'awaiting') endings += 1;

          for (const party of agreement.parties) expect(approvalsOf(party)).toBeLessThanOrEqual(party.requiredApprovals);
          expect(agreement.status === 'in_force').toBe(agreement.parties.every(isPartyComplete));
          if (agreement.status === 'declined') {
            expect(agreement.parties.flatMap((p) => p.signatories).filter((s) => s.status === 'declined')).toHaveLength(1);
          }
        }
        expect(endings).toBeLessThanOrEqual(1);
      }),
      { numRuns: 500 },
    );
  });

  it('brings every agreement to force when everyone asked approves', () => {
    fc.assert(
      fc.property(arbitraryParties, (parties) => {
        let agreement = requestDue(awaiting(parties));
        for (let step = 0; step < 100 && agreement.status === 'awaiting_signatures'; step += 1) {
          const next = agreement.parties.flatMap((p) => p.signatories).find((s) => s.status === 'requested')!;
          const result = applyDecision(agreement, next.id, { kind: 'approve', signedName: next.name }, context);
          agreement = result.outcome === 'in_force' ? { ...result.agreement, status: 'in_force' } : requestDue(result.agreement);
        }
        expect(agreement.status).toBe('in_force');
        for (const party of agreement.parties) expect(approvalsOf(party)).toBe(party.requiredApprovals);
      }),
      { numRuns: 300 },
    );
  });
});
