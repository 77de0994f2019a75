import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { handler as apiHandler } from '../../functions/api/handler';
import { handler as sesEvents } from '../../functions/ses-events/handler';
import { handler as signingHandler } from '../../functions/signing/handler';
import { lambdaContext } from '../../infra/local/lambda-http';
import { findBrokenLink } from '../../shared/domain/audit/audit-chain';
import { ASSESSMENT, WARWICKSHIRE_AGENCIES } from '../fixtures/agencies';
import type { TTestUser } from '../fixtures/auth';
import { ADMIN, callApi, callFunction, type TCall } from '../fixtures/http';
import { authoriseDraft } from '../fixtures/lifecycle';
import { mailbox, startOutbox } from '../fixtures/outbox';

const api = (call: TCall) => callApi(apiHandler, call);
const OWNER: TTestUser = { email: 'owner@warwickshire-fire.test', role: 'editor', agencies: ['warwickshire-fire'] };
const ORIGIN = { origin: 'http://localhost:3000', 'content-type': 'application/x-www-form-urlencoded' };
let outbox: Awaited<ReturnType<typeof startOutbox>>;
let counter = 0;

/** A unique address per test, so tests read only their own mail. */
const person = (name: string) => `${name}.${(counter += 1)}@sign.test`;

const signatory = (name: string, extra: Record<string, unknown> = {}) => ({ name, role: 'Chief Officer', email: person(name.toLowerCase().replace(/\W+/g, '-')), ...extra });

const party = (agencyId: string, signatories: ReturnType<typeof signatory>[], extra: Record<string, unknown> = {}) => ({
  agencyId,
  assessment: ASSESSMENT,
  signatories,
  ...extra,
});

const draftAndSubmit = async (parties: ReturnType<typeof party>[], title = 'Shared estates') => {
  const created = await api({
    method: 'POST',
    path: '/agreements',
    as: OWNER,
    body: {
      title,
      body: '# Shared estates\n\nThe parties will share stations <script>alert(1)</script>.',
      withdrawalTerms: 'Six months written notice.',
      legalContacts: [person('legal')],
      parties,
    },
  });
  expect(created.status).toBe(201);
  await authoriseDraft(created.json.id);
  const submitted = await api({ method: 'POST', path: `/agreements/${created.json.id}/submit`, as: OWNER });
  expect(submitted.status).toBe(200);
  return submitted.json;
};

const sign = (path: string, form: Record<string, string>, headers: Record<string, string> = ORIGIN) =>
  callFunction(signingHandler, 'signing', { method: 'POST', path, rawBody: new URLSearchParams(form).toString(), headers });
const open = (path: string, method = 'GET') => callFunction(signingHandler, 'signing', { method, path });
const read = async (id: string) => (await api({ method: 'GET', path: `/agreements/${id}`, as: OWNER })).json;

beforeAll(async () => {
  for (const agency of WARWICKSHIRE_AGENCIES) await api({ method: 'POST', path: '/agencies', body: agency, as: ADMIN });
  outbox = await startOutbox();
});
afterAll(() => outbox.stop());

