import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler as signingHandler } from '../../functions/signing/handler';
import { addDays, londonDate } from '../../shared/domain/calendar';
import { WARWICKSHIRE_AGENCIES } from '../fixtures/agencies';
import type { TTestUser } from '../fixtures/auth';
import { ADMIN, callFunction } from '../fixtures/http';
import { api, approve, bringIntoForce, openLinkOf, runDailyJob } from '../fixtures/lifecycle';
import { mailbox, startOutbox } from '../fixtures/outbox';

/** Ending by agreement of the parties (Police Act 1996 s.23C(5)): a round every party signs, as in sign-off. */
const OWNER: TTestUser = { email: 'owner@warwickshire-fire.test', role: 'editor', agencies: ['warwickshire-fire'] };
const today = londonDate(new Date());
let serial = 0;
let outbox: Awaited<ReturnType<typeof startOutbox>>;

const fireAndAmbulance = () => {
  serial += 1;
  return [
    { agencyId: 'warwickshire-fire', email: `cfo${serial}@fire.end.test`, name: 'Ben Brook' },
    { agencyId: 'west-midlands-ambulance', email: `ceo${serial}@wmas.end.test`, name: 'Anthony Marsh' },
  ];
};
const requestTermination = (id: string, body: Record<string, unknown>, as: TTestUser = OWNER) =>
  api({ method: 'POST', path: `/agreements/${id}/termination`, as, body });
const read = async (id: string) => (await api({ method: 'GET', path: `/agreements/${id}`, as: OWNER })).json;
const linksOf = async (agreement: { id: string; parties: { signatories: { id: string }[] }[] }) =>
  Promise.all(agreement.parties.map((party) => openLinkOf(agreement.id, party.signatories[0]!.id)));

beforeAll(async () => {
  for (const agency of WARWICKSHIRE_AGENCIES) await api({ method: 'POST', path: '/agencies', body: agency, as: ADMIN });
  outbox = await startOutbox();
});
afterAll(() => outbox.stop());

