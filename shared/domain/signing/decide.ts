import { AppError } from '../../errors';
import type { TAgreement } from '../../schemas/agreement';
import type { TOutboxMessage } from '../../schemas/outbox';
import { sha256Hex } from '../audit/audit-chain';
import { addMonths, londonDate } from '../calendar';
import { inForceAncestor } from '../agreement/in-force-ancestor';
import { isStillAuthorised } from '../agreement/party-authority';
import { canPerform } from '../agreement/lifecycle';
import { recordTransition, type TEventInput } from '../agreement/transition';
import { outboxMessage, ownerAndLegal, tellEveryone } from '../notifications';
import {
  ConcurrentWriteError,
  type TAgencyStore,
  type TAgreementStore,
  type TAgreementWrite,
  type TLinkSigner,
  type TSigningRequest,
  type TSigningRequestStore,
  type TStoredAgreement,
} from '../ports';
import { openLinks, revokeLinks } from './links';
import { decideTermination, openTerminationRound } from './termination';
import { applyDecision, findSignatory, signatoriesToRequest, type TDecision } from './routing';

/** Concurrent decisions on one agreement retry this often; each round, one of them wins. */
const MAX_ATTEMPTS = 40;

export type TSigningView = { request: TSigningRequest; agreement: TAgreement; signatoryId: string };

/** What a decision led to: sign-off goes on, completes or ends; a termination round goes on, ends the agreement, is agreed for a later date, or ends. */
export type TDecisionOutcome = 'awaiting' | 'in_force' | 'declined' | 'terminated' | 'agreed';

/**
 * What a signing link points at. Never changes anything (mail scanners fetch links): an unknown
 * or tampered token is 404, a used, replaced or expired one 410, a closed agreement 409.
 */
export const viewSigningLink = async (options: {
  token: string;
  now: Date;
  requests: TSigningRequestStore;
  agreements: TAgreementStore;
  agencies: TAgencyStore;
}): Promise<TSigningView & { stored: TStoredAgreement }> => {
  const request = /^[A-Za-z0-9_-]{43}$/.test(options.token) ? await options.requests.getByTokenHash(sha256Hex(options.token)) : undefined;
  if (!request) throw new AppError('not_found', 'This signing link is not valid. Check that the whole link was copied.');
  if (request.state === 'used') throw new AppError('gone', 'This signing link has already been used.');
  if (request.state === 'expired') throw new AppError('gone', 'This signing link has expired. Ask the agreement owner to send a new one.');
  if (request.state === 'revoked') throw new AppError('gone', 'This signing link was replaced by a newer one, or is no longer needed.');
  if (options.now.toISOString() >= request.linkExpiresAt) {
    throw new AppError('gone', 'This signing link has expired. Ask the agreement owner to send a new one.');
  }
  const stored = await options.agreements.get(request.agreementId);
  if (!stored) throw new AppError('not_found', 'This signing link is not valid.');
  if (request.purpose === 'termination') {
    if (!openTerminationRound(stored.agreement)) throw new AppError('illegal_transition', 'Ending this agreement is no longer awaiting decisions.');
  } else if (!canPerform(stored.agreement.status, 'decide')) {
    throw new AppError('illegal_transition', `This agreement is no longer awaiting signatures (it is ${stored.agreement.status.replace('_', ' ')}).`);
  }
  // Authority is the agency's to give and to take back: someone taken off its list since the link was sent cannot sign for it.
  const found = findSignatory(stored.agreement, request.signatoryId)!;
  if (!(await isStillAuthorised(options.agencies, found))) {
    const { signatory, party } = found;
    throw new AppError('forbidden', `${signatory.name} is no longer on ${party.agencyName}'s list of people who may sign for it. Ask the agreement's owner.`);
  }
  return { request, agreement: stored.agreement, signatoryId: request.signatoryId, stored };
};

const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * 15 * Math.min(attempt, 8)));

/**
 * Records a signatory's decision from their link, with the evidence of SPEC §5, and everything
 * that follows in the same transaction. Concurrent decisions retry on the agreement's revision,
 * so the last approval moves it to `in_force` exactly once.
 */
export const recordDecision = async (options: {
  token: string;
  decision: TDecision;
  context: { ip: string; userAgent: string };
  now: Date;
  newId: () => string;
  linkSigner: TLinkSigner;
  requests: TSigningRequestStore;
  agreements: TAgreementStore;
  agencies: TAgencyStore;
}): Promise<{ agreement: TAgreement; outcome: TDecisionOutcome }> => {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    const view = await viewSigningLink(options);
    try {
      if (view.request.purpose === 'termination') {
        const { write, outcome } = decideTermination({
          ...view,
          decision: options.decision,
          context: options.context,
          at: options.now.toISOString(),
          today: londonDate(options.now),
          newId: options.newId,
        });
        await options.agreements.update(write, view.stored);
        return { agreement: write.agreement, outcome };
      }
      return await decideOnce(view, options);
    } catch (error) {
      if (!(error instanceof ConcurrentWriteError)) throw error;
      await pause(attempt);
    }
  }
  throw new AppError('conflict', 'Many decisions are being recorded at once; please submit again.');
};

