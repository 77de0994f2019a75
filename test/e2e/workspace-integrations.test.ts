import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { must } from '../../client/accord-client';
import { ASSESSMENT } from '../fixtures/agencies';
import { stackClient } from '../fixtures/contract';
import { axeViolations, launchChromium, signInToWorkspace } from '../fixtures/browser';
import { createMailbox, type TMail } from '../fixtures/outbox';
import { startWorkspaceStack, AMBULANCE_CHIEF, FIRE_CHIEF } from '../fixtures/workspace-stack';

const AMBULANCE = 'West Midlands Ambulance Service NHS Foundation Trust';
const AMBULANCE_CONTACT = 'legal@west-midlands-ambulance.test';

type TDelivered = { path: string; headers: IncomingHttpHeaders; body: string };

/** Polls (bounded) until `ready` holds; the outbox sends emails and deliveries a moment after the change. */
const waitUntil = async <T>(read: () => Promise<T> | T, ready: (value: T) => boolean, what: string): Promise<T> => {
  for (let attempt = 0; attempt < 150; attempt += 1) {
    const value = await read();
    if (ready(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Timed out waiting for ${what}`);
};

/**
 * The workspace's pages for what was API-only: collaboration proposals (made, corrected, sent
 * again, drafted from) and webhook endpoints (added, their secret shown once, deliveries sent
 * again, the secret rotated, deleted after confirming), admin-only, and axe-core on each kind of page.
 */
describe('proposals and webhooks in the workspace', () => {
  let stack: Awaited<ReturnType<typeof startWorkspaceStack>>;
  let browser: Browser;
  /** A records system as a force would run one: it answers 204 and keeps what it was sent. */
  const receiver = { server: undefined as Server | undefined, url: '', received: [] as TDelivered[] };
  const deliveredTo = (path: string) => receiver.received.filter((delivery) => delivery.path === path);

  beforeAll(async () => {
    stack = await startWorkspaceStack('workspace-integrations');
    browser = await launchChromium();
    receiver.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        receiver.received.push({ path: request.url!, headers: request.headers, body: Buffer.concat(chunks).toString() });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.server!.listen(0, '127.0.0.1', resolve));
    receiver.url = `http://127.0.0.1:${(receiver.server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    await new Promise((resolve) => receiver.server?.close(resolve));
  });

  const signedIn = (who: { email: string; role: string; agencies?: string }, options: { javaScriptEnabled?: boolean; bypassCSP?: boolean } = {}) =>
    signInToWorkspace(browser, stack.url, who, options);

  /** Drafts and submits an agreement between fire and ambulance through the API: an `agreement.submitted` event. */
  const submitAgreement = async (title: string) => {
    const client = await stackClient(stack.url);
    await client.signIn({ email: 'legal@warwickshire-fire.test', role: 'editor', agencies: ['warwickshire-fire'] });
    const parties = [
      { agencyId: 'warwickshire-fire', assessment: ASSESSMENT, signatories: [FIRE_CHIEF] },
      { agencyId: 'west-midlands-ambulance', assessment: ASSESSMENT, signatories: [AMBULANCE_CHIEF] },
    ];
    const created = await must(client.api.POST('/agreements', { body: { title, body: `# ${title}\n\nThe parties share it.`, withdrawalTerms: 'Three months notice.', parties } }));
    await must(client.api.POST('/agreements/{id}/submit', { params: { path: { id: created.id } } }));
    return created;
  };

  const banner = (page: Page) => page.locator('.govuk-notification-banner');

  it('lets an editor propose a collaboration, correct it, send a party a new link and start the draft once two see a benefit, with JavaScript off', async () => {
    const mailbox = createMailbox(() => stack.sesUrl);
    const { context, page } = await signedIn({ email: 'planning@warwickshire-fire.test', role: 'editor', agencies: 'warwickshire-fire' }, { javaScriptEnabled: false });
    await page.getByRole('link', { name: 'Proposals' }).click();
    await page.getByRole('heading', { name: 'Collaboration proposals', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Propose a collaboration' }).click();
    await page.getByLabel('What is proposed').fill('One workshop maintains both fleets.');
    await page.getByRole('button', { name: 'Send the proposal' }).click();

    // The GOV.UK error pattern: a summary linking to each field, the message beside it, what was typed kept.
    expect(await page.title()).toMatch(/^Error: /);
    const summary = page.locator('.govuk-error-summary');
    expect(await summary.locator('a').allTextContents()).toEqual(['Title: cannot be blank', 'Proposed to: choose at least one agency to propose it to']);
    expect(await summary.getByRole('link', { name: /^Proposed to/ }).getAttribute('href')).toBe('#agencyIds');
    expect(await page.locator('#title-error').textContent()).toContain('cannot be blank');
    expect(await page.getByLabel('What is proposed').inputValue()).toBe('One workshop maintains both fleets.');
    // Their only agency proposes it.
    expect(await page.getByLabel('Proposed by').inputValue()).toBe('warwickshire-fire');

    await page.getByLabel('Title').fill('Shared fleet workshop');
    await page.getByLabel(AMBULANCE).check();
    await page.getByRole('button', { name: 'Send the proposal' }).click();
    await banner(page).getByText('Proposal recorded.').waitFor();
    await page.getByRole('heading', { name: 'Shared fleet workshop', level: 1 }).waitFor();
    expect(await page.locator('.govuk-summary-list').first().textContent()).toContain('One workshop maintains both fleets.');
    const ambulanceCard = page.locator('.govuk-summary-card', { hasText: AMBULANCE });
    expect(await ambulanceCard.textContent()).toMatch(/Not answered yet.*Sent; it works until/s);
    expect(await page.locator('.govuk-tag').first().textContent()).toContain('Waiting for views');
    const proposalUrl = page.url().split('?')[0]!;

    // A new link for the party that has not answered: a second email reaches its contact.
    const proposalsTo = (mails: TMail[]) => mails.filter((mail) => mail.to === AMBULANCE_CONTACT && mail.subject.includes('Shared fleet workshop'));
    await mailbox.waitFor((mails) => proposalsTo(mails).length === 1, 'the first proposal email');
    await page.getByRole('button', { name: `Send a new link to ${AMBULANCE}` }).click();
    await banner(page).getByText('New links are on their way').waitFor();
    await mailbox.waitFor((mails) => proposalsTo(mails).length === 2, 'the second proposal email');

    // The ambulance trust's contact records a benefit from the new link.
    const respond = await context.newPage();
    await respond.goto(`${stack.url}${await mailbox.proposalLinkFor(AMBULANCE_CONTACT)}`);
    await respond.getByLabel('It would serve our efficiency or effectiveness').check();
    await respond.getByLabel('Your reasons').fill('One workshop saves both services money.');
    await respond.getByLabel('Your full name').fill('Anthony Marsh');
    await respond.getByRole('button', { name: 'Record our view' }).click();
    await respond.getByRole('heading', { name: 'Thank you' }).waitFor();
    await respond.close();

    await page.goto(proposalUrl);
    expect(await page.locator('.govuk-tag').first().textContent()).toContain('To proceed');
    expect(await ambulanceCard.textContent()).toMatch(/Sees a benefit.*One workshop saves both services money\..*Anthony Marsh/s);
    expect(await page.getByRole('button', { name: /^Send a new link/ }).count()).toBe(0);
    await page.getByRole('button', { name: 'Start a draft agreement' }).click();
    await banner(page).getByText('Draft opened from the proposal').waitFor();
    expect(page.url()).toMatch(new RegExp(`^${stack.url}/app/agreements/[0-9A-Z]{26}\\?done=proposal-drafted$`));
    await page.getByRole('heading', { name: 'Shared fleet workshop', level: 1 }).waitFor();
    expect(await page.locator('.govuk-tag').first().textContent()).toContain('Draft');
    expect(await page.getByRole('heading', { name: 'Warwickshire Fire and Rescue Service', level: 3 }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: AMBULANCE, level: 3 }).count()).toBe(1);
    const draftPath = new URL(page.url()).pathname;

    // The proposal now leads to its draft, and its trail records each step, intact.
    await page.goto(proposalUrl);
    expect(await page.locator('.govuk-tag').first().textContent()).toContain('Draft opened');
    expect(await page.getByRole('link', { name: 'Open the draft agreement' }).getAttribute('href')).toBe(draftPath);
    expect(await page.getByRole('button', { name: 'Start a draft agreement' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Audit trail' }).click();
    await page.locator('.govuk-inset-text').getByText('The chain of 5 events is intact').waitFor();
    const steps = await page.locator('tbody tr td:nth-child(3)').allInnerTexts();
    expect(steps.map((step) => step.split('\n')[0])).toEqual(['proposal created', 'proposal resent', 'proposal view recorded', 'proposal must proceed', 'draft opened']);

    // It is in the list, with its status.
    await page.getByRole('link', { name: 'Proposals' }).click();
    expect(await page.getByRole('row', { name: /Shared fleet workshop/ }).textContent()).toMatch(/Warwickshire Fire and Rescue Service.*1 of 1.*Draft opened/s);
    await context.close();
  });

  it('lets an admin add a webhook endpoint, see its secret once, send a delivery again, disable it, rotate the secret and delete it after confirming, with JavaScript off', async () => {
    const { context, page } = await signedIn({ email: 'admin@accord.test', role: 'admin' }, { javaScriptEnabled: false });
    await page.getByRole('link', { name: 'Webhooks' }).click();
    await page.getByRole('button', { name: 'Add an endpoint' }).click();
    await page.getByLabel('URL').fill('records system');
    await page.getByRole('button', { name: 'Add the endpoint' }).click();
    expect(await page.locator('.govuk-error-summary a').allTextContents()).toEqual(['URL: enter the full address, starting https://', 'Events to send it: choose at least one event']);
    expect(await page.getByLabel('URL').inputValue()).toBe('records system');

    const url = `${receiver.url}/records`;
    await page.getByLabel('URL').fill(url);
    await page.getByLabel('agreement.submitted', { exact: true }).check();
    await page.getByRole('button', { name: 'Add the endpoint' }).click();
    await banner(page).getByText('Endpoint added. Copy its signing secret now: it will not be shown again.').waitFor();
    const secret = (await page.locator('#signing-secret').textContent())!.trim();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(page.url()).not.toContain(secret);

    // Reached again, the endpoint's page never shows the secret.
    await page.getByRole('link', { name: 'Webhooks' }).first().click();
    expect(await page.getByRole('row', { name: new RegExp(url) }).textContent()).toMatch(/Every agency’s agreements and proposals.*1.*Active/s);
    await page.getByRole('link', { name: url }).click();
    const endpointUrl = page.url();
    expect(await page.content()).not.toContain(secret);
    expect(await page.getByText('Nothing sent yet.').count()).toBe(1);

    // An agreement is sent for signature: the records system is told, signed with the secret the page showed.
    const agreement = await submitAgreement('Shared fleet workshop contract');
    const [first] = await waitUntil(() => deliveredTo('/records'), (all) => all.length === 1, 'the first delivery');
    expect(new Webhook(secret).verify(first!.body, first!.headers as Record<string, string>)).toMatchObject({ type: 'agreement.submitted', data: { agreement: { id: agreement.id } } });
    const rows = page.locator('#deliveries ~ table tbody tr');
    const rowsOn = async (url: string) => {
      await page.goto(url);
      return rows.count();
    };
    await waitUntil(() => rowsOn(endpointUrl), (count) => count === 1, 'the delivery on the page');
    expect(await rows.first().textContent()).toMatch(/Attempt 1.*agreement\.submitted.*Delivered.*HTTP 204/s);
    expect(await rows.first().getByRole('link', { name: 'The agreement' }).getAttribute('href')).toBe(`/app/agreements/${agreement.id}`);

    // Sent again: the same event, with the same webhook-id, and a second row saying so.
    await rows.first().getByRole('button', { name: /^Send again/ }).click();
    await banner(page).getByText('The event is being sent again.').waitFor();
    const [, again] = await waitUntil(() => deliveredTo('/records'), (all) => all.length === 2, 'the delivery sent again');
    expect(again!.headers['webhook-id']).toBe(first!.headers['webhook-id']);
    await waitUntil(() => rowsOn(endpointUrl), (count) => count === 2, 'the second delivery on the page');
    expect(await rows.first().textContent()).toMatch(/Sent again, attempt 1.*Delivered/s);

    // Disabled, it offers nothing to send again; enabled, it does.
    await page.getByRole('button', { name: 'Disable the endpoint' }).click();
    await banner(page).getByText('Endpoint disabled.').waitFor();
    expect(await page.locator('.govuk-summary-list').textContent()).toContain('Disabled by a user');
    expect(await page.getByRole('button', { name: /^Send again/ }).count()).toBe(0);
    await page.getByRole('button', { name: 'Enable the endpoint' }).click();
    await banner(page).getByText('Endpoint enabled.').waitFor();
    expect(await page.getByRole('button', { name: /^Send again/ }).count()).toBe(2);

    // Its events are changed on a form of their own.
    await page.getByRole('link', { name: 'Change events' }).click();
    expect(await page.getByLabel('agreement.submitted', { exact: true }).isChecked()).toBe(true);
    await page.getByLabel('agreement.in_force', { exact: true }).check();
    await page.getByRole('button', { name: 'Save the endpoint' }).click();
    await banner(page).getByText('Endpoint saved.').waitFor();
    expect(await page.locator('.govuk-summary-list').textContent()).toMatch(/agreement\.submitted.*agreement\.in_force/s);

    // A rotated secret is shown once, and is not the old one.
    const rotateForm = { csrfToken: await page.locator('form[action$="/secret"] input[name="csrfToken"]').inputValue(), revision: await page.locator('form[action$="/secret"] input[name="revision"]').inputValue() };
    await page.getByRole('button', { name: 'Rotate the secret' }).click();
    await banner(page).getByText('Secret rotated.').waitFor();
    const rotated = (await page.locator('#signing-secret').textContent())!.trim();
    expect(rotated).toMatch(/^whsec_/);
    expect(rotated).not.toBe(secret);
    // Reloading that page sends the same form again: it does not rotate the secret a second time.
    const resent = await page.request.post(`${endpointUrl}/secret`, { form: rotateForm, headers: { origin: stack.url } });
    expect(resent.status()).toBe(412);
    expect(await resent.text()).not.toContain('whsec_');
    await page.goto(endpointUrl);
    expect(await page.content()).not.toContain(rotated);

    // Deleting asks first; confirmed, the endpoint is gone from the list and its page.
    await page.getByRole('link', { name: 'Delete this endpoint' }).click();
    await page.getByRole('heading', { name: 'Are you sure you want to delete this endpoint?' }).waitFor();
    await page.getByRole('link', { name: 'No, keep it' }).click();
    expect(await page.getByRole('heading', { name: url, level: 1 }).count()).toBe(1);
    await page.getByRole('link', { name: 'Delete this endpoint' }).click();
    await page.getByRole('button', { name: 'Yes, delete the endpoint' }).click();
    await banner(page).getByText('Endpoint deleted. Nothing more is sent to it.').waitFor();
    expect(await page.getByRole('link', { name: url }).count()).toBe(0);
    expect((await page.goto(endpointUrl))!.status()).toBe(404);
    await context.close();
  });

  it('keeps each endpoint to its agency’s editors and admins: a viewer has no webhook pages, an editor only their agency’s endpoints', async () => {
    const client = await stackClient(stack.url);
    await client.signIn({ email: 'admin@accord.test', role: 'admin' });
    const created = (await client.call('POST', '/webhooks', { url: `${receiver.url}/kept`, events: ['agreement.in_force'] })) as { endpoint: { id: string } };

    const viewer = await signedIn({ email: 'viewer@warwickshire-fire.test', role: 'viewer', agencies: 'warwickshire-fire' }, { javaScriptEnabled: false });
    expect(await viewer.page.getByRole('link', { name: 'Webhooks' }).count()).toBe(0);
    for (const path of ['/app/webhooks', '/app/webhooks/new', `/app/webhooks/${created.endpoint.id}`, `/app/webhooks/${created.endpoint.id}/delete`]) {
      const refused = await viewer.page.goto(`${stack.url}${path}`);
      expect(refused!.status(), `viewer ${path}`).toBe(403);
      expect(await viewer.page.getByRole('heading', { name: 'You cannot do this' }).count()).toBe(1);
    }
    const viewerToken = await viewer.page.locator('input[name="csrfToken"]').first().inputValue();
    expect((await viewer.context.request.post(`${stack.url}/app/webhooks/${created.endpoint.id}/delete`, { form: { csrfToken: viewerToken }, headers: { origin: stack.url }, maxRedirects: 0 })).status()).toBe(403);
    await viewer.context.close();

    // An editor of one agency: the every-agency endpoint is not theirs to see, and they add one for their own agency only.
    const editor = await signedIn({ email: 'editor@warwickshire-fire.test', role: 'editor', agencies: 'warwickshire-fire' }, { javaScriptEnabled: false });
    await editor.page.getByRole('link', { name: 'Webhooks' }).click();
    expect(await editor.page.getByText(`${receiver.url}/kept`).count()).toBe(0);
    expect((await editor.page.goto(`${stack.url}/app/webhooks/${created.endpoint.id}`))!.status()).toBe(404);
    const editorToken = await editor.page.locator('input[name="csrfToken"]').first().inputValue();
    expect((await editor.context.request.post(`${stack.url}/app/webhooks/${created.endpoint.id}/delete`, { form: { csrfToken: editorToken }, headers: { origin: stack.url }, maxRedirects: 0 })).status()).toBe(404);
    await editor.page.goto(`${stack.url}/app/webhooks/new`);
    expect(await editor.page.getByLabel('Agreements it hears about').locator('option').allTextContents()).toEqual(['Warwickshire Fire and Rescue Service']);
    await editor.context.close();
    // The endpoint is still there for the admin.
    expect(((await client.call('GET', `/webhooks/${created.endpoint.id}`)) as { url: string }).url).toBe(`${receiver.url}/kept`);
  });

  it('passes axe-core on the proposals list, a proposal, the new-proposal form with errors, the webhooks list and an endpoint with its deliveries', async () => {
    const { context, page } = await signedIn({ email: 'admin@accord.test', role: 'admin' }, { bypassCSP: true });
    const checked: Record<string, string[]> = {};
    const check = async (name: string) => {
      checked[name] = await axeViolations(page);
    };
    await page.goto(`${stack.url}/app/proposals/new`);
    await page.getByRole('button', { name: 'Send the proposal' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    await check('new proposal with errors');
    await page.getByLabel('Title').fill('Shared drone unit');
    await page.getByLabel('What is proposed').fill('One drone unit for police and fire.');
    await page.getByLabel('Proposed by').selectOption('warwickshire-police');
    await page.getByLabel('Warwickshire Fire and Rescue Service').check();
    await page.getByRole('button', { name: 'Send the proposal' }).click();
    await banner(page).getByText('Proposal recorded.').waitFor();
    await check('proposal');
    await page.getByRole('link', { name: 'Audit trail' }).click();
    await page.locator('.govuk-inset-text').getByText('is intact').waitFor();
    await check('proposal audit trail');
    await page.getByRole('link', { name: 'Proposals' }).click();
    await check('proposals list');

    await page.goto(`${stack.url}/app/webhooks/new`);
    await page.getByLabel('URL').fill(`${receiver.url}/checked`);
    await page.getByLabel('agreement.submitted', { exact: true }).check();
    await page.getByLabel('Agreements it hears about').selectOption('warwickshire-fire');
    await page.getByRole('button', { name: 'Add the endpoint' }).click();
    await page.locator('#signing-secret').waitFor();
    await check('endpoint with its new secret');
    const endpointUrl = `${stack.url}${await page.getByRole('link', { name: 'Change URL' }).getAttribute('href')}`.replace(/\/edit$/, '');
    await submitAgreement('Checked for accessibility');
    await waitUntil(() => deliveredTo('/checked'), (all) => all.length === 1, 'the delivery');
    const deliveriesShown = async () => {
      await page.goto(endpointUrl);
      return page.locator('#deliveries ~ table tbody tr').count();
    };
    await waitUntil(deliveriesShown, (count) => count === 1, 'the delivery on the page');
    await check('endpoint with a delivery');
    await page.getByRole('link', { name: 'Webhooks' }).first().click();
    expect(await page.getByRole('row', { name: /\/checked/ }).textContent()).toContain('Warwickshire Fire and Rescue Service');
    await check('webhooks list');
    expect(checked).toEqual({
      'new proposal with errors': [],
      proposal: [],
      'proposal audit trail': [],
      'proposals list': [],
      'endpoint with its new secret': [],
      'endpoint with a delivery': [],
      'webhooks list': [],
    });
    await context.close();
  });
});
