import { AppError, type TFieldError } from '../../errors';
import type { TAgency } from '../../schemas/agency';
import type { TAgreement } from '../../schemas/agreement';
import type { TActor, TProposalEvent } from '../../schemas/audit-event';
import type { TOutboxMessage, TRecipient } from '../../schemas/outbox';
import type { TCreateProposalRequest, TProposal, TProposalLink, TProposalParty, TProposalViewForm } from '../../schemas/proposal';
import { createDraft } from '../agreement/create-draft';
import { appendProposalEvent, EMPTY_AUDIT_HEAD, sha256Hex } from '../audit/audit-chain';
import { ConcurrentWriteError, type TAgencyStore, type TAgreementStore, type TAuditHead, type TLinkSigner, type TProposalStore, type TProposalWrite } from '../ports';
import { LINK_LIFETIME_DAYS } from '../signing/links';
import { proposalViewEvent } from '../webhooks/catalogue';
import { hasRole, type TUser } from '../user';

const DAY_MS = 24 * 3600_000;
/** Links one proposal sends: with the proposal, its list entries and its trail, well inside a transaction's 100 items. */
const MAX_LINKS = 60;

/** Two or more parties seeing a benefit must proceed to an agreement (PCA 2017 s.3(4); PA 1996 s.22C). */
const mustProceed = (proposal: Pick<TProposal, 'parties'>) => proposal.parties.filter((party) => party.view?.kind === 'benefit').length >= 2;

const canSee = (user: TUser, proposal: TProposal) => user.role === 'admin' || proposal.parties.some((party) => user.agencies.includes(party.agencyId));

/** Who records an agency's view: its proposal contacts, or else its legal contacts. */
const contactsOf = (agency: TAgency) => (agency.proposalContacts.length > 0 ? agency.proposalContacts : agency.legalContacts);

/** What a user's action on proposals is given. */
type TProposalAction = { user: TUser; now: Date; newId: () => string; agencies: TAgencyStore; proposals: TProposalStore };

/** Writes a change a user made to what they read; a concurrent change (another party's view) is theirs to retry. */
const saveAsUser = async (proposals: TProposalStore, write: TProposalWrite, previousRevision: number) => {
  try {
    await proposals.update(write, previousRevision);
  } catch (error) {
    if (error instanceof ConcurrentWriteError) throw new AppError('conflict', 'The proposal changed meanwhile; try again.');
    throw error;
  }
};

/** Appends events to a proposal's trail. */
const chainEvents = (head: TAuditHead, proposalId: string, at: string, actor: TActor, inputs: { id: string; type: string; data: Record<string, unknown> }[]) => {
  const events: TProposalEvent[] = [];
  for (const input of inputs) {
    const appended = appendProposalEvent(head, { ...input, proposalId, at, actor });
    head = appended.head;
    events.push(appended.event);
  }
  return { events, head };
};

/**
 * Records a collaboration proposal (PCA 2017 s.2; Police Act 1996 s.22B) and emails each proposed
 * party's contacts a link to record its view, made as a signing link is: derived from a key, kept
 * only as a hash, used once. The proposer sees a benefit by proposing.
 */
