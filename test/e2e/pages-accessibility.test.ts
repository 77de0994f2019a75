import { createHash } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authoriseParties, partiesOf } from '../fixtures/agencies';
import { stackClient } from '../fixtures/contract';
import { must } from '../../client/accord-client';
import { createMailbox } from '../fixtures/outbox';
import { startLocalStackOnFreePorts } from '../fixtures/local-stack';
import { axeViolations, launchChromium } from '../fixtures/browser';

/**
 * The page's one style sheet, GOV.UK Frontend's and Accord's, as the workspace function serves it:
 * a broken link fails here rather than leaving a page unstyled (axe judges contrast by it too).
 */
const expectStyleSheetServed = async (page: Page) => {
  const hrefs = await page.locator('link[rel=stylesheet]').evaluateAll((links) => links.map((link) => (link as HTMLLinkElement).href));
  expect(hrefs, page.url()).toHaveLength(1);
  const reply = await fetch(hrefs[0]!);
  expect([reply.status, reply.headers.get('content-type')], hrefs[0]).toEqual([200, 'text/css; charset=utf-8']);
};

/** With the page's own CSP in force: the style sheet it allows is the one that lays the page out. */
const expectStyled = async (page: Page) => {
  await expectStyleSheetServed(page);
  expect(await page.locator('.govuk-width-container').first().evaluate((container) => getComputedStyle(container).maxWidth), page.url()).toBe('960px');
};

/** axe-core's findings on the page, once its style sheet is known to be there. */
const checkedViolations = async (page: Page) => {
  await expectStyleSheetServed(page);
  return axeViolations(page);
};

/**
 * The public pages a signatory and the public see, as they render the agreement text and dates:
 * they work with JavaScript off, and pass axe-core's WCAG 2.2 AA checks.
 */
