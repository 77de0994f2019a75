import { DEFAULT_EVIDENCE_RETENTION_DAYS } from '../../../shared/config';
import { monotonicFactory } from 'ulid';
import { beforeEach, describe, expect, it } from 'vitest';
import { createDraft } from '../../../shared/domain/agreement/create-draft';
import { findBrokenLink } from '../../../shared/domain/audit/audit-chain';
import { runDailyJob } from '../../../shared/domain/schedule/run-daily-job';
import { recordDecision } from '../../../shared/domain/signing/decide';
import { submitAgreement } from '../../../shared/domain/signing/sign-off';
import type { TDecision } from '../../../shared/domain/signing/routing';
import type { TUser } from '../../../shared/domain/user';
import type { AppError } from '../../../shared/errors';
import { createLinkSigner, ZSigningKeyring } from '../../../shared/signing-keyring';
import { ASSESSMENT, partyExtras, WARWICKSHIRE_AGENCIES } from '../../fixtures/agencies';
import { inMemoryAgencies, inMemoryAgreements } from '../../fixtures/in-memory-stores';

/**
 * The signing decision and the daily job against the in-memory stores, which keep the whole of
 * each write: fast checks of what every decision and every daily run writes and sends.
 */
const PARTIES = ['warwickshire-pcc', 'warwickshire-fire'] as const;
const chief = (agencyId: string) => ({ name: `Chief of ${agencyId}`, role: 'Chief Officer', email: `chief@${agencyId}.test` });
const AGENCIES = WARWICKSHIRE_AGENCIES.map((agency) => ({
  ...agency,
  legalContacts: [...agency.legalContacts],
  createdAt: '2026-01-01T00:00:00Z',
  signatories: [chief(agency.id)],
}));
const DRAFTER: TUser = { email: 'drafter@warwickshire-pcc.test', role: 'editor', agencies: ['warwickshire-pcc'] };
const SUBMITTED_AT = new Date('2026-06-01T09:00:00Z');
const linkSigner = createLinkSigner(ZSigningKeyring.parse({ currentKeyId: 'unit-1', 'unit-1': 'dW5pdC10ZXN0LXNpZ25pbmcta2V5LW9mLXRoaXJ0eS10d28tYnl0ZXM' }));
const approve: TDecision = { kind: 'approve', signedName: 'Chief' };
const context = { ip: '192.0.2.1', userAgent: 'unit test' };