export const createProposal = async (options: TProposalAction & { input: TCreateProposalRequest; linkSigner: TLinkSigner }): Promise<TProposal> => {
  const { input, user, now, newId } = options;
  if (user.role !== 'admin' && !user.agencies.includes(input.proposerAgencyId)) {
    throw new AppError('forbidden', 'Only an editor of the proposing agency, or an admin, records its proposal.');
  }
  const known = await options.agencies.getMany([input.proposerAgencyId, ...input.agencyIds]);
  const errors: TFieldError[] = [];
  const proposer = known.get(input.proposerAgencyId);
  if (!proposer) errors.push({ path: 'proposerAgencyId', message: `no agency '${input.proposerAgencyId}'` });
  const seen = new Set<string>([input.proposerAgencyId]);
  input.agencyIds.forEach((agencyId, index) => {
    const agency = known.get(agencyId);
    if (seen.has(agencyId)) errors.push({ path: `agencyIds.${index}`, message: agencyId === input.proposerAgencyId ? 'the proposer is a party already' : 'named twice' });
    else if (!agency) errors.push({ path: `agencyIds.${index}`, message: `no agency '${agencyId}'` });
    else if (contactsOf(agency).length === 0) errors.push({ path: `agencyIds.${index}`, message: `${agency.name} has no proposal or legal contact to send it to; its editors add one` });
    seen.add(agencyId);
  });
  const linkCount = input.agencyIds.reduce((count, agencyId) => count + (known.get(agencyId) ? contactsOf(known.get(agencyId)!).length : 0), 0);
  // One transaction writes the proposal and every link: DynamoDB takes at most 100 items in one.
  if (linkCount > MAX_LINKS) errors.push({ path: 'agencyIds', message: `the agencies have ${linkCount} contacts between them; a proposal goes to at most ${MAX_LINKS}` });
  if (errors.length > 0) throw new AppError('unprocessable', 'The proposal cannot be sent.', errors);
  const at = now.toISOString();
  const id = newId();
  const others = input.agencyIds.map((agencyId) => known.get(agencyId)!);
  const proposal: TProposal = {
    id,
    title: input.title,
    summary: input.summary,
    proposerAgencyId: proposer!.id,
    parties: [proposer!, ...others].map((agency, index) => ({
      agencyId: agency.id,
      agencyName: agency.name,
      agencyType: agency.type,
      publishesDeclines: agency.publishProposalDeclines,
      view: index === 0 ? { kind: 'benefit', ground: null, reasons: 'Proposed it.', recordedAt: at, recordedBy: { name: user.email, email: user.email } } : null,
    })),
    mustProceed: false,
    draftAgreementId: null,
    createdAt: at,
    createdBy: user.email,
    revision: 1,
  };
  const eventId = newId();
  const { links, message, linkExpiresAt } = proposalLinks({ proposal, agencies: others, eventId, now, newId, linkSigner: options.linkSigner });
  const { events, head } = chainEvents(EMPTY_AUDIT_HEAD, id, at, { kind: 'user', email: user.email }, [
    { id: eventId, type: 'proposal_created', data: { title: input.title, proposerAgencyId: proposer!.id, agencyIds: input.agencyIds, linkExpiresAt } },
  ]);
  await options.proposals.create({ proposal, auditHead: head, events, newLinks: links, messages: [message] });
  return proposal;
};

/** A link for each contact of each agency, and the one email that carries them, for the event `eventId`. */
const proposalLinks = (options: { proposal: TProposal; agencies: TAgency[]; eventId: string; now: Date; newId: () => string; linkSigner: TLinkSigner }) => {
  const { proposal } = options;
  const linkExpiresAt = new Date(options.now.getTime() + LINK_LIFETIME_DAYS * DAY_MS).toISOString();
  const links: TProposalLink[] = [];
  const recipients: TRecipient[] = [];
  for (const agency of options.agencies) {
    for (const email of contactsOf(agency)) {
      const link = { requestId: options.newId(), keyId: options.linkSigner.currentKeyId };
      links.push({ ...link, tokenHash: sha256Hex(options.linkSigner.tokenFor(link)), proposalId: proposal.id, agencyId: agency.id, email, linkExpiresAt, state: 'open' });
      recipients.push({ to: email, party: agency.name, link: { ...link, kind: 'proposal' } });
    }
  }
  const message: TOutboxMessage = {
    id: sha256Hex(`${options.eventId}|collaboration_proposal`).slice(0, 32),
    template: 'collaboration_proposal',
    vars: { title: proposal.title, summary: proposal.summary, proposer: proposal.parties[0]!.agencyName, parties: proposal.parties.map((party) => party.agencyName).join(', '), linkExpiresAt },
    recipients,
    createdAt: options.now.toISOString(),
  };
  return { links, message, linkExpiresAt };
};

/**
 * Sends a proposed agency that has not answered fresh links (its first ones expired, or went to
 * someone who left): an editor of the proposing agency, or an admin, asks.
 */