describe('ending an agreement by agreement of every party', () => {
  it('asks every party from a link, and ends the agreement only when the last party agrees', async () => {
    const signers = fireAndAmbulance();
    const agreement = await bringIntoForce(OWNER, signers);
    const requested = await requestTermination(agreement.id, { reason: 'The service has merged.' });
    expect(requested.status).toBe(200);
    expect(requested.json.terminationRound).toMatchObject({ reason: 'The service has merged.', effectiveDate: today, agreedAt: null });
    const mails = await mailbox.waitFor((all) => signers.every((s) => all.some((m) => m.to === s.email && m.subject.startsWith('Termination requested:'))), 'the requests');
    expect(mails.find((m) => m.to === signers[1]!.email && m.subject.startsWith('Termination requested:'))!.text).toContain('The service has merged.');

    const [fireLink, ambulanceLink] = await linksOf(agreement);
    const page = await callFunction(signingHandler, 'signing', { method: 'GET', path: fireLink! });
    expect(page.status).toBe(200);
    expect(page.text).toContain('End this agreement?');
    expect(page.text).toContain('I agree to end this agreement');

    expect((await approve(fireLink!, 'Ben Brook')).status).toBe(200);
    expect((await read(agreement.id)).status).toBe('in_force');
    const last = await approve(ambulanceLink!, 'Anthony Marsh');
    expect(last.text).toContain('the agreement has ended');
    const ended = await read(agreement.id);
    expect(ended).toMatchObject({ status: 'terminated', termination: { reason: 'The service has merged.', effectiveDate: today, by: 'agreement of all parties' } });
    // The parties' signatures to the agreement itself are untouched by their agreement to end it.
    expect(ended.parties.flatMap((p: { signatories: { status: string }[] }) => p.signatories.map((s) => s.status))).toEqual(['approved', 'approved']);
    await mailbox.waitFor((all) => signers.every((s) => all.some((m) => m.to === s.email && m.subject.startsWith('Terminated:'))), 'the ending');
    const trail = (await api({ method: 'GET', path: `/agreements/${agreement.id}/events`, as: OWNER })).json.items.map((e: { type: string }) => e.type);
    expect(trail.slice(-4)).toEqual(['termination_requested', 'termination_approved', 'termination_approved', 'terminated']);
  });

  it('keeps the agreement in force when one party declines, with its reason, and closes every link', async () => {
    const signers = fireAndAmbulance();
    const agreement = await bringIntoForce(OWNER, signers);
    await requestTermination(agreement.id, { reason: 'Costs.' });
    const [fireLink, ambulanceLink] = await linksOf(agreement);
    const declined = await callFunction(signingHandler, 'signing', {
      method: 'POST',
      path: ambulanceLink!,
      rawBody: new URLSearchParams({ decision: 'decline', reasonCode: 'public_safety', reason: 'Response times would suffer.' }).toString(),
      headers: { origin: 'http://localhost:3000', 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(declined.status).toBe(200);
    const after = await read(agreement.id);
    expect(after).toMatchObject({ status: 'in_force', terminationRound: null });
    expect((await approve(fireLink!)).status).toBe(410);
    const told = await mailbox.waitFor((all) => all.some((m) => m.to === signers[0]!.email && m.subject.startsWith('Termination declined:')), 'the decline');
    expect(told.find((m) => m.subject.startsWith('Termination declined:'))!.text).toContain('Response times would suffer.');
    // A new round may be asked for afterwards.
    expect((await requestTermination(agreement.id, { reason: 'Costs, again.' })).status).toBe(200);
  });

  it('ends it on a later date the parties agreed, through the daily job', async () => {
    const agreement = await bringIntoForce(OWNER, fireAndAmbulance());
    const endsOn = addDays(today, 10);
    await requestTermination(agreement.id, { reason: 'End of the financial year.', effectiveDate: endsOn });
    for (const link of await linksOf(agreement)) expect((await approve(link)).status).toBe(200);
    expect((await read(agreement.id)).terminationRound).toMatchObject({ effectiveDate: endsOn, agreedAt: expect.any(String) });
    expect((await read(agreement.id)).status).toBe('in_force');
    await runDailyJob(addDays(endsOn, -1));
    expect((await read(agreement.id)).status).toBe('in_force');
    expect((await runDailyJob(endsOn)).agreementsTerminated).toBeGreaterThanOrEqual(1);
    expect(await read(agreement.id)).toMatchObject({ status: 'terminated', termination: { effectiveDate: endsOn, by: 'agreement of all parties' } });
  });

  it('sends a new termination link to a party that has not agreed yet, so an expired or lost link does not stall the round', async () => {
    const agreement = await bringIntoForce(OWNER, fireAndAmbulance());
    await requestTermination(agreement.id, { reason: 'Costs.' });
    const [fireLink, firstAmbulanceLink] = await linksOf(agreement);
    expect((await approve(fireLink!)).status).toBe(200);
    const resend = (signatoryId: string) => api({ method: 'POST', path: `/agreements/${agreement.id}/signatories/${signatoryId}/resend`, as: OWNER });
    expect((await resend(agreement.parties[0].signatories[0].id)).status).toBe(409);
    expect((await resend(agreement.parties[1].signatories[0].id)).status).toBe(200);
    expect((await approve(firstAmbulanceLink!)).status).toBe(410);
    const newAmbulanceLink = await openLinkOf(agreement.id, agreement.parties[1].signatories[0].id);
    expect(newAmbulanceLink).not.toBe(firstAmbulanceLink);
    expect((await approve(newAmbulanceLink)).status).toBe(200);
    expect((await read(agreement.id)).status).toBe('terminated');
  });

  it('lets the round be withdrawn, closing its links, so a stalled round never blocks a new one', async () => {
    const agreement = await bringIntoForce(OWNER, fireAndAmbulance());
    await requestTermination(agreement.id, { reason: 'Asked in error.' });
    const [fireLink] = await linksOf(agreement);
    const withdrawn = await api({ method: 'DELETE', path: `/agreements/${agreement.id}/termination`, as: OWNER, body: { reason: 'Wrong agreement.' } });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.json).toMatchObject({ status: 'in_force', terminationRound: null });
    expect((await approve(fireLink!)).status).toBe(410);
    expect((await api({ method: 'DELETE', path: `/agreements/${agreement.id}/termination`, as: OWNER, body: { reason: 'Again.' } })).status).toBe(409);
    expect((await requestTermination(agreement.id, { reason: 'Now the right one.' })).status).toBe(200);
  });

  it('closes an open round when an admin records an ending agreed outside Accord: its links stop working and expire unnoticed', async () => {
    const agreement = await bringIntoForce(OWNER, fireAndAmbulance());
    await requestTermination(agreement.id, { reason: 'Costs.' });
    const [fireLink] = await linksOf(agreement);
    const recorded = await api({ method: 'POST', path: `/agreements/${agreement.id}/terminate`, as: ADMIN, body: { reason: 'Agreed at the board.', evidence: 'Minutes, item 4.' } });
    expect(recorded.json).toMatchObject({ status: 'terminated', terminationRound: null });
    expect((await approve(fireLink!)).status).toBe(410);
    await runDailyJob(addDays(today, 15));
    const trail = (await api({ method: 'GET', path: `/agreements/${agreement.id}/events`, as: OWNER })).json.items.map((e: { type: string }) => e.type);
    expect(trail.at(-1)).toBe('terminated');
  });

  it('refuses a date in the past, a second round while one is open, and a viewer', async () => {
    const agreement = await bringIntoForce(OWNER, fireAndAmbulance());
    const past = await requestTermination(agreement.id, { reason: 'Backdated.', effectiveDate: '1900-01-01' });
    expect(past.status).toBe(400);
    expect(past.json.errors[0].path).toBe('effectiveDate');
    const viewer = await requestTermination(agreement.id, { reason: 'Mine.' }, { ...OWNER, role: 'viewer' });
    expect(viewer.status).toBe(403);
    expect((await requestTermination(agreement.id, { reason: 'First.' })).status).toBe(200);
    expect((await requestTermination(agreement.id, { reason: 'Second.' })).status).toBe(409);
  });
});

