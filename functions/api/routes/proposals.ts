import { createProposal, draftFromProposal, listProposalEvents, listProposals, readProposal, resendProposal } from '../../../shared/domain/proposal/proposals';
import { defineRoute } from '../../../shared/http/route';
import { ZAgreement } from '../../../shared/schemas/agreement';
import { ZProposalEventList } from '../../../shared/schemas/audit-event';
import { ZCreateProposalRequest, ZProposal, ZProposalIdParams, ZProposalList, ZPublishedDeclineList, ZResendProposalRequest } from '../../../shared/schemas/proposal';
import { agencies, agreements, linkSigner, newId, proposals } from '../dependencies';

const NOT_FOUND = { 404: { description: 'No such proposal, or not one of the caller’s agencies' } };

/** Collaboration proposals (PCA 2017 s.2–3; Police Act 1996 s.22B–22C): made, considered by each party, drafted. */
export const proposalRoutes = [
  defineRoute({
    method: 'POST',
    path: '/proposals',
    operationId: 'createProposal',
    summary: "Record a collaboration proposal; each proposed party's contacts are emailed a link to record its view",
    tags: ['proposals'],
    auth: 'editor',
    body: ZCreateProposalRequest,
    responses: {
      201: { description: 'The proposal', schema: ZProposal },
      403: { description: 'Not an editor of the proposing agency' },
      422: { description: 'An unknown agency, one named twice, or one with no contact to send it to' },
    },
    handle: async ({ body, user }) => {
      const proposal = await createProposal({ input: body, user, now: new Date(), newId, agencies, proposals, linkSigner: await linkSigner() });
      return { status: 201, body: proposal, headers: { location: `/proposals/${proposal.id}` } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/proposals',
    operationId: 'listProposals',
    summary: 'Proposals the caller’s agencies are party to (every one, for an admin), newest first',
    tags: ['proposals'],
    auth: 'viewer',
    responses: { 200: { description: 'Up to the newest 100', schema: ZProposalList } },
    handle: async ({ user }) => ({ status: 200, body: { items: await listProposals({ user, proposals }) } }),
  }),
  defineRoute({
    method: 'GET',
    path: '/proposals/{id}',
    operationId: 'getProposal',
    summary: "One proposal with each party's view and whether they must proceed",
    tags: ['proposals'],
    auth: 'viewer',
    params: ZProposalIdParams,
    responses: { 200: { description: 'The proposal', schema: ZProposal }, ...NOT_FOUND },
    handle: async ({ params, user }) => ({ status: 200, body: (await readProposal({ id: params.id, user, proposals })).proposal }),
  }),
  defineRoute({
    method: 'GET',
    path: '/proposals/{id}/events',
    operationId: 'listProposalEvents',
    summary: "The proposal's hash-chained trail, oldest first",
    tags: ['proposals'],
    auth: 'viewer',
    params: ZProposalIdParams,
    responses: { 200: { description: 'The trail', schema: ZProposalEventList }, ...NOT_FOUND },
    handle: async ({ params, user }) => ({ status: 200, body: { items: await listProposalEvents({ id: params.id, user, proposals }) } }),
  }),
  defineRoute({
    method: 'POST',
    path: '/proposals/{id}/resend',
    operationId: 'resendProposal',
    summary: 'Send a proposed agency that has not answered fresh links (an editor of the proposing agency, or an admin)',
    tags: ['proposals'],
    auth: 'editor',
    params: ZProposalIdParams,
    body: ZResendProposalRequest,
    responses: {
      200: { description: 'The proposal; the agency’s contacts have been emailed new links', schema: ZProposal },
      403: { description: 'Not an editor of the proposing agency' },
      ...NOT_FOUND,
      409: { description: 'The agency has answered' },
      422: { description: 'Not a proposed party, or no one to send it to' },
    },
    handle: async ({ params, body, user }) => ({
      status: 200,
      body: await resendProposal({ id: params.id, agencyId: body.agencyId, user, now: new Date(), newId, agencies, proposals, linkSigner: await linkSigner() }),
    }),
  }),
  defineRoute({
    method: 'GET',
    path: '/register/declines.json',
    operationId: 'getPublishedDeclines',
    summary: 'Declined collaboration proposals, with the ground and reasons, of agencies that publish their declines',
    tags: ['register'],
    auth: 'public',
    responses: { 200: { description: 'The newest 100', schema: ZPublishedDeclineList } },
    handle: async () => ({ status: 200, body: { items: await proposals.listPublishedDeclines() }, headers: { 'cache-control': 'public, max-age=300' } }),
  }),
  defineRoute({
    method: 'POST',
    path: '/proposals/{id}/draft',
    operationId: 'draftFromProposal',
    summary: 'Open the draft agreement among the parties that see a benefit, linked to the proposal',
    tags: ['proposals'],
    auth: 'editor',
    params: ZProposalIdParams,
    responses: { 201: { description: 'The draft', schema: ZAgreement }, ...NOT_FOUND, 409: { description: 'Fewer than two parties see a benefit, or the draft is open already' } },
    handle: async ({ params, user }) => {
      const draft = await draftFromProposal({ id: params.id, user, now: new Date(), newId, agencies, agreements, proposals });
      return { status: 201, body: draft, headers: { location: `/agreements/${draft.id}` } };
    },
  }),
];
