import { config } from '../config';
import { dashboardScript } from '../../../shared/html/dashboard/dashboard-client';
import { dashboardHeaders, renderDashboardShell } from '../../../shared/html/dashboard/dashboard-page';
import { defineRoute, htmlPage } from '../../../shared/http/route';

const shell = () => htmlPage(renderDashboardShell(config.dashboardSignIn), dashboardHeaders(config.dashboardSignIn));

/** The legal team's dashboard (the contract (HTTP contract)): one page shell for every `/app/…` path, and its script. */
export const dashboardRoutes = [
  defineRoute({
    method: 'GET',
    path: '/app/assets/dashboard.js',
    operationId: 'getDashboardScript',
    summary: "The dashboard's script",
    tags: ['dashboard'],
    auth: 'public',
    responses: { 200: { description: 'JavaScript', contentType: 'text/javascript' } },
    handle: async () => ({
      status: 200,
      content: { type: 'text/javascript; charset=utf-8', text: dashboardScript },
      headers: { 'cache-control': 'public, max-age=300', 'x-content-type-options': 'nosniff' },
    }),
  }),
  defineRoute({
    method: 'GET',
    path: '/app',
    operationId: 'getDashboard',
    summary: 'The legal team dashboard (HTML); it signs in and reads the API itself',
    tags: ['dashboard'],
    auth: 'public',
    responses: { 200: { description: 'An HTML page', contentType: 'text/html' } },
    handle: async () => shell(),
  }),
  defineRoute({
    method: 'GET',
    path: '/app/{proxy+}',
    operationId: 'getDashboardView',
    summary: 'Any dashboard view, e.g. /app/agreements/{id}',
    tags: ['dashboard'],
    auth: 'public',
    responses: { 200: { description: 'An HTML page', contentType: 'text/html' } },
    handle: async () => shell(),
  }),
];
