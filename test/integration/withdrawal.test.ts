import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WARWICKSHIRE_AGENCIES } from '../fixtures/agencies';
import type { TTestUser } from '../fixtures/auth';
import { ADMIN } from '../fixtures/http';
import { api, bringIntoForce, runDailyJob } from '../fixtures/lifecycle';
import { mailbox, startOutbox } from '../fixtures/outbox';

const AMBULANCE_EDITOR: TTestUser = { email: 'legal@wmas.test', role: 'editor', agencies: ['west-midlands-ambulance'] };
const FIRE_EDITOR: TTestUser = { email: 'legal@fire.test', role: 'editor', agencies: ['warwickshire-fire'] };

let outbox: Awaited<ReturnType<typeof startOutbox>>;
beforeAll(async () => {
  for (const agency of WARWICKSHIRE_AGENCIES) await api({ method: 'POST', path: '/agencies', as: ADMIN, body: agency });
  outbox = await startOutbox();
});
afterAll(() => outbox.stop());

const notice = (id: string, as: TTestUser, body: Record<string, unknown>) => api({ method: 'POST', path: `/agreements/${id}/withdrawals`, as, body });
const read = async (id: string) => (await api({ method: 'GET', path: `/agreements/${id}`, as: ADMIN })).json;
const eventTypes = async (id: string) => (await api({ method: 'GET', path: `/agreements/${id}/events`, as: ADMIN })).json.items.map((event: { type: string }) => event.type);

/** The day after tomorrow, London time: a notice date in the future whatever the hour. */
const inTwoDays = () => new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);

