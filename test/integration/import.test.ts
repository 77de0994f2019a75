import { beforeAll, describe, expect, it } from 'vitest';
import { WARWICKSHIRE_AGENCIES } from '../fixtures/agencies';
import { ADMIN } from '../fixtures/http';
import { api, runDailyJob } from '../fixtures/lifecycle';

const EDITOR = { email: 'legal@fire.import.test', role: 'editor' as const, agencies: ['warwickshire-fire'] };
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const SIGNED_COPY = 'a'.repeat(64);

const paperAgreement = (sourceReference: string, extra: Record<string, unknown> = {}) => ({
  sourceReference,
  title: 'Co-responding (signed on paper)',
  effectiveDate: '2019-04-01',
  nextReviewDate: inDays(7),
  signedCopySha256: SIGNED_COPY,
  attestation: 'Sealed copy held by legal services, checked against the minutes of 20 March 2019.',
  parties: [
    { agencyId: 'warwickshire-fire', signatories: [{ name: 'Andy Hickmott', role: 'Chief Fire Officer', signedOn: '2019-03-20' }] },
    { agencyId: 'west-midlands-ambulance', signatories: [{ name: 'Anthony Marsh', role: 'Chief Executive', email: 'ceo@wmas.import.test', signedOn: '2019-03-21' }] },
  ],
  ...extra,
});

beforeAll(async () => {
  for (const agency of WARWICKSHIRE_AGENCIES) await api({ method: 'POST', path: '/agencies', as: ADMIN, body: agency });
});

