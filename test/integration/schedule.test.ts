import { findBrokenLink } from '../../shared/domain/audit/audit-chain';
import type { TAuditEvent } from '../../shared/schemas/audit-event';
import { DEFAULT_EVIDENCE_RETENTION_DAYS } from '../../shared/config';
import { monotonicFactory } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgencyRepository } from '../../shared/db/agency-repository';
import { createAgreementRepository } from '../../shared/db/agreement-repository';
import { DUE_WORK_SHARDS } from '../../shared/db/keys';
import { createDocumentClient } from '../../shared/db/client';
import { createDueWorkStore } from '../../shared/db/due-work-store';
import { createSigningRequestRepository } from '../../shared/db/signing-request-repository';
import { addDays, addMonths, dateInWords, londonDate } from '../../shared/domain/calendar';
import { runDailyJob as runJobDirectly } from '../../shared/domain/schedule/run-daily-job';
import { partiesOf, WARWICKSHIRE_AGENCIES } from '../fixtures/agencies';
import type { TTestUser } from '../fixtures/auth';
import { ADMIN } from '../fixtures/http';
import { api, approve, authoriseDraft, bringIntoForce, openLinkOf, runDailyJob, signUntilInForce } from '../fixtures/lifecycle';
import { mailbox, startOutbox } from '../fixtures/outbox';

let outbox: Awaited<ReturnType<typeof startOutbox>>;
let serial = 0;
/** A drafter of the fire service with an address of their own, so each test reads only its mail. */
const newOwner = (): TTestUser => ({ email: `owner${(serial += 1)}@fire.test`, role: 'editor', agencies: ['warwickshire-fire'] });
const fireAndAmbulance = (tag: string) => [
  { agencyId: 'warwickshire-fire', email: `fire-${tag}@fire.test` },
  { agencyId: 'west-midlands-ambulance', email: `amb-${tag}@wmas.test` },
];
const today = londonDate(new Date());

const reviewEvents = async (owner: TTestUser, id: string) =>
  ((await api({ method: 'GET', path: `/agreements/${id}/events`, as: owner })).json.items as { type: string; at: string; data: { offsetDays: number } }[])
    .filter((event) => event.type === 'review_reminder_sent')
    .map((event) => ({ day: event.at.slice(0, 10), offset: event.data.offsetDays }));

/** The job's domain function on repositories over `client`, so a test can watch its requests. */
const runJobDirectlyAt = async (
  time: string,
  client = createDocumentClient({ region: 'eu-west-2', endpoint: process.env.DYNAMODB_ENDPOINT }),
  evidenceRetentionDays = DEFAULT_EVIDENCE_RETENTION_DAYS,
) => {
  const table = { client, tableName: process.env.TABLE_NAME! };
  return runJobDirectly({
    now: new Date(time),
    evidenceRetentionDays,
    newId: monotonicFactory(),
    due: createDueWorkStore(table),
    agreements: createAgreementRepository(table),
    requests: createSigningRequestRepository(table),
    agencies: createAgencyRepository(table),
  });
};

beforeAll(async () => {
  for (const agency of WARWICKSHIRE_AGENCIES) await api({ method: 'POST', path: '/agencies', body: agency, as: ADMIN });
  await api({ method: 'POST', path: '/agencies', body: { id: 'warwickshire-county-council', name: 'Warwickshire County Council', type: 'local_authority' }, as: ADMIN });
  outbox = await startOutbox();
});
afterAll(() => outbox.stop());