describe('a signatory decision and the daily job, on the in-memory stores', () => {
  let table: ReturnType<typeof inMemoryAgreements>;
  const agencies = inMemoryAgencies(AGENCIES);
  const newId = monotonicFactory();

  const submitted = async (input: { expiryDate?: string; nextReviewDate?: string } = {}) => {
    const draft = await createDraft({
      input: {
        title: 'Joint estates',
        body: '# Terms',
        withdrawalTerms: 'Six months notice.',
        legalContacts: ['legal@warwickshire.test'],
        parties: PARTIES.map((agencyId) => ({
          agencyId,
          assessment: ASSESSMENT,
          signatories: [chief(agencyId)],
          // The commissioner enters without the force, so has consulted its chief constable.
          ...partyExtras(agencyId),
        })),
        ...input,
      },
      user: DRAFTER,
      now: new Date('2026-05-01T09:00:00Z'),
      newId,
      agencies,
      agreements: table.store,
    });
    await submitAgreement({ id: draft.id, user: DRAFTER, now: SUBMITTED_AT, newId, agreements: table.store, agencies, linkSigner });
    return draft.id;
  };
  /** The token of the link a party's signatory was sent, as the outbox sender would derive it. */
  const tokenOf = async (agreementId: string, agencyId: string) => {
    const stored = (await table.store.get(agreementId))!;
    const signatory = stored.agreement.parties.find((party) => party.agencyId === agencyId)!.signatories[0]!;
    const open = stored.openRequests[signatory.id]!;
    return linkSigner.tokenFor({ requestId: open.requestId, keyId: linkSigner.currentKeyId });
  };
  const decide = (token: string, decision: TDecision = approve, now = new Date('2026-06-02T10:00:00Z')) =>
    recordDecision({ token, decision, context, now, newId, linkSigner, requests: table.requests, agreements: table.store, agencies });
  const sent = (template: string) => table.outbox().filter((message) => message.template === template);
  const runDay = (day: string) =>
    runDailyJob({ now: new Date(`${day}T06:00:00Z`), evidenceRetentionDays: DEFAULT_EVIDENCE_RETENTION_DAYS, newId, due: table.due, agreements: table.store, requests: table.requests, agencies });

  beforeEach(() => {
    table = inMemoryAgreements();
  });

  it('brings the agreement into force on the last approval, spending each link once and telling everyone', async () => {
    const id = await submitted();
    expect(sent('signature_requested')[0]!.recipients.map((r) => r.to).sort()).toEqual(PARTIES.map((agencyId) => `chief@${agencyId}.test`).sort());
    const [police, fire] = [await tokenOf(id, PARTIES[0]), await tokenOf(id, PARTIES[1])];

    expect((await decide(police)).outcome).toBe('awaiting');
    expect(sent('decision_recorded')).toHaveLength(1);
    await expect(decide(police)).rejects.toMatchObject({ code: 'gone' });

    const last = await decide(fire);
    expect(last.outcome).toBe('in_force');
    expect(last.agreement).toMatchObject({ status: 'in_force', effectiveDate: '2026-06-02', nextReviewDate: '2027-06-02' });
    expect(sent('agreement_in_force')[0]!.recipients.map((r) => r.to)).toEqual(
      expect.arrayContaining(['chief@warwickshire-pcc.test', 'chief@warwickshire-fire.test', DRAFTER.email, 'legal@warwickshire.test']),
    );
    expect((await table.store.get(id))!.openRequests).toEqual({});
  });

  it('records two approvals sent at the same moment, and comes into force exactly once', async () => {
    const id = await submitted();
    const tokens = [await tokenOf(id, PARTIES[0]), await tokenOf(id, PARTIES[1])];
    const outcomes = await Promise.all(tokens.map((token) => decide(token)));
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(['awaiting', 'in_force']);
    expect(table.events.filter((event) => event.agreementId === id && event.type === 'in_force')).toHaveLength(1);
    expect(sent('agreement_in_force')).toHaveLength(1);
  });

  it('ends sign-off on a decline: the other link stops working and those who approved hear why', async () => {
    const id = await submitted();
    const [police, fire] = [await tokenOf(id, PARTIES[0]), await tokenOf(id, PARTIES[1])];
    await decide(police);
    const declined = await decide(fire, { kind: 'decline', reason: 'Clause 4 is wrong.', reasonCode: 'other' });
    expect(declined).toMatchObject({ outcome: 'declined', agreement: { status: 'declined' } });
    const [email] = sent('agreement_declined');
    expect(email!.vars.reason).toBe('Clause 4 is wrong.');
    expect(email!.recipients.map((r) => r.to)).toContain('chief@warwickshire-pcc.test');
  });

  it('reminds an unanswered signatory, then expires the link and tells the owner, once however often it runs', async () => {
    const id = await submitted();
    await runDay('2026-06-04');
    await runDay('2026-06-04');
    expect(sent('signature_reminder')).toHaveLength(PARTIES.length);

    const report = await runDay('2026-06-16');
    await runDay('2026-06-16');
    expect(report.linksExpired).toBe(PARTIES.length);
    expect(sent('link_expired')).toHaveLength(PARTIES.length);
    const { agreement } = (await table.store.get(id))!;
    expect(agreement.parties.flatMap((party) => party.signatories.map((s) => s.status))).toEqual(['expired', 'expired']);
    const failure = await decide(await tokenOfExpired(id), approve, new Date('2026-06-16T10:00:00Z')).catch((error: AppError) => error);
    expect(failure).toMatchObject({ code: 'gone' });
  });

  /** A link that expired is no longer on the agreement: its token comes from the first signature request's recipient. */
  const tokenOfExpired = async (agreementId: string) => {
    const recipient = sent('signature_requested').find((message) => message.agreementId === agreementId)!.recipients[0]!;
    return linkSigner.tokenFor(recipient.link!);
  };

  it('sends nothing twice and misses nothing when a run dies part way and is run again', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      const id = await submitted({ nextReviewDate: '2026-09-01' });
      for (const agencyId of PARTIES) await decide(await tokenOf(id, agencyId));
      ids.push(id);
    }
    // The process dies at its third write: that write and everything after it never happen.
    let writes = 0;
    const dying = {
      ...table.store,
      update: async (...args: Parameters<typeof table.store.update>) => {
        writes += 1;
        if (writes >= 3) throw new Error('Runtime exited');
        return table.store.update(...args);
      },
    };
    await expect(
      runDailyJob({ now: new Date('2026-07-03T06:00:00Z'), evidenceRetentionDays: DEFAULT_EVIDENCE_RETENTION_DAYS, newId, due: table.due, agreements: dying, requests: table.requests, agencies }),
    ).rejects.toThrow('Runtime exited');
    expect(sent('review_due').length).toBeLessThan(ids.length);

    await runDay('2026-07-03');
    const reminded = sent('review_due').map((message) => message.agreementId);
    expect(reminded.sort()).toEqual([...ids].sort());
  });

  it('removes IP addresses and user agents once their retention is over, keeping the audit chain whole', async () => {
    const id = await submitted();
    for (const agencyId of PARTIES) await decide(await tokenOf(id, agencyId));
    const retention = (day: string) =>
      runDailyJob({ now: new Date(`${day}T06:00:00Z`), evidenceRetentionDays: 30, newId, due: table.due, agreements: table.store, requests: table.requests, agencies });
    const decisions = () => table.events.filter((event) => event.agreementId === id && event.type === 'signatory_approved');
    expect(decisions().map((event) => event.personal)).toEqual(PARTIES.map(() => ({ ...context, salt: expect.any(String) })));

    expect((await retention('2026-07-01')).evidenceReduced).toBe(0);
    expect((await retention('2026-07-02')).evidenceReduced).toBe(1);
    expect((await retention('2026-07-02')).evidenceReduced).toBe(0);

    expect(decisions().map((event) => event.personal)).toEqual(PARTIES.map(() => undefined));
    const trail = await table.store.listEvents(id);
    expect(findBrokenLink(trail)).toBeNull();
    expect(trail.at(-1)).toMatchObject({ type: 'evidence_reduced', data: { recordedBy: '2026-06-02' } });
    const { agreement } = (await table.store.get(id))!;
    for (const signatory of agreement.parties.flatMap((party) => party.signatories)) {
      expect(signatory.evidence).toMatchObject({ ip: null, userAgent: null, signedName: 'Chief', documentSha256: agreement.documentSha256 });
    }
  });

  it('warns the owner and legal contacts 90 and 30 days before expiry, each once, catching up only the latest after missed days', async () => {
    const id = await submitted({ expiryDate: '2027-06-30' });
    for (const agencyId of PARTIES) await decide(await tokenOf(id, agencyId));
    const warnings = () => sent('expiry_approaching').filter((message) => message.agreementId === id);

    await runDay('2027-03-31');
    expect(warnings()).toHaveLength(0);
    await runDay('2027-04-01');
    await runDay('2027-04-01');
    expect(warnings().map((message) => message.vars.daysLeft)).toEqual(['90']);
    expect(warnings()[0]!.recipients.map((recipient) => recipient.to).sort()).toEqual([DRAFTER.email, 'legal@warwickshire.test'].sort());

    // The job missed every day from the 90-day warning to ten days before expiry: one warning, the latest due.
    await runDay('2027-06-20');
    await runDay('2027-06-21');
    expect(warnings().map((message) => message.vars.daysLeft)).toEqual(['90', '10']);
    expect((await runDay('2027-07-01')).agreementsExpired).toBe(1);
    expect(warnings()).toHaveLength(2);
  });

  it('reminds of a review 60 days ahead once, and lets an agreement expire past its expiry date', async () => {
    const id = await submitted({ nextReviewDate: '2026-09-01', expiryDate: '2026-12-31' });
    for (const agencyId of PARTIES) await decide(await tokenOf(id, agencyId));

    await runDay('2026-07-03');
    await runDay('2026-07-03');
    expect(sent('review_due')).toHaveLength(1);

    const report = await runDay('2027-01-01');
    expect(report.agreementsExpired).toBe(1);
    expect((await table.store.get(id))!.agreement.status).toBe('expired');
    expect(sent('agreement_expired')).toHaveLength(1);
  });
});