describe('agreements signed outside Accord', () => {
  it('enters an imported agreement in force with attested signatures, finds it by its signed copy, reminds its review, and imports it once', async () => {
    expect((await api({ method: 'POST', path: '/agreements/imports', as: EDITOR, body: paperAgreement('WFRS-2019-7') })).status).toBe(403);
    const imported = await api({ method: 'POST', path: '/agreements/imports', as: ADMIN, body: paperAgreement('WFRS-2019-7') });
    expect(imported.status, JSON.stringify(imported.json)).toBe(201);
    expect(imported.json).toMatchObject({ status: 'in_force', version: 1, effectiveDate: '2019-04-01', documentSha256: SIGNED_COPY });
    expect(imported.json.parties[1].signatories[0]).toMatchObject({
      status: 'approved',
      decidedAt: '2019-03-21T00:00:00.000Z',
      evidence: { signedName: 'Anthony Marsh', ip: null, imported: { attestedBy: ADMIN.email } },
    });
    const events = (await api({ method: 'GET', path: `/agreements/${imported.json.id}/events`, as: ADMIN })).json.items;
    expect(events.map((event: { type: string }) => event.type)).toEqual(['imported']);
    expect(events[0].data).toMatchObject({ sourceReference: 'WFRS-2019-7', signedCopySha256: SIGNED_COPY, attestation: expect.stringContaining('Sealed copy') });
    // The parties' legal contacts hear of its reviews.
    expect(imported.json.legalContacts).toEqual(['legal@warwickshire-fire.test', 'legal@west-midlands-ambulance.test']);
    expect((await api({ method: 'GET', path: `/verify/${SIGNED_COPY}` })).json.matches.map((match: { reference: string }) => match.reference)).toContain(imported.json.reference);

    const again = await api({ method: 'POST', path: '/agreements/imports', as: ADMIN, body: paperAgreement('wfrs-2019-7 ') });
    expect(again.status).toBe(409);

    const report = await runDailyJob(inDays(0));
    expect(report.reviewRemindersSent).toBeGreaterThanOrEqual(1);
    const after = (await api({ method: 'GET', path: `/agreements/${imported.json.id}/events`, as: ADMIN })).json.items;
    expect(after.map((event: { type: string }) => event.type)).toContain('review_reminder_sent');
  });

  it('names what makes an import impossible, by field', async () => {
    const refused = await api({
      method: 'POST',
      path: '/agreements/imports',
      as: ADMIN,
      body: paperAgreement('WFRS-2019-8', {
        nextReviewDate: '2019-01-01',
        parties: [
          { agencyId: 'warwickshire-fire', signatories: [{ name: 'A', role: 'CFO', signedOn: '2019-05-01' }] },
          { agencyId: 'no-such-agency', signatories: [{ name: 'B', role: 'CEO', signedOn: '2019-03-01' }] },
        ],
      }),
    });
    expect(refused.status).toBe(422);
    expect(refused.json.errors.map((error: { path: string }) => error.path).sort()).toEqual(['nextReviewDate', 'parties.0.signatories.0.signedOn', 'parties.1.agencyId']);
    const alone = await api({
      method: 'POST',
      path: '/agreements/imports',
      as: ADMIN,
      body: paperAgreement('WFRS-2019-9', { parties: [{ agencyId: 'warwickshire-fire', signatories: [{ name: 'A', role: 'CFO', signedOn: '2019-03-01' }] }, { agencyId: 'warwickshire-county-fire', signatories: [] }] }),
    });
    expect(alone.status).toBe(400);
  });

  it('imports a backlog from CSV: a dry run lists errors by line and field, a run creates each once, a second run creates nothing', async () => {
    const header = 'sourceReference,title,summary,legalBasis,effectiveDate,nextReviewDate,expiryDate,signedCopySha256,agencyId,signatoryName,signatoryRole,signatoryEmail,signedOn';
    const review = inDays(200);
    const csv = [
      header,
      '',
      `REG-1,Shared estates,,PCA2017_S2,2020-01-01,${review},,,warwickshire-fire,Andy Hickmott,Chief Fire Officer,,2019-12-01`,
      `REG-1,Shared estates,,PCA2017_S2,2020-01-01,${review},,,west-midlands-ambulance,Anthony Marsh,Chief Executive,ceo@wmas.csv.test,2019-12-02`,
      `REG-2,Drones,,PCA2017_S2,2021-01-01,${review},,,warwickshire-fire,Andy Hickmott,Chief Fire Officer,,2020-12-01`,
      `REG-2,Drones,,PCA2017_S2,2021-01-01,${review},,,no-such-agency,Someone,Chief,,2020-12-01`,
      `REG-3,"Training, shared",,PCA2017_S2,2022-01-01,not-a-date,,,warwickshire-fire,Andy Hickmott,Chief Fire Officer,,2021-12-01`,
      `REG-3,"Training, shared",,PCA2017_S2,2022-01-01,not-a-date,,,west-midlands-ambulance,Anthony Marsh,Chief Executive,,2021-12-01`,
      // The same agreement whatever the case of its reference; a summary that differs from its first line is named.
      `reg-3,"Training, shared","A summary
over two lines",PCA2017_S2,2022-01-01,not-a-date,,,warwickshire-police,Someone,Chief Constable,,2021-12-01`,
    ].join('\r\n');
    const attestation = 'Copies in the register binder, checked by legal services.';
    const dry = await api({ method: 'POST', path: '/agreements/imports/csv', as: ADMIN, body: { csv, attestation } });
    expect(dry.status, JSON.stringify(dry.json)).toBe(200);
    expect(dry.json.dryRun).toBe(true);
    expect(dry.json.agreements.map((entry: { sourceReference: string; outcome: string }) => [entry.sourceReference, entry.outcome])).toEqual([
      ['REG-1', 'would_create'],
      ['REG-2', 'invalid'],
      ['REG-3', 'invalid'],
    ]);
    expect(dry.json.agreements[1].errors).toEqual([{ line: 6, field: 'parties.1.agencyId', message: "no agency 'no-such-agency'" }]);
    expect(dry.json.agreements[2]).toMatchObject({ lines: [7, 8, 9] });
    expect(dry.json.agreements[2].errors).toEqual([
      { line: 9, field: 'summary', message: 'differs from line 7 for the same sourceReference' },
      { line: 7, field: 'nextReviewDate', message: expect.any(String) },
    ]);
    expect((await api({ method: 'GET', path: '/agreements?q=Shared%20estates', as: ADMIN })).json.items).toEqual([]);

    const run = await api({ method: 'POST', path: '/agreements/imports/csv', as: ADMIN, body: { csv, attestation, dryRun: false } });
    const created = run.json.agreements[0];
    expect(created).toMatchObject({ sourceReference: 'REG-1', outcome: 'created', lines: [3, 4] });
    const agreement = (await api({ method: 'GET', path: `/agreements/${created.agreementId}`, as: ADMIN })).json;
    expect(agreement).toMatchObject({ status: 'in_force', title: 'Shared estates', effectiveDate: '2020-01-01' });
    expect(agreement.parties.map((party: { agencyId: string }) => party.agencyId)).toEqual(['warwickshire-fire', 'west-midlands-ambulance']);

    const rerun = await api({ method: 'POST', path: '/agreements/imports/csv', as: ADMIN, body: { csv, attestation, dryRun: false } });
    expect(rerun.json.agreements[0]).toMatchObject({ outcome: 'exists', agreementId: created.agreementId });
    expect((await api({ method: 'GET', path: '/agreements?q=Shared%20estates', as: ADMIN })).json.items).toHaveLength(1);

    const broken = await api({ method: 'POST', path: '/agreements/imports/csv', as: ADMIN, body: { csv: 'title\r\nx', attestation } });
    expect(broken.status).toBe(400);
    expect(broken.json.errors[0].path).toBe('csv');
  });
});