export const resendProposal = async (options: TProposalAction & { id: string; agencyId: string; linkSigner: TLinkSigner }): Promise<TProposal> => {
  const { proposal, auditHead } = await readProposal(options);
  if (options.user.role !== 'admin' && !(hasRole(options.user, 'editor') && options.user.agencies.includes(proposal.proposerAgencyId))) {
    throw new AppError('forbidden', 'Only an editor of the proposing agency, or an admin, sends the proposal again.');
  }
  const party = proposal.parties.find((candidate) => candidate.agencyId === options.agencyId && candidate.agencyId !== proposal.proposerAgencyId);
  if (!party) throw new AppError('unprocessable', 'That agency is not asked by this proposal.', [{ path: 'agencyId', message: `${options.agencyId} is not a proposed party` }]);
  if (party.view) throw new AppError('conflict', `${party.agencyName}'s view is already recorded.`);
  const agency = await options.agencies.get(party.agencyId);
  if (!agency || contactsOf(agency).length === 0) {
    throw new AppError('unprocessable', 'The agency has no one to send it to.', [{ path: 'agencyId', message: `${party.agencyName} has no proposal or legal contact` }]);
  }
  const eventId = options.newId();
  const { links, message, linkExpiresAt } = proposalLinks({ proposal, agencies: [agency], eventId, now: options.now, newId: options.newId, linkSigner: options.linkSigner });
  const { events, head } = chainEvents(auditHead, proposal.id, options.now.toISOString(), { kind: 'user', email: options.user.email }, [
    { id: eventId, type: 'proposal_resent', data: { agencyId: party.agencyId, linkExpiresAt } },
  ]);
  const next = { ...proposal, revision: proposal.revision + 1 };
  await saveAsUser(options.proposals, { proposal: next, auditHead: head, events, newLinks: links, messages: [message] }, proposal.revision);
  return next;
};

export const listProposals = async (options: { user: TUser; proposals: TProposalStore }) =>
  options.proposals.list(options.user.role === 'admin' ? 'all' : options.user.agencies);

/** A proposal the user may see: an admin any, others those their agencies are party to; any other is missing. */
export const readProposal = async (options: { id: string; user: TUser; proposals: TProposalStore }) => {
  const stored = await options.proposals.get(options.id);
  if (!stored || !canSee(options.user, stored.proposal)) throw new AppError('not_found', 'No such proposal.');
  return stored;
};

export const listProposalEvents = async (options: { id: string; user: TUser; proposals: TProposalStore }) => {
  await readProposal(options);
  return options.proposals.listEvents(options.id);
};

/** What a proposal link opens: the proposal and the party it asks. 410 once used, closed or expired. */
export const viewProposalLink = async (options: { token: string; now: Date; proposals: TProposalStore }) => {
  const link = await options.proposals.getLink(sha256Hex(options.token));
  if (!link) throw new AppError('not_found', 'This link is not valid.');
  if (link.state !== 'open') throw new AppError('gone', 'This link has already been used.');
  if (options.now.toISOString() >= link.linkExpiresAt) throw new AppError('gone', 'This link has expired; ask the proposing agency to send the proposal again.');
  const stored = await options.proposals.get(link.proposalId);
  if (!stored) throw new AppError('not_found', 'This proposal no longer exists.');
  const party = stored.proposal.parties.find((candidate) => candidate.agencyId === link.agencyId)!;
  return { ...stored, link, party };
};

const ATTEMPTS = 10;

/**
 * Records a party's view from its link: it would benefit, or it declines on a statutory ground
 * (the NHS ground is an ambulance trust's alone), with reasons. The first view of a party stands.
 */
