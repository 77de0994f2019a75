import { AppError } from '../../errors';
import { addDays, londonDate, startOfLondonDay } from '../calendar';
import { continuingParties, type TAgreement, type TReplaceSignatoryRequest, type TSignatory, type TTerminationRequest, type TTerminationRound } from '../../schemas/agreement';
import { documentSha256Of } from '../agreement/document';
import { assertCanPerform } from '../agreement/lifecycle';
import { draftRuleErrors } from '../agreement/draft-rules';
import { inForceAncestor } from '../agreement/in-force-ancestor';
import { authorisedEntry, isStillAuthorised, partyAuthorityErrors, signatoriesLine, withAuthorisedNames } from '../agreement/party-authority';
import { submissionRuleErrors } from '../agreement/submission-rules';
import { attachmentRuleErrors } from '../agreement/attachments';
import { asUser, changeAgreement, userActor, type TChange, type TChangeEvent } from '../agreement/change-agreement';
import { ownerAndLegal, toEveryone, type TEmail } from '../notifications';
import type { TAgencyStore, TAgreementStore, TLinkSigner, TStoredAgreement } from '../ports';
import type { TEmailTemplate } from '../../schemas/outbox';
import type { TUser } from '../user';
import { linkChanges, openLinks, revokeAllLinks, revokeLinks, signatureRequestEmail } from './links';
import { openTerminationRound, partiesYetToAgree, terminationRequestVars } from './termination';
import { findSignatory, mapSignatories, signatoriesToRequest } from './routing';

type TLegalAction = {
  id: string;
  user: TUser;
  ifMatch?: string;
  now: Date;
  newId: () => string;
  agreements: TAgreementStore;
};

/** The agreement as written by a change that always writes. */
const written = <T extends { agreement: TAgreement } | undefined>(result: T): TAgreement => result!.agreement;

/** Fresh links for these signatories, replacing any they hold. */
const openLinksFor = (
  options: TLegalAction & { linkSigner: TLinkSigner },
  stored: TStoredAgreement,
  agreement: TAgreement,
  signatories: TSignatory[],
) => openLinks({ agreement, signatories, openRequests: stored.openRequests, now: options.now, newId: options.newId, linkSigner: options.linkSigner });

/**
 * Everything that stops a draft going for signature, as submitting checks it: the statute's rules,
 * its files, its dates (against today) and who may sign for each party. A page that says whether a
 * draft is ready asks this, so it never promises what submitting refuses.
 */
const readinessOf = async (agreement: TAgreement, options: { agencies: TAgencyStore; agreements: TAgreementStore; now: Date }) => {
  const [agencies, varied] = await Promise.all([
    options.agencies.getMany(agreement.parties.map((party) => party.agencyId)),
    // A variation of the version in force keeps its parties, even after a withdrawn or declined attempt;
    // a revision of an agreement never signed bound nobody.
    inForceAncestor(options.agreements, agreement.supersedes),
  ]);
  const errors = [
    ...submissionRuleErrors(agreement),
    ...attachmentRuleErrors(agreement, options.now),
    // Dates set when drafting may have passed since: they are checked again against today.
    ...draftRuleErrors(agreement, londonDate(options.now)),
    ...partyAuthorityErrors(agreement, agencies, varied?.agreement ?? null),
  ];
  return { errors, agencies };
};

export const submissionProblems = async (options: { agreement: TAgreement; agencies: TAgencyStore; agreements: TAgreementStore; now: Date }) => (await readinessOf(options.agreement, options)).errors;

/**
 * Submits a draft for signature: checks every rule of the contract (Lifecycle) (all failures named in one 422),
 * fixes the document hash, and emails the first routing group their links.
 */
