import { html, layout, STYLE_SOURCE } from '../page';

export type TDashboardAuth = { kind: 'local' } | { kind: 'cognito'; domainUrl: string; clientId: string };

/**
 * What the dashboard changes in the page headers: its CSP also lets it run its own script from
 * Accord and talk to Accord's API and, signing in through Cognito, to the token endpoint; it
 * still cannot be framed.
 */
export const dashboardHeaders = (auth: TDashboardAuth) => ({
  'content-security-policy': [
    "default-src 'none'",
    "script-src 'self'",
    `style-src ${STYLE_SOURCE}`,
    `connect-src 'self'${auth.kind === 'cognito' ? ` ${auth.domainUrl}` : ''}`,
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; '),
});

/** The shell every `/app/…` path gets; the script draws the view for the path. */
export const renderDashboardShell = (auth: TDashboardAuth): string =>
  layout('Dashboard', html`<div id="app"><p class="muted">Loading…</p></div><script src="/app/assets/dashboard.js"></script>`, {
    'data-auth': auth.kind,
    ...(auth.kind === 'cognito' ? { 'data-cognito-domain': auth.domainUrl, 'data-client-id': auth.clientId } : {}),
  });