describe('review reminders from the daily job', () => {
  it('sends each reminder of a year exactly once, on its day, even when every day runs twice', async () => {
    const owner = newOwner();
    const agreement = await bringIntoForce(owner, fireAndAmbulance('year'));
    const review = agreement.nextReviewDate as string;
    expect(review).toBe(addMonths(today, 12));
    for (let day = today; day <= addDays(review, 22); day = addDays(day, 1)) {
      await runDailyJob(day);
      await runDailyJob(day);
    }
    expect(await reviewEvents(owner, agreement.id)).toEqual(
      [-60, -30, -7, 0, 1, 8, 15, 22].map((offset) => ({ day: addDays(review, offset), offset })),
    );
    const mails = await mailbox.waitFor((all) => all.filter((m) => m.to === owner.email && m.subject.startsWith('Review')).length >= 8, 'eight review emails');
    const subjects = mails.filter((m) => m.to === owner.email && m.subject.startsWith('Review')).map((m) => m.subject.split(':')[0]);
    expect(subjects).toEqual(['Review due', 'Review due', 'Review due', 'Review due', 'Review overdue', 'Review overdue', 'Review overdue', 'Review overdue']);
  }, 120_000);

  it('after missed days sends only the latest reminder due, once', async () => {
    const owner = newOwner();
    const agreement = await bringIntoForce(owner, fireAndAmbulance('gap'));
    const review = agreement.nextReviewDate as string;
    await runDailyJob(addDays(review, -61));
    await runDailyJob(addDays(review, -5));
    await runDailyJob(addDays(review, -5));
    await runDailyJob(addDays(review, -4));
    expect(await reviewEvents(owner, agreement.id)).toEqual([{ day: addDays(review, -5), offset: -7 }]);
  });

  it('counts the London date: a run at 23:30 UTC in summer time is already the next day', async () => {
    const owner = newOwner();
    // A review date whose first reminder falls in late September, whatever today is.
    const agreement = await bringIntoForce(owner, fireAndAmbulance('bst'), { nextReviewDate: `${new Date().getUTCFullYear() + 1}-11-25` });
    const sixtyBefore = addDays(agreement.nextReviewDate, -60);
    expect(sixtyBefore.slice(5, 7)).toBe('09'); // late September: British Summer Time
    await runJobDirectlyAt(`${addDays(sixtyBefore, -1)}T23:30:00Z`);
    expect(await reviewEvents(owner, agreement.id)).toEqual([{ day: addDays(sixtyBefore, -1), offset: -60 }]);
  });

  it('restarts the reminders from the new date after a review that continues the agreement', async () => {
    const owner = newOwner();
    const agreement = await bringIntoForce(owner, fireAndAmbulance('continue'));
    const review = agreement.nextReviewDate as string;
    await runDailyJob(addDays(review, 1));
    const nextReview = addDays(review, 400);
    const reviewed = await api({
      method: 'POST',
      path: `/agreements/${agreement.id}/reviews`,
      as: owner,
      body: { outcome: 'continue', notes: 'Still delivers savings.', nextReviewDate: nextReview },
    });
    expect(reviewed.status).toBe(200);
    expect(reviewed.json.agreement.reviews).toEqual([expect.objectContaining({ outcome: 'continue', notes: 'Still delivers savings.', nextReviewDate: nextReview, by: owner.email })]);
    await runDailyJob(addDays(review, 8));
    await runDailyJob(addDays(nextReview, -60));
    expect(await reviewEvents(owner, agreement.id)).toEqual([
      { day: addDays(review, 1), offset: 1 },
      { day: addDays(nextReview, -60), offset: -60 },
    ]);
  });

  it('warns the owner and legal contacts before expiry, moves the agreement past its expiry date to expired, and tells every party once', async () => {
    const owner = newOwner();
    const parties = fireAndAmbulance('expiry');
    const agreement = await bringIntoForce(owner, parties, { expiryDate: addDays(today, 40) });
    // Forty days out, the 90-day warning has passed unsent: the 30-day one is the latest due, sent once.
    await runDailyJob(addDays(today, 10));
    await runDailyJob(addDays(today, 11));
    const warned = await mailbox.waitFor((all) => all.some((m) => m.to === owner.email && m.subject.startsWith('Expiry approaching:')), 'the expiry warning');
    const warnings = warned.filter((m) => m.to === owner.email && m.subject.startsWith('Expiry approaching:'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.text).toContain(`on ${dateInWords(addDays(today, 40))}, in 30 days`);
    expect(warned.some((m) => m.to === parties[0]!.email && m.subject.startsWith('Expiry approaching:'))).toBe(false);
    await runDailyJob(addDays(today, 40));
    expect((await api({ method: 'GET', path: `/agreements/${agreement.id}`, as: owner })).json.status).toBe('in_force');
    await runDailyJob(addDays(today, 41));
    await runDailyJob(addDays(today, 41));
    expect((await api({ method: 'GET', path: `/agreements/${agreement.id}`, as: owner })).json.status).toBe('expired');
    const told = await mailbox.waitFor((all) => parties.every((p) => all.some((m) => m.to === p.email && m.subject.startsWith('Expired:'))), 'the expiry notices');
    expect(told.filter((m) => m.to === parties[0]!.email && m.subject.startsWith('Expired:'))).toHaveLength(1);
    expect(told.find((m) => m.subject.startsWith('Expired:'))!.text).toContain(`end of its term on ${dateInWords(addDays(today, 40))}`);
  });

  it("reads only what is due: the job's DynamoDB requests do not grow with agreements that are not", async () => {
    const counted = async (day: string) => {
      const client = createDocumentClient({ region: 'eu-west-2', endpoint: process.env.DYNAMODB_ENDPOINT });
      let reads = 0;
      client.middlewareStack.add((next) => async (args) => ((reads += 1), next(args)), { step: 'initialize', name: 'countRequests' });
      await runJobDirectlyAt(`${day}T08:30:00Z`, client);
      return reads;
    };
    const owner = newOwner();
    // A day far from every review date so far; only agreements made here can be due.
    const quietDay = addDays(today, 200);
    const before = await counted(quietDay);
    for (let i = 0; i < 12; i += 1) await bringIntoForce(owner, fireAndAmbulance(`bulk${i}`));
    const withMore = await counted(quietDay);
    expect(withMore).toBe(before);
    // One Query per partition of each kind of due work: agreements, signing links, evidence to remove.
    expect(before).toBe(3 * DUE_WORK_SHARDS);
  });
});

describe('signature reminders and link expiry', () => {
  it('reminds a silent signatory every 3 days at most 3 times, then expires the link and tells the owner', async () => {
    const owner = newOwner();
    const [fire, ambulance] = fireAndAmbulance('silent');
    const created = await api({
      method: 'POST',
      path: '/agreements',
      as: owner,
      body: {
        title: 'Silent signatory',
        body: 'Text.',
        withdrawalTerms: 'Notice.',
        parties: partiesOf([fire!, ambulance!]),
      },
    });
    await authoriseDraft(created.json.id);
    const submitted = (await api({ method: 'POST', path: `/agreements/${created.json.id}/submit`, as: owner })).json;
    const [fireSignatory, ambulanceSignatory] = submitted.parties.map((p: { signatories: { id: string }[] }) => p.signatories[0]!);
    await approve(await openLinkOf(submitted.id, fireSignatory.id));
    const ambulanceLink = await openLinkOf(submitted.id, ambulanceSignatory.id);
    for (let offset = 1; offset <= 15; offset += 1) {
      await runDailyJob(addDays(today, offset));
      await runDailyJob(addDays(today, offset));
    }
    const mails = await mailbox.waitFor(
      (all) => all.some((m) => m.to === owner.email && m.subject.startsWith('Signing link expired:')),
      'the expiry notice',
    );
    const reminders = mails.filter((m) => m.to === ambulance!.email && m.subject.startsWith('Reminder: signature requested:'));
    expect(reminders).toHaveLength(3);
    for (const reminder of reminders) expect(reminder.text).toContain(ambulanceLink);
    const after = (await api({ method: 'GET', path: `/agreements/${submitted.id}`, as: owner })).json;
    expect(after.status).toBe('awaiting_signatures');
    expect(after.parties[1].signatories[0].status).toBe('expired');

    const resent = await api({ method: 'POST', path: `/agreements/${submitted.id}/signatories/${ambulanceSignatory.id}/resend`, as: owner });
    expect(resent.status).toBe(200);
    expect((await approve(await openLinkOf(submitted.id, ambulanceSignatory.id))).status).toBe(200);
    expect((await api({ method: 'GET', path: `/agreements/${submitted.id}`, as: owner })).json.status).toBe('in_force');
  });
});

describe('variations and termination', () => {
  it('adds a fifth party by variation; everyone signs again; the old version is superseded when the new one is in force', async () => {
    const owner = newOwner();
    const four = [
      { agencyId: 'warwickshire-fire', email: 'cfo@var.test' },
      { agencyId: 'warwickshire-police', email: 'cc@var.test' },
      { agencyId: 'warwickshire-pcc', email: 'pcc@var.test' },
      { agencyId: 'west-midlands-ambulance', email: 'ceo@var.test' },
    ];
    const v1 = await bringIntoForce(owner, four);
    const variation = await api({ method: 'POST', path: `/agreements/${v1.id}/variations`, as: owner });
    expect(variation.status).toBe(201);
    expect(variation.json).toMatchObject({ version: 2, supersedes: v1.id, reference: v1.reference, status: 'draft' });
    const parties = partiesOf([...four, { agencyId: 'warwickshire-county-council', email: 'director@var.test' }]);
    const patched = await api({ method: 'PATCH', path: `/agreements/${variation.json.id}`, as: owner, headers: { 'if-match': '"1"' }, body: { parties } });
    expect(patched.status).toBe(200);
    expect((await api({ method: 'GET', path: `/agreements/${v1.id}`, as: owner })).json.status).toBe('in_force');

    const v2 = await signUntilInForce(owner, variation.json.id);
    expect(v2.parties).toHaveLength(5);
    const old = (await api({ method: 'GET', path: `/agreements/${v1.id}`, as: owner })).json;
    expect(old.status).toBe('superseded');
    await mailbox.waitFor((all) => four.every((p) => all.some((m) => m.to === p.email && m.subject.startsWith(`Superseded: ${v1.reference}`))), 'the superseded emails');
    expect((await api({ method: 'POST', path: `/agreements/${v1.id}/variations`, as: owner })).status).toBe(409);
  });

  it('opens a variation from a review that decides to vary', async () => {
    const owner = newOwner();
    const agreement = await bringIntoForce(owner, fireAndAmbulance('vary'));
    const seen = `"${agreement.revision}"`;
    const reviewed = await api({ method: 'POST', path: `/agreements/${agreement.id}/reviews`, as: owner, headers: { 'if-match': seen }, body: { outcome: 'vary', notes: 'Add fleet maintenance.' } });
    expect(reviewed.status).toBe(200);
    expect(reviewed.json.variation).toMatchObject({ version: 2, supersedes: agreement.id, status: 'draft' });
    expect(reviewed.json.agreement.reviews[0]).toMatchObject({ outcome: 'vary', nextReviewDate: expect.any(String) });
    // A colleague who opened the same agreement before that review records nothing twice.
    const stale = await api({ method: 'POST', path: `/agreements/${agreement.id}/reviews`, as: owner, headers: { 'if-match': seen }, body: { outcome: 'continue', notes: 'Fine as it is.' } });
    expect(stale.status).toBe(412);
    expect((await api({ method: 'GET', path: `/agreements/${agreement.id}`, as: owner })).json.reviews).toHaveLength(1);
  });

  it('records a termination every party agreed, with its evidence, and tells every party; it cannot be terminated twice', async () => {
    const owner = newOwner();
    const parties = fireAndAmbulance('end');
    const agreement = await bringIntoForce(owner, parties);
    const evidence = 'Joint board minutes, 3 November 2026, item 4: all parties agreed.';
    const ended = await api({ method: 'POST', path: `/agreements/${agreement.id}/terminate`, as: ADMIN, body: { reason: 'Service merged.', evidence } });
    expect(ended.status).toBe(200);
    expect(ended.json).toMatchObject({ status: 'terminated', termination: { reason: 'Service merged.', effectiveDate: today, by: ADMIN.email } });
    const trail = (await api({ method: 'GET', path: `/agreements/${agreement.id}/events`, as: owner })).json.items;
    expect(trail.at(-1)).toMatchObject({ type: 'terminated', data: { evidence } });
    await mailbox.waitFor((all) => parties.every((p) => all.some((m) => m.to === p.email && m.subject.startsWith('Terminated:'))), 'the termination emails');
    expect((await api({ method: 'POST', path: `/agreements/${agreement.id}/terminate`, as: ADMIN, body: { reason: 'Again', evidence } })).status).toBe(409);
    const noReason = await api({ method: 'POST', path: `/agreements/${agreement.id}/reviews`, as: owner, body: { outcome: 'continue', notes: '' } });
    expect(noReason.status).toBe(400);
    expect(noReason.json.errors[0].path).toBe('notes');
  });
});

describe('personal evidence past its retention', () => {
  it('removes IP addresses and user agents from the trail and the certificate, and the chain still verifies', async () => {
    const owner = newOwner();
    const agreement = await bringIntoForce(owner, fireAndAmbulance('evidence'));
    const report = await runJobDirectlyAt(`${addDays(today, 3)}T08:30:00Z`, undefined, 2);
    expect(report.evidenceReduced).toBeGreaterThanOrEqual(1);

    const events = (await api({ method: 'GET', path: `/agreements/${agreement.id}/events`, as: owner })).json.items as TAuditEvent[];
    expect(findBrokenLink(events)).toBeNull();
    const approvals = events.filter((event) => event.type === 'signatory_approved');
    expect(approvals.length).toBe(2);
    for (const approval of approvals) {
      expect(approval.personal).toBeUndefined();
      expect(approval.data.personalSha256).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(events.at(-1)!.type).toBe('evidence_reduced');
    const certificate = (await api({ method: 'GET', path: `/agreements/${agreement.id}/certificate`, as: owner })).json;
    expect(certificate.auditTrail.intact).toBe(true);
    expect(certificate.parties.flatMap((party: { signatories: { ip: string | null }[] }) => party.signatories.map((s) => s.ip))).toEqual([null, null]);
    // Nothing is left to remove: the next run finds nothing due.
    expect((await runJobDirectlyAt(`${addDays(today, 3)}T08:30:00Z`, undefined, 2)).evidenceReduced).toBe(0);
  });
});
