import { AppError } from '../../errors';
import { addDays, londonDate, startOfLondonDay } from '../calendar';
import { continuingParties, type TAgreement, type TSignatory, type TTerminationRequest, type TTerminationRound } from '../../schemas/agreement';
import { assertAccess, assertRevisionMatches } from '../agreement/access';
import { documentSha256Of } from '../agreement/document';
import { assertCanPerform } from '../agreement/lifecycle';
import { draftRuleErrors } from '../agreement/draft-rules';
import { inForceAncestor } from '../agreement/in-force-ancestor';
import { authorisedEntry, isStillAuthorised, partyAuthorityErrors, signatoriesLine, withAuthorisedNames } from '../agreement/party-authority';
import { submissionRuleErrors } from '../agreement/submission-rules';
import { recordTransition, type TEventInput } from '../agreement/transition';
import { outboxMessage, ownerAndLegal, tellEveryone } from '../notifications';
import { ConcurrentWriteError, type TAgencyStore, type TAgreementStore, type TLinkSigner, type TStoredAgreement } from '../ports';
import type { TUser } from '../user';
import { linksWrite, openLinks, revokeLinks } from './links';
import { openTerminationRound, partiesYetToAgree, terminationRequestVars } from './termination';
import { findSignatory, signatoriesToRequest } from './routing';

type TLegalAction = {
  id: string;
  user: TUser;
  ifMatch?: string;
  now: Date;
  newId: () => string;
  agreements: TAgreementStore;
};

/** Loads an agreement for a legal-team action: visible, role allowed, If-Match honoured when sent. */
const loadForAction = async (options: TLegalAction): Promise<TStoredAgreement> => {
  const stored = await options.agreements.get(options.id);
  assertAccess(options.user, stored?.agreement, 'editor');
  if (options.ifMatch) assertRevisionMatches(options.ifMatch, stored!.agreement.revision);
  return stored!;
};

/** A lost race on a legal-team action is reported, not retried: the user acted on what they saw. */
const saveOrConflict = async (save: () => Promise<void>) => {
  try {
    await save();
  } catch (error) {
    if (error instanceof ConcurrentWriteError) {
      throw new AppError('conflict', 'The agreement changed while this was being saved; reload it and try again.');
    }
    throw error;
  }
};

/** Fresh links for these signatories, replacing any they hold. */
const openLinksFor = (
  options: TLegalAction & { linkSigner: TLinkSigner },
  stored: TStoredAgreement,
  agreement: TAgreement,
  signatories: TSignatory[],
) => openLinks({ agreement, signatories, openRequests: stored.openRequests, now: options.now, newId: options.newId, linkSigner: options.linkSigner });

/**
 * Submits a draft for signature: checks every rule of SPEC §4 (all failures named in one 422),
 * fixes the document hash, and emails the first routing group their links.
 */
export const submitAgreement = async (options: TLegalAction & { linkSigner: TLinkSigner; agencies: TAgencyStore }): Promise<TAgreement> => {
  const stored = await loadForAction(options);
  assertCanPerform(stored.agreement.status, 'submit');
  const { agreement } = stored;
  const [agencies, varied] = await Promise.all([
    options.agencies.getMany(agreement.parties.map((party) => party.agencyId)),
    // A variation of the version in force keeps its parties, even after a withdrawn or declined attempt;
    // a revision of an agreement never signed bound nobody.
    inForceAncestor(options.agreements, agreement.supersedes),
  ]);
  // Dates set when drafting may have passed since: they are checked again against today.
  const errors = [
    ...submissionRuleErrors(agreement),
    ...draftRuleErrors(agreement, londonDate(options.now)),
    ...partyAuthorityErrors(agreement, agencies, varied?.agreement ?? null),
  ];
  if (errors.length > 0) throw new AppError('unprocessable', 'The agreement cannot go for signature yet.', errors);

  const at = options.now.toISOString();
  const named = withAuthorisedNames(agreement, agencies);
  const fixed: TAgreement = { ...named, status: 'awaiting_signatures', documentSha256: documentSha256Of(named) };
  const links = openLinksFor(options, stored, fixed, signatoriesToRequest(fixed));
  const recorded = recordTransition(stored, links.agreement, {
    at,
    actor: { kind: 'user', email: options.user.email },
    newId: options.newId,
    events: [
      { type: 'submitted', data: { documentSha256: fixed.documentSha256 } },
      { type: 'signatures_requested', data: { signatoryIds: links.requests.map((r) => r.signatoryId), linkExpiresAt: links.linkExpiresAt } },
    ],
  });
  const signing = linksWrite(links, { key: recorded.events[1]!.id, agreement: recorded.agreement, at });
  // Each party agency hears that it is named from Accord itself, in the same write as the signing links.
  const partiesTold = recorded.agreement.parties.flatMap((party) =>
    outboxMessage({
      key: `${recorded.events[0]!.id}|party|${party.agencyId}`,
      agreement: recorded.agreement,
      template: 'party_named',
      recipients: (agencies.get(party.agencyId)?.legalContacts ?? []).map((to) => ({ to })),
      at,
      vars: { partyName: party.agencyName, partySignatories: signatoriesLine(party) },
    }),
  );
  await saveOrConflict(() =>
    options.agreements.update(
      {
        ...recorded,
        ...signing,
        messages: [...(signing.messages ?? []), ...partiesTold],
        indexDocument: true,
        // Submitting emails every signatory and party: a withdraw-revise-submit loop cannot become a mail cannon.
        rateLimit: dailyLimit(options, `submit|${agreement.reference}`, 'This agreement has been sent for signature'),
      },
      stored,
    ),
  );
  return recorded.agreement;
};