describe('sign-off by email link', () => {
  it('takes the four Warwickshire partners from draft to in force, with a certificate and a verifiable hash', async () => {
    const signers = [signatory('Fire Chief'), signatory('Chief Constable'), signatory('Police and Crime Commissioner'), signatory('Ambulance Chief Executive')];
    const agreement = await draftAndSubmit([
      party('warwickshire-fire', [signers[0]!]),
      party('warwickshire-police', [signers[1]!]),
      party('warwickshire-pcc', [signers[2]!]),
      party('west-midlands-ambulance', [signers[3]!]),
    ]);
    expect(agreement.status).toBe('awaiting_signatures');
    expect(agreement.documentSha256).toMatch(/^[0-9a-f]{64}$/);

    for (const [index, s] of signers.entries()) {
      const link = await mailbox.linkFor(s.email);
      const page = await open(link);
      expect(page.status).toBe(200);
      expect(page.text).toContain(agreement.documentSha256);
      expect(page.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(page.text).not.toContain('<script>');
      expect(page.headers['cache-control']).toBe('no-store');
      expect(page.headers['referrer-policy']).toBe('no-referrer');
      expect(page.headers['x-content-type-options']).toBe('nosniff');
      expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      const decided = await sign(link, { decision: 'approve', signedName: s.name });
      expect(decided.status).toBe(200);
      expect(decided.text).toContain(index === signers.length - 1 ? 'in force' : 'recorded');
    }

    const inForce = await read(agreement.id);
    expect(inForce.status).toBe('in_force');
    expect(inForce.effectiveDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(inForce.nextReviewDate).toBe(`${Number(inForce.effectiveDate.slice(0, 4)) + 1}${inForce.effectiveDate.slice(4)}`);

    const mails = await mailbox.waitFor(
      (all) => signers.every((s) => all.some((m) => m.to === s.email && m.subject.startsWith('In force:'))),
      'the in-force emails',
    );
    const inForceMail = mails.find((m) => m.to === signers[0]!.email && m.subject.startsWith('In force:'))!;
    expect(inForceMail.subject).toBe(`In force: ${agreement.reference} — Shared estates`);
    expect(inForceMail.text).toContain(agreement.documentSha256);
    expect(inForceMail.html).toContain(agreement.documentSha256);
    expect(mails.filter((m) => m.to === OWNER.email && m.subject.startsWith('Approved:'))).toHaveLength(4);

    const certificate = await api({ method: 'GET', path: `/agreements/${agreement.id}/certificate`, as: OWNER });
    expect(certificate.json.auditTrail.intact).toBe(true);
    expect(certificate.json.parties[0].signatories[0]).toMatchObject({
      status: 'approved',
      signedName: 'Fire Chief',
      documentSha256: agreement.documentSha256,
      ip: '127.0.0.1',
      userAgent: 'vitest',
    });
    const certificatePage = await api({ method: 'GET', path: `/agreements/${agreement.id}/certificate`, as: OWNER, headers: { accept: 'text/html' } });
    expect(certificatePage.headers['content-type']).toContain('text/html');
    expect(certificatePage.text).toContain("Signed as “<bdi>Fire Chief</bdi>”");

    const verified = await api({ method: 'GET', path: `/verify/${agreement.documentSha256}` });
    expect(verified.json.matches).toEqual([expect.objectContaining({ reference: agreement.reference, status: 'in_force' })]);
    expect(verified.text).not.toContain('@');
    expect((await api({ method: 'GET', path: `/verify/${'0'.repeat(64)}` })).status).toBe(404);

    const events = await api({ method: 'GET', path: `/agreements/${agreement.id}/events`, as: OWNER });
    expect(findBrokenLink(events.json.items)).toBeNull();
    expect(events.json.items.map((e: { type: string }) => e.type)).toContain('in_force');
  });

  it('ends sign-off on a decline, with the reason, and closes the other links', async () => {
    const [fire, police, pcc] = [signatory('Fire Chief'), signatory('Chief Constable'), signatory('PCC')];
    const agreement = await draftAndSubmit([party('warwickshire-fire', [fire]), party('warwickshire-police', [police]), party('warwickshire-pcc', [pcc])]);
    expect((await sign(await mailbox.linkFor(fire.email), { decision: 'approve', signedName: 'Fire Chief' })).status).toBe(200);
    const policeLink = await mailbox.linkFor(police.email);
    const missingReason = await sign(policeLink, { decision: 'decline', reason: '' });
    expect(missingReason.status).toBe(400);
    expect(missingReason.text).toContain('say why you decline');
    const declined = await sign(policeLink, { decision: 'decline', reasonCode: 'public_safety', reason: 'Response times would <suffer>.' });
    expect(declined.status).toBe(200);

    const after = await read(agreement.id);
    expect(after.status).toBe('declined');
    expect(after.parties[1].signatories[0]).toMatchObject({ status: 'declined', reason: 'Response times would <suffer>.' });
    expect((await open(await mailbox.linkFor(pcc.email))).status).toBe(410);

    const mails = await mailbox.waitFor((all) => all.filter((m) => m.subject.startsWith('Declined:')).length >= 3, 'the decline emails');
    const toFire = mails.find((m) => m.to === fire.email && m.subject.startsWith('Declined:'))!;
    expect(toFire.text).toContain('Response times would <suffer>.');
    expect(toFire.html).toContain('Response times would &lt;suffer&gt;.');
    expect(mails.some((m) => m.to === OWNER.email && m.subject.startsWith('Declined by signatory:'))).toBe(true);
    expect(mails.some((m) => m.to === pcc.email && m.subject.startsWith('Declined:'))).toBe(false);
  });

  it('asks the second routing group only once the first has approved', async () => {
    const [first, second] = [signatory('First'), signatory('Second', { order: 2 })];
    const agreement = await draftAndSubmit([party('warwickshire-fire', [first]), party('west-midlands-ambulance', [second])]);
    await mailbox.linkFor(first.email);
    expect(await mailbox.to(second.email)).toEqual([]);
    expect((await read(agreement.id)).parties[1].signatories[0].status).toBe('pending');
    await sign(await mailbox.linkFor(first.email), { decision: 'approve', signedName: 'First' });
    expect((await read(agreement.id)).parties[1].signatories[0].status).toBe('requested');
    await sign(await mailbox.linkFor(second.email), { decision: 'approve', signedName: 'Second' });
    expect((await read(agreement.id)).status).toBe('in_force');
  });

  it('lets a party sign with k of its n signatories and releases the rest', async () => {
    const trio = [signatory('One'), signatory('Two'), signatory('Three')];
    const ambulance = signatory('Ambulance');
    const agreement = await draftAndSubmit([party('warwickshire-fire', trio, { requiredApprovals: 2 }), party('west-midlands-ambulance', [ambulance])]);
    await sign(await mailbox.linkFor(trio[0]!.email), { decision: 'approve', signedName: 'One' });
    await sign(await mailbox.linkFor(trio[1]!.email), { decision: 'approve', signedName: 'Two' });
    const mid = await read(agreement.id);
    expect(mid.parties[0].signatories.map((s: { status: string }) => s.status)).toEqual(['approved', 'approved', 'not_required']);
    expect((await open(await mailbox.linkFor(trio[2]!.email))).status).toBe(410);
    await sign(await mailbox.linkFor(ambulance.email), { decision: 'approve', signedName: 'Ambulance' });
    expect((await read(agreement.id)).status).toBe('in_force');
  });

  it('changes nothing when a mail scanner fetches a link with GET or HEAD', async () => {
    const [fire, ambulance] = [signatory('Fire'), signatory('Ambulance')];
    const agreement = await draftAndSubmit([party('warwickshire-fire', [fire]), party('west-midlands-ambulance', [ambulance])]);
    const link = await mailbox.linkFor(fire.email);
    const before = await api({ method: 'GET', path: `/agreements/${agreement.id}/events`, as: OWNER });
    for (let i = 0; i < 3; i += 1) {
      expect((await open(link)).status).toBe(200);
      const head = await open(link, 'HEAD');
      expect(head.status).toBe(200);
      expect(head.text).toBe('');
    }
    const after = await api({ method: 'GET', path: `/agreements/${agreement.id}/events`, as: OWNER });
    expect(after.json.items).toEqual(before.json.items);
    expect((await read(agreement.id)).revision).toBe(agreement.revision);
    expect((await sign(link, { decision: 'approve', signedName: 'Fire' })).status).toBe(200);
  });

  it('refuses reused, tampered, cross-site and expired links, changing nothing', async () => {
    const [fire, ambulance] = [signatory('Fire'), signatory('Ambulance')];
    const agreement = await draftAndSubmit([party('warwickshire-fire', [fire]), party('west-midlands-ambulance', [ambulance])]);
    const link = await mailbox.linkFor(fire.email);
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    expect((await sign(link, { decision: 'approve', signedName: 'Fire' }, { ...form, origin: 'https://evil.example' })).status).toBe(403);
    expect((await sign(link, { decision: 'approve', signedName: 'Fire' }, { ...form, origin: 'null', 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await sign(link, { decision: 'approve', signedName: 'Fire' }, form)).status).toBe(403);
    expect((await sign(link, { decision: 'approve', signedName: 'Fire' })).status).toBe(200);
    const reused = await sign(link, { decision: 'approve', signedName: 'Fire' });
    expect(reused.status).toBe(410);
    expect(reused.text).toContain('already been used');
    const tampered = `${link.slice(0, -1)}${link.endsWith('A') ? 'B' : 'A'}`;
    expect((await open(tampered)).status).toBe(404);
    expect((await open('/sign/short')).status).toBe(404);

    const ambulanceLink = await mailbox.linkFor(ambulance.email);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 15 * 24 * 3600 * 1000 });
    try {
      const expired = await sign(ambulanceLink, { decision: 'approve', signedName: 'Ambulance' });
      expect(expired.status).toBe(410);
      expect(expired.text).toContain('expired');
    } finally {
      vi.useRealTimers();
    }
    expect((await read(agreement.id)).parties[1].signatories[0].status).toBe('requested');
  });

  it('records twelve signatories approving at the same moment, and goes in force exactly once', async () => {
    const fire = Array.from({ length: 6 }, (_, i) => signatory(`Fire ${i}`));
    const ambulance = Array.from({ length: 6 }, (_, i) => signatory(`Ambulance ${i}`));
    const agreement = await draftAndSubmit([party('warwickshire-fire', fire), party('west-midlands-ambulance', ambulance)], 'Twelve at once');
    const everyone = [...fire, ...ambulance];
    const links = await Promise.all(everyone.map((s) => mailbox.linkFor(s.email)));
    const results = await Promise.all(links.map((link, i) => sign(link, { decision: 'approve', signedName: everyone[i]!.name })));
    expect(results.map((r) => r.status)).toEqual(Array(12).fill(200));

    const final = await read(agreement.id);
    expect(final.status).toBe('in_force');
    expect(final.parties.flatMap((p: { signatories: { status: string }[] }) => p.signatories.map((s) => s.status))).toEqual(Array(12).fill('approved'));
    const events = (await api({ method: 'GET', path: `/agreements/${agreement.id}/events`, as: OWNER })).json.items as { type: string }[];
    expect(events.filter((e) => e.type === 'signatory_approved')).toHaveLength(12);
    expect(events.filter((e) => e.type === 'in_force')).toHaveLength(1);
    const recipients = [...everyone.map((s) => s.email), OWNER.email, ...agreement.legalContacts];
    await mailbox.waitFor(
      (all) => recipients.every((to) => all.some((m) => m.to === to && m.subject.startsWith('In force: ') && m.subject.includes('Twelve'))),
      'the in-force emails',
    );
    // Give a duplicate, were there one, the time the outbox takes to deliver.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const inForce = (await mailbox.all()).filter((m) => m.subject.startsWith('In force:') && m.subject.includes('Twelve'));
    expect(inForce.map((m) => m.to).sort()).toEqual(recipients.sort());
  });
});

describe('the lifecycle around sign-off', () => {
  it('names every rule a submission breaks, and changes nothing', async () => {
    const created = await api({
      method: 'POST',
      path: '/agreements',
      as: OWNER,
      body: { title: 'Incomplete', parties: [{ agencyId: 'warwickshire-police', signatories: [signatory('CC')], requiredApprovals: 2 }] },
    });
    const refused = await api({ method: 'POST', path: `/agreements/${created.json.id}/submit`, as: OWNER });
    expect(refused.status).toBe(422);
    expect(refused.json.errors.map((e: { path: string }) => e.path).sort()).toEqual(
      [
        'body',
        'parties',
        'parties',
        'parties.0.agencyId',
        'parties.0.assessment.efficiencyEffectiveness',
        'parties.0.assessment.publicSafety',
        'parties.0.requiredApprovals',
        'parties.0.signatories.0.email',
        'withdrawalTerms',
      ].sort(),
    );
    expect((await read(created.json.id)).status).toBe('draft');
  });

  it('lets a policing body enter without its force only once it has recorded consulting the chief officer', async () => {
    const created = await api({
      method: 'POST',
      path: '/agreements',
      as: OWNER,
      body: {
        title: 'Fire and the commissioner',
        body: 'Shared estates.',
        withdrawalTerms: 'Notice.',
        parties: [party('warwickshire-fire', [signatory('CFO')]), party('warwickshire-pcc', [signatory('PCC')])],
      },
    });
    await authoriseDraft(created.json.id);
    const refused = await api({ method: 'POST', path: `/agreements/${created.json.id}/submit`, as: OWNER });
    expect(refused.status).toBe(422);
    expect(refused.json.errors).toEqual([{ path: 'parties.1.consultation', message: expect.stringContaining('consulted') }]);

    const draft = await read(created.json.id);
    const withConsultation = (consultedOn: string) => ({
      parties: draft.parties.map((p: any) => ({
        agencyId: p.agencyId,
        assessment: p.assessment,
        signatories: p.signatories.map(({ name, role, email }: any) => ({ name, role, email })),
        ...(p.agencyId === 'warwickshire-pcc' ? { consultation: { consultedOn, chiefOfficer: 'Chief Constable, Warwickshire Police', outcome: 'Supports it; no effect on policing.' } } : {}),
      })),
    });
    const future = await api({ method: 'PATCH', path: `/agreements/${created.json.id}`, as: OWNER, headers: { 'if-match': `"${draft.revision}"` }, body: withConsultation('2999-01-01') });
    expect(future.status).toBe(400);
    expect(future.json.errors.map((e: { path: string }) => e.path)).toEqual(['parties.1.consultation.consultedOn']);
    const recorded = await api({ method: 'PATCH', path: `/agreements/${created.json.id}`, as: OWNER, headers: { 'if-match': `"${draft.revision}"` }, body: withConsultation('2026-01-15') });
    expect(recorded.status, JSON.stringify(recorded.json)).toBe(200);
    await authoriseDraft(created.json.id);
    const submitted = await api({ method: 'POST', path: `/agreements/${created.json.id}/submit`, as: OWNER });
    expect(submitted.status, JSON.stringify(submitted.json)).toBe(200);
    expect(submitted.json.parties[1].consultation).toEqual({ consultedOn: '2026-01-15', chiefOfficer: 'Chief Constable, Warwickshire Police', outcome: 'Supports it; no effect on policing.' });
  });

  it('refuses an illegal transition with 409', async () => {
    const created = await api({ method: 'POST', path: '/agreements', as: OWNER, body: { title: 'Draft only' } });
    const withdraw = await api({ method: 'POST', path: `/agreements/${created.json.id}/withdraw`, as: OWNER, body: { reason: 'No' } });
    expect(withdraw.status).toBe(409);
    expect((await api({ method: 'POST', path: `/agreements/${created.json.id}/revise`, as: OWNER })).status).toBe(409);
  });

  it('withdraws, revoking every link and telling everyone, then revises into version 2 once', async () => {
    const [fire, ambulance] = [signatory('Fire'), signatory('Ambulance')];
    const agreement = await draftAndSubmit([party('warwickshire-fire', [fire]), party('west-midlands-ambulance', [ambulance])]);
    const link = await mailbox.linkFor(fire.email);
    const withdrawn = await api({ method: 'POST', path: `/agreements/${agreement.id}/withdraw`, as: OWNER, body: { reason: 'Terms to be renegotiated' } });
    expect(withdrawn.json.status).toBe('withdrawn');
    expect((await open(link)).status).toBe(410);
    await mailbox.waitFor((all) => all.some((m) => m.to === ambulance.email && m.subject.startsWith('Withdrawn:')), 'the withdrawal email');

    const revised = await api({ method: 'POST', path: `/agreements/${agreement.id}/revise`, as: OWNER });
    expect(revised.status).toBe(201);
    expect(revised.json).toMatchObject({ reference: agreement.reference, version: 2, supersedes: agreement.id, status: 'draft', documentSha256: null });
    expect(revised.json.parties[0].signatories[0].status).toBe('pending');
    expect((await api({ method: 'POST', path: `/agreements/${agreement.id}/revise`, as: OWNER })).status).toBe(409);
  });

  it('marks a signatory whose address bounced, closes their link, tells the owner, and lets them resend', async () => {
    const [fire, ambulance] = [signatory('Fire'), signatory('Ambulance')];
    const agreement = await draftAndSubmit([party('warwickshire-fire', [fire]), party('west-midlands-ambulance', [ambulance])]);
    const link = await mailbox.linkFor(ambulance.email);
    const sent = (await mailbox.to(ambulance.email)).at(-1)!;
    const bounce = {
      eventType: 'Bounce',
      mail: { messageId: sent.messageId, destination: [ambulance.email] },
      bounce: { bounceType: 'Permanent', bouncedRecipients: [{ emailAddress: ambulance.email }] },
    };
    await sesEvents({ Records: [{ Sns: { Message: JSON.stringify(bounce) } }] } as never, lambdaContext('accord-ses-events'));

    const after = await read(agreement.id);
    expect(after.parties[1].signatories[0].status).toBe('bounced');
    expect(after.undelivered).toEqual([expect.objectContaining({ template: 'signature_requested', to: ambulance.email })]);
    expect((await open(link)).status).toBe(410);
    await mailbox.waitFor((all) => all.some((m) => m.to === OWNER.email && m.subject === `Undeliverable: ${agreement.reference} — Shared estates`), 'the bounce notice');

    const signatoryId = agreement.parties[1].signatories[0].id;
    expect((await api({ method: 'POST', path: `/agreements/${agreement.id}/signatories/${signatoryId}/resend`, as: OWNER })).status).toBe(200);
  });

  it('resends a link: the old one stops working and the new one signs', async () => {
    const [fire, ambulance] = [signatory('Fire'), signatory('Ambulance')];
    const agreement = await draftAndSubmit([party('warwickshire-fire', [fire]), party('west-midlands-ambulance', [ambulance])]);
    const oldLink = await mailbox.linkFor(fire.email);
    const signatoryId = agreement.parties[0].signatories[0].id;
    const resent = await api({ method: 'POST', path: `/agreements/${agreement.id}/signatories/${signatoryId}/resend`, as: OWNER });
    expect(resent.status).toBe(200);
    await mailbox.waitFor((all) => all.filter((m) => m.to === fire.email).length === 2, 'the second link');
    const newLink = await mailbox.linkFor(fire.email);
    expect(newLink).not.toBe(oldLink);
    expect((await open(oldLink)).status).toBe(410);
    expect((await sign(newLink, { decision: 'approve', signedName: 'Fire' })).status).toBe(200);
  });
});
