import { readPublishedAgreement, readRegister, readWholeRegister, registerCsv } from '../../../shared/domain/agreement/register';
import { ZAgreementIdParams } from '../../../shared/schemas/agreement';
import { renderPublishedAgreementPage, renderRegisterPage } from '../../../shared/html/register-page';
import { defineRoute, htmlPage } from '../../../shared/http/route';
import { ZRegister, ZRegisterQuery } from '../../../shared/schemas/register';
import { agreements } from '../dependencies';

/** Public, cacheable for a few minutes: the register changes only when an agreement comes into force or ends. */
const PUBLIC_CACHE = { 'cache-control': 'public, max-age=300' };

export const registerRoutes = [
  defineRoute({
    method: 'GET',
    path: '/register',
    operationId: 'getRegisterPage',
    summary: 'The public register of published agreements in force (HTML)',
    tags: ['register'],
    auth: 'public',
    query: ZRegisterQuery,
    responses: { 200: { description: 'An HTML page', contentType: 'text/html' } },
    handle: async ({ query }) => {
      const page = await readRegister({ ...query, agreements });
      return htmlPage(renderRegisterPage(page.items, page.nextCursor, query.agency), PUBLIC_CACHE);
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/register.json',
    operationId: 'getRegister',
    summary: 'The public register as JSON, paged',
    tags: ['register'],
    auth: 'public',
    query: ZRegisterQuery,
    responses: { 200: { description: 'A page of the register', schema: ZRegister } },
    handle: async ({ query }) => ({ status: 200, body: await readRegister({ ...query, agreements }), headers: PUBLIC_CACHE }),
  }),
  defineRoute({
    method: 'GET',
    path: '/register.csv',
    operationId: 'getRegisterCsv',
    summary: 'The whole public register as CSV',
    tags: ['register'],
    auth: 'public',
    responses: { 200: { description: 'RFC 4180 CSV', contentType: 'text/csv' } },
    handle: async () => ({
      status: 200,
      content: { type: 'text/csv; charset=utf-8', text: registerCsv(await readWholeRegister(agreements)) },
      headers: { ...PUBLIC_CACHE, 'content-disposition': 'attachment; filename="accord-register.csv"' },
    }),
  }),
  defineRoute({
    method: 'GET',
    path: '/register/agreements/{id}',
    operationId: 'getPublishedAgreementPage',
    summary: 'The text of a published agreement in force (HTML)',
    tags: ['register'],
    auth: 'public',
    params: ZAgreementIdParams,
    responses: { 200: { description: 'An HTML page', contentType: 'text/html' }, 404: { description: 'Not a published agreement in force' } },
    handle: async ({ params }) => htmlPage(renderPublishedAgreementPage(await readPublishedAgreement({ id: params.id, agreements })), PUBLIC_CACHE),
  }),
];
