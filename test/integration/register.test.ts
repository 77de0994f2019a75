import { beforeAll, describe, expect, it } from 'vitest';
import { WARWICKSHIRE_AGENCIES } from '../fixtures/agencies';
import type { TTestUser } from '../fixtures/auth';
import { ADMIN } from '../fixtures/http';
import { api, bringIntoForce } from '../fixtures/lifecycle';

const OWNER: TTestUser = { email: 'owner@register.test', role: 'editor', agencies: ['warwickshire-fire'] };
const parties = (tag: string) => [
  { agencyId: 'warwickshire-fire', email: `fire-${tag}@fire.test` },
  { agencyId: 'west-midlands-ambulance', email: `amb-${tag}@wmas.test` },
];

beforeAll(async () => {
  for (const agency of WARWICKSHIRE_AGENCIES) await api({ method: 'POST', path: '/agencies', body: agency, as: ADMIN });
});

describe('the public register', () => {
  it('lists published agreements in force, as HTML, JSON and CSV, with no email address anywhere', async () => {
    const published = await bringIntoForce(OWNER, parties('published'), { title: 'Co-responding, "cardiac" arrests', summary: '=HYPERLINK("x")' });
    const exempt = await bringIntoForce(OWNER, parties('exempt'), { title: 'Covert support', publish: false, publishExemptionReason: 'Operational security' });
    await api({ method: 'POST', path: '/agreements', as: OWNER, body: { title: 'A draft' } });

    const json = await api({ method: 'GET', path: '/register.json' });
    expect(json.status).toBe(200);
    expect(json.json.items).toEqual([
      {
        id: published.id,
        reference: published.reference,
        version: 1,
        title: 'Co-responding, "cardiac" arrests',
        summary: '=HYPERLINK("x")',
        legalBasis: 'PCA2017_S2',
        parties: ['Warwickshire Fire and Rescue Service', 'West Midlands Ambulance Service NHS Foundation Trust'],
        partyAgencyIds: ['warwickshire-fire', 'west-midlands-ambulance'],
        publication: [],
        effectiveDate: published.effectiveDate,
        nextReviewDate: published.nextReviewDate,
        documentSha256: published.documentSha256,
      },
    ]);
    expect(json.text).not.toContain(exempt.reference);

    const page = await api({ method: 'GET', path: '/register' });
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['content-security-policy']).toMatch(/^default-src 'none'; style-src 'self';/);
    expect(page.text).toContain(published.reference);
    expect(page.text).toContain('Co-responding, &quot;cardiac&quot; arrests');
    // Each published agreement links to its text, rendered; one exempt from publication has no such page.
    expect(page.text).toContain(`href="register/agreements/${published.id}"`);
    const text = await api({ method: 'GET', path: `/register/agreements/${published.id}` });
    expect(text.status).toBe(200);
    expect(text.text).toContain(published.documentSha256);
    expect(text.text).not.toMatch(/@[a-z-]+\.test/);
    expect((await api({ method: 'GET', path: `/register/agreements/${exempt.id}` })).status).toBe(404);

    const csv = await api({ method: 'GET', path: '/register.csv' });
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('reference,version,title,summary,legalBasis,parties,publication,effectiveDate,nextReviewDate,documentSha256');
    expect(lines[1]).toContain(`${published.reference},1,"Co-responding, ""cardiac"" arrests","'=HYPERLINK(""x"")"`);

    for (const reply of [json, page, csv]) expect(reply.text).not.toMatch(/@[a-z-]+\.test/);
  });

  it('shows how each party publishes an agreement, as only that party records it, and lists an agency’s agreements', async () => {
    const FIRE_EDITOR: TTestUser = { email: 'records@fire.test', role: 'editor', agencies: ['warwickshire-fire'] };
    const AMBULANCE_EDITOR: TTestUser = { email: 'records@wmas.test', role: 'editor', agencies: ['west-midlands-ambulance'] };
    const agreement = await bringIntoForce(OWNER, parties('publication'), { title: 'Shared fleet workshop' });
    const other = await bringIntoForce(ADMIN, [
      { agencyId: 'warwickshire-fire', email: 'fire-other@fire.test' },
      { agencyId: 'warwickshire-police', email: 'cc-other@police.test' },
      { agencyId: 'warwickshire-pcc', email: 'pcc-other@pcc.test' },
    ], { title: 'Fire and police estates' });
    const record = (as: TTestUser, agencyId: string, body: unknown) => api({ method: 'PUT', path: `/agreements/${agreement.id}/parties/${agencyId}/publication`, as, body });

    expect((await record(AMBULANCE_EDITOR, 'warwickshire-fire', { mode: 'full', where: 'https://fire.test/agreements' })).status).toBe(403);
    const missing = await record(FIRE_EDITOR, 'warwickshire-fire', { mode: 'withheld' });
    expect(missing.status).toBe(400);
    expect(missing.json.errors.map((e: { path: string }) => e.path)).toEqual(['reason']);
    expect((await record(FIRE_EDITOR, 'warwickshire-fire', { mode: 'summary', reason: 'Estates detail is commercially sensitive.' })).json.errors.map((e: { path: string }) => e.path)).toEqual(['where']);
    expect((await record(FIRE_EDITOR, 'warwickshire-police', { mode: 'full', where: 'x' })).status).toBe(404);

    const recorded = await record(FIRE_EDITOR, 'warwickshire-fire', { mode: 'full', where: 'https://fire.test/agreements' });
    expect(recorded.status).toBe(200);
    expect(recorded.json.parties[0].publication).toMatchObject({ mode: 'full', where: 'https://fire.test/agreements', reason: null, recordedBy: 'records@fire.test' });
    await record(AMBULANCE_EDITOR, 'west-midlands-ambulance', { mode: 'withheld', reason: 'Operational detail of the response model.' });
    const events = (await api({ method: 'GET', path: `/agreements/${agreement.id}/events`, as: ADMIN })).json.items;
    expect(events.filter((event: { type: string }) => event.type === 'publication_recorded').map((event: { data: { agencyId: string } }) => event.data.agencyId)).toEqual([
      'warwickshire-fire',
      'west-midlands-ambulance',
    ]);

    const entry = (await api({ method: 'GET', path: '/register.json' })).json.items.find((item: { reference: string }) => item.reference === agreement.reference);
    expect(entry.publication).toEqual([
      { agencyId: 'warwickshire-fire', agency: 'Warwickshire Fire and Rescue Service', mode: 'full', where: 'https://fire.test/agreements', reason: null },
      { agencyId: 'west-midlands-ambulance', agency: 'West Midlands Ambulance Service NHS Foundation Trust', mode: 'withheld', where: null, reason: 'Operational detail of the response model.' },
    ]);
    const ambulanceOnly = (await api({ method: 'GET', path: '/register.json?agency=west-midlands-ambulance&limit=100' })).json.items.map((item: { reference: string }) => item.reference);
    expect(ambulanceOnly).toContain(agreement.reference);
    expect(ambulanceOnly).not.toContain(other.reference);
    const policeOnly = (await api({ method: 'GET', path: '/register.json?agency=warwickshire-police' })).json.items.map((item: { reference: string }) => item.reference);
    expect(policeOnly).toEqual([other.reference]);
    const page = await api({ method: 'GET', path: '/register?agency=warwickshire-police' });
    expect(page.text).toContain('Collaboration agreements of Warwickshire Police');
    expect(page.text).not.toContain(agreement.reference);
    expect((await api({ method: 'GET', path: '/register' })).text).toContain('Published by <bdi>West Midlands Ambulance Service NHS Foundation Trust: withheld (Operational detail of the response model.)</bdi>');
    expect((await api({ method: 'GET', path: '/register.json?agency=Not-A-Slug' })).status).toBe(400);
  });

  it('drops an agreement from the register when it is terminated', async () => {
    const agreement = await bringIntoForce(OWNER, parties('ended'), { title: 'Short-lived' });
    expect((await api({ method: 'GET', path: '/register.json' })).json.items.map((e: { reference: string }) => e.reference)).toContain(agreement.reference);
    await api({ method: 'POST', path: `/agreements/${agreement.id}/terminate`, as: ADMIN, body: { reason: 'Ended early.', evidence: 'Letters from every party, October 2026.' } });
    expect((await api({ method: 'GET', path: '/register.json' })).json.items.map((e: { reference: string }) => e.reference)).not.toContain(agreement.reference);
  });
});