/** Withdraws an agreement from sign-off: every open link is revoked and everyone is told. */
export const withdrawAgreement = async (options: TLegalAction & { reason: string }): Promise<TAgreement> => {
  const stored = await loadForAction(options);
  assertCanPerform(stored.agreement.status, 'withdraw');
  const at = options.now.toISOString();
  const closed = revokeLinks(stored.openRequests, Object.keys(stored.openRequests));
  const recorded = recordTransition(stored, { ...stored.agreement, status: 'withdrawn' }, {
    at,
    actor: { kind: 'user', email: options.user.email },
    newId: options.newId,
    events: [{ type: 'withdrawn', data: { reason: options.reason } }],
  });
  await saveOrConflict(() =>
    options.agreements.update(
      {
        ...recorded,
        openRequests: closed.openRequests,
        closedRequests: closed.revoked,
        messages: tellEveryone(recorded.events[0]!, recorded.agreement, 'agreement_withdrawn', at, { reason: options.reason }),
      },
      stored,
    ),
  );
  return recorded.agreement;
};

/** A signatory's inbox is not a megaphone: at most this many emails on demand a day (London days), per signatory, agreement or round. */
export const EMAILS_ON_DEMAND_PER_DAY = 3;

/** A new link only goes to someone the agency still authorises to sign for it. */
const assertStillAuthorised = async (agencies: TAgencyStore, found: NonNullable<ReturnType<typeof findSignatory>>) => {
  if (!(await isStillAuthorised(agencies, found))) {
    throw new AppError('unprocessable', `${found.signatory.name} is no longer on ${found.party.agencyName}'s list of people who may sign for it.`);
  }
};

/** Sends a signatory a new link (to sign, or to agree to end the agreement); the old one stops working at once. */
export const resendSigningLink = async (
  options: TLegalAction & { signatoryId: string; linkSigner: TLinkSigner; agencies: TAgencyStore },
): Promise<TAgreement> => {
  const stored = await loadForAction(options);
  const found = findSignatory(stored.agreement, options.signatoryId);
  const round = openTerminationRound(stored.agreement);
  if (round) {
    if (!found) throw new AppError('not_found', 'No such signatory on this agreement.');
    return resendTerminationLink(options, stored, round, found);
  }
  assertCanPerform(stored.agreement.status, 'decide');
  if (!found) throw new AppError('not_found', 'No such signatory on this agreement.');
  await assertStillAuthorised(options.agencies, found);
  if (!['requested', 'expired', 'bounced'].includes(found.signatory.status)) {
    throw new AppError(
      'illegal_transition',
      found.signatory.status === 'pending'
        ? 'This signatory is not due yet: their routing group has not been reached.'
        : `This signatory has already ${found.signatory.status === 'not_required' ? 'been released' : 'decided'}.`,
    );
  }
  const at = options.now.toISOString();
  const links = openLinksFor(options, stored, stored.agreement, [found.signatory]);
  const recorded = recordTransition(stored, links.agreement, {
    at,
    actor: { kind: 'user', email: options.user.email },
    newId: options.newId,
    events: [{ type: 'signing_link_resent', data: { signatoryId: found.signatory.id, linkExpiresAt: links.linkExpiresAt } }],
  });
  await saveOrConflict(() =>
    options.agreements.update(
      { ...recorded, ...linksWrite(links, { key: recorded.events[0]!.id, agreement: recorded.agreement, at }), rateLimit: resendLimit(options, stored, found.signatory) },
      stored,
    ),
  );
  return recorded.agreement;
};

