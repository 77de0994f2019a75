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
        reference: published.reference,
        version: 1,
        title: 'Co-responding, "cardiac" arrests',
        summary: '=HYPERLINK("x")',
        legalBasis: 'PCA2017_S2',
        parties: ['Warwickshire Fire and Rescue Service', 'West Midlands Ambulance Service NHS Foundation Trust'],
        effectiveDate: published.effectiveDate,
        nextReviewDate: published.nextReviewDate,
        documentSha256: published.documentSha256,
      },
    ]);
    expect(json.text).not.toContain(exempt.reference);

    const page = await api({ method: 'GET', path: '/register' });
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['content-security-policy']).toMatch(/^default-src 'none'; style-src 'sha256-/);
    expect(page.text).toContain(published.reference);
    expect(page.text).toContain('Co-responding, &quot;cardiac&quot; arrests');

    const csv = await api({ method: 'GET', path: '/register.csv' });
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('reference,version,title,summary,legalBasis,parties,effectiveDate,nextReviewDate,documentSha256');
    expect(lines[1]).toContain(`${published.reference},1,"Co-responding, ""cardiac"" arrests","'=HYPERLINK(""x"")"`);

    for (const reply of [json, page, csv]) expect(reply.text).not.toMatch(/@[a-z-]+\.test/);
  });

  it('drops an agreement from the register when it is terminated', async () => {
    const agreement = await bringIntoForce(OWNER, parties('ended'), { title: 'Short-lived' });
    expect((await api({ method: 'GET', path: '/register.json' })).json.items.map((e: { reference: string }) => e.reference)).toContain(agreement.reference);
    await api({ method: 'POST', path: `/agreements/${agreement.id}/terminate`, as: ADMIN, body: { reason: 'Ended early.', evidence: 'Letters from every party, October 2026.' } });
    expect((await api({ method: 'GET', path: '/register.json' })).json.items.map((e: { reference: string }) => e.reference)).not.toContain(agreement.reference);
  });
});
