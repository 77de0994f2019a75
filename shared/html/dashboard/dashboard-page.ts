import { html, layout, PAGE_HEADERS, STYLE_SOURCE } from '../page';

export type TDashboardAuth = { kind: 'local' } | { kind: 'cognito'; domainUrl: string; clientId: string };

/** The dashboard runs its own script from Accord, talks only to Accord, and cannot be framed. */
export const DASHBOARD_HEADERS = {
  ...PAGE_HEADERS,
  'content-security-policy': [
    "default-src 'none'",
    "script-src 'self'",
    `style-src ${STYLE_SOURCE}`,
    "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; '),
};

/** The shell every `/app/…` path gets; the script draws the view for the path. */
export const renderDashboardShell = (auth: TDashboardAuth): string =>
  layout('Dashboard', html`<div id="app"><p class="muted">Loading…</p></div><script src="/app/assets/dashboard.js"></script>`, {
    'data-auth': auth.kind,
    ...(auth.kind === 'cognito' ? { 'data-cognito-domain': auth.domainUrl, 'data-client-id': auth.clientId } : {}),
  });