/** Whatever sends email on demand may do so at most this many times a London day, then 429 until midnight. */
const dailyLimit = (options: { now: Date }, key: string, what: string) => {
  const today = londonDate(options.now);
  return {
    key: `${key}|${today}`,
    limit: EMAILS_ON_DEMAND_PER_DAY,
    resetsAt: startOfLondonDay(addDays(today, 1)),
    refusal: `${what} ${EMAILS_ON_DEMAND_PER_DAY} times today; try again tomorrow.`,
  };
};

/** New links sent on demand count against the signatory's daily allowance, whatever they are for. */
const resendLimit = (options: TLegalAction, stored: TStoredAgreement, signatory: TSignatory) =>
  dailyLimit(options, `resend|${stored.agreement.id}|${signatory.id}`, `${signatory.name} has been sent a new link`);

/** A new termination link for a signatory whose party has not yet agreed (the old one expired, bounced or was lost). */
const resendTerminationLink = async (
  options: TLegalAction & { linkSigner: TLinkSigner; agencies: TAgencyStore },
  stored: TStoredAgreement,
  round: TTerminationRound,
  found: NonNullable<ReturnType<typeof findSignatory>>,
): Promise<TAgreement> => {
  if (found.party.leaving) throw new AppError('illegal_transition', `${found.party.agencyName} has left this agreement.`);
  const partyAgreed = !partiesYetToAgree(stored.agreement, round).some((party) => party.agencyId === found.party.agencyId);
  if (round.approvals[found.signatory.id] || partyAgreed) {
    throw new AppError('illegal_transition', `${found.party.agencyName} has already agreed to end this agreement.`);
  }
  if (round.asked && !round.asked.includes(found.signatory.id)) throw new AppError('illegal_transition', `${found.signatory.name} was not asked in this round.`);
  await assertStillAuthorised(options.agencies, found);
  const at = options.now.toISOString();
  const links = openLinks({
    agreement: stored.agreement,
    signatories: [found.signatory],
    openRequests: stored.openRequests,
    now: options.now,
    newId: options.newId,
    linkSigner: options.linkSigner,
    purpose: 'termination',
  });
  const recorded = recordTransition(stored, stored.agreement, {
    at,
    actor: { kind: 'user', email: options.user.email },
    newId: options.newId,
    events: [{ type: 'termination_link_resent', data: { signatoryId: found.signatory.id, linkExpiresAt: links.linkExpiresAt } }],
  });
  const messages = outboxMessage({
    key: recorded.events[0]!.id,
    agreement: recorded.agreement,
    template: 'termination_requested',
    recipients: links.recipients,
    at,
    vars: terminationRequestVars(round, links.linkExpiresAt),
  });
  await saveOrConflict(() =>
    options.agreements.update(
      { ...recorded, openRequests: links.openRequests, newRequests: links.requests, closedRequests: links.revoked, messages, rateLimit: resendLimit(options, stored, found.signatory) },
      stored,
    ),
  );
  return recorded.agreement;
};

/**
 * Asks every party to agree to end an agreement in force (PA 1996 s.23C(5)): each party's
 * signatories get a link, as in sign-off; the agreement ends only when every party has agreed.
 */
export const requestTermination = async (options: TLegalAction & TTerminationRequest & { linkSigner: TLinkSigner; agencies: TAgencyStore }): Promise<TAgreement> =>
  startTerminationRound(options, await loadForAction(options));

/**
 * Opens the termination round on a loaded agreement; `also` are changes and events recorded in
 * the same write (a review whose outcome is to end the agreement).
 */
