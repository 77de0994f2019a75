/// <reference lib="dom" />
/**
 * The legal team's dashboard, as one function that runs in the browser. It is sent as its own
 * source text (`dashboardScript`), so it must not use anything from outside its body. Every value
 * from the API reaches the page through textContent, never as HTML.
 */
export function dashboardClient() {
  const root = document.getElementById('app') as HTMLElement;
  const auth = document.body.dataset;
  const TOKEN = 'accord.token';
  const REFRESH = 'accord.refresh';
  const EXPIRES = 'accord.expires';
  const PKCE = 'accord.pkce';
  const redirectUri = `${location.origin}/app/`;

  // Sign-in with Cognito: the authorization code flow with PKCE (RFC 7636); the session lasts
  // past the ID token's hour by refreshing it.
  const base64url = (bytes: ArrayBuffer | Uint8Array) =>
    btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  const randomString = () => base64url(crypto.getRandomValues(new Uint8Array(32)));
  const forget = () => [TOKEN, REFRESH, EXPIRES, PKCE].forEach((key) => sessionStorage.removeItem(key));
  const tokenRequest = async (form: Record<string, string>) => {
    const reply = await fetch(`${auth.cognitoDomain}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: auth.clientId ?? '', ...form }),
    });
    if (!reply.ok) return false;
    const tokens = (await reply.json()) as { id_token: string; refresh_token?: string; expires_in: number };
    sessionStorage.setItem(TOKEN, tokens.id_token);
    sessionStorage.setItem(EXPIRES, String(Date.now() + tokens.expires_in * 1000));
    if (tokens.refresh_token) sessionStorage.setItem(REFRESH, tokens.refresh_token);
    return true;
  };
  const refresh = async () => {
    const token = sessionStorage.getItem(REFRESH);
    return auth.auth === 'cognito' && token ? tokenRequest({ grant_type: 'refresh_token', refresh_token: token }) : false;
  };
  const finishSignIn = async () => {
    const query = new URLSearchParams(location.search);
    const code = query.get('code');
    if (auth.auth !== 'cognito' || !code) return;
    const pending = JSON.parse(sessionStorage.getItem(PKCE) ?? '{}') as { state?: string; verifier?: string; path?: string };
    sessionStorage.removeItem(PKCE);
    history.replaceState(null, '', pending.path ?? '/app/');
    // A code without the state this tab sent is someone else's: ignore it.
    if (pending.state && pending.state === query.get('state') && pending.verifier) {
      await tokenRequest({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: pending.verifier });
    }
  };

  // Dates as people read them, on London's calendar: "9 December 2026", "… at 09:11 UK time".
  const inWords = (value: string | null | undefined, withTime = false) => {
    if (!value) return '—';
    const moment = new Date(value.length === 10 ? `${value}T12:00:00Z` : value);
    const day = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric' }).format(moment);
    if (!withTime) return day;
    return `${day} at ${new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(moment)} UK time`;
  };

  type TChild = Node | string | null | undefined;
  const el = (tag: string, props: Record<string, string | ((event: Event) => void)> = {}, ...children: TChild[]) => {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (typeof value === 'function') node.addEventListener(key.slice(2), value);
      // Text is isolated in <bdi> (where markup may go), so bidirectional characters in one value cannot reorder the page.
      else if (key === 'text') {
        if (['option', 'title', 'textarea'].includes(tag)) node.textContent = value;
        else node.append(Object.assign(document.createElement('bdi'), { textContent: value }));
      }
      else node.setAttribute(key, value);
    }
    node.append(...children.filter((child): child is Node | string => child !== null && child !== undefined));
    return node;
  };
  const show = (...nodes: TChild[]) => root.replaceChildren(...nodes.filter((node): node is Node | string => node !== null && node !== undefined));

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- API replies are read as the OpenAPI document describes them
  const api = async (path: string, options: RequestInit = {}, retried = false): Promise<any> => {
    if (Number(sessionStorage.getItem(EXPIRES) ?? Infinity) < Date.now() + 60_000) await refresh();
    const reply = await fetch(path, {
      ...options,
      headers: { authorization: `Bearer ${sessionStorage.getItem(TOKEN)}`, 'content-type': 'application/json', ...options.headers },
    });
    const body = (await reply.json().catch(() => ({}))) as { detail?: string };
    if (reply.status === 401) {
      if (!retried && (await refresh())) return api(path, options, true);
      forget();
      void signIn();
      throw new Error('signed out');
    }
    if (!reply.ok) throw new Error(body.detail || `Error ${reply.status}`);
    return body;
  };

  const go = (path: string) => {
    history.pushState(null, '', path);
    void route();
  };
  const link = (path: string, text: string) =>
    el('a', {
      href: path,
      text,
      onclick: (event) => {
        event.preventDefault();
        go(path);
      },
    });
  const nav = () =>
    el('p', { class: 'muted' }, link('/app/', 'Agreements'), ' · ', link('/app/agencies', 'Agencies'), ' · ', el('a', { href: '/register', text: 'Public register' }), ' · ',
      el('a', {
        href: '#',
        text: 'Sign out',
        onclick: (event) => {
          event.preventDefault();
          const refreshToken = sessionStorage.getItem(REFRESH);
          forget();
          if (auth.auth === 'cognito') {
            // Revoke the refresh token (keepalive: the request outlives the page), then end the Cognito session too.
            if (refreshToken) {
              void fetch(`${auth.cognitoDomain}/oauth2/revoke`, {
                method: 'POST',
                keepalive: true,
                headers: { 'content-type': 'application/x-www-form-urlencoded' },
                body: new URLSearchParams({ token: refreshToken, client_id: auth.clientId ?? '' }),
              });
            }
            location.assign(`${auth.cognitoDomain}/logout?${new URLSearchParams({ client_id: auth.clientId ?? '', logout_uri: redirectUri })}`);
            return;
          }
          void signIn();
        },
      }));

  const signIn = async () => {
    if (auth.auth === 'cognito') {
      const verifier = randomString();
      const state = randomString();
      sessionStorage.setItem(PKCE, JSON.stringify({ verifier, state, path: `${location.pathname}${location.search}` }));
      const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
      const url = `${auth.cognitoDomain}/oauth2/authorize?${new URLSearchParams({
        response_type: 'code',
        client_id: auth.clientId ?? '',
        redirect_uri: redirectUri,
        scope: 'openid email profile',
        state,
        code_challenge: challenge,
        code_challenge_method: 'S256',
      })}`;
      show(el('h1', { text: 'Accord' }), el('p', {}, el('a', { href: url, text: 'Sign in with your organisation account' })));
      return;
    }
    const email = el('input', { type: 'email', name: 'email', required: 'required', value: 'legal@warwickshire-fire.example.gov.uk' }) as HTMLInputElement;
    const role = el('select', { name: 'role' }, ...['admin', 'editor', 'viewer'].map((r) => el('option', { value: r, text: r }))) as HTMLSelectElement;
    const agencies = el('input', { type: 'text', name: 'agencies', value: 'warwickshire-fire' }) as HTMLInputElement;
    const error = el('p', { class: 'error' });
    const form = el('form', {
      onsubmit: async (event) => {
        event.preventDefault();
        const reply = await fetch('/_local/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: email.value, role: role.value, agencies: agencies.value.split(',').map((a) => a.trim()).filter(Boolean) }),
        });
        const body = (await reply.json()) as { token?: string; detail?: string };
        if (!reply.ok) {
          error.textContent = body.detail || 'Sign-in failed';
          return;
        }
        sessionStorage.setItem(TOKEN, body.token ?? '');
        void route();
      },
    },
      el('label', { text: 'Email ' }, email), el('label', { text: 'Role ' }, role), el('label', { text: 'Agencies (comma-separated ids) ' }, agencies),
      el('button', { type: 'submit', text: 'Sign in (local stack)' }), error);
    show(el('h1', { text: 'Accord' }), el('p', { class: 'muted', text: 'Development sign-in: the local stack issues a token for any user.' }), form);
  };

  const listView = async () => {
    const params = new URLSearchParams(location.search);
    const status = el('select', { name: 'status' }, el('option', { value: '', text: 'any status' }),
      ...['draft', 'awaiting_signatures', 'in_force', 'declined', 'withdrawn', 'terminated', 'expired', 'superseded'].map((s) => el('option', { value: s, text: s.replace('_', ' ') }))) as HTMLSelectElement;
    status.value = params.get('status') || '';
    const due = el('input', { type: 'date', name: 'reviewDueBefore', value: params.get('reviewDueBefore') || '' }) as HTMLInputElement;
    const filters = el('form', { onsubmit: (event) => {
      event.preventDefault();
      const query = new URLSearchParams();
      if (status.value) query.set('status', status.value);
      if (due.value) query.set('reviewDueBefore', due.value);
      go(`/app/?${query}`);
    } }, el('label', { text: 'Status ' }, status), el('label', { text: 'Review due by ' }, due), el('button', { type: 'submit', text: 'Filter' }));
    const page = await api(`/agreements?${params}`);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const rows = page.items.map((item: any) => el('tr', {},
      el('td', {}, link(`/app/agreements/${item.id}`, `${item.reference} v${item.version}`), el('br'), el('span', { text: item.title })),
      el('td', { text: item.status.replace('_', ' ') }),
      el('td', {}, ...(item.awaiting.length ? item.awaiting.flatMap((name: string, index: number) => [index ? ', ' : '', el('span', { text: name })]) : ['—'])),
      el('td', { text: inWords(item.nextReviewDate) })));
    const more = page.nextCursor ? el('p', {}, link(`/app/?${new URLSearchParams({ ...Object.fromEntries(params), cursor: page.nextCursor })}`, 'Next page')) : null;
    show(el('h1', { text: 'Agreements' }), nav(), filters,
      el('table', {}, el('tr', {}, ...['Agreement', 'Status', 'Not yet signed', 'Next review'].map((h) => el('th', { text: h }))), ...rows),
      rows.length ? null : el('p', { text: 'No agreements match.' }), more);
  };

  const detailView = async (id: string) => {
    const [agreement, events, certificate, text] = await Promise.all([
      api(`/agreements/${id}`),
      api(`/agreements/${id}/events`),
      api(`/agreements/${id}/certificate`),
      // Rendered on the server from the Markdown, raw HTML off: a parsed fragment, never run as script.
      fetch(`/agreements/${id}/text.html`, { headers: { authorization: `Bearer ${sessionStorage.getItem(TOKEN)}` } }).then((reply) => (reply.ok ? reply.text() : '')),
    ]);
    const textBlock = el('div', {});
    textBlock.append(...Array.from(new DOMParser().parseFromString(text, 'text/html').body.childNodes));
    const notice = el('p', { class: 'notice', role: 'status' });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const resend = (signatory: any) =>
      el('button', { type: 'button', text: 'Resend link', onclick: async () => {
        try {
          await api(`/agreements/${id}/signatories/${signatory.id}/resend`, { method: 'POST' });
          notice.replaceChildren('A new link is on its way to ', el('span', { text: signatory.name }), '.');
          setTimeout(() => void route(), 800);
        } catch (error) {
          notice.textContent = (error as Error).message;
        }
      } });
    // The sealed executed copy, fetched with the session's token and handed to the browser as a file.
    const downloadExecutedCopy = el('button', { type: 'button', text: 'Download the executed copy (PDF)', onclick: async () => {
      const reply = await fetch(`/agreements/${id}/executed.pdf`, { headers: { authorization: `Bearer ${sessionStorage.getItem(TOKEN)}` } });
      if (!reply.ok) {
        notice.textContent = ((await reply.json().catch(() => ({}))) as { detail?: string }).detail || `Error ${reply.status}`;
        return;
      }
      const link = el('a', { href: URL.createObjectURL(await reply.blob()), download: `${agreement.reference}-v${agreement.version}-executed.pdf` });
      link.click();
    } });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const openFile = (file: any) => el('button', { type: 'button', text: 'Open', onclick: async () => {
      try {
        location.assign((await api(`/agreements/${id}/attachments/${file.id}`)).url);
      } catch (error) {
        notice.textContent = (error as Error).message;
      }
    } });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const canResend = (s: any) => agreement.status === 'awaiting_signatures' && ['requested', 'expired', 'bounced'].includes(s.status);
    show(
      el('h1', { text: agreement.title }), nav(),
      el('p', { text: `${agreement.reference}, version ${agreement.version} · ${agreement.status.replace('_', ' ')} · ${agreement.legalBasis}` }),
      notice,
      el('p', {}, document.createTextNode('Document SHA-256: '), el('span', { class: 'hash', text: agreement.documentSha256 || 'fixed at submission' })),
      agreement.nextReviewDate ? el('p', { text: `In force from ${inWords(agreement.effectiveDate)}; next review ${inWords(agreement.nextReviewDate)}` }) : null,
      agreement.executedCopy ? el('p', {}, downloadExecutedCopy) : null,
      el('h2', { text: 'Agreement text' }),
      textBlock,
      agreement.attachments.length ? el('h2', { text: 'Files' }) : null,
      agreement.attachments.length
        ? el('table', {}, el('tr', {}, ...['File', 'Status', 'SHA-256', ''].map((h) => el('th', { text: h }))),
          // eslint-disable-next-line @typescript-eslint/no-explicit-any
          ...agreement.attachments.map((file: any) => el('tr', {},
            el('td', { text: file.name }),
            el('td', { text: file.status === 'refused' ? `refused: ${file.refusal.replace(/_/g, ' ')}` : file.status }),
            el('td', { class: 'hash', text: file.sha256 }),
            el('td', {}, file.status === 'available' ? openFile(file) : null))))
        : null,
      el('h2', { text: 'Parties and signatories' }),
      el('table', {}, el('tr', {}, ...['Party', 'Signatory', 'Status', ''].map((h) => el('th', { text: h }))),
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        ...agreement.parties.flatMap((party: any) => party.signatories.map((s: any) => el('tr', {},
          el('td', { text: `${party.agencyName} (${party.requiredApprovals} needed)` }),
          el('td', { text: `${s.name}, ${s.role}` }),
          el('td', { class: `status-${s.status}`, text: s.status.replace('_', ' ') + (s.decidedAt ? `, ${inWords(s.decidedAt)}` : '') }),
          el('td', {}, canResend(s) ? resend(s) : null))))),
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      agreement.undelivered.length ? el('p', { class: 'error', text: `Undelivered: ${agreement.undelivered.map((u: any) => `${u.template} to ${u.to}`).join('; ')}` }) : null,
      el('h2', { text: 'Audit trail' }),
      el('p', { class: 'muted', text: `${certificate.auditTrail.events} events; hash chain ${certificate.auditTrail.intact ? 'intact' : 'BROKEN'}.` }),
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      el('ol', {}, ...events.items.map((event: any) => el('li', { text: `${inWords(event.at, true)}: ${event.type.replace(/_/g, ' ')} — ${event.actor.email || event.actor.name || event.actor.kind}` }))));
  };

  /** Each agency, who may sign for it, and who is told when it is named as a party. */
  const agenciesView = async () => {
    const { items } = await api('/agencies');
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const rows = items.map((agency: any) => el('tr', {},
      el('td', { text: agency.name }),
      el('td', {}, ...(agency.signatories.length
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        ? agency.signatories.map((s: any) => el('div', { text: `${s.name}, ${s.role} <${s.email}>` }))
        : [el('span', { class: 'error', text: 'Nobody is authorised to sign for this agency yet.' })])),
      el('td', { text: agency.emailDomains.join(', ') || '—' }),
      el('td', { text: agency.legalContacts.join(', ') || '—' })));
    show(el('h1', { text: 'Agencies' }), nav(),
      el('p', { class: 'muted', text: 'Only the people listed may be named to sign for an agency; its own editors keep the list.' }),
      el('table', {}, el('tr', {}, ...['Agency', 'Authorised signatories', 'Email domains', 'Told when named'].map((h) => el('th', { text: h }))), ...rows));
  };

  const route = async () => {
    if (!sessionStorage.getItem(TOKEN)) return signIn();
    const match = /^\/app\/agreements\/([0-9A-Z]{26})$/.exec(location.pathname);
    try {
      await (match?.[1] ? detailView(match[1]) : location.pathname === '/app/agencies' ? agenciesView() : listView());
    } catch (error) {
      const message = (error as Error).message;
      if (message !== 'signed out') show(el('h1', { text: 'Accord' }), nav(), el('p', { class: 'error', text: message }));
    }
  };

  addEventListener('popstate', () => void route());
  void finishSignIn().then(route);
}

/**
 * The script as sent. Under tsx (the local stack), esbuild's keepNames wraps inner functions in
 * `__name(...)`, a helper that lives outside this function; an identity stand-in keeps the text
 * self-contained whichever way it was compiled.
 */
export const dashboardScript = `(() => {\n  const __name = (target) => target;\n  (${dashboardClient.toString()})();\n})();\n`;