export const recordProposalView = async (options: {
  token: string;
  form: TProposalViewForm;
  now: Date;
  newId: () => string;
  proposals: TProposalStore;
  agencies: Pick<TAgencyStore, 'get'>;
}): Promise<{ proposal: TProposal; party: TProposalParty }> => {
  for (let attempt = 1; ; attempt += 1) {
    const { proposal, auditHead, link, party: asked } = await viewProposalLink(options);
    // Whether a decline is published is the agency's choice as it stands when it declines.
    const agency = await options.agencies.get(asked.agencyId);
    const party = { ...asked, publishesDeclines: agency?.publishProposalDeclines ?? asked.publishesDeclines };
    if (party.view) throw new AppError('conflict', `${party.agencyName}'s view is already recorded.`);
    if (options.form.view === 'decline' && options.form.ground === 'other_functions_or_nhs' && party.agencyType !== 'ambulance_trust') {
      throw new AppError('validation_failed', 'That ground is an ambulance trust’s.', [{ path: 'ground', message: 'only an ambulance trust may decline for its other functions or the NHS' }]);
    }
    const at = options.now.toISOString();
    const view = {
      kind: options.form.view,
      ground: options.form.view === 'decline' ? options.form.ground! : null,
      reasons: options.form.reasons,
      recordedAt: at,
      recordedBy: { name: options.form.name, email: link.email },
    };
    const parties = proposal.parties.map((candidate) => (candidate.agencyId === party.agencyId ? { ...party, view } : candidate));
    const next: TProposal = { ...proposal, parties, mustProceed: mustProceed({ parties }), revision: proposal.revision + 1 };
    const { events, head } = chainEvents(auditHead, proposal.id, at, { kind: 'signatory', email: link.email, name: options.form.name }, [
      { id: options.newId(), type: 'proposal_view_recorded', data: { agencyId: party.agencyId, view: view.kind, ground: view.ground, reasons: view.reasons } },
      ...(next.mustProceed && !proposal.mustProceed ? [{ id: options.newId(), type: 'proposal_must_proceed', data: { agencyIds: parties.filter((p) => p.view?.kind === 'benefit').map((p) => p.agencyId) } }] : []),
    ]);
    try {
      const webhookEvents = [proposalViewEvent(events[0]!, next)];
      await options.proposals.update({ proposal: next, auditHead: head, events, usedLink: link.tokenHash, webhookEvents }, proposal.revision);
      return { proposal: next, party: { ...party, view } };
    } catch (error) {
      // Another party answered at the same moment: read again and record this view on top.
      if (!(error instanceof ConcurrentWriteError) || attempt === ATTEMPTS) throw error;
    }
  }
};

/**
 * Opens a draft agreement among the parties that see a benefit, linked to the proposal (once).
 * The proposal names its draft first, so a draft that failed to be written is made on a retry.
 */
export const draftFromProposal = async (options: TProposalAction & { id: string; agreements: TAgreementStore }): Promise<TAgreement> => {
  const { proposal, auditHead } = await readProposal(options);
  if (!hasRole(options.user, 'editor')) throw new AppError('forbidden', 'This needs the editor role.');
  const benefit = proposal.parties.filter((party) => party.view?.kind === 'benefit');
  // The draft is theirs to open who will be party to it: an editor of an agency that sees a benefit, or an admin.
  const ownAgency = options.user.role === 'admin' ? proposal.proposerAgencyId : benefit.find((party) => options.user.agencies.includes(party.agencyId))?.agencyId;
  if (!ownAgency) throw new AppError('forbidden', 'Only an editor of a party that sees a benefit, or an admin, opens the draft.');
  if (!proposal.mustProceed) throw new AppError('illegal_transition', 'Fewer than two parties see a benefit: there is nothing to draft yet.');
  if (proposal.draftAgreementId && (await options.agreements.get(proposal.draftAgreementId))) {
    throw new AppError('illegal_transition', `The draft is already open (${proposal.draftAgreementId}).`);
  }
  const draftId = proposal.draftAgreementId ?? options.newId();
  if (!proposal.draftAgreementId) {
    const at = options.now.toISOString();
    const { events, head } = chainEvents(auditHead, proposal.id, at, { kind: 'user', email: options.user.email }, [
      { id: options.newId(), type: 'draft_opened', data: { agreementId: draftId } },
    ]);
    await saveAsUser(options.proposals, { proposal: { ...proposal, draftAgreementId: draftId, revision: proposal.revision + 1 }, auditHead: head, events }, proposal.revision);
  }
  return createDraft({
    input: { title: proposal.title, summary: proposal.summary, parties: benefit.map((party) => ({ agencyId: party.agencyId })), ownerAgencyId: ownAgency },
    user: options.user,
    now: options.now,
    newId: options.newId,
    agencies: options.agencies,
    agreements: options.agreements,
    id: draftId,
    proposalId: proposal.id,
  });
};
