import { continuingParties, type TAgreement, type TTerminationRound } from '../../schemas/agreement';
import type { TActor } from '../../schemas/audit-event';
import type { TChange, TChangeEvent } from '../agreement/change-agreement';
import { toEveryone } from '../notifications';
import type { TSigningRequest, TStoredAgreement } from '../ports';
import { revokeLinks } from './links';
import { findSignatory, type TDecision } from './routing';

/** Who ended it, in the termination record, when every party agreed. */
export const BY_ALL_PARTIES = 'agreement of all parties';

/** The agreement's termination round while it still awaits decisions; null when there is none, or every party has agreed. */
export const openTerminationRound = (agreement: TAgreement): TTerminationRound | null =>
  agreement.status === 'in_force' && agreement.terminationRound && !agreement.terminationRound.agreedAt ? agreement.terminationRound : null;

/** The email vars of a request to end the agreement, with the link's deadline. */
export const terminationRequestVars = (round: TTerminationRound, linkExpiresAt: string) => ({
  reason: round.reason,
  terminationDate: round.effectiveDate,
  requestedBy: round.requestedBy,
  linkExpiresAt,
});

/** A party has agreed when as many of its signatories as the round needs of it have approved the ending. */
export const partiesYetToAgree = (agreement: TAgreement, round: TTerminationRound) =>
  continuingParties(agreement).filter((party) => party.signatories.filter((s) => round.approvals[s.id]).length < (round.required[party.agencyId] ?? party.requiredApprovals));

/** Ends the agreement as the parties agreed: one transition to `terminated`, everyone told. */
export const terminationChange = (
  agreement: TAgreement,
  round: TTerminationRound,
  options: { at: string; actor: TActor },
): Pick<TChange, 'agreement' | 'actor' | 'events'> => {
  const ended: TAgreement = {
    ...agreement,
    status: 'terminated',
    terminationRound: round,
    termination: { reason: round.reason, effectiveDate: round.effectiveDate, at: options.at, by: BY_ALL_PARTIES },
  };
  return {
    agreement: ended,
    actor: options.actor,
    events: [
      {
        type: 'terminated',
        data: { reason: round.reason, effectiveDate: round.effectiveDate, by: BY_ALL_PARTIES },
        emails: [toEveryone(ended, 'agreement_terminated', { reason: round.reason, terminationDate: round.effectiveDate })],
      },
    ],
  };
};

type TTerminationDecision = {
  stored: TStoredAgreement;
  request: TSigningRequest;
  decision: TDecision;
  context: { ip: string; userAgent: string };
  at: string;
  today: string;
};
type TTerminationOutcome = 'awaiting' | 'terminated' | 'agreed' | 'declined';

/**
 * A signatory's decision on ending the agreement. An approval counts for their party; when every
 * party has agreed, the agreement ends on the agreed date (at once when that is today, else the
 * daily job ends it then). A decline closes the round with its reason; the agreement stays in force.
 */
export const terminationDecision = (input: TTerminationDecision): TChange<TTerminationOutcome> =>
  input.decision.kind === 'decline' ? declinesEnding(input, input.decision) : approvesEnding(input, input.decision);

const signatoryOf = ({ stored, request }: TTerminationDecision) => {
  const found = findSignatory(stored.agreement, request.signatoryId)!;
  return { ...found, actor: { kind: 'signatory' as const, email: found.signatory.email, name: found.signatory.name } };
};

/** This link is spent; the others of these signatories are revoked. */
const closeLinks = ({ stored, request }: TTerminationDecision, signatoryIds: string[]) => {
  const closed = revokeLinks(stored.openRequests, signatoryIds);
  const used = { tokenHash: request.tokenHash, state: 'used' as const };
  return { openRequests: closed.openRequests, closedRequests: [used, ...closed.closedRequests.filter((r) => r.tokenHash !== request.tokenHash)] };
};

const declinesEnding = (input: TTerminationDecision, decision: Extract<TDecision, { kind: 'decline' }>): TChange<TTerminationOutcome> => {
  const { signatory, party, actor } = signatoryOf(input);
  const agreement = { ...input.stored.agreement, terminationRound: null };
  return {
    agreement,
    actor,
    events: [
      {
        type: 'termination_declined',
        data: { signatoryId: signatory.id, party: party.agencyId, reason: decision.reason, reasonCode: decision.reasonCode },
        personal: input.context,
        emails: [toEveryone(agreement, 'termination_declined', { signatoryName: signatory.name, partyName: party.agencyName, reason: decision.reason })],
      },
    ],
    ...closeLinks(input, Object.keys(input.stored.openRequests)),
    outcome: 'declined',
  };
};

const approvesEnding = (input: TTerminationDecision, decision: Extract<TDecision, { kind: 'approve' }>): TChange<TTerminationOutcome> => {
  const { stored, at } = input;
  const { signatory, party, actor } = signatoryOf(input);
  const round = stored.agreement.terminationRound!;
  const approved: TTerminationRound = { ...round, approvals: { ...round.approvals, [signatory.id]: { at, signedName: decision.signedName, ...input.context } } };
  const approval: TChangeEvent = {
    type: 'termination_approved',
    data: { signatoryId: signatory.id, party: party.agencyId, signedName: decision.signedName },
    personal: input.context,
  };
  // A party that has agreed needs no more of its signatories; once all have, every link closes.
  const waitingOn = partiesYetToAgree(stored.agreement, approved);
  const needed = new Set(waitingOn.flatMap((p) => p.signatories.map((s) => s.id)));
  const links = closeLinks(input, Object.keys(stored.openRequests).filter((id) => !needed.has(id)));
  if (waitingOn.length > 0) {
    return { agreement: { ...stored.agreement, terminationRound: approved }, actor, events: [approval], ...links, outcome: 'awaiting' };
  }
  const agreed: TTerminationRound = { ...approved, agreedAt: at };
  if (agreed.effectiveDate <= input.today) {
    const ended = terminationChange(stored.agreement, agreed, { at, actor });
    return { ...ended, events: [approval, ...ended.events], ...links, outcome: 'terminated' };
  }
  return {
    agreement: { ...stored.agreement, terminationRound: agreed },
    actor,
    events: [approval, { type: 'termination_agreed', data: { effectiveDate: agreed.effectiveDate } }],
    ...links,
    outcome: 'agreed',
  };
};