describe('a party leaving under the withdrawal terms (PCA 2017 s.4(7))', () => {
  it('tells every party of the notice, and on the day the rest carry on as a new version in force', async () => {
    const agreement = await bringIntoForce(ADMIN, [
      { agencyId: 'warwickshire-fire', email: 'cfo@fire.leave.test' },
      { agencyId: 'west-midlands-ambulance', email: 'ceo@wmas.leave.test' },
      { agencyId: 'warwickshire-police', email: 'cc@police.leave.test' },
      { agencyId: 'warwickshire-pcc', email: 'pcc@pcc.leave.test' },
    ]);
    const leaving = inTwoDays();
    expect((await notice(agreement.id, FIRE_EDITOR, { agencyId: 'west-midlands-ambulance', effectiveDate: leaving, reason: 'x' })).status).toBe(403);
    expect((await notice(agreement.id, AMBULANCE_EDITOR, { agencyId: 'west-midlands-ambulance', effectiveDate: '2020-01-01', reason: 'x' })).json.errors).toEqual([
      { path: 'effectiveDate', message: expect.stringContaining('or later') },
    ]);
    const given = await notice(agreement.id, AMBULANCE_EDITOR, { agencyId: 'west-midlands-ambulance', effectiveDate: leaving, reason: 'The trust is reorganising its estate.' });
    expect(given.status, JSON.stringify(given.json)).toBe(200);
    expect(given.json.withdrawalNotices).toEqual([
      expect.objectContaining({ agencyId: 'west-midlands-ambulance', effectiveDate: leaving, reason: 'The trust is reorganising its estate.', givenBy: AMBULANCE_EDITOR.email }),
    ]);
    expect((await notice(agreement.id, AMBULANCE_EDITOR, { agencyId: 'west-midlands-ambulance', effectiveDate: leaving, reason: 'Again.' })).status).toBe(409);
    // While a party is leaving, the agreement is not varied around it.
    expect((await api({ method: 'POST', path: `/agreements/${agreement.id}/variations`, as: ADMIN })).status).toBe(409);
    for (const to of ['cfo@fire.leave.test', 'cc@police.leave.test', 'ceo@wmas.leave.test']) {
      await mailbox.waitFor((mails) => mails.some((mail) => mail.to === to && mail.subject.startsWith('Withdrawal notice:')), `the withdrawal notice to ${to}`);
    }

    // The day before, nothing happens; on the day, the ambulance trust leaves.
    expect((await runDailyJob(new Date(Date.parse(`${leaving}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10))).partiesWithdrawn).toBe(0);
    expect((await runDailyJob(leaving)).partiesWithdrawn).toBe(1);
    const old = await read(agreement.id);
    expect(old.status).toBe('superseded');
    const versions = (await api({ method: 'GET', path: `/agreements?q=${encodeURIComponent(agreement.reference)}&status=in_force`, as: ADMIN })).json.items;
    expect(versions).toHaveLength(1);
    const continuing = await read(versions[0].id);
    expect(continuing).toMatchObject({ version: 2, supersedes: agreement.id, status: 'in_force', effectiveDate: leaving, documentSha256: agreement.documentSha256, withdrawalNotices: [] });
    expect(continuing.parties.map((party: { agencyId: string }) => party.agencyId)).toEqual(['warwickshire-fire', 'warwickshire-police', 'warwickshire-pcc']);
    // Who signed carries over; where from stays with the version they signed.
    expect(continuing.parties[0].signatories[0]).toMatchObject({ status: 'approved', evidence: { signedName: 'Signed', ip: null, userAgent: null, documentSha256: agreement.documentSha256 } });
    expect(await eventTypes(agreement.id)).toEqual(expect.arrayContaining(['withdrawal_notice_given', 'party_withdrawn', 'superseded']));
    expect(await eventTypes(continuing.id)).toEqual(['continued_after_withdrawal']);
    await mailbox.waitFor((mails) => mails.some((mail) => mail.to === 'ceo@wmas.leave.test' && mail.subject.startsWith('Party withdrawn:')), 'the party-withdrawn email');
    // The trust no longer sees the agreement it left; it still sees the version it was party to.
    expect((await api({ method: 'GET', path: `/agreements/${continuing.id}`, as: AMBULANCE_EDITOR })).status).toBe(404);
    expect((await api({ method: 'GET', path: `/agreements/${agreement.id}`, as: AMBULANCE_EDITOR })).status).toBe(200);
    // Run again the same day: nothing more.
    expect((await runDailyJob(leaving)).partiesWithdrawn).toBe(0);
  });

  it('ends the agreement when the parties left no longer meet the statute', async () => {
    const agreement = await bringIntoForce(ADMIN, [
      { agencyId: 'warwickshire-fire', email: 'cfo@fire.end.test' },
      { agencyId: 'west-midlands-ambulance', email: 'ceo@wmas.end.test' },
    ]);
    const leaving = inTwoDays();
    expect((await notice(agreement.id, ADMIN, { agencyId: 'warwickshire-police', effectiveDate: leaving, reason: 'x' })).json.errors).toEqual([
      { path: 'agencyId', message: 'warwickshire-police is not a party' },
    ]);
    expect((await notice(agreement.id, AMBULANCE_EDITOR, { agencyId: 'west-midlands-ambulance', effectiveDate: leaving, reason: 'Service redesign.' })).status).toBe(200);
    const report = await runDailyJob(leaving);
    expect(report).toMatchObject({ partiesWithdrawn: 0, agreementsTerminated: 1 });
    const ended = await read(agreement.id);
    expect(ended.status).toBe('terminated');
    expect(ended.termination).toMatchObject({ effectiveDate: leaving, by: 'system', reason: expect.stringContaining('West Midlands Ambulance Service NHS Foundation Trust withdrew (Service redesign.)') });
    expect(ended.termination.reason).toContain('at least two parties');
    await mailbox.waitFor((mails) => mails.some((mail) => mail.to === 'cfo@fire.end.test' && mail.subject.startsWith('Terminated:')), 'the termination email');
  });

  it('refuses a notice on an agreement not in force', async () => {
    const draft = await api({ method: 'POST', path: '/agreements', as: ADMIN, body: { title: 'A draft', parties: [{ agencyId: 'warwickshire-fire' }, { agencyId: 'west-midlands-ambulance' }] } });
    expect((await notice(draft.json.id, ADMIN, { agencyId: 'warwickshire-fire', effectiveDate: inTwoDays(), reason: 'x' })).status).toBe(409);
  });
});