export const submitAgreement = async (options: TLegalAction & { linkSigner: TLinkSigner; agencies: TAgencyStore }): Promise<TAgreement> =>
  written(
    await changeAgreement({
      ...asUser(options),
      change: async ({ stored }) => {
        assertCanPerform(stored.agreement.status, 'submit');
        const { agreement } = stored;
        const { errors, agencies } = await readinessOf(agreement, options);
        if (errors.length > 0) throw new AppError('unprocessable', 'The agreement cannot go for signature yet.', errors);

        const named = withAuthorisedNames(agreement, agencies);
        const fixed: TAgreement = { ...named, status: 'awaiting_signatures', documentSha256: documentSha256Of(named) };
        const links = openLinksFor(options, stored, fixed, signatoriesToRequest(fixed));
        return {
          agreement: links.agreement,
          actor: userActor(options.user),
          events: [
            {
              type: 'submitted',
              data: { documentSha256: fixed.documentSha256 },
              // Each party agency hears that it is named from Accord itself, in the same write as the signing links.
              emails: fixed.parties.map((party) => ({
                template: 'party_named' as const,
                variant: `party|${party.agencyId}`,
                to: (agencies.get(party.agencyId)?.legalContacts ?? []).map((to) => ({ to })),
                vars: { partyName: party.agencyName, partySignatories: signatoriesLine(party) },
              })),
            },
            {
              type: 'signatures_requested',
              data: { signatoryIds: links.requests.map((r) => r.signatoryId), linkExpiresAt: links.linkExpiresAt },
              emails: [signatureRequestEmail(links)],
            },
          ],
          ...linkChanges(links),
          indexDocument: true,
          // Submitting emails every signatory and party: a withdraw-revise-submit loop cannot become a mail cannon.
          rateLimit: dailyLimit(options, `submit|${agreement.reference}`, 'This agreement has been sent for signature'),
        };
      },
    }),
  );

/**
 * The legal team takes something back (sign-off, a termination round): `check` refuses it when it
 * cannot be, every open link closes, and everyone is told why.
 */
const withdrawal = async (
  options: TLegalAction & { reason: string },
  what: { check: (agreement: TAgreement) => void; after: (agreement: TAgreement) => TAgreement; event: string; template: TEmailTemplate },
): Promise<TAgreement> =>
  written(
    await changeAgreement({
      ...asUser(options),
      change: ({ stored }) => {
        what.check(stored.agreement);
        const agreement = what.after(stored.agreement);
        return {
          agreement,
          actor: userActor(options.user),
          events: [{ type: what.event, data: { reason: options.reason }, emails: [toEveryone(agreement, what.template, { reason: options.reason })] }],
          ...revokeAllLinks(stored.openRequests),
        };
      },
    }),
  );

/** Withdraws an agreement from sign-off: every open link is revoked and everyone is told. */
export const withdrawAgreement = (options: TLegalAction & { reason: string }): Promise<TAgreement> =>
  withdrawal(options, {
    check: (agreement) => assertCanPerform(agreement.status, 'withdraw'),
    after: (agreement) => ({ ...agreement, status: 'withdrawn' }),
    event: 'withdrawn',
    template: 'agreement_withdrawn',
  });

/** A signatory's inbox is not a megaphone: at most this many emails on demand a day (London days), per signatory, agreement or round. */
export const EMAILS_ON_DEMAND_PER_DAY = 3;

type TFound = NonNullable<ReturnType<typeof findSignatory>>;

/** A new link only goes to someone the agency still authorises to sign for it. */
const assertStillAuthorised = async (agencies: TAgencyStore, found: TFound) => {
  if (!(await isStillAuthorised(agencies, found))) {
    throw new AppError('unprocessable', `${found.signatory.name} is no longer on ${found.party.agencyName}'s list of people who may sign for it.`);
  }
};

/** Sends a signatory a new link (to sign, or to agree to end the agreement); the old one stops working at once. */
export const resendSigningLink = async (options: TLegalAction & { signatoryId: string; linkSigner: TLinkSigner; agencies: TAgencyStore }): Promise<TAgreement> =>
  written(
    await changeAgreement({
      ...asUser(options),
      change: async ({ stored }) => {
        const found = findSignatory(stored.agreement, options.signatoryId);
        const round = openTerminationRound(stored.agreement);
        if (!round) assertCanPerform(stored.agreement.status, 'decide');
        if (!found) throw new AppError('not_found', 'No such signatory on this agreement.');
        return round ? resendTerminationLink(options, stored, round, found) : resendSignOffLink(options, stored, found);
      },
    }),
  );