export const startTerminationRound = async (
  options: Omit<TLegalAction, 'id' | 'ifMatch'> & TTerminationRequest & { linkSigner: TLinkSigner; agencies: TAgencyStore },
  stored: TStoredAgreement,
  also: { changes?: Partial<TAgreement>; events?: TEventInput[] } = {},
): Promise<TAgreement> => {
  assertCanPerform(stored.agreement.status, 'request_termination');
  const agreement = { ...stored.agreement, ...also.changes };
  if (agreement.terminationRound) {
    throw new AppError('illegal_transition', agreement.terminationRound.agreedAt ? 'Every party has already agreed to end this agreement.' : 'Ending this agreement is already awaiting decisions.');
  }
  const today = londonDate(options.now);
  const effectiveDate = options.effectiveDate ?? today;
  const earliest = agreement.effectiveDate && agreement.effectiveDate > today ? agreement.effectiveDate : today;
  if (effectiveDate < earliest) {
    throw new AppError('validation_failed', 'An agreement cannot end before today or before it took effect.', [
      { path: 'effectiveDate', message: `must be ${earliest} or later` },
    ]);
  }
  // Each party decides through those who signed for it and whom it still authorises: its list today, not years ago.
  const bound = continuingParties(agreement);
  const agencies = await options.agencies.getMany(bound.map((party) => party.agencyId));
  const askedByParty = bound.map((party) => party.signatories.filter((s) => authorisedEntry(agencies.get(party.agencyId), s.email)));
  const nobodyLeft = bound.flatMap((party, index) =>
    askedByParty[index]!.length === 0
      ? [{ path: `parties.${agreement.parties.indexOf(party)}.signatories`, message: `nobody who signed for ${party.agencyName} is still on its list of authorised signatories` }]
      : [],
  );
  if (nobodyLeft.length > 0) throw new AppError('unprocessable', 'Not every party has someone authorised to agree to end it.', nobodyLeft);
  const at = options.now.toISOString();
  const signatories = askedByParty.flat();
  const round = {
    reason: options.reason,
    effectiveDate,
    requestedBy: options.user.email,
    requestedAt: at,
    asked: signatories.map((s) => s.id),
    required: Object.fromEntries(bound.map((party, index) => [party.agencyId, Math.min(party.requiredApprovals, askedByParty[index]!.length)])),
    approvals: {},
    agreedAt: null,
  };
  const links = openLinks({ agreement, signatories, openRequests: stored.openRequests, now: options.now, newId: options.newId, linkSigner: options.linkSigner, purpose: 'termination' });
  const recorded = recordTransition(stored, { ...agreement, terminationRound: round }, {
    at,
    actor: { kind: 'user', email: options.user.email },
    newId: options.newId,
    events: [
      ...(also.events ?? []),
      { type: 'termination_requested', data: { reason: options.reason, effectiveDate, signatoryIds: signatories.map((s) => s.id), linkExpiresAt: links.linkExpiresAt } },
    ],
  });
  const requestedEvent = recorded.events.at(-1)!;
  const vars = terminationRequestVars(round, links.linkExpiresAt);
  const messages = [
    ...outboxMessage({ key: requestedEvent.id, agreement: recorded.agreement, template: 'termination_requested', recipients: links.recipients, at, vars }),
    ...outboxMessage({ key: `${requestedEvent.id}|told`, agreement: recorded.agreement, template: 'termination_requested', recipients: ownerAndLegal(recorded.agreement), at, vars }),
  ];
  await saveOrConflict(() =>
    options.agreements.update(
      {
        ...recorded,
        openRequests: links.openRequests,
        newRequests: links.requests,
        closedRequests: links.revoked,
        messages,
        rateLimit: dailyLimit(options, `termination|${agreement.id}`, 'Every party has been asked to end this agreement'),
      },
      stored,
    ),
  );
  return recorded.agreement;
};

/** Withdraws an open termination round (it asked the wrong thing, or stalled): every link closes and everyone is told. */
export const withdrawTermination = async (options: TLegalAction & { reason: string }): Promise<TAgreement> => {
  const stored = await loadForAction(options);
  if (!openTerminationRound(stored.agreement)) {
    throw new AppError('illegal_transition', stored.agreement.terminationRound?.agreedAt ? 'Every party has already agreed to end this agreement.' : 'No termination is awaiting decisions.');
  }
  const at = options.now.toISOString();
  const closed = revokeLinks(stored.openRequests, Object.keys(stored.openRequests));
  const recorded = recordTransition(stored, { ...stored.agreement, terminationRound: null }, {
    at,
    actor: { kind: 'user', email: options.user.email },
    newId: options.newId,
    events: [{ type: 'termination_withdrawn', data: { reason: options.reason } }],
  });
  const messages = tellEveryone(recorded.events[0]!, recorded.agreement, 'termination_withdrawn', at, { reason: options.reason });
  await saveOrConflict(() => options.agreements.update({ ...recorded, openRequests: closed.openRequests, closedRequests: closed.revoked, messages }, stored));
  return recorded.agreement;
};
