import { createAgency, listAgencies } from '../../../shared/domain/agency/agencies';
import { defineRoute } from '../../../shared/http/route';
import { ZAgency, ZAgencyList, ZCreateAgencyRequest } from '../../../shared/schemas/agency';
import { agencies } from '../dependencies';

export const agencyRoutes = [
  defineRoute({
    method: 'GET',
    path: '/agencies',
    summary: 'List agencies',
    tags: ['agencies'],
    auth: 'viewer',
    responses: { 200: { description: 'Every agency, by name', schema: ZAgencyList } },
    handle: async ({ user }) => ({ status: 200, body: { items: await listAgencies({ user, agencies }) } }),
  }),
  defineRoute({
    method: 'POST',
    path: '/agencies',
    summary: 'Create an agency',
    tags: ['agencies'],
    auth: 'admin',
    body: ZCreateAgencyRequest,
    responses: { 201: { description: 'Created', schema: ZAgency }, 409: { description: 'The id is taken' } },
    handle: async ({ body, user }) => {
      const agency = await createAgency({ input: body, user, now: new Date(), agencies });
      return { status: 201, body: agency, headers: { location: `/agencies/${agency.id}` } };
    },
  }),
];
