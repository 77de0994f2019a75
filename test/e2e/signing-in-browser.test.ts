import { join } from 'node:path';
import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authoriseParties, partiesOf } from '../fixtures/agencies';
import { stackClient } from '../fixtures/contract';
import { must } from '../../client/accord-client';
import { createMailbox } from '../fixtures/outbox';
import { startLocalStackOnFreePorts } from '../fixtures/local-stack';
import { launchChromium } from '../fixtures/browser';


describe('a signatory in a real browser', () => {
  let stack: Awaited<ReturnType<typeof startLocalStackOnFreePorts>>;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startLocalStackOnFreePorts('browser');
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  /** Signs in as the owner and sends a draft between fire and ambulance, signed for by these two, for signature. */
  const submittedFor = async (title: string, body: string, signers: { name: string; role: string; email: string }[]) => {
    const client = await stackClient(stack.url);
    await client.signIn({ email: 'owner@fire.test', role: 'admin' });
    const { api } = client;
    for (const agency of [
      { id: 'warwickshire-fire', name: 'Warwickshire Fire and Rescue', type: 'fire_and_rescue_authority' as const },
      { id: 'west-midlands-ambulance', name: 'West Midlands Ambulance Service', type: 'ambulance_trust' as const },
    ]) {
      if ((await api.GET('/agencies/{id}', { params: { path: { id: agency.id } } })).response.status === 404) await must(api.POST('/agencies', { body: agency }));
    }
    const created = await must(
      api.POST('/agreements', {
        body: {
          title,
          body,
          withdrawalTerms: 'Three months notice.',
          parties: partiesOf(signers.map((signer, index) => ({ agencyId: index === 0 ? 'warwickshire-fire' : 'west-midlands-ambulance', ...signer }))),
        },
      }),
    );
    await authoriseParties(client.call, created.parties);
    const submitted = await must(api.POST('/agreements/{id}/submit', { params: { path: { id: created.id } } }));
    return { api, submitted };
  };

  it('reads the agreement, is told what is missing, approves, and the agreement comes into force', async () => {
    const { api, submitted } = await submittedFor('Co-responding <to> cardiac arrests', '# Terms\n\nFirefighters co-respond. <img src=x onerror=alert(1)>', [
      { name: 'Ben Brook', role: 'Chief Fire Officer', email: 'cfo@fire.test' },
      { name: 'Anthony Marsh', role: 'Chief Executive', email: 'ceo@wmas.test' },
    ]);
    expect(submitted.status).toBe('awaiting_signatures');

    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    for (const [email, name] of [
      ['cfo@fire.test', 'Ben Brook'],
      ['ceo@wmas.test', 'Anthony Marsh'],
    ] as const) {
      // The link in the email, as a person would click it.
      const link = `${stack.url}${await createMailbox(() => stack.sesUrl).linkFor(email)}`;
      await page.goto(link);
      expect(await page.locator('h1').textContent()).toBe('Co-responding <to> cardiac arrests');
      expect(await page.locator('.document').textContent()).toContain('<img src=x onerror=alert(1)>');
      expect(await page.locator('.accord-hash').first().textContent()).toBe(submitted.documentSha256);

      await page.getByLabel(/I approve this agreement/).check();
      await page.getByRole('button', { name: 'Record my decision' }).click();
      expect(await page.locator('.govuk-error-message', { hasText: 'type your full name to sign' }).count()).toBe(1);
      expect(await page.getByLabel(/I approve this agreement/).isChecked()).toBe(true);

      await page.getByLabel(/type your full name/).fill(name);
      await page.getByRole('button', { name: 'Record my decision' }).click();
      expect(await page.locator('h1').textContent()).toBe('Thank you');
      if (email === 'ceo@wmas.test') {
        expect(await page.locator('main').textContent()).toContain('the agreement is in force');
        await page.screenshot({ path: join(stack.dataDir, 'signed.png') });
      }
    }
    expect(dialogs).toEqual([]);
    const agreement = await must(api.GET('/agreements/{id}', { params: { path: { id: submitted.id } } }));
    expect(agreement.status).toBe('in_force');
    expect(agreement.parties[1]!.signatories[0]!.evidence).toMatchObject({ signedName: 'Anthony Marsh', documentSha256: submitted.documentSha256 });
    expect(agreement.parties[1]!.signatories[0]!.evidence?.userAgent).toContain('Chrome');
  });
});
