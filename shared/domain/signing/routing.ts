import type { TAgreement, TDecisionEvidence, TParty, TSignatory } from '../../schemas/agreement';

/** Statuses of a signatory whose decision is still awaited. */
const AWAITED = new Set<TSignatory['status']>(['pending', 'requested', 'expired', 'bounced']);

export const approvalsOf = (party: TParty): number => party.signatories.filter((s) => s.status === 'approved').length;

export const isPartyComplete = (party: TParty): boolean => approvalsOf(party) >= party.requiredApprovals;

/** Signatories still needed: awaited, in a party that has not yet reached its approvals. */
const stillNeeded = (agreement: TAgreement): TSignatory[] =>
  agreement.parties.flatMap((party) => (isPartyComplete(party) ? [] : party.signatories.filter((s) => AWAITED.has(s.status))));

/** The routing group now due: the lowest `order` among signatories still needed (the contract (Sign-off by email link)). */
export const currentGroup = (agreement: TAgreement): number | null => {
  const orders = stillNeeded(agreement).map((s) => s.order);
  return orders.length > 0 ? Math.min(...orders) : null;
};

/** Signatories to email now: those of the current group not yet asked. */
export const signatoriesToRequest = (agreement: TAgreement): TSignatory[] => {
  const group = currentGroup(agreement);
  return stillNeeded(agreement).filter((s) => s.order === group && s.status === 'pending');
};

export const allPartiesComplete = (agreement: TAgreement): boolean => agreement.parties.every(isPartyComplete);

export const findSignatory = (agreement: TAgreement, signatoryId: string): { party: TParty; signatory: TSignatory } | null => {
  for (const party of agreement.parties) {
    const signatory = party.signatories.find((s) => s.id === signatoryId);
    if (signatory) return { party, signatory };
  }
  return null;
};

export const mapSignatories = (agreement: TAgreement, change: (signatory: TSignatory, party: TParty) => TSignatory): TAgreement => ({
  ...agreement,
  parties: agreement.parties.map((party) => ({ ...party, signatories: party.signatories.map((s) => change(s, party)) })),
});

export type TDecision =
  | { kind: 'approve'; signedName: string }
  | { kind: 'decline'; reason: string; reasonCode: TDecisionEvidence['reasonCode'] };

/**
 * Records one signatory's decision and works out what follows: a decline ends sign-off; an
 * approval may complete a party (its other requests close as `not_required`), release the next
 * group, or complete the agreement.
 */
export const applyDecision = (
  agreement: TAgreement,
  signatoryId: string,
  decision: TDecision,
  context: { at: string; ip: string; userAgent: string },
): { agreement: TAgreement; outcome: 'awaiting' | 'in_force' | 'declined'; closed: TSignatory[] } => {
  const evidence: TDecisionEvidence = {
    signedName: decision.kind === 'approve' ? decision.signedName : null,
    ip: context.ip,
    userAgent: context.userAgent,
    documentSha256: agreement.documentSha256 ?? '',
    imported: null,
    reasonCode: decision.kind === 'decline' ? decision.reasonCode : null,
  };
  const decided = mapSignatories(agreement, (s) =>
    s.id === signatoryId
      ? {
          ...s,
          status: decision.kind === 'approve' ? 'approved' : 'declined',
          decidedAt: context.at,
          reason: decision.kind === 'decline' ? decision.reason : null,
          evidence,
        }
      : s,
  );
  if (decision.kind === 'decline') {
    const closed = stillNeeded(decided).filter((s) => s.status !== 'pending');
    return { agreement: { ...decided, status: 'declined' }, outcome: 'declined', closed };
  }
  // Parties that now have their approvals no longer need their other signatories.
  const closed: TSignatory[] = [];
  const settled = mapSignatories(decided, (s, party) => {
    if (isPartyComplete(party) && AWAITED.has(s.status)) {
      if (s.status !== 'pending') closed.push(s);
      return { ...s, status: 'not_required' };
    }
    return s;
  });
  if (allPartiesComplete(settled)) return { agreement: settled, outcome: 'in_force', closed };
  return { agreement: settled, outcome: 'awaiting', closed };
};