const resendSignOffLink = async (options: TLegalAction & { linkSigner: TLinkSigner; agencies: TAgencyStore }, stored: TStoredAgreement, found: TFound): Promise<TChange> => {
  await assertStillAuthorised(options.agencies, found);
  if (!['requested', 'expired', 'bounced'].includes(found.signatory.status)) {
    throw new AppError(
      'illegal_transition',
      found.signatory.status === 'pending'
        ? 'This signatory is not due yet: their routing group has not been reached.'
        : `This signatory has already ${found.signatory.status === 'not_required' ? 'been released' : 'decided'}.`,
    );
  }
  const links = openLinksFor(options, stored, stored.agreement, [found.signatory]);
  return linkResent(options, stored, found, links, { agreement: links.agreement, event: 'signing_link_resent', email: signatureRequestEmail(links) });
};

/** A signatory's new link, and the email carrying it, counted against their daily allowance. */
const linkResent = (
  options: TLegalAction,
  stored: TStoredAgreement,
  found: TFound,
  links: ReturnType<typeof openLinks>,
  what: { agreement: TAgreement; event: string; email: TEmail },
): TChange => ({
  agreement: what.agreement,
  actor: userActor(options.user),
  events: [{ type: what.event, data: { signatoryId: found.signatory.id, linkExpiresAt: links.linkExpiresAt }, emails: [what.email] }],
  ...linkChanges(links),
  rateLimit: resendLimit(options, stored, found.signatory),
});

/**
 * Puts someone else in the place of a signatory who has not decided (they left their post, or
 * delegate): the new person must be on the party agency's list; the old link closes and, if the
 * signatory was already asked, the new person gets a link at once. Approvals already given stand:
 * the document hash binds what is agreed, not who signs.
 */
export const replaceSignatory = async (
  options: TLegalAction & TReplaceSignatoryRequest & { signatoryId: string; linkSigner: TLinkSigner; agencies: TAgencyStore },
): Promise<TAgreement> =>
  written(
    await changeAgreement({
      ...asUser(options),
      change: async ({ stored }) => {
        assertCanPerform(stored.agreement.status, 'decide');
        const found = findSignatory(stored.agreement, options.signatoryId);
        if (!found) throw new AppError('not_found', 'No such signatory on this agreement.');
        const { signatory, party } = found;
        if (!['pending', 'requested', 'expired', 'bounced'].includes(signatory.status)) {
          throw new AppError('illegal_transition', `${signatory.name} has already ${signatory.status === 'not_required' ? 'been released' : 'decided'}; a decision given stands.`);
        }
        const entry = authorisedEntry(await options.agencies.get(party.agencyId), options.email);
        if (!entry) {
          throw new AppError('unprocessable', `${options.email} is not on ${party.agencyName}'s list of people who may sign for it.`, [
            { path: 'email', message: `must be on ${party.agencyName}'s list of authorised signatories` },
          ]);
        }
        if (party.signatories.some((other) => other.id !== signatory.id && other.email.toLowerCase() === options.email)) {
          throw new AppError('validation_failed', `${entry.name} already signs for ${party.agencyName} on this agreement.`, [{ path: 'email', message: 'already a signatory of this party' }]);
        }
        // The agency's list names who signs, as at submission.
        const successor: TSignatory = { ...signatory, id: options.newId(), name: entry.name, role: entry.role, email: options.email, status: 'pending', requestedAt: null };
        const replaced = mapSignatories(stored.agreement, (s) => (s.id === signatory.id ? successor : s));
        const closed = revokeLinks(stored.openRequests, [signatory.id]);
        const asked = signatory.status !== 'pending';
        const links = asked ? openLinks({ agreement: replaced, signatories: [successor], openRequests: closed.openRequests, now: options.now, newId: options.newId, linkSigner: options.linkSigner }) : null;
        return {
          agreement: links?.agreement ?? replaced,
          actor: userActor(options.user),
          events: [
            {
              type: 'signatory_replaced',
              data: {
                signatoryId: signatory.id,
                by: successor.id,
                party: party.agencyId,
                kind: options.kind,
                reason: options.reason,
                from: { name: signatory.name, role: signatory.role, email: signatory.email },
                to: { name: successor.name, role: successor.role, email: successor.email },
                ...(links ? { linkExpiresAt: links.linkExpiresAt } : {}),
              },
              emails: links ? [signatureRequestEmail(links)] : [],
            },
          ],
          openRequests: links?.openRequests ?? closed.openRequests,
          newRequests: links?.requests ?? [],
          closedRequests: [...closed.closedRequests, ...(links?.revoked ?? [])],
        };
      },
    }),
  );

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
  found: TFound,
): Promise<TChange> => {
  if (found.party.leaving) throw new AppError('illegal_transition', `${found.party.agencyName} has left this agreement.`);
  const partyAgreed = !partiesYetToAgree(stored.agreement, round).some((party) => party.agencyId === found.party.agencyId);
  if (round.approvals[found.signatory.id] || partyAgreed) {
    throw new AppError('illegal_transition', `${found.party.agencyName} has already agreed to end this agreement.`);
  }
  if (round.asked && !round.asked.includes(found.signatory.id)) throw new AppError('illegal_transition', `${found.signatory.name} was not asked in this round.`);
  await assertStillAuthorised(options.agencies, found);
  const links = openLinks({
    agreement: stored.agreement,
    signatories: [found.signatory],
    openRequests: stored.openRequests,
    now: options.now,
    newId: options.newId,
    linkSigner: options.linkSigner,
    purpose: 'termination',
  });
  return linkResent(options, stored, found, links, {
    agreement: stored.agreement,
    event: 'termination_link_resent',
    email: { template: 'termination_requested', to: links.recipients, vars: terminationRequestVars(round, links.linkExpiresAt) },
  });
};

