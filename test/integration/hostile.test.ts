import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler as signingHandler } from '../../functions/signing/handler';
import { createDocumentClient } from '../../shared/db/client';
import { agencyKey, agencyListKeys } from '../../shared/db/keys';
import { findBrokenLink } from '../../shared/domain/audit/audit-chain';
import { partyExtras, ASSESSMENT, WARWICKSHIRE_AGENCIES } from '../fixtures/agencies';
import type { TTestUser } from '../fixtures/auth';
import { ADMIN, callFunction } from '../fixtures/http';
import { api, approve } from '../fixtures/lifecycle';
import { mailbox, startOutbox } from '../fixtures/outbox';

/**
 * Each attack a hostile test of Accord found, reproduced: none may work again. The attacker is an
 * editor of Warwickshire Fire; the police, the PCC and the ambulance trust have their own lists of
 * who may sign for them.
 */
const FIRE_EDITOR: TTestUser = { email: 'editor@warwickshire-fire.test', role: 'editor', agencies: ['warwickshire-fire'] };
const POLICE_EDITOR: TTestUser = { email: 'editor@warwickshire-police.test', role: 'editor', agencies: ['warwickshire-police'] };
const CFO = { name: 'Ben Brook', role: 'Chief Fire Officer', email: 'cfo@fire.hostile.test' };
const CC = { name: 'Alex Franklin-Smith', role: 'Chief Constable', email: 'cc@police.hostile.test' };
const PCC = { name: 'Philip Seccombe', role: 'Police and Crime Commissioner', email: 'pcc@pcc.hostile.test' };
const AMBULANCE = { name: 'Anthony Marsh', role: 'Chief Executive', email: 'ceo@ambulance.hostile.test' };
const ATTACKER_MAILBOX = (n: number) => `attacker+${n}@gmail.hostile.test`;
let outbox: Awaited<ReturnType<typeof startOutbox>>;

const party = (agencyId: string, signatory: { name: string; role: string; email: string }, extra: Record<string, unknown> = {}) => ({
  agencyId,
  assessment: ASSESSMENT,
  signatories: [{ ...signatory, ...extra }],
  ...partyExtras(agencyId),
});
/** A party as the API takes it; `leaving` marks one that signs a variation to leave. */
type TParty = ReturnType<typeof party> & { leaving?: boolean };
const draft = (as: TTestUser, parties: TParty[], extra: Record<string, unknown> = {}) =>
  api({ method: 'POST', path: '/agreements', as, body: { title: 'Joint control room', body: '# Terms', withdrawalTerms: 'Six months notice.', parties, ...extra } });
const submit = (as: TTestUser, id: string) => api({ method: 'POST', path: `/agreements/${id}/submit`, as });
const usedLinks = new Set<string>();
/** The newest signing link for this agreement in this person's mailbox that has not been used yet, as clicking the email would. */
const newLinkFor = async (email: string, reference: string) => {
  const fresh = (all: { to: string; subject: string; text: string }[]) =>
    all
      .filter((m) => m.to === email && m.subject.startsWith('Signature requested:') && m.subject.includes(reference))
      .map((m) => /\/sign\/[\w-]{43}/.exec(m.text)![0])
      .filter((link) => !usedLinks.has(link));
  const link = fresh(await mailbox.waitFor((all) => fresh(all).length > 0, `a new link for ${email}`)).at(-1)!;
  usedLinks.add(link);
  return link;
};

/** Submits a fire and ambulance agreement, and both signatories approve from their new links. */
const submitAndSign = async (id: string) => {
  const submitted = await submit(FIRE_EDITOR, id);
  expect(submitted.status).toBe(200);
  for (const email of [CFO.email, AMBULANCE.email]) expect((await approve(await newLinkFor(email, submitted.json.reference))).status).toBe(200);
  return (await api({ method: 'GET', path: `/agreements/${id}`, as: FIRE_EDITOR })).json;
};
const bringIntoForce = async (title: string) =>
  submitAndSign((await draft(FIRE_EDITOR, [party('warwickshire-fire', CFO), party('west-midlands-ambulance', AMBULANCE)], { title })).json.id);
