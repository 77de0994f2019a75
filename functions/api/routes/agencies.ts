import { createAgency, listAgencies, listAgencyEvents, readAgency, setAuthorisedSignatories, setLegalContacts, setProposalContacts } from '../../../shared/domain/agency/agencies';
import { ZProposalContactsRequest } from '../../../shared/schemas/proposal';
import type { TAgency } from '../../../shared/schemas/agency';
import { defineRoute } from '../../../shared/http/route';
import {
  ZAgency,
  ZAgencyIdParams,
  ZAgencyList,
  ZAuthorisedSignatories,
  ZAuthorisedSignatoriesRequest,
  ZCreateAgencyRequest,
  ZLegalContactsRequest,
} from '../../../shared/schemas/agency';
import { ZAgencyEventList } from '../../../shared/schemas/audit-event';
import { agencies, newId } from '../dependencies';

const authorisedSignatoriesOf = (agency: TAgency) => ({ agencyId: agency.id, signatories: agency.signatories, emailDomains: agency.emailDomains });

export const agencyRoutes = [
  defineRoute({
    method: 'GET',
    path: '/agencies',
    operationId: 'listAgencies',
    summary: 'List agencies',
    tags: ['agencies'],
    auth: 'viewer',
    responses: { 200: { description: 'Every agency, by name', schema: ZAgencyList } },
    handle: async ({ user }) => ({ status: 200, body: { items: await listAgencies({ user, agencies }) } }),
  }),
  defineRoute({
    method: 'POST',
    path: '/agencies',
    operationId: 'createAgency',
    summary: 'Create an agency',
    tags: ['agencies'],
    auth: 'admin',
    body: ZCreateAgencyRequest,
    responses: { 201: { description: 'Created', schema: ZAgency }, 409: { description: 'The id is taken' } },
    handle: async ({ body, user }) => {
      const agency = await createAgency({ input: body, user, now: new Date(), newId, agencies });
      return { status: 201, body: agency, headers: { location: `/agencies/${agency.id}` } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/agencies/{id}',
    operationId: 'getAgency',
    summary: 'One agency, with who may sign for it and who is told when it is named as a party',
    tags: ['agencies'],
    auth: 'viewer',
    params: ZAgencyIdParams,
    responses: { 200: { description: 'The agency', schema: ZAgency }, 404: { description: 'No such agency' } },
    handle: async ({ params, user }) => ({ status: 200, body: await readAgency({ agencyId: params.id, user, agencies }) }),
  }),
  defineRoute({
    method: 'GET',
    path: '/agencies/{id}/signatories',
    operationId: 'getAuthorisedSignatories',
    summary: "The agency's authorised signatories: only they may be named to sign for it",
    tags: ['agencies'],
    auth: 'viewer',
    params: ZAgencyIdParams,
    responses: { 200: { description: 'The list', schema: ZAuthorisedSignatories }, 404: { description: 'No such agency' } },
    handle: async ({ params, user }) => ({ status: 200, body: authorisedSignatoriesOf(await readAgency({ agencyId: params.id, user, agencies })) }),
  }),
  defineRoute({
    method: 'PUT',
    path: '/agencies/{id}/signatories',
    operationId: 'setAuthorisedSignatories',
    summary: "Replace the agency's authorised signatories (its own editors, or an admin); the change is in its audit trail",
    tags: ['agencies'],
    auth: 'editor',
    params: ZAgencyIdParams,
    body: ZAuthorisedSignatoriesRequest,
    responses: { 200: { description: 'The new list', schema: ZAuthorisedSignatories }, 403: { description: 'Not an editor of this agency' } },
    handle: async ({ params, body, user }) => ({
      status: 200,
      body: authorisedSignatoriesOf(await setAuthorisedSignatories({ agencyId: params.id, input: body, user, now: new Date(), newId, agencies })),
    }),
  }),
  defineRoute({
    method: 'PUT',
    path: '/agencies/{id}/legal-contacts',
    operationId: 'setLegalContacts',
    summary: 'Replace who is told when the agency is named as a party (its own editors, or an admin)',
    tags: ['agencies'],
    auth: 'editor',
    params: ZAgencyIdParams,
    body: ZLegalContactsRequest,
    responses: { 200: { description: 'The agency', schema: ZAgency }, 403: { description: 'Not an editor of this agency' } },
    handle: async ({ params, body, user }) => ({
      status: 200,
      body: await setLegalContacts({ agencyId: params.id, legalContacts: body.legalContacts, user, now: new Date(), newId, agencies }),
    }),
  }),
  defineRoute({
    method: 'PUT',
    path: '/agencies/{id}/proposal-contacts',
    operationId: 'setProposalContacts',
    summary: "Replace who records the agency's view of collaboration proposals, and whether its declines are published (its own editors, or an admin)",
    tags: ['agencies'],
    auth: 'editor',
    params: ZAgencyIdParams,
    body: ZProposalContactsRequest,
    responses: { 200: { description: 'The agency', schema: ZAgency }, 403: { description: 'Not an editor of this agency' } },
    handle: async ({ params, body, user }) => ({
      status: 200,
      body: await setProposalContacts({ agencyId: params.id, proposalContacts: body.proposalContacts, publishDeclines: body.publishDeclines, user, now: new Date(), newId, agencies }),
    }),
  }),
  defineRoute({
    method: 'GET',
    path: '/agencies/{id}/events',
    operationId: 'listAgencyEvents',
    summary: "The agency's audit trail: every change to who signs for it and who is told, oldest first",
    tags: ['agencies'],
    auth: 'viewer',
    params: ZAgencyIdParams,
    responses: { 200: { description: 'The events, hash-chained', schema: ZAgencyEventList } },
    handle: async ({ params, user }) => ({ status: 200, body: { items: await listAgencyEvents({ agencyId: params.id, user, agencies }) } }),
  }),
];