const decideOnce = async (
  { request, stored, signatoryId }: TSigningView & { stored: TStoredAgreement },
  options: Parameters<typeof recordDecision>[0],
) => {
  const at = options.now.toISOString();
  const { signatory, party } = findSignatory(stored.agreement, signatoryId)!;
  const decided = applyDecision(stored.agreement, signatoryId, options.decision, { at, ...options.context });
  const actor = { kind: 'signatory' as const, email: signatory.email, name: signatory.name };
  const events: TEventInput[] = [
    {
      type: options.decision.kind === 'approve' ? 'signatory_approved' : 'signatory_declined',
      data: {
        signatoryId,
        party: party.agencyId,
        documentSha256: stored.agreement.documentSha256,
        ip: options.context.ip,
        userAgent: options.context.userAgent,
        ...(options.decision.kind === 'approve'
          ? { signedName: options.decision.signedName }
          : { reason: options.decision.reason, reasonCode: options.decision.reasonCode }),
      },
    },
  ];
  let next = decided.agreement;
  let openRequests = revokeLinks(stored.openRequests, [signatoryId]).openRequests;
  const closedRequests: TAgreementWrite['closedRequests'] = [{ tokenHash: request.tokenHash, state: 'used' }];
  const released = revokeLinks(openRequests, decided.closed.map((s) => s.id));
  openRequests = released.openRequests;
  closedRequests.push(...released.revoked);
  let newRequests: TSigningRequest[] = [];
  let requestRecipients: ReturnType<typeof openLinks>['recipients'] = [];
  let linkExpiresAt: string | null = null;

  if (decided.outcome === 'in_force') {
    const effectiveDate = next.effectiveDate ?? londonDate(options.now);
    next = {
      ...next,
      status: 'in_force',
      effectiveDate,
      // A review date drafted before signing can have passed by now: it is never before the agreement takes effect.
      nextReviewDate: next.nextReviewDate && next.nextReviewDate >= effectiveDate ? next.nextReviewDate : addMonths(effectiveDate, next.reviewIntervalMonths),
    };
    events.push({ type: 'in_force', data: { effectiveDate, nextReviewDate: next.nextReviewDate, documentSha256: next.documentSha256 } });
  } else if (decided.outcome === 'declined') {
    const remaining = revokeLinks(openRequests, Object.keys(openRequests));
    openRequests = remaining.openRequests;
    closedRequests.push(...remaining.revoked);
    events.push({ type: 'declined', data: { signatoryId, party: party.agencyId } });
  } else {
    const due = signatoriesToRequest(next);
    if (due.length > 0) {
      const links = openLinks({ agreement: next, signatories: due, openRequests, now: options.now, newId: options.newId, linkSigner: options.linkSigner });
      next = links.agreement;
      openRequests = links.openRequests;
      newRequests = links.requests;
      requestRecipients = links.recipients;
      linkExpiresAt = links.linkExpiresAt;
      closedRequests.push(...links.revoked);
      events.push({ type: 'signatures_requested', data: { signatoryIds: due.map((s) => s.id), linkExpiresAt } });
    }
  }

  const recorded = recordTransition(stored, next, { at, actor, newId: options.newId, events });
  const [decisionEvent, outcomeEvent] = recorded.events;
  const reason = options.decision.kind === 'decline' ? options.decision.reason : null;
  const messages: TOutboxMessage[] = [
    ...outboxMessage({
      key: decisionEvent!.id,
      agreement: recorded.agreement,
      template: 'decision_recorded',
      recipients: [{ to: recorded.agreement.owner }],
      at,
      vars: { decision: options.decision.kind === 'approve' ? 'approved' : 'declined', signatoryName: signatory.name, partyName: party.agencyName, reason },
    }),
  ];
  if (decided.outcome === 'in_force') {
    messages.push(...tellEveryone(outcomeEvent!, recorded.agreement, 'agreement_in_force', at));
  } else if (decided.outcome === 'declined') {
    const approvedBefore = stored.agreement.parties.flatMap((p) => p.signatories.filter((s) => s.status === 'approved').map((s) => ({ to: s.email, name: s.name })));
    messages.push(
      ...outboxMessage({
        key: outcomeEvent!.id,
        agreement: recorded.agreement,
        template: 'agreement_declined',
        recipients: [...ownerAndLegal(recorded.agreement), ...approvedBefore],
        at,
        vars: { reason, signatoryName: signatory.name, partyName: party.agencyName },
      }),
    );
  } else if (requestRecipients.length > 0) {
    messages.push(
      ...outboxMessage({ key: outcomeEvent!.id, agreement: recorded.agreement, template: 'signature_requested', recipients: requestRecipients, at, vars: { linkExpiresAt } }),
    );
  }

  const write: TAgreementWrite = { ...recorded, openRequests, newRequests, closedRequests, messages };
  const supersede = decided.outcome === 'in_force' ? await supersededBy(recorded.agreement, options, at) : undefined;
  await options.agreements.update(write, stored, supersede ? { updates: [supersede] } : undefined);
  return { agreement: recorded.agreement, outcome: decided.outcome };
};

/** When a variation comes into force, the version it replaces becomes `superseded` in the same write. */
const supersededBy = async (
  agreement: TAgreement,
  options: Parameters<typeof recordDecision>[0],
  at: string,
): Promise<{ write: TAgreementWrite; previous: TStoredAgreement } | undefined> => {
  const previous = await inForceAncestor(options.agreements, agreement.supersedes);
  if (!previous || !canPerform(previous.agreement.status, 'supersede')) return undefined;
  const recorded = recordTransition(previous, { ...previous.agreement, status: 'superseded' }, {
    at,
    actor: { kind: 'system' },
    newId: options.newId,
    events: [{ type: 'superseded', data: { by: agreement.id, version: agreement.version } }],
  });
  return {
    previous,
    write: {
      ...recorded,
      messages: tellEveryone(recorded.events[0]!, recorded.agreement, 'agreement_superseded', at, {
        supersededByVersion: String(agreement.version),
        supersededById: agreement.id,
      }),
    },
  };
};
