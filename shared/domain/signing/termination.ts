import { continuingParties, type TAgreement, type TTerminationRound } from '../../schemas/agreement';
import type { TActor } from '../../schemas/audit-event';
import { tellEveryone } from '../notifications';
import { recordTransition, type TEventInput } from '../agreement/transition';
import type { TAgreementWrite, TSigningRequest, TStoredAgreement } from '../ports';
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
export const terminationWrite = (
  stored: TStoredAgreement,
  agreement: TAgreement,
  round: TTerminationRound,
  options: { at: string; newId: () => string; actor: TActor; events?: TEventInput[] },
): Pick<TAgreementWrite, 'agreement' | 'auditHead' | 'events' | 'messages'> => {
  const ended: TAgreement = {
    ...agreement,
    status: 'terminated',
    terminationRound: round,
    termination: { reason: round.reason, effectiveDate: round.effectiveDate, at: options.at, by: BY_ALL_PARTIES },
  };
  const recorded = recordTransition(stored, ended, {
    at: options.at,
    actor: options.actor,
    newId: options.newId,
    events: [...(options.events ?? []), { type: 'terminated', data: { reason: round.reason, effectiveDate: round.effectiveDate, by: BY_ALL_PARTIES } }],
  });
  return {
    ...recorded,
    messages: tellEveryone(recorded.events.at(-1)!, recorded.agreement, 'agreement_terminated', options.at, {
      reason: round.reason,
      terminationDate: round.effectiveDate,
    }),
  };
};

/**
 * A signatory's decision on ending the agreement. An approval counts for their party; when every
 * party has agreed, the agreement ends on the agreed date (at once when that is today, else the
 * daily job ends it then). A decline closes the round with its reason; the agreement stays in force.
 */
export const decideTermination = (options: {
  stored: TStoredAgreement;
  request: TSigningRequest;
  decision: TDecision;
  context: { ip: string; userAgent: string };
  at: string;
  today: string;
  newId: () => string;
}): { write: TAgreementWrite; outcome: 'awaiting' | 'terminated' | 'agreed' | 'declined' } => {
  const { stored, request, decision, at } = options;
  const agreement = stored.agreement;
  const round = agreement.terminationRound!;
  const { signatory, party } = findSignatory(agreement, request.signatoryId)!;
  const actor = { kind: 'signatory' as const, email: signatory.email, name: signatory.name };
  /** This link is spent; the others of these signatories are revoked. */
  const closeLinks = (signatoryIds: string[]) => {
    const closed = revokeLinks(stored.openRequests, signatoryIds);
    const used = { tokenHash: request.tokenHash, state: 'used' as const };
    return { openRequests: closed.openRequests, closedRequests: [used, ...closed.revoked.filter((r) => r.tokenHash !== request.tokenHash)] };
  };

  if (decision.kind === 'decline') {
    const recorded = recordTransition(stored, { ...agreement, terminationRound: null }, {
      at,
      actor,
      newId: options.newId,
      events: [{ type: 'termination_declined', data: { signatoryId: signatory.id, party: party.agencyId, reason: decision.reason, reasonCode: decision.reasonCode, ...options.context } }],
    });
    const messages = tellEveryone(recorded.events[0]!, recorded.agreement, 'termination_declined', at, {
      signatoryName: signatory.name,
      partyName: party.agencyName,
      reason: decision.reason,
    });
    return { write: { ...recorded, ...closeLinks(Object.keys(stored.openRequests)), messages }, outcome: 'declined' };
  }

  const approved: TTerminationRound = { ...round, approvals: { ...round.approvals, [signatory.id]: { at, signedName: decision.signedName, ...options.context } } };
  const approvalEvent: TEventInput = {
    type: 'termination_approved',
    data: { signatoryId: signatory.id, party: party.agencyId, signedName: decision.signedName, ...options.context },
  };
  // A party that has agreed needs no more of its signatories; once all have, every link closes.
  const waitingOn = partiesYetToAgree(agreement, approved);
  const needed = new Set(waitingOn.flatMap((p) => p.signatories.map((s) => s.id)));
  const links = closeLinks(Object.keys(stored.openRequests).filter((id) => !needed.has(id)));

  if (waitingOn.length > 0) {
    const recorded = recordTransition(stored, { ...agreement, terminationRound: approved }, { at, actor, newId: options.newId, events: [approvalEvent] });
    return { write: { ...recorded, ...links }, outcome: 'awaiting' };
  }
  const agreed: TTerminationRound = { ...approved, agreedAt: at };
  if (agreed.effectiveDate <= options.today) {
    return { write: { ...terminationWrite(stored, agreement, agreed, { at, newId: options.newId, actor, events: [approvalEvent] }), ...links }, outcome: 'terminated' };
  }
  const recorded = recordTransition(stored, { ...agreement, terminationRound: agreed }, {
    at,
    actor,
    newId: options.newId,
    events: [approvalEvent, { type: 'termination_agreed', data: { effectiveDate: agreed.effectiveDate } }],
  });
  return { write: { ...recorded, ...links }, outcome: 'agreed' };
};
