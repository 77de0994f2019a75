import { AppError } from '../../errors';
import type { TAgreement, TSignatory } from '../../schemas/agreement';
import { sha256Hex } from '../audit/audit-chain';
import { addMonths, londonDate } from '../calendar';
import { inForceAncestor } from '../agreement/in-force-ancestor';
import { isStillAuthorised } from '../agreement/party-authority';
import { canPerform } from '../agreement/lifecycle';
import { changeAgreement, type TChange, type TChangeEvent } from '../agreement/change-agreement';
import { ownerAndLegal, toEveryone } from '../notifications';
import type { TAgencyStore, TAgreementStore, TLinkSigner, TOpenRequests, TSigningRequest, TSigningRequestStore, TStoredAgreement } from '../ports';
import { linkChanges, openLinks, revokeAllLinks, revokeLinks, signatureRequestEmail } from './links';
import { openTerminationRound, terminationDecision } from './termination';
import { applyDecision, findSignatory, signatoriesToRequest, type TDecision } from './routing';

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

type TDecisionInput = {
  token: string;
  decision: TDecision;
  context: { ip: string; userAgent: string };
  now: Date;
  newId: () => string;
  linkSigner: TLinkSigner;
  requests: TSigningRequestStore;
  agreements: TAgreementStore;
  agencies: TAgencyStore;
};

/**
 * Records a signatory's decision from their link, with the evidence of the contract (Sign-off by email link), and everything
 * that follows in the same transaction. Concurrent decisions retry on the agreement's revision,
 * so the last approval moves it to `in_force` exactly once.
 */
export const recordDecision = async (options: TDecisionInput): Promise<{ agreement: TAgreement; outcome: TDecisionOutcome }> => {
  const result = await changeAgreement({
    agreements: options.agreements,
    now: options.now,
    newId: options.newId,
    onConflict: 'retry',
    load: () => viewSigningLink(options),
    change: (view): Promise<TChange<TDecisionOutcome>> | TChange<TDecisionOutcome> =>
      view.request.purpose === 'termination'
        ? terminationDecision({ ...view, decision: options.decision, context: options.context, at: options.now.toISOString(), today: londonDate(options.now) })
        : signOffDecision(view, options),
  });
  return { agreement: result!.agreement, outcome: result!.outcome! };
};

/** What an outcome adds to the decision it follows: the agreement afterwards, its events, the links it opens or closes, other versions it changes. */
type TOutcomeChange = Pick<TChange, 'agreement' | 'events' | 'newRequests' | 'alsoChanges'> & { openRequests: TOpenRequests; closedRequests: NonNullable<TChange['closedRequests']> };

type TOutcomeInput = {
  agreement: TAgreement;
  stored: TStoredAgreement;
  openRequests: TOpenRequests;
  signatory: TSignatory;
  partyId: string;
  partyName: string;
  reason: string | null;
  options: TDecisionInput;
};

/** The last approval: the agreement comes into force (and the version it varies is superseded). */
const comesIntoForce = async ({ agreement, openRequests, options }: TOutcomeInput): Promise<TOutcomeChange> => {
  const effectiveDate = agreement.effectiveDate ?? londonDate(options.now);
  const inForce: TAgreement = {
    ...agreement,
    status: 'in_force',
    effectiveDate,
    // A review date drafted before signing can have passed by now: it is never before the agreement takes effect.
    nextReviewDate: agreement.nextReviewDate && agreement.nextReviewDate >= effectiveDate ? agreement.nextReviewDate : addMonths(effectiveDate, agreement.reviewIntervalMonths),
  };
  const superseded = await supersededVersion(inForce, options);
  return {
    agreement: inForce,
    events: [
      {
        type: 'in_force',
        data: { effectiveDate, nextReviewDate: inForce.nextReviewDate, documentSha256: inForce.documentSha256 },
        emails: [toEveryone(inForce, 'agreement_in_force')],
      },
    ],
    openRequests,
    closedRequests: [],
    alsoChanges: superseded ? [superseded] : [],
  };
};

/** A decline ends sign-off: every link still open closes; the owner, legal contacts and those who approved are told. */
const isDeclined = ({ agreement, stored, openRequests, signatory, partyId, partyName, reason }: TOutcomeInput): TOutcomeChange => {
  const approvedBefore = stored.agreement.parties.flatMap((p) => p.signatories.filter((s) => s.status === 'approved').map((s) => ({ to: s.email, name: s.name })));
  return {
    agreement,
    events: [
      {
        type: 'declined',
        data: { signatoryId: signatory.id, party: partyId },
        emails: [{ template: 'agreement_declined', to: [...ownerAndLegal(agreement), ...approvedBefore], vars: { reason, signatoryName: signatory.name, partyName } }],
      },
    ],
    ...revokeAllLinks(openRequests),
  };
};