describe('the signing page, the proposal page, the certificate and the register, without JavaScript and to WCAG 2.2 AA', () => {
  let stack: Awaited<ReturnType<typeof startLocalStackOnFreePorts>>;
  let browser: Browser;
  let token: string;
  let agreement: { id: string; reference: string };

  beforeAll(async () => {
    stack = await startLocalStackOnFreePorts('a11y');
    browser = await launchChromium();
    const client = await stackClient(stack.url);
    token = await client.signIn({ email: 'admin@accord.test', role: 'admin' });
    const { api } = client;
    await must(api.POST('/agencies', { body: { id: 'warwickshire-fire', name: 'Warwickshire Fire and Rescue', type: 'fire_and_rescue_authority' } }));
    await must(api.POST('/agencies', { body: { id: 'west-midlands-ambulance', name: 'West Midlands Ambulance Service', type: 'ambulance_trust' } }));
    agreement = await must(
      api.POST('/agreements', {
        body: {
          title: 'Co-responding to cardiac arrests',
          summary: 'Firefighters attend suspected cardiac arrests with the ambulance service.',
          body: '# Co-responding\n\n## 1. Purpose\n\nFirefighters **co-respond** to:\n\n- suspected cardiac arrests\n- [other calls](https://www.legislation.gov.uk/ukpga/2017/3) agreed by both parties',
          withdrawalTerms: 'Three months notice.',
          parties: partiesOf([
            { agencyId: 'warwickshire-fire', name: 'Ben Brook', role: 'Chief Fire Officer', email: 'cfo@fire.a11y.test' },
            { agencyId: 'west-midlands-ambulance', name: 'Anthony Marsh', role: 'Chief Executive', email: 'ceo@wmas.a11y.test' },
          ]),
        },
      }),
    );
    // A schedule, so the signing page lists the files signed with the text.
    const schedulePdf = await PDFDocument.create();
    schedulePdf.addPage();
    const schedule = Buffer.from(await schedulePdf.save());
    const upload = await must(
      api.POST('/agreements/{id}/attachments', {
        params: { path: { id: agreement.id } },
        body: { name: 'Schedule 1 – Response areas.pdf', contentType: 'application/pdf', size: schedule.length, sha256: createHash('sha256').update(schedule).digest('hex') },
      }),
    );
    await fetch(upload.uploadUrl, { method: 'PUT', headers: upload.uploadHeaders, body: schedule });
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const current = await must(api.GET('/agreements/{id}', { params: { path: { id: agreement.id } } }));
      if (current.attachments.every((file) => file.status === 'available')) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await authoriseParties(client.call, (await must(api.GET('/agreements/{id}', { params: { path: { id: agreement.id } } }))).parties);
    await must(api.POST('/agreements/{id}/submit', { params: { path: { id: agreement.id } } }));
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('lets a signatory read the rendered text and approve with JavaScript off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const link = await createMailbox(() => stack.sesUrl).linkFor('cfo@fire.a11y.test');
    await page.goto(`${stack.url}${link}`);
    await expectStyled(page);
    expect(await page.locator('.document h2').textContent()).toBe('Co-responding');
    expect(await page.locator('.document li').count()).toBe(2);
    expect(await page.getByRole('link', { name: 'Schedule 1 – Response areas.pdf' }).count()).toBe(1);
    await page.getByLabel(/I approve this agreement/).check();
    await page.getByLabel(/type your full name/).fill('Ben Brook');
    await page.getByRole('button', { name: 'Record my decision' }).click();
    await page.getByRole('heading', { name: 'Thank you' }).waitFor();
    await expectStyled(page);
    await context.close();
  });

  it('passes axe-core on the signing page, as it first opens, with errors and once decided, on the certificate and on the register', async () => {
    // axe is injected by the test, so the pages' own strict CSP is set aside for it.
    const context = await browser.newContext({ bypassCSP: true, extraHTTPHeaders: { authorization: `Bearer ${token}`, accept: 'text/html' } });
    const page = await context.newPage();
    const link = await createMailbox(() => stack.sesUrl).linkFor('ceo@wmas.a11y.test');
    await page.goto(`${stack.url}${link}`);
    expect(await checkedViolations(page), 'the signing page').toEqual([]);

    // A name typed but no decision chosen: the GOV.UK error pattern, with what was typed kept.
    await page.getByLabel(/type your full name/).fill('Anthony Marsh');
    await page.getByRole('button', { name: 'Record my decision' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    expect(await page.title()).toMatch(/^Error: /);
    expect(await page.locator('.govuk-error-summary a').getAttribute('href')).toBe('#decision');
    expect(await page.locator('.govuk-form-group--error .govuk-error-message').textContent()).toContain('choose approve or decline');
    expect(await page.getByLabel(/type your full name/).inputValue()).toBe('Anthony Marsh');
    expect(await checkedViolations(page), 'the signing page with errors').toEqual([]);

    await page.getByLabel(/I approve this agreement/).check();
    await page.getByRole('button', { name: 'Record my decision' }).click();
    await page.getByRole('heading', { name: 'Thank you' }).waitFor();
    expect(await checkedViolations(page), 'the decision recorded').toEqual([]);

    for (const path of [`/agreements/${agreement.id}/certificate`, '/register']) {
      await page.goto(`${stack.url}${path}`);
      expect(await checkedViolations(page), path).toEqual([]);
    }
    await context.close();
  });

  it('lets a proposed party record its view with JavaScript off; the proposal page and an agency’s register pass axe-core', async () => {
    const { api, signIn } = await stackClient(stack.url);
    await signIn({ email: 'admin@accord.test', role: 'admin' });
    await must(api.POST('/proposals', { body: { title: 'Shared training centre', summary: 'One centre for both services.', proposerAgencyId: 'warwickshire-fire', agencyIds: ['west-midlands-ambulance'] } }));
    const link = await createMailbox(() => stack.sesUrl).proposalLinkFor('legal@west-midlands-ambulance.test');

    const checked = await browser.newContext({ bypassCSP: true });
    const checkedPage = await checked.newPage();
    for (const path of [link, '/register?agency=west-midlands-ambulance']) {
      await checkedPage.goto(`${stack.url}${path}`);
      expect(await checkedViolations(checkedPage), path).toEqual([]);
    }
    await checked.close();

    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${stack.url}${link}`);
    await expectStyled(page);
    await page.getByLabel('We decline it').check();
    await page.getByLabel(/statutory ground/).selectOption('public_safety');
    await page.getByLabel(/Your reasons/).fill('Crews would be taken off the road for training.');
    await page.getByLabel(/Your full name/).fill('Anthony Marsh');
    await page.getByRole('button', { name: 'Record our view' }).click();
    await page.getByRole('heading', { name: 'Thank you' }).waitFor();
    await expectStyled(page);
    await context.close();
  });

  it('lets anyone check an executed copy on the verify page with JavaScript off; that page, its answer and a published agreement’s text pass axe-core', async () => {
    // Both parties signed in the tests before: the agreement is in force, its copy being sealed.
    const headers = { authorization: `Bearer ${token}` };
    let copy: Buffer | undefined;
    for (let attempt = 0; attempt < 150 && !copy; attempt += 1) {
      const reply = await fetch(`${stack.url}/agreements/${agreement.id}/executed.pdf`, { headers });
      if (reply.ok) copy = Buffer.from(await reply.arrayBuffer());
      else await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(copy, 'the executed copy is sealed').toBeDefined();

    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${stack.url}/verify`);
    await expectStyled(page);
    await page.getByLabel(/File to check/).setInputFiles({ name: 'executed.pdf', mimeType: 'application/pdf', buffer: copy! });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByRole('heading', { name: 'This file is held in Accord' }).waitFor();
    expect(await page.locator('.govuk-notification-banner li').textContent()).toContain(`the sealed executed copy of ${agreement.reference}`);
    await expectStyled(page);
    await context.close();

    const checked = await browser.newContext({ bypassCSP: true });
    const checkedPage = await checked.newPage();
    for (const path of [`/register/agreements/${agreement.id}`, '/verify']) {
      await checkedPage.goto(`${stack.url}${path}`);
      expect(await checkedViolations(checkedPage), path).toEqual([]);
    }
    await checkedPage.getByLabel(/File to check/).setInputFiles({ name: 'executed.pdf', mimeType: 'application/pdf', buffer: copy! });
    await checkedPage.getByRole('button', { name: 'Check the file' }).click();
    await checkedPage.getByRole('heading', { name: 'This file is held in Accord' }).waitFor();
    expect(await checkedViolations(checkedPage), 'the verify page’s answer').toEqual([]);
    await checked.close();
  });
});