/**
 * Asks every party to agree to end an agreement in force (PA 1996 s.23C(5)): each party's
 * signatories get a link, as in sign-off; the agreement ends only when every party has agreed.
 */
export const requestTermination = async (options: TLegalAction & TTerminationRequest & { linkSigner: TLinkSigner; agencies: TAgencyStore }): Promise<TAgreement> =>
  written(await changeAgreement({ ...asUser(options), change: ({ stored }) => terminationRoundChange(options, stored) }));

/**
 * The change that opens a termination round on a loaded agreement; `also` are changes and events
 * recorded in the same write (a review whose outcome is to end the agreement).
 */
export const terminationRoundChange = async (
  options: Omit<TLegalAction, 'id' | 'ifMatch'> & TTerminationRequest & { linkSigner: TLinkSigner; agencies: TAgencyStore },
  stored: TStoredAgreement,
  also: { changes?: Partial<TAgreement>; events?: TChangeEvent[] } = {},
): Promise<TChange> => {
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
  const signatories = askedByParty.flat();
  const round: TTerminationRound = {
    reason: options.reason,
    effectiveDate,
    requestedBy: options.user.email,
    requestedAt: options.now.toISOString(),
    asked: signatories.map((s) => s.id),
    required: Object.fromEntries(bound.map((party, index) => [party.agencyId, Math.min(party.requiredApprovals, askedByParty[index]!.length)])),
    approvals: {},
    agreedAt: null,
  };
  const links = openLinks({ agreement, signatories, openRequests: stored.openRequests, now: options.now, newId: options.newId, linkSigner: options.linkSigner, purpose: 'termination' });
  const next = { ...agreement, terminationRound: round };
  const vars = terminationRequestVars(round, links.linkExpiresAt);
  return {
    agreement: next,
    actor: userActor(options.user),
    events: [
      ...(also.events ?? []),
      {
        type: 'termination_requested',
        data: { reason: options.reason, effectiveDate, signatoryIds: signatories.map((s) => s.id), linkExpiresAt: links.linkExpiresAt },
        emails: [
          { template: 'termination_requested', to: links.recipients, vars },
          { template: 'termination_requested', variant: 'told', to: ownerAndLegal(next), vars },
        ],
      },
    ],
    ...linkChanges(links),
    rateLimit: dailyLimit(options, `termination|${agreement.id}`, 'Every party has been asked to end this agreement'),
  };
};

/** Withdraws an open termination round (it asked the wrong thing, or stalled): every link closes and everyone is told. */
export const withdrawTermination = (options: TLegalAction & { reason: string }): Promise<TAgreement> =>
  withdrawal(options, {
    check: (agreement) => {
      if (!openTerminationRound(agreement)) {
        throw new AppError('illegal_transition', agreement.terminationRound?.agreedAt ? 'Every party has already agreed to end this agreement.' : 'No termination is awaiting decisions.');
      }
    },
    after: (agreement) => ({ ...agreement, terminationRound: null }),
    event: 'termination_withdrawn',
    template: 'termination_withdrawn',
  });