/** Sign-off goes on: the routing group now due, if any, gets its links. */
const goesOn = ({ agreement, openRequests, options }: TOutcomeInput): TOutcomeChange => {
  const due = signatoriesToRequest(agreement);
  if (due.length === 0) return { agreement, events: [], openRequests, closedRequests: [] };
  const links = openLinks({ agreement, signatories: due, openRequests, now: options.now, newId: options.newId, linkSigner: options.linkSigner });
  return {
    agreement: links.agreement,
    events: [{ type: 'signatures_requested', data: { signatoryIds: due.map((s) => s.id), linkExpiresAt: links.linkExpiresAt }, emails: [signatureRequestEmail(links)] }],
    ...linkChanges(links),
  };
};

const SIGN_OFF_OUTCOMES: Record<ReturnType<typeof applyDecision>['outcome'], (input: TOutcomeInput) => Promise<TOutcomeChange> | TOutcomeChange> = {
  in_force: comesIntoForce,
  declined: isDeclined,
  awaiting: goesOn,
};

/** A sign-off decision: the decision itself with its evidence, then what its outcome adds, merged into one change. */
const signOffDecision = async ({ request, stored, signatoryId }: TSigningView & { stored: TStoredAgreement }, options: TDecisionInput): Promise<TChange<TDecisionOutcome>> => {
  const at = options.now.toISOString();
  const { signatory, party } = findSignatory(stored.agreement, signatoryId)!;
  const decided = applyDecision(stored.agreement, signatoryId, options.decision, { at, ...options.context });
  const reason = options.decision.kind === 'decline' ? options.decision.reason : null;
  // This link is spent; the links of signatories the decision released close.
  const released = revokeLinks(stored.openRequests, [signatoryId, ...decided.closed.map((s) => s.id)]);
  const follows = await SIGN_OFF_OUTCOMES[decided.outcome]({
    agreement: decided.agreement,
    stored,
    openRequests: released.openRequests,
    signatory,
    partyId: party.agencyId,
    partyName: party.agencyName,
    reason,
    options,
  });
  const decision: TChangeEvent = {
    type: options.decision.kind === 'approve' ? 'signatory_approved' : 'signatory_declined',
    data: {
      signatoryId,
      party: party.agencyId,
      documentSha256: stored.agreement.documentSha256,
      ...(options.decision.kind === 'approve' ? { signedName: options.decision.signedName } : { reason, reasonCode: options.decision.reasonCode }),
    },
    personal: { ip: options.context.ip, userAgent: options.context.userAgent },
    emails: [
      {
        template: 'decision_recorded',
        to: [{ to: stored.agreement.owner }],
        vars: { decision: options.decision.kind === 'approve' ? 'approved' : 'declined', signatoryName: signatory.name, partyName: party.agencyName, reason },
      },
    ],
  };
  return {
    ...follows,
    actor: { kind: 'signatory', email: signatory.email, name: signatory.name },
    events: [decision, ...follows.events],
    closedRequests: [
      { tokenHash: request.tokenHash, state: 'used' },
      ...released.closedRequests.filter((closed) => closed.tokenHash !== request.tokenHash),
      ...follows.closedRequests,
    ],
    outcome: decided.outcome,
  };
};

/** When a variation comes into force, the version it replaces becomes `superseded` in the same write. */
const supersededVersion = async (agreement: TAgreement, options: TDecisionInput): Promise<NonNullable<TChange['alsoChanges']>[number] | undefined> => {
  const previous = await inForceAncestor(options.agreements, agreement.supersedes);
  if (!previous || !canPerform(previous.agreement.status, 'supersede')) return undefined;
  const superseded: TAgreement = { ...previous.agreement, status: 'superseded' };
  return {
    stored: previous,
    change: {
      agreement: superseded,
      actor: { kind: 'system' },
      events: [
        {
          type: 'superseded',
          data: { by: agreement.id, version: agreement.version },
          emails: [toEveryone(superseded, 'agreement_superseded', { supersededByVersion: String(agreement.version), supersededById: agreement.id })],
        },
      ],
    },
  };
};