/** Replaces a draft's parties, as the drafter's edit would; answers the reply. */
const setParties = (draft: { id: string; revision: number }, parties: TParty[]) =>
  api({ method: 'PATCH', path: `/agreements/${draft.id}`, as: FIRE_EDITOR, headers: { 'if-match': `"${draft.revision}"` }, body: { parties } });
const paths = (reply: { json: { errors?: { path: string }[] } }) => (reply.json.errors ?? []).map((error) => error.path).sort();

beforeAll(async () => {
  for (const agency of WARWICKSHIRE_AGENCIES) await api({ method: 'POST', path: '/agencies', body: agency, as: ADMIN });
  const lists: [string, (typeof CFO)[]][] = [
    ['warwickshire-fire', [CFO]],
    ['warwickshire-police', [CC]],
    ['warwickshire-pcc', [PCC]],
    ['west-midlands-ambulance', [AMBULANCE]],
  ];
  for (const [agencyId, signatories] of lists) {
    expect((await api({ method: 'PUT', path: `/agencies/${agencyId}/signatories`, as: ADMIN, body: { signatories } })).status).toBe(200);
  }
  outbox = await startOutbox();
});
afterAll(() => outbox.stop());

describe('a signature means the agency itself agreed', () => {
  it('refuses a submission naming, for the police and the PCC, signatories they never authorised', async () => {
    const created = await draft(FIRE_EDITOR, [
      party('warwickshire-fire', CFO),
      party('warwickshire-police', { ...CC, email: ATTACKER_MAILBOX(1) }),
      party('warwickshire-pcc', { ...PCC, email: ATTACKER_MAILBOX(2) }),
    ]);
    const refused = await submit(FIRE_EDITOR, created.json.id);
    expect(refused.status).toBe(422);
    expect(paths(refused)).toEqual(['parties.1.signatories.0.email', 'parties.2.signatories.0.email']);
    expect((await api({ method: 'GET', path: `/agreements/${created.json.id}`, as: FIRE_EDITOR })).json.status).toBe('draft');
    expect((await api({ method: 'GET', path: '/register.json' })).json.items).toEqual([]);
  });

  it('lets only an agency’s own editors (or an admin) change who may sign for it, and keeps every change in its trail', async () => {
    const takeover = await api({ method: 'PUT', path: '/agencies/warwickshire-police/signatories', as: FIRE_EDITOR, body: { signatories: [{ ...CC, email: ATTACKER_MAILBOX(3) }] } });
    expect(takeover.status).toBe(403);
    // The domains guard the list against its own keepers: an admin sets them, an editor cannot lift them.
    expect((await api({ method: 'PUT', path: '/agencies/warwickshire-police/signatories', as: ADMIN, body: { signatories: [CC], emailDomains: ['police.hostile.test'] } })).status).toBe(200);
    const outsider = await api({ method: 'PUT', path: '/agencies/warwickshire-police/signatories', as: POLICE_EDITOR, body: { signatories: [CC, { ...PCC, email: ATTACKER_MAILBOX(4) }] } });
    expect(outsider.status).toBe(400);
    expect(paths(outsider)).toEqual(['signatories.1.email']);
    const lifted = await api({ method: 'PUT', path: '/agencies/warwickshire-police/signatories', as: POLICE_EDITOR, body: { signatories: [CC, { ...PCC, email: ATTACKER_MAILBOX(5) }], emailDomains: [] } });
    expect(lifted.status).toBe(403);
    expect((await api({ method: 'PUT', path: '/agencies/warwickshire-police/signatories', as: POLICE_EDITOR, body: { signatories: [CC] } })).status).toBe(200);
    const trail = (await api({ method: 'GET', path: '/agencies/warwickshire-police/events', as: FIRE_EDITOR })).json.items;
    expect(trail.map((event: { type: string; actor: { email?: string } }) => [event.type, event.actor.email])).toEqual([
      ['agency_created', ADMIN.email],
      ['authorised_signatories_set', ADMIN.email],
      ['authorised_signatories_set', ADMIN.email],
      ['authorised_signatories_set', POLICE_EDITOR.email],
    ]);
    expect(findBrokenLink(trail)).toBeNull();
  });

  it('gives an agency made before agencies had lists its first list and contacts', async () => {
    const client = createDocumentClient({ region: 'eu-west-2', endpoint: process.env.DYNAMODB_ENDPOINT });
    // As the table held it before: no revision, no lists.
    await client.send(
      new PutCommand({
        TableName: process.env.TABLE_NAME!,
        Item: { ...agencyKey('legacy-fire'), ...agencyListKeys('Legacy Fire', 'legacy-fire'), entity: 'agency', id: 'legacy-fire', name: 'Legacy Fire', type: 'fire_and_rescue_authority', createdAt: '2026-01-01T00:00:00Z' },
      }),
    );
    expect((await api({ method: 'PUT', path: '/agencies/legacy-fire/signatories', as: ADMIN, body: { signatories: [CFO] } })).status).toBe(200);
    expect((await api({ method: 'PUT', path: '/agencies/legacy-fire/legal-contacts', as: ADMIN, body: { legalContacts: ['legal@legacy.test'] } })).status).toBe(200);
    expect((await api({ method: 'GET', path: '/agencies/legacy-fire', as: ADMIN })).json).toMatchObject({ revision: 3, legalContacts: ['legal@legacy.test'] });
  });

  it('names each signatory as their agency lists them, whatever the drafter typed', async () => {
    const created = await draft(FIRE_EDITOR, [party('warwickshire-fire', { ...CFO, name: 'Someone Else', role: 'Chief Constable' }), party('west-midlands-ambulance', AMBULANCE)], {
      title: 'Names',
    });
    const submitted = await submit(FIRE_EDITOR, created.json.id);
    expect(submitted.status).toBe(200);
    expect(submitted.json.parties[0].signatories[0]).toMatchObject({ name: CFO.name, role: CFO.role, email: CFO.email });
  });

  it('stops someone taken off their agency’s list from signing for it, or being sent a new link', async () => {
    const deputy = { name: 'Dee Puty', role: 'Deputy Chief Fire Officer', email: 'dcfo@fire.hostile.test' };
    const fireList = (await api({ method: 'GET', path: '/agencies/warwickshire-fire/signatories', as: ADMIN })).json.signatories;
    await api({ method: 'PUT', path: '/agencies/warwickshire-fire/signatories', as: ADMIN, body: { signatories: [...fireList, deputy] } });
    const created = await draft(FIRE_EDITOR, [party('warwickshire-fire', deputy), party('west-midlands-ambulance', AMBULANCE)], { title: 'Deauthorised' });
    const submitted = await submit(FIRE_EDITOR, created.json.id);
    expect(submitted.status).toBe(200);
    const link = await newLinkFor(deputy.email, created.json.reference);
    await api({ method: 'PUT', path: '/agencies/warwickshire-fire/signatories', as: ADMIN, body: { signatories: fireList } });
    expect((await callFunction(signingHandler, 'signing', { method: 'GET', path: link })).status).toBe(403);
    expect((await approve(link, deputy.name)).status).toBe(403);
    const resend = await api({ method: 'POST', path: `/agreements/${created.json.id}/signatories/${submitted.json.parties[0].signatories[0].id}/resend`, as: FIRE_EDITOR });
    expect(resend.status).toBe(422);
    expect((await api({ method: 'GET', path: `/agreements/${created.json.id}`, as: FIRE_EDITOR })).json.status).toBe('awaiting_signatures');
  });

  it('tells each party agency it is named, with who drafted it and who is asked to sign for it', async () => {
    const created = await draft(FIRE_EDITOR, [party('warwickshire-fire', CFO), party('warwickshire-police', CC), party('warwickshire-pcc', PCC)], { title: 'Shared estates' });
    expect((await submit(FIRE_EDITOR, created.json.id)).status).toBe(200);
    const told = (all: { to: string; subject: string }[], to: string) => all.some((mail) => mail.to === to && mail.subject.startsWith('Named as a party:'));
    const mails = await mailbox.waitFor((all) => told(all, 'legal@warwickshire-police.test') && told(all, 'legal@warwickshire-pcc.test'), 'the police and the PCC told');
    const police = mails.find((mail) => mail.to === 'legal@warwickshire-police.test' && mail.subject.startsWith('Named as a party:'))!;
    expect(police.subject).toBe(`Named as a party: ${created.json.reference} — Shared estates`);
    expect(police.text).toContain(FIRE_EDITOR.email);
    expect(police.text).toContain('Alex Franklin-Smith (Chief Constable)');
  });

  it('keeps every party in a variation: one party cannot vary another out of the agreement', async () => {
    const inForce = await bringIntoForce('Co-responding');
    const variation = await api({ method: 'POST', path: `/agreements/${inForce.id}/variations`, as: FIRE_EDITOR });
    expect(variation.status).toBe(201);
    const withoutAmbulance = [party('warwickshire-fire', CFO), party('warwickshire-police', CC), party('warwickshire-pcc', PCC)];
    const everyParty = [party('warwickshire-fire', CFO), party('west-midlands-ambulance', AMBULANCE)];
    const patched = await setParties(variation.json, withoutAmbulance);
    expect(patched.status).toBe(200);
    const refused = await submit(FIRE_EDITOR, variation.json.id);
    expect(refused.status).toBe(422);
    expect(refused.json.errors).toContainEqual({ path: 'parties', message: expect.stringContaining('West Midlands Ambulance') });

    // Nor by the back door: submit the variation with every party, withdraw it, revise it, and drop the party then.
    expect((await setParties(patched.json, everyParty)).status).toBe(200);
    expect((await submit(FIRE_EDITOR, variation.json.id)).status).toBe(200);
    expect((await api({ method: 'POST', path: `/agreements/${variation.json.id}/withdraw`, as: FIRE_EDITOR, body: { reason: 'Back door.' } })).status).toBe(200);
    const revised = await api({ method: 'POST', path: `/agreements/${variation.json.id}/revise`, as: FIRE_EDITOR });
    const dropped = await setParties(revised.json, withoutAmbulance);
    expect(dropped.status).toBe(200);
    const backDoor = await submit(FIRE_EDITOR, revised.json.id);
    expect(backDoor.status).toBe(422);
    expect(backDoor.json.errors).toContainEqual({ path: 'parties', message: expect.stringContaining('West Midlands Ambulance') });

    // Signed with every party, the revised variation replaces the version in force: one version in force, never two.
    expect((await setParties(dropped.json, everyParty)).status).toBe(200);
    for (const email of [CFO.email, AMBULANCE.email]) {
      // The withdrawn variation's links were sent; they are spent by the withdrawal, not clicked.
      await newLinkFor(email, inForce.reference);
    }
    expect((await submitAndSign(revised.json.id)).status).toBe('in_force');
    expect((await api({ method: 'GET', path: `/agreements/${inForce.id}`, as: FIRE_EDITOR })).json.status).toBe('superseded');
  });

  it('lets a party leave by a variation only by signing it itself; it is then no party to the new version', async () => {
    const three = [party('warwickshire-fire', CFO), party('west-midlands-ambulance', AMBULANCE), party('warwickshire-pcc', PCC)];
    const created = await draft(FIRE_EDITOR, three, { title: 'Leaving' });
    expect((await submit(FIRE_EDITOR, created.json.id)).status).toBe(200);
    for (const signer of [CFO, AMBULANCE, PCC]) expect((await approve(await newLinkFor(signer.email, created.json.reference))).status).toBe(200);
    const variation = (await api({ method: 'POST', path: `/agreements/${created.json.id}/variations`, as: FIRE_EDITOR })).json;
    // Fire cannot make another party leave without it: the PCC is marked leaving, so it is asked to sign.
    const leaving = [party('warwickshire-fire', CFO), party('west-midlands-ambulance', AMBULANCE), { ...party('warwickshire-pcc', PCC), leaving: true }];
    expect((await setParties(variation, leaving)).status).toBe(200);
    const submitted = await submit(FIRE_EDITOR, variation.id);
    expect(submitted.status).toBe(200);
    expect(submitted.json.parties[2]).toMatchObject({ agencyId: 'warwickshire-pcc', leaving: true, signatories: [{ status: 'requested' }] });
    for (const signer of [CFO, AMBULANCE]) expect((await approve(await newLinkFor(signer.email, created.json.reference))).status).toBe(200);
    expect((await api({ method: 'GET', path: `/agreements/${variation.id}`, as: FIRE_EDITOR })).json.status).toBe('awaiting_signatures');
    const pccLink = await newLinkFor(PCC.email, created.json.reference);
    expect((await callFunction(signingHandler, 'signing', { method: 'GET', path: pccLink })).text).toContain('leaving the agreement by this version');
    expect((await approve(pccLink)).status).toBe(200);
    const inForce = (await api({ method: 'GET', path: `/agreements/${variation.id}`, as: FIRE_EDITOR })).json;
    expect(inForce.status).toBe('in_force');
    // Having left, the PCC's own editors no longer act on (or see) the version that binds the others.
    const pccEditor: TTestUser = { email: 'editor@warwickshire-pcc.test', role: 'editor', agencies: ['warwickshire-pcc'] };
    expect((await api({ method: 'POST', path: `/agreements/${variation.id}/termination`, as: pccEditor, body: { reason: 'Ours to end?' } })).status).toBe(404);
    const register = (await api({ method: 'GET', path: '/register.json' })).json.items.find((item: { reference: string }) => item.reference === created.json.reference);
    expect(register.parties).toEqual(['Warwickshire Fire and Rescue Service', 'West Midlands Ambulance Service NHS Foundation Trust']);
    const next = (await api({ method: 'POST', path: `/agreements/${variation.id}/variations`, as: FIRE_EDITOR })).json;
    expect(next.parties.map((p: { agencyId: string }) => p.agencyId)).toEqual(['warwickshire-fire', 'west-midlands-ambulance']);
    // Only a party of the agreement in force can leave by a variation.
    const stranger = await draft(FIRE_EDITOR, [party('warwickshire-fire', CFO), party('west-midlands-ambulance', AMBULANCE), { ...party('warwickshire-pcc', PCC), leaving: true }]);
    const refused = await submit(FIRE_EDITOR, stranger.json.id);
    expect(refused.status).toBe(422);
    expect(paths(refused)).toContain('parties.2.leaving');
  });

  it('lets a revision drop the party that declined: a declined agreement bound nobody', async () => {
    const created = await draft(FIRE_EDITOR, [party('warwickshire-fire', CFO), party('west-midlands-ambulance', AMBULANCE), party('warwickshire-pcc', PCC)], { title: 'Declined' });
    await submit(FIRE_EDITOR, created.json.id);
    const request = (await mailbox.waitFor((all) => all.some((m) => m.to === PCC.email && m.text.includes(created.json.reference)), 'the PCC asked'))
      .filter((m) => m.to === PCC.email && m.text.includes(created.json.reference))
      .at(-1)!;
    const declined = await callFunction(signingHandler, 'signing', {
      method: 'POST',
      path: /\/sign\/[\w-]{43}/.exec(request.text)![0],
      rawBody: new URLSearchParams({ decision: 'decline', reason: 'Not for us.' }).toString(),
      headers: { origin: 'http://localhost:3000', 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(declined.status).toBe(200);
    const revised = await api({ method: 'POST', path: `/agreements/${created.json.id}/revise`, as: FIRE_EDITOR });
    expect((await setParties(revised.json, [party('warwickshire-fire', CFO), party('west-midlands-ambulance', AMBULANCE)])).status).toBe(200);
    expect((await submit(FIRE_EDITOR, revised.json.id)).status).toBe(200);
  });

  it('lets no editor end an agreement for every party, and no termination date before the agreement took effect', async () => {
    const inForce = await bringIntoForce('Ended');
    const byEditor = await api({ method: 'POST', path: `/agreements/${inForce.id}/terminate`, as: FIRE_EDITOR, body: { reason: 'Mine to end.', evidence: 'None.' } });
    expect(byEditor.status).toBe(403);
    const backdated = await api({
      method: 'POST',
      path: `/agreements/${inForce.id}/terminate`,
      as: ADMIN,
      body: { reason: 'Agreed by all.', evidence: 'Board minutes.', effectiveDate: '1900-01-01' },
    });
    expect(backdated.status).toBe(400);
    expect(paths(backdated)).toEqual(['effectiveDate']);
    expect((await api({ method: 'GET', path: `/agreements/${inForce.id}`, as: FIRE_EDITOR })).json.status).toBe('in_force');
    // A review that decides to end it asks every party; it ends nothing by itself.
    const byReview = await api({ method: 'POST', path: `/agreements/${inForce.id}/reviews`, as: FIRE_EDITOR, body: { outcome: 'terminate', notes: 'Ending it.' } });
    expect(byReview.status).toBe(200);
    expect(byReview.json.agreement).toMatchObject({ status: 'in_force', terminationRound: { reason: 'Ending it.', agreedAt: null } });
    expect(byReview.json.agreement.reviews.at(-1)).toMatchObject({ outcome: 'terminate' });
    const backdatedExpiry = await draft(FIRE_EDITOR, [party('warwickshire-fire', CFO)], { effectiveDate: '2027-01-01', expiryDate: '1900-01-01', nextReviewDate: '1900-01-01' });
    expect(backdatedExpiry.status).toBe(400);
    expect(paths(backdatedExpiry)).toEqual(['expiryDate', 'nextReviewDate']);
  });
});

describe('limits and what the hostile test found', () => {
  it('sends a signatory at most three new links a day, then answers 429 with Retry-After', async () => {
    const created = await draft(FIRE_EDITOR, [party('warwickshire-fire', CFO), party('west-midlands-ambulance', AMBULANCE)], { title: 'Resent' });
    const submitted = await submit(FIRE_EDITOR, created.json.id);
    const signatoryId = submitted.json.parties[1].signatories[0].id;
    const statuses: number[] = [];
    let retryAfter: string | undefined;
    for (let i = 0; i < 20; i += 1) {
      const reply = await api({ method: 'POST', path: `/agreements/${created.json.id}/signatories/${signatoryId}/resend`, as: FIRE_EDITOR });
      statuses.push(reply.status);
      retryAfter ??= reply.headers['retry-after'];
    }
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    expect(new Set(statuses.slice(3))).toEqual(new Set([429]));
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect(Number(retryAfter)).toBeLessThanOrEqual(24 * 3600);
    await mailbox.waitFor(
      (all) => all.filter((m) => m.to === AMBULANCE.email && m.text.includes(created.json.reference)).length >= 4,
      'the first request and three resends',
    );
    expect((await mailbox.to(AMBULANCE.email)).filter((m) => m.text.includes(created.json.reference))).toHaveLength(4);
  });

  it('limits every other way of sending email on demand the same way: submitting again and again', async () => {
    let current = (await draft(FIRE_EDITOR, [party('warwickshire-fire', CFO), party('west-midlands-ambulance', AMBULANCE)], { title: 'Resubmitted' })).json;
    const statuses: number[] = [];
    for (let round = 0; round < 4; round += 1) {
      const submitted = await submit(FIRE_EDITOR, current.id);
      statuses.push(submitted.status);
      if (submitted.status !== 200) break;
      await api({ method: 'POST', path: `/agreements/${current.id}/withdraw`, as: FIRE_EDITOR, body: { reason: 'Again.' } });
      current = (await api({ method: 'POST', path: `/agreements/${current.id}/revise`, as: FIRE_EDITOR })).json;
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect((await api({ method: 'GET', path: `/agreements/${current.id}`, as: FIRE_EDITOR })).json.status).toBe('draft');
  });

  it('gives one person who signs for two parties a working link for each', async () => {
    const commissioner = { name: 'Ben Adams', role: 'Commissioner', email: 'commissioner@hostile.test' };
    for (const agencyId of ['warwickshire-pcc', 'warwickshire-fire']) {
      const current = (await api({ method: 'GET', path: `/agencies/${agencyId}/signatories`, as: ADMIN })).json.signatories;
      await api({ method: 'PUT', path: `/agencies/${agencyId}/signatories`, as: ADMIN, body: { signatories: [...current, commissioner] } });
    }
    const created = await draft(FIRE_EDITOR, [party('warwickshire-fire', commissioner), party('west-midlands-ambulance', AMBULANCE), party('warwickshire-pcc', commissioner)], {
      title: 'Combined commissioner',
    });
    expect((await submit(FIRE_EDITOR, created.json.id)).status).toBe(200);
    const mails = await mailbox.waitFor(
      (all) => all.filter((m) => m.to === commissioner.email && m.subject.startsWith('Signature requested:')).length === 2,
      'two links for the commissioner',
    );
    const links = mails.filter((m) => m.to === commissioner.email).map((m) => /\/sign\/[\w-]{43}/.exec(m.text)![0]);
    expect(new Set(links).size).toBe(2);
    expect(mails.filter((m) => m.to === commissioner.email).map((m) => m.text).join()).toContain('on behalf of Police and Crime Commissioner for Warwickshire');
    for (const link of links) expect((await approve(link, 'Ben Adams')).status).toBe(200);
    const ambulanceMail = (await mailbox.to(AMBULANCE.email)).filter((m) => m.text.includes(created.json.reference)).at(-1)!;
    expect((await approve(/\/sign\/[\w-]{43}/.exec(ambulanceMail.text)![0])).status).toBe(200);
    expect((await api({ method: 'GET', path: `/agreements/${created.json.id}`, as: FIRE_EDITOR })).json.status).toBe('in_force');
  });

  it('answers a bad or forged cursor, or a cursor past the date range, with 400 and never 500', async () => {
    const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    for (const cursor of ['not-a-cursor', forged({ after: '~~~' }), forged({ after: 12 }), forged({}), '%%%']) {
      const reply = await api({ method: 'GET', path: `/agreements?cursor=${encodeURIComponent(cursor)}`, as: FIRE_EDITOR });
      expect(reply.status, cursor).toBe(400);
      expect(reply.json.errors[0].path).toBe('cursor');
    }
    const beyond = forged({ after: '2030-01-01#01J0000000000000000000000A' });
    const inverted = await api({ method: 'GET', path: `/agreements?reviewDueBefore=2027-01-01&cursor=${beyond}`, as: FIRE_EDITOR });
    expect(inverted.status).toBe(400);
    expect((await api({ method: 'GET', path: `/register.json?cursor=${forged({ after: 'zzz' })}` })).status).toBe(400);
  });

  it('refuses control characters in every text field, and bidirectional overrides in names and titles', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ title: 'Joint\u0007room' }, 'title'],
      [{ title: 'Joint \u202eroom' }, 'title'],
      [{ summary: 'A\u0000B' }, 'summary'],
      [{ body: '# Terms\u001b[31m' }, 'body'],
      [{ functions: ['Estates\u0008'] }, 'functions.0'],
      [{ parties: [party('warwickshire-fire', { ...CFO, name: 'Ben \u2067Brook' })] }, 'parties.0.signatories.0.name'],
    ];
    for (const [fields, path] of cases) {
      const reply = await draft(FIRE_EDITOR, [party('warwickshire-fire', CFO)], fields);
      expect(reply.status, path).toBe(400);
      expect(paths(reply), path).toContain(path);
    }
    const multiline = await draft(FIRE_EDITOR, [party('warwickshire-fire', CFO)], { summary: 'Line one\r\nLine two\twith a tab' });
    expect(multiline.status).toBe(201);
    expect(multiline.json.summary).toBe('Line one\nLine two\twith a tab');
    const agency = await api({ method: 'POST', path: '/agencies', as: ADMIN, body: { name: 'Fire \u202eecivreS', type: 'other' } });
    expect(agency.status).toBe(400);
    const patched = await draft(FIRE_EDITOR, [party('warwickshire-fire', CFO)]);
    const badPatch = await api({ method: 'PATCH', path: `/agreements/${patched.json.id}`, as: FIRE_EDITOR, headers: { 'if-match': '"1"' }, body: { title: 'A\u200fB' } });
    expect(badPatch.status).toBe(400);
    expect(paths(badPatch)).toEqual(['title']);
    const badList = await api({ method: 'PUT', path: '/agencies/warwickshire-fire/signatories', as: ADMIN, body: { signatories: [{ ...CFO, name: 'Ben\u0000Brook' }] } });
    expect(badList.status).toBe(400);
    expect(paths(badList)).toEqual(['signatories.0.name']);
    const sharedDomain = await api({ method: 'PUT', path: '/agencies/warwickshire-fire/signatories', as: ADMIN, body: { signatories: [CFO], emailDomains: ['police.uk'] } });
    expect(sharedDomain.status).toBe(400);
    expect(paths(sharedDomain)).toEqual(['emailDomains.0']);

    // The signing form too: a typed name or a reason with control characters is refused, and nothing is recorded.
    const signed = await draft(FIRE_EDITOR, [party('warwickshire-fire', CFO), party('west-midlands-ambulance', AMBULANCE)], { title: 'Form' });
    await submit(FIRE_EDITOR, signed.json.id);
    const link = await newLinkFor(CFO.email, signed.json.reference);
    const post = (form: Record<string, string>) =>
      callFunction(signingHandler, 'signing', {
        method: 'POST',
        path: link,
        rawBody: new URLSearchParams(form).toString(),
        headers: { origin: 'http://localhost:3000', 'content-type': 'application/x-www-form-urlencoded' },
      });
    expect((await post({ decision: 'approve', signedName: 'Ben\u0007Brook' })).status).toBe(400);
    expect((await post({ decision: 'approve', signedName: 'Ben \u202eBrook' })).status).toBe(400);
    expect((await post({ decision: 'decline', reason: 'No\u0000' })).status).toBe(400);
    expect((await api({ method: 'GET', path: `/agreements/${signed.json.id}`, as: FIRE_EDITOR })).json.parties[0].signatories[0].status).toBe('requested');
  });

  it('shows user text isolated, so a right-to-left override cannot reorder a page', async () => {
    const created = await draft(FIRE_EDITOR, [party('warwickshire-fire', CFO), party('west-midlands-ambulance', AMBULANCE)], {
      title: 'Isolation',
      withdrawalTerms: 'Notice \u202eesrever',
    });
    await submit(FIRE_EDITOR, created.json.id);
    const mail = (await mailbox.waitFor((all) => all.some((m) => m.to === CFO.email && m.text.includes(created.json.reference)), 'the request'))
      .filter((m) => m.to === CFO.email && m.text.includes(created.json.reference))
      .at(-1)!;
    expect(mail.html).toContain(`<bdi>${created.json.reference} — Isolation</bdi>`);
    const page = await callFunction(signingHandler, 'signing', { method: 'GET', path: /\/sign\/[\w-]{43}/.exec(mail.text)![0] });
    expect(page.text).toContain('<bdi>Isolation</bdi>');
    expect(page.text).toContain('<bdi>Ben Brook</bdi>');
    // The override stays inside its own value: it cannot run on into what the page says next.
    expect(page.text).toContain('<bdi>Notice \u202eesrever</bdi>');
  });

  it('marks what a signed-in user reads no-store, sends HSTS with every page, and answers HEAD wherever GET works', async () => {
    const list = await api({ method: 'GET', path: '/agreements', as: FIRE_EDITOR });
    expect(list.headers['cache-control']).toBe('no-store');
    const failure = await api({ method: 'GET', path: '/agreements/01J0000000000000000000000A', as: FIRE_EDITOR });
    expect(failure.headers['cache-control']).toBe('no-store');
    for (const path of ['/register', '/agreements', '/health', '/register.csv']) {
      const head = await api({ method: 'HEAD', path, as: FIRE_EDITOR });
      const get = await api({ method: 'GET', path, as: FIRE_EDITOR });
      expect(head.status, path).toBe(get.status);
      expect(head.text, path).toBe('');
      expect(head.headers['content-type'], path).toBe(get.headers['content-type']);
    }
    for (const path of ['/register', '/verify']) expect((await api({ method: 'GET', path })).headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
    const signingPage = await callFunction(signingHandler, 'signing', { method: 'GET', path: `/sign/${'x'.repeat(43)}` });
    expect(signingPage.headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
  });

  it('refuses a token whose email address is not verified', async () => {
    const reply = await api({ method: 'GET', path: '/agreements', as: { ...FIRE_EDITOR, emailVerified: false } });
    expect(reply.status).toBe(401);
    expect(reply.json.detail).toMatch(/not verified/);
  });
});
