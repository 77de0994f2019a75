import { createHash, randomBytes } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { must } from '../../client/accord-client';
import { ASSESSMENT } from '../fixtures/agencies';
import { stackClient } from '../fixtures/contract';
import { axeViolations, launchChromium, signInToWorkspace } from '../fixtures/browser';
import { createMailbox, type TMail } from '../fixtures/outbox';
import { startWorkspaceStack, AMBULANCE_CHIEF, FIRE_CHIEF } from '../fixtures/workspace-stack';


/**
 * The legal team's workspace in Chromium: signing in through the authorization code flow, drafting
 * with the GOV.UK error pattern, sending for signature, a stale edit, roles, sign-out, and axe-core.
 */
describe('the workspace in a browser', () => {
  let stack: Awaited<ReturnType<typeof startWorkspaceStack>>;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startWorkspaceStack('workspace');
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const signedIn = (who: { email: string; role: string; agencies?: string }, options: { javaScriptEnabled?: boolean; bypassCSP?: boolean } = {}) =>
    signInToWorkspace(browser, stack.url, who, options);

  const fillSignatory = async (page: Page, party: number, signatory: typeof FIRE_CHIEF) => {
    const of = `Signatory 1 for party ${party}`;
    const group = page.getByRole('group', { name: of });
    await group.getByLabel('Full name').fill(signatory.name);
    await group.getByLabel('Role').fill(signatory.role);
    await group.getByLabel('Email address').fill(signatory.email);
  };

  /** `check`, when given, is called on the task list and on the check-answers page (for axe-core). */
  const draftJourney = async (page: Page, check?: (name: 'task list' | 'check answers') => Promise<void>) => {
    await page.getByRole('link', { name: 'New draft' }).click();
    await page.getByLabel('Title').fill('Shared fleet workshop');
    await page.getByLabel('Agreement text').fill('# Shared fleet workshop\n\nThe parties share one workshop.');
    const first = page.getByRole('group', { name: 'Party 1' });
    await first.getByLabel('Agency').selectOption('warwickshire-fire');
    await fillSignatory(page, 1, { ...FIRE_CHIEF, email: 'not an address' });
    const second = page.getByRole('group', { name: 'Party 2' });
    await second.getByLabel('Agency').selectOption('west-midlands-ambulance');
    await fillSignatory(page, 2, AMBULANCE_CHIEF);
    await page.getByRole('button', { name: 'Save draft' }).last().click();

    // The GOV.UK error pattern: a summary linking to the field, the message beside it, what was typed kept.
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    expect(await page.title()).toMatch(/^Error: /);
    const link = summary.getByRole('link', { name: /Party 1, signatory 1, email/ });
    expect(await link.getAttribute('href')).toBe('#parties-0-signatories-0-email');
    expect(await page.locator('#parties-0-signatories-0-email-error').textContent()).toContain('must be an email address');
    expect(await page.getByLabel('Title').inputValue()).toBe('Shared fleet workshop');
    expect(await page.locator('#parties-0-signatories-0-email').inputValue()).toBe('not an address');

    await page.locator('#parties-0-signatories-0-email').fill(FIRE_CHIEF.email);
    await page.getByRole('button', { name: 'Save draft' }).last().click();
    await page.locator('.govuk-notification-banner').getByText('Draft saved.').waitFor();
    const reference = (await page.locator('.govuk-caption-l').textContent())!.split(',')[0]!;

    // The task list says what is left before it can be sent; each incomplete task leads to its field.
    await check?.('task list');
    const tasks = page.locator('.govuk-task-list');
    expect(await tasks.locator('li', { hasText: 'How a party may withdraw (s.4)' }).textContent()).toContain('Incomplete');
    expect(await tasks.locator('li', { hasText: 'The agreement in writing' }).textContent()).toContain('Completed');
    expect(await tasks.locator('li', { hasText: 'Check and send for signature' }).textContent()).toContain('Cannot start yet');
    expect(await tasks.getByRole('link', { name: 'How a party may withdraw (s.4)' }).getAttribute('href')).toMatch(/\/edit#withdrawalTerms$/);

    // Sending it before the statute's rules are met shows each failure beside its field.
    await page.getByRole('link', { name: 'Check and send for signature' }).first().click();
    await page.getByRole('heading', { name: 'Fix the draft before it is sent for signature' }).waitFor();
    const failures = await page.locator('.govuk-error-summary a').allTextContents();
    expect(failures.some((text) => text.startsWith('How a party may withdraw'))).toBe(true);
    expect(failures.some((text) => text.startsWith('Party 1, assessment of efficiency and effectiveness'))).toBe(true);
    expect(await page.locator('#withdrawalTerms-error').count()).toBe(1);

    await page.getByLabel('How a party may withdraw').fill('Six months written notice to the other party.');
    for (const party of ['Party 1', 'Party 2']) {
      const group = page.getByRole('group', { name: party, exact: true });
      await group.getByLabel('Its assessment of the effect on its efficiency or effectiveness').fill(ASSESSMENT.efficiencyEffectiveness);
      await group.getByLabel('Its assessment of the effect on public safety').fill(ASSESSMENT.publicSafety);
    }
    await page.getByRole('button', { name: 'Save draft' }).last().click();
    expect(await page.locator('.govuk-task-list li', { hasText: 'Check and send for signature' }).textContent()).toContain('Not yet started');
    await page.locator('.govuk-task-list').getByRole('link', { name: 'Check and send for signature' }).click();
    // Check answers: everything that will be signed, each with its way back to change it.
    await page.getByRole('heading', { name: 'Check the agreement before you send it' }).waitFor();
    const party1 = page.locator('h2', { hasText: 'Party 1: Warwickshire Fire and Rescue Service' }).locator('xpath=following-sibling::dl[1]');
    expect(await party1.textContent()).toContain(`${FIRE_CHIEF.name}, ${FIRE_CHIEF.role} (${FIRE_CHIEF.email})`);
    expect(await page.getByRole('link', { name: 'Change the withdrawal terms' }).getAttribute('href')).toMatch(/\/edit#withdrawalTerms$/);
    await check?.('check answers');
    await page.getByRole('button', { name: 'Send for signature' }).click();
    await page.locator('.govuk-notification-banner').getByText('Sent for signature').waitFor();
    expect(await page.locator('.govuk-tag').first().textContent()).toContain('Awaiting signatures');
    return reference;
  };

  it('drafts, corrects and sends an agreement for signature with JavaScript off', async () => {
    const { context, page } = await signedIn({ email: 'editor@warwickshire-fire.test', role: 'editor', agencies: 'warwickshire-fire' }, { javaScriptEnabled: false });
    const reference = await draftJourney(page);
    await createMailbox(() => stack.sesUrl).linkFor(FIRE_CHIEF.email);
    // The list finds it by search on the server.
    await page.getByRole('link', { name: 'Agreements' }).first().click();
    await page.getByLabel('Search').fill('fleet workshop');
    await page.getByRole('button', { name: 'Search' }).click();
    expect(await page.getByRole('link', { name: reference }).count()).toBe(1);
    await context.close();
  });

  it('does the same journey with JavaScript on, and passes axe-core on the task list and the check-answers page', async () => {
    const { context, page } = await signedIn({ email: 'editor2@warwickshire-fire.test', role: 'editor', agencies: 'warwickshire-fire' }, { bypassCSP: true });
    const violations: Record<string, string[]> = {};
    await draftJourney(page, async (name) => {
      violations[name] = await axeViolations(page);
    });
    expect(violations).toEqual({ 'task list': [], 'check answers': [] });
    await context.close();
  });

  it('keeps what the user typed when someone else saved the draft first, and says what they changed', async () => {
    const first = await signedIn({ email: 'one@warwickshire-fire.test', role: 'editor', agencies: 'warwickshire-fire' }, { javaScriptEnabled: false });
    await first.page.getByRole('link', { name: 'New draft' }).click();
    await first.page.getByLabel('Title').fill('Joint control room');
    await first.page.getByRole('group', { name: 'Party 1' }).getByLabel('Agency').selectOption('warwickshire-fire');
    await first.page.getByRole('button', { name: 'Save draft' }).last().click();
    await first.page.locator('.govuk-notification-banner').waitFor();
    const draftUrl = first.page.url().split('?')[0]!;

    const second = await signedIn({ email: 'two@warwickshire-fire.test', role: 'editor', agencies: 'warwickshire-fire' }, { javaScriptEnabled: false });
    await first.page.goto(`${draftUrl}/edit`);
    await second.page.goto(`${draftUrl}/edit`);
    await second.page.getByLabel('Title').fill('Joint control room and dispatch');
    await second.page.getByRole('button', { name: 'Save draft' }).last().click();
    await second.page.locator('.govuk-notification-banner').getByText('Draft saved.').waitFor();

    await first.page.getByLabel('Summary').fill('One control room for both services.');
    await first.page.getByRole('button', { name: 'Save draft' }).last().click();
    const banner = first.page.locator('.govuk-notification-banner');
    await banner.getByText('Someone else saved this draft while you were editing it').waitFor();
    expect(await banner.locator('dt').allTextContents()).toEqual(['Title']);
    expect(await banner.locator('dd').allTextContents()).toEqual(['Joint control room and dispatch']);
    expect(await first.page.getByLabel('Summary').inputValue()).toBe('One control room for both services.');
    // Saving again, having seen the change, goes through.
    await first.page.getByRole('button', { name: 'Save draft' }).last().click();
    await first.page.locator('.govuk-notification-banner').getByText('Draft saved.').waitFor();
    await first.context.close();
    await second.context.close();
  });

  it('enforces roles on the server and refuses cross-site posts', async () => {
    const { context, page } = await signedIn({ email: 'viewer@warwickshire-fire.test', role: 'viewer', agencies: 'warwickshire-fire' }, { javaScriptEnabled: false });
    // A link made elsewhere cannot put its own words in a success banner.
    await page.goto(`${stack.url}/app?done=${encodeURIComponent('Your session expired: call 0800 000 000')}`);
    expect(await page.locator('.govuk-notification-banner').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'New draft' }).count()).toBe(0);
    const form = await page.goto(`${stack.url}/app/agreements/new`);
    expect(form!.status()).toBe(403);
    const csrfToken = await page.locator('input[name="csrfToken"]').first().inputValue();
    const post = await context.request.post(`${stack.url}/app/agreements/new`, { form: { csrfToken, title: 'Mine now', action: 'save' }, headers: { origin: stack.url } });
    expect(post.status()).toBe(403);
    const crossSite = await context.request.post(`${stack.url}/app/sign-out`, { form: { csrfToken }, headers: { origin: 'https://attacker.example' }, maxRedirects: 0 });
    expect(crossSite.status()).toBe(403);
    const noToken = await context.request.post(`${stack.url}/app/sign-out`, { form: {}, headers: { origin: stack.url }, maxRedirects: 0 });
    expect(noToken.status()).toBe(403);
    await context.close();
  });

  it('signs out: the session ends and the workspace asks for sign-in again', async () => {
    const { context, page } = await signedIn({ email: 'leaving@warwickshire-fire.test', role: 'viewer' }, { javaScriptEnabled: false });
    const cookies = await context.cookies();
    const session = cookies.find((cookie) => cookie.name === '__Host-accord-session')!;
    expect(session).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax' });
    await page.getByRole('button', { name: /Sign out/ }).click();
    await page.getByRole('heading', { name: 'You have signed out' }).waitFor();
    // The old cookie no longer opens anything, even if a copy of it was kept.
    const replay = await browser.newContext();
    await replay.addCookies([session]);
    const again = await replay.request.get(`${stack.url}/app`, { maxRedirects: 0 });
    expect(again.status()).toBe(303);
    expect(again.headers().location).toContain('/_local/oauth2/authorize');
    // The script's keep-alive learns the session is over, without starting a sign-in of its own.
    const keepAlive = await replay.request.get(`${stack.url}/app/keep-alive`, { maxRedirects: 0 });
    expect(keepAlive.status()).toBe(401);
    expect(keepAlive.headers()['set-cookie']).toBeUndefined();
    await replay.close();
    await context.close();
  });

  it('after signature: sends a new link, shows the certificate, and records a review that opens a variation', async () => {
    const client = await stackClient(stack.url);
    await client.signIn({ email: 'legal@warwickshire-fire.test', role: 'editor', agencies: ['warwickshire-fire'] });
    const parties = [
      { agencyId: 'warwickshire-fire', assessment: ASSESSMENT, signatories: [FIRE_CHIEF] },
      { agencyId: 'west-midlands-ambulance', assessment: ASSESSMENT, signatories: [AMBULANCE_CHIEF] },
    ];
    const created = await must(client.api.POST('/agreements', { body: { title: 'Shared training ground', body: '# Training\n\nOne ground.', withdrawalTerms: 'Three months notice.', parties } }));
    await must(client.api.POST('/agreements/{id}/submit', { params: { path: { id: created.id } } }));

    const { context, page } = await signedIn({ email: 'legal2@warwickshire-fire.test', role: 'editor', agencies: 'warwickshire-fire' }, { javaScriptEnabled: false });
    await page.goto(`${stack.url}/app/agreements/${created.id}`);
    await page.getByRole('button', { name: `Send a new link to ${FIRE_CHIEF.name}` }).click();
    await page.locator('.govuk-notification-banner').getByText('A new link is on its way').waitFor();

    // Both chiefs approve from their links, as signatories do: the fire chief from the new one.
    const mailbox = createMailbox(() => stack.sesUrl);
    const requestsTo = (mails: TMail[], address: string) => mails.filter((mail) => mail.to === address && mail.subject === `Signature requested: ${created.reference} — Shared training ground`);
    for (const [chief, expected] of [[FIRE_CHIEF, 2], [AMBULANCE_CHIEF, 1]] as const) {
      const mails = await mailbox.waitFor((all) => requestsTo(all, chief.email).length === expected, `${expected} signature requests to ${chief.email}`);
      const link = /\/sign\/[\w-]{43}/.exec(requestsTo(mails, chief.email).at(-1)!.text)![0];
      const signing = await context.newPage();
      await signing.goto(`${stack.url}${link}`);
      await signing.getByLabel(/I approve this agreement/).check();
      await signing.getByLabel(/type your full name/).fill(chief.name);
      await signing.getByRole('button', { name: 'Record my decision' }).click();
      await signing.getByRole('heading', { name: 'Thank you' }).waitFor();
      await signing.close();
    }

    await page.goto(`${stack.url}/app/agreements/${created.id}`);
    expect(await page.locator('.govuk-tag').first().textContent()).toContain('In force');
    await page.getByRole('link', { name: 'Completion certificate' }).click();
    expect(await page.getByRole('row', { name: new RegExp(FIRE_CHIEF.name) }).getByText('Approved').count()).toBe(1);
    const download = await context.request.get(`${stack.url}/app/agreements/${created.id}/certificate/download`);
    expect(download.headers()['content-disposition']).toMatch(/attachment; filename="CA-\d{4}-\d{4}-v1-certificate.json"/);
    expect((await download.json()).parties[0].signatories[0].status).toBe('approved');

    await page.goto(`${stack.url}/app/agreements/${created.id}`);
    await page.getByRole('link', { name: 'Record a review' }).click();
    await page.getByRole('button', { name: 'Record the review' }).click();
    expect(await page.locator('.govuk-error-summary a').allTextContents()).toEqual(['Outcome: choose one of the options', 'What the review found: record what the review found']);
    await page.getByLabel('Vary it').check();
    await page.getByLabel('What the review found').fill('The ground is shared more than planned; the schedule needs a second site.');
    await page.getByRole('button', { name: 'Record the review' }).click();
    await page.getByRole('heading', { name: 'Edit draft' }).waitFor();
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('This is the variation draft');
    expect(await page.locator('.govuk-caption-l').textContent()).toContain('version 2');
    await context.close();
  });

  it('searches signatories on the server, filters by legal basis, exports every page as formula-safe CSV, and reports to the board', async () => {
    const client = await stackClient(stack.url);
    await client.signIn({ email: 'legal@warwickshire-fire.test', role: 'editor', agencies: ['warwickshire-fire'] });
    await must(
      client.api.POST('/agreements', {
        body: { title: '=HYPERLINK("https://attacker.example","Open")', legalBasis: 'OTHER', parties: [{ agencyId: 'warwickshire-fire', signatories: [{ name: 'Zara Quill', role: 'Head of Estates', email: 'zara.quill@warwickshire-fire.test' }] }] },
      }),
    );
    const { context, page } = await signedIn({ email: 'finder@warwickshire-fire.test', role: 'viewer', agencies: 'warwickshire-fire' }, { bypassCSP: true });
    await page.getByLabel('Search').fill('zara quill');
    await page.getByRole('button', { name: 'Search' }).click();
    expect(await page.locator('tbody tr').count()).toBe(1);
    await page.getByLabel('Search').fill('');
    await page.getByLabel('Legal basis').selectOption('OTHER');
    await page.getByRole('button', { name: 'Search' }).click();
    expect(await page.locator('tbody tr td:nth-child(2)').allTextContents()).toEqual(['=HYPERLINK("https://attacker.example","Open")']);
    expect(await axeViolations(page)).toEqual([]);

    const csv = await context.request.get(`${stack.url}/app/agreements.csv?legalBasis=OTHER`);
    expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"'=HYPERLINK(""https://attacker.example"",""Open"")"`);

    await page.getByRole('link', { name: 'Board report' }).click();
    await page.getByRole('heading', { name: 'Board report' }).waitFor();
    const draftCount = await page.getByRole('row', { name: /^Draft/ }).locator('td').textContent();
    expect(Number(draftCount)).toBeGreaterThanOrEqual(1);
    expect(await page.getByRole('heading', { name: 'Declined, with the reasons given' }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('lets an admin add an agency and its editors keep who may sign for it, with JavaScript off; nobody else may', async () => {
    const admin = await signedIn({ email: 'admin@accord.test', role: 'admin' }, { javaScriptEnabled: false });
    await admin.page.getByRole('link', { name: 'Agencies' }).click();
    await admin.page.getByRole('button', { name: 'Add an agency' }).click();
    await admin.page.getByLabel('Name', { exact: true }).fill('Coventry City Council');
    await admin.page.getByRole('button', { name: 'Add the agency' }).click();
    expect(await admin.page.locator('.govuk-error-summary a').allTextContents()).toEqual(['Kind of body: choose one of the options']);
    expect(await admin.page.getByLabel('Name', { exact: true }).inputValue()).toBe('Coventry City Council');
    await admin.page.getByLabel('Local authority').check();
    await admin.page.getByLabel('Legal contacts').fill('legal@coventry.test');
    await admin.page.getByRole('button', { name: 'Add the agency' }).click();
    await admin.page.getByRole('heading', { name: 'Coventry City Council', level: 1 }).waitFor();
    await admin.context.close();

    const editor = await signedIn({ email: 'legal@coventry.test', role: 'editor', agencies: 'coventry-city-council' }, { javaScriptEnabled: false });
    await editor.page.goto(`${stack.url}/app/agencies/coventry-city-council`);
    await editor.page.getByRole('link', { name: 'Change the list' }).click();
    const first = editor.page.getByRole('group', { name: 'Person 1' });
    await first.getByLabel('Full name').fill('Julie Nugent');
    await first.getByLabel('Role').fill('Chief Executive');
    await first.getByLabel('Email address').fill('chief.executive@coventry.test');
    await editor.page.getByRole('button', { name: 'Add another person' }).click();
    const second = editor.page.getByRole('group', { name: 'Person 2' });
    await second.getByLabel('Full name').fill('Adam Hunt');
    await second.getByLabel('Role').fill('Head of Legal');
    await second.getByLabel('Email address').fill('chief.executive@coventry.test');
    await editor.page.getByRole('button', { name: 'Save the list' }).last().click();
    expect(await editor.page.locator('.govuk-error-summary a').allTextContents()).toEqual(['Person 2, email: already on the list']);
    await editor.page.locator('#signatories-1-email').fill('head.of.legal@coventry.test');
    await editor.page.getByRole('button', { name: 'Save the list' }).last().click();
    await editor.page.locator('.govuk-notification-banner').getByText('The list of who may sign is saved.').waitFor();
    expect(await editor.page.locator('tbody tr td:first-child').allTextContents()).toEqual(['Julie Nugent', 'Adam Hunt']);
    await editor.context.close();

    const outsider = await signedIn({ email: 'legal2@warwickshire-fire.test', role: 'editor', agencies: 'warwickshire-fire' }, { javaScriptEnabled: false });
    const refused = await outsider.page.goto(`${stack.url}/app/agencies/coventry-city-council/signatories`);
    expect(refused!.status()).toBe(403);
    const csrfToken = await outsider.page.locator('input[name="csrfToken"]').first().inputValue();
    const post = await outsider.context.request.post(`${stack.url}/app/agencies/coventry-city-council/signatories`, { form: { csrfToken, action: 'save', 'signatories.0.name': 'Me', 'signatories.0.role': 'Me', 'signatories.0.email': 'me@warwickshire-fire.test' }, headers: { origin: stack.url } });
    expect(post.status()).toBe(403);
    await outsider.page.goto(`${stack.url}/app/agencies/coventry-city-council`);
    expect(await outsider.page.getByRole('link', { name: 'Change the list' }).count()).toBe(0);
    await outsider.context.close();

    const checker = await signedIn({ email: 'admin@accord.test', role: 'admin' }, { bypassCSP: true });
    for (const path of ['/app/agencies', '/app/agencies/coventry-city-council', '/app/agencies/coventry-city-council/signatories']) {
      await checker.page.goto(`${stack.url}${path}`);
      expect(await axeViolations(checker.page), path).toEqual([]);
    }
    await checker.context.close();
  });

  it('lets an admin invite a user, set their role and agencies, and disable them; the sign-in honours each change', async () => {
    const admin = await signedIn({ email: 'people@accord.test', role: 'admin' }, { bypassCSP: true });
    const { page } = admin;
    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByRole('button', { name: 'Invite a user' }).click();
    await page.getByLabel('Full name').fill('Priya Shah');
    await page.getByLabel('Email address').fill('Priya.Shah@Warwickshire-Fire.test');
    await page.getByLabel('Editor').check();
    await page.getByRole('button', { name: 'Send the invitation' }).click();
    // A viewer or editor must work for at least one agency.
    await page.locator('.govuk-error-summary').getByRole('link', { name: /^Agencies: choose at least one agency/ }).waitFor();
    expect(await page.getByLabel('Full name').inputValue()).toBe('Priya Shah');
    await page.getByLabel('Warwickshire Fire and Rescue').check();
    await page.getByRole('button', { name: 'Send the invitation' }).click();
    await page.locator('.govuk-notification-banner').getByText('Invitation sent.').waitFor();
    expect(await page.locator('.govuk-summary-list').textContent()).toContain('Invited');
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('.govuk-back-link').click();
    const row = page.locator('tr', { hasText: 'priya.shah@warwickshire-fire.test' });
    expect(await row.textContent()).toMatch(/Editor.*Warwickshire Fire and Rescue.*Invited/s);
    expect(await axeViolations(page)).toEqual([]);

    // She signs in as the editor she was made, whatever she picks at the local sign-in.
    const priya = await signedIn({ email: 'priya.shah@warwickshire-fire.test', role: 'admin' }, { javaScriptEnabled: false });
    expect(await priya.page.getByRole('link', { name: 'New draft' }).count()).toBe(1);
    expect(await priya.page.getByRole('link', { name: 'Users' }).count()).toBe(0);
    expect((await priya.page.goto(`${stack.url}/app/users`))!.status()).toBe(403);
    await priya.context.close();

    // Made a viewer: her next sign-in has the viewer's pages only.
    await row.getByRole('link').click();
    await page.getByLabel('Viewer').check();
    await page.getByRole('button', { name: 'Save role and agencies' }).click();
    await page.locator('.govuk-notification-banner').getByText('Role and agencies saved.').waitFor();
    const asViewer = await signedIn({ email: 'priya.shah@warwickshire-fire.test', role: 'editor' }, { javaScriptEnabled: false });
    expect(await asViewer.page.getByRole('link', { name: 'New draft' }).count()).toBe(0);
    await asViewer.context.close();

    // Disabled: she cannot sign in, nor get a token for the API.
    await page.getByRole('button', { name: 'Disable the account' }).click();
    await page.locator('.govuk-notification-banner').getByText('Account disabled.').waitFor();
    const refused = await browser.newContext({ javaScriptEnabled: false });
    const attempt = await refused.newPage();
    await attempt.goto(`${stack.url}/app`);
    await attempt.getByLabel('Email address').fill('priya.shah@warwickshire-fire.test');
    await attempt.getByRole('button', { name: 'Sign in' }).click();
    await attempt.locator('.govuk-error-summary').getByText('This account is disabled.').waitFor();
    await refused.close();
    const token = await fetch(`${stack.url}/_local/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'priya.shah@warwickshire-fire.test', role: 'viewer', agencies: [] }) });
    expect(token.status).toBe(403);

    // The agency's own trail shows who was given access to its agreements, and who decided.
    await page.goto(`${stack.url}/app/agencies/warwickshire-fire`);
    const changes = await page.locator('ul.govuk-list').last().textContent();
    expect(changes).toMatch(/user access granted by people@accord\.test/);
    expect(changes).toMatch(/user access changed by people@accord\.test/);
    expect(changes).toMatch(/user disabled by people@accord\.test/);

    // An admin cannot lock themselves out.
    await page.goto(`${stack.url}/app/users/people%40accord.test`);
    await page.getByText('This is your own account: another admin must change or disable it').waitFor();
    expect(await page.getByRole('button', { name: 'Disable the account' }).count()).toBe(0);
    await admin.context.close();
  });

  it('adds a file to a draft with JavaScript off, shows it once checked, opens it and takes it off; an admin imports a backlog from CSV after checking it', async () => {
    const { context, page } = await signedIn({ email: 'files@warwickshire-fire.test', role: 'editor', agencies: 'warwickshire-fire' }, { javaScriptEnabled: false });
    await page.getByRole('link', { name: 'New draft' }).click();
    await page.getByLabel('Title').fill('Shared training ground');
    await page.getByRole('group', { name: 'Party 1' }).getByLabel('Agency').selectOption('warwickshire-fire');
    await page.getByRole('button', { name: 'Save draft' }).last().click();
    await page.locator('.govuk-notification-banner').getByText('Draft saved.').waitFor();

    // Refused before anything is stored: a type Accord does not keep.
    await page.getByLabel('Add a file').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('plain notes') });
    await page.getByRole('button', { name: 'Add the file' }).click();
    await page.locator('.govuk-error-summary').getByRole('link', { name: 'The file: must be a PDF, DOCX, ODT, XLSX, PNG or JPEG' }).waitFor();
    expect(await page.locator('#file-error').textContent()).toContain('must be a PDF');

    const pdf = await PDFDocument.create();
    pdf.addPage().drawText('Schedule 1: the training ground');
    const bytes = Buffer.from(await pdf.save());
    await page.getByLabel('Add a file').setInputFiles({ name: 'schedule-1.pdf', mimeType: 'application/pdf', buffer: bytes });
    await page.getByLabel('Name to show (optional)').fill('Schedule 1: the ground');
    await page.getByRole('button', { name: 'Add the file' }).click();
    await page.locator('.govuk-notification-banner').getByText('File added.').waitFor();
    const agreementUrl = page.url().split('?')[0]!;
    const row = page.locator('#files + table tr', { hasText: 'Schedule 1: the ground' });
    expect(await row.textContent()).toContain(createHash('sha256').update(bytes).digest('hex'));
    // The documents function checks the bytes against what was declared; then the file is ready to open.
    for (let attempt = 0; attempt < 50 && !(await row.textContent())!.includes('Ready'); attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      await page.goto(agreementUrl);
    }
    expect(await row.textContent()).toContain('Ready');
    const download = await context.request.get((await row.getByRole('link', { name: 'Schedule 1: the ground' }).getAttribute('href'))!.replace(/^/, stack.url));
    expect(Buffer.from(await download.body()).equals(bytes)).toBe(true);
    await row.getByRole('button', { name: 'Remove Schedule 1: the ground' }).click();
    await page.locator('.govuk-notification-banner').getByText('File taken off the draft.').waitFor();
    expect(await page.getByText('No files: the text below is the whole agreement.').count()).toBe(1);
    await context.close();

    const admin = await signedIn({ email: 'importer@accord.test', role: 'admin' }, { javaScriptEnabled: false });
    await admin.page.getByRole('link', { name: 'Import agreements signed outside Accord' }).click();
    const header = 'sourceReference,title,summary,legalBasis,effectiveDate,nextReviewDate,expiryDate,signedCopySha256,agencyId,signatoryName,signatoryRole,signatoryEmail,signedOn';
    const csv = [
      header,
      'WS-1,Shared estates,,PCA2017_S2,2024-01-01,2028-01-01,,,warwickshire-fire,Ben Brook,Chief Fire Officer,,2023-12-01',
      'WS-1,Shared estates,,PCA2017_S2,2024-01-01,2028-01-01,,,west-midlands-ambulance,Anthony Marsh,Chief Executive,,2023-12-02',
      'WS-2,Drones,,PCA2017_S2,2024-01-01,2028-01-01,,,no-such-agency,Someone,Chief,,2023-12-01',
    ].join('\r\n');
    await admin.page.getByLabel('The file (CSV)').setInputFiles({ name: 'backlog.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await admin.page.getByRole('button', { name: 'Check the file' }).click();
    // Every field is needed: nothing is checked until it says how the signatures were checked.
    await admin.page.locator('.govuk-error-summary').getByRole('link', { name: /^How they were checked/ }).waitFor();
    // The file chosen is kept: only the missing field needs filling in.
    await admin.page.getByText('The file you chose is kept').waitFor();
    await admin.page.getByLabel('How you satisfied yourself they were signed').fill('Sealed copies held by legal services, checked on 1 March.');
    await admin.page.getByRole('button', { name: 'Check the file' }).click();
    expect(await admin.page.locator('tr', { hasText: 'WS-1' }).textContent()).toContain('Ready to import');
    expect(await admin.page.locator('tr', { hasText: 'WS-2' }).textContent()).toMatch(/Has problems.*Line 4, parties: needs at least 2/s);
    await admin.page.getByRole('button', { name: 'Import 1 agreement' }).click();
    await admin.page.locator('tr', { hasText: 'WS-1' }).getByText('Imported').waitFor();
    await admin.page.locator('tr', { hasText: 'WS-1' }).getByRole('link', { name: 'WS-1' }).click();
    expect(await admin.page.locator('.govuk-tag').first().textContent()).toContain('In force');
    await admin.context.close();
  });

  it('sends a file larger than a form post can carry straight to storage when JavaScript is on, under the page’s own CSP', async () => {
    const { context, page } = await signedIn({ email: 'bigfiles@warwickshire-fire.test', role: 'editor', agencies: 'warwickshire-fire' });
    await page.getByRole('link', { name: 'New draft' }).click();
    await page.getByLabel('Title').fill('Scanned estates agreement');
    await page.getByRole('group', { name: 'Party 1' }).getByLabel('Agency').selectOption('warwickshire-fire');
    await page.getByRole('button', { name: 'Save draft' }).last().click();
    await page.locator('.govuk-notification-banner').getByText('Draft saved.').waitFor();
    const pdf = await PDFDocument.create();
    pdf.addPage().drawText('The signed copy, scanned');
    // A scan is large: about 5 MB of image data that does not compress.
    await pdf.attach(randomBytes(5 * 1024 * 1024), 'scan.bin', { mimeType: 'application/octet-stream' });
    const bytes = Buffer.from(await pdf.save());
    expect(bytes.length).toBeGreaterThan(4 * 1024 * 1024);
    await page.getByLabel('Add a file').setInputFiles({ name: 'signed-scan.pdf', mimeType: 'application/pdf', buffer: bytes });
    await page.getByRole('button', { name: 'Add the file' }).click();
    await page.locator('.govuk-notification-banner').getByText('File added.').waitFor();
    const agreementUrl = page.url().split('?')[0]!;
    const row = page.locator('#files + table tr', { hasText: 'signed-scan.pdf' });
    expect(await row.textContent()).toContain(createHash('sha256').update(bytes).digest('hex'));
    for (let attempt = 0; attempt < 50 && !(await row.textContent())!.includes('Ready'); attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      await page.goto(agreementUrl);
    }
    expect(await row.textContent()).toMatch(/Ready/);
    expect(await row.textContent()).toContain('5.0 MB');
    await context.close();
  });

  it('takes a draft from nothing to sent for signature with the keyboard alone', async () => {
    const { context, page } = await signedIn({ email: 'keyboard@warwickshire-fire.test', role: 'editor', agencies: 'warwickshire-fire' });
    /** Tabs forward until the focused element is the one wanted, as a keyboard user would. */
    const tabTo = async (matches: (element: { id: string; text: string; tag: string }) => boolean, what: string) => {
      for (let presses = 0; presses < 300; presses += 1) {
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(() => ({ id: document.activeElement?.id ?? '', text: document.activeElement?.textContent?.trim() ?? '', tag: document.activeElement?.tagName ?? '' }));
        if (matches(focused)) return;
      }
      throw new Error(`Tab never reached ${what}`);
    };
    const typeInto = async (id: string, text: string) => {
      await tabTo((element) => element.id === id, id);
      await page.keyboard.type(text);
    };
    await tabTo((element) => element.tag === 'A' && element.text === 'New draft', 'the New draft link');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'New draft agreement' }).waitFor();
    await typeInto('title', 'Keyboard-only drafting');
    await typeInto('body', 'The parties share a workshop.');
    await typeInto('withdrawalTerms', 'Six months written notice.');
    for (const [index, agency, chief] of [[0, 'Warwickshire Fire', FIRE_CHIEF], [1, 'West Midlands', AMBULANCE_CHIEF]] as const) {
      await typeInto(`parties-${index}-agencyId`, agency);
      await typeInto(`parties-${index}-assessment-efficiencyEffectiveness`, ASSESSMENT.efficiencyEffectiveness);
      await typeInto(`parties-${index}-assessment-publicSafety`, ASSESSMENT.publicSafety);
      await typeInto(`parties-${index}-signatories-0-name`, chief.name);
      await typeInto(`parties-${index}-signatories-0-role`, chief.role);
      await typeInto(`parties-${index}-signatories-0-email`, chief.email);
    }
    await tabTo((element) => element.tag === 'BUTTON' && element.text === 'Save draft', 'Save draft');
    await page.keyboard.press('Enter');
    await page.locator('.govuk-notification-banner').getByText('Draft saved.').waitFor();
    await tabTo((element) => element.tag === 'A' && element.text === 'Check and send for signature', 'Check and send for signature');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Check the agreement before you send it' }).waitFor();
    await tabTo((element) => element.tag === 'BUTTON' && element.text === 'Send for signature', 'Send for signature');
    await page.keyboard.press('Enter');
    await page.locator('.govuk-notification-banner').getByText('Sent for signature').waitFor();
    await context.close();
  });

  it('passes axe-core on the list, an agreement, the draft form with errors, submit errors, the certificate, the audit trail and the accessibility statement', async () => {
    const { context, page } = await signedIn({ email: 'checker@warwickshire-fire.test', role: 'editor', agencies: 'warwickshire-fire' }, { bypassCSP: true });
    const checked: Record<string, string[]> = {};
    const check = async (name: string) => {
      checked[name] = await axeViolations(page);
    };
    await check('list');
    await page.getByRole('link', { name: 'New draft' }).click();
    await page.getByRole('button', { name: 'Save draft' }).last().click();
    await page.locator('.govuk-error-summary').waitFor();
    await check('draft form with errors');
    await page.getByLabel('Title').fill('Checked for accessibility');
    await page.getByRole('group', { name: 'Party 1' }).getByLabel('Agency').selectOption('warwickshire-fire');
    await page.getByRole('button', { name: 'Save draft' }).last().click();
    await page.locator('.govuk-notification-banner').waitFor();
    await check('agreement');
    await page.getByRole('link', { name: 'Check and send for signature' }).first().click();
    await page.locator('.govuk-error-summary').waitFor();
    await check('submit errors');
    await page.goBack();
    await page.getByRole('link', { name: 'Completion certificate' }).click();
    await page.getByRole('heading', { name: 'Completion certificate' }).waitFor();
    await check('certificate');
    await page.goBack();
    await page.getByRole('link', { name: 'Audit trail' }).click();
    await page.locator('.govuk-inset-text').getByText('is intact').waitFor();
    await check('audit trail');
    await page.getByRole('link', { name: 'Accessibility statement' }).click();
    await check('accessibility statement');
    expect(checked).toEqual({ list: [], 'draft form with errors': [], agreement: [], 'submit errors': [], certificate: [], 'audit trail': [], 'accessibility statement': [] });
    await context.close();
  });
});

