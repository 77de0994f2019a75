import { beforeAll, describe, expect, it } from 'vitest';
import { partiesOf, WARWICKSHIRE_AGENCIES } from '../fixtures/agencies';
import { ADMIN } from '../fixtures/http';
import { api, approve, authoriseDraft, openLinkOf } from '../fixtures/lifecycle';

const DEPUTY = { name: 'Deputy Chief Officer', role: 'Deputy Chief Executive', email: 'deputy@wmas.test' };

beforeAll(async () => {
  for (const agency of WARWICKSHIRE_AGENCIES) await api({ method: 'POST', path: '/agencies', as: ADMIN, body: agency });
  const ambulance = (await api({ method: 'GET', path: '/agencies/west-midlands-ambulance', as: ADMIN })).json;
  await api({ method: 'PUT', path: '/agencies/west-midlands-ambulance/signatories', as: ADMIN, body: { signatories: [...ambulance.signatories, DEPUTY] } });
});

/** Submitted for signature between fire and ambulance; returns the agreement as submitted. */
const submitted = async (tag: string) => {
  const created = await api({
    method: 'POST',
    path: '/agreements',
    as: ADMIN,
    body: {
      title: `Replaced ${tag}`,
      body: 'Text.',
      withdrawalTerms: 'Notice.',
      parties: partiesOf([
        { agencyId: 'warwickshire-fire', email: `cfo-${tag}@fire.test` },
        { agencyId: 'west-midlands-ambulance', email: `ceo-${tag}@wmas.test` },
      ]),
    },
  });
  await authoriseDraft(created.json.id);
  const reply = await api({ method: 'POST', path: `/agreements/${created.json.id}/submit`, as: ADMIN });
  expect(reply.status).toBe(200);
  return reply.json;
};

describe('a signatory changing mid-sign-off', () => {
  it('puts someone on the agency’s list in their place: the old link stops, the new one signs, approvals given stand, the document is unchanged', async () => {
    const agreement = await submitted('ok');
    const [fire, ambulance] = agreement.parties.map((party: { signatories: { id: string }[] }) => party.signatories[0]);
    expect((await approve(await openLinkOf(agreement.id, fire.id))).status).toBe(200);
    const oldLink = await openLinkOf(agreement.id, ambulance.id);

    const replaced = await api({
      method: 'POST',
      path: `/agreements/${agreement.id}/signatories/${ambulance.id}/replace`,
      as: ADMIN,
      body: { ...DEPUTY, name: 'Typed by the drafter', kind: 'delegation', reason: 'The chief executive is on leave until after the deadline.' },
    });
    expect(replaced.status).toBe(200);
    expect(replaced.json.documentSha256).toBe(agreement.documentSha256);
    const deputy = replaced.json.parties[1].signatories[0];
    // The agency's list names who signs, not what was typed.
    expect(deputy).toMatchObject({ name: DEPUTY.name, role: DEPUTY.role, email: DEPUTY.email, status: 'requested' });
    expect(replaced.json.parties[0].signatories[0].status).toBe('approved');

    expect((await approve(oldLink)).status).toBe(410);
    expect((await approve(await openLinkOf(agreement.id, deputy.id))).status).toBe(200);
    const after = (await api({ method: 'GET', path: `/agreements/${agreement.id}`, as: ADMIN })).json;
    expect(after.status).toBe('in_force');
    const events = (await api({ method: 'GET', path: `/agreements/${agreement.id}/events`, as: ADMIN })).json.items;
    expect(events.find((event: { type: string }) => event.type === 'signatory_replaced')).toMatchObject({
      actor: { kind: 'user', email: ADMIN.email },
      data: { kind: 'delegation', reason: 'The chief executive is on leave until after the deadline.', to: { email: DEPUTY.email } },
    });
  });

  it('refuses someone not on the agency’s list, and a signatory who has already decided', async () => {
    const agreement = await submitted('refused');
    const [fire, ambulance] = agreement.parties.map((party: { signatories: { id: string }[] }) => party.signatories[0]);
    const unlisted = await api({
      method: 'POST',
      path: `/agreements/${agreement.id}/signatories/${ambulance.id}/replace`,
      as: ADMIN,
      body: { name: 'Someone', role: 'Officer', email: 'someone@elsewhere.test', kind: 'replacement', reason: 'Left the service.' },
    });
    expect(unlisted.status).toBe(422);
    expect(unlisted.json.errors[0].path).toBe('email');

    expect((await approve(await openLinkOf(agreement.id, fire.id))).status).toBe(200);
    const decided = await api({
      method: 'POST',
      path: `/agreements/${agreement.id}/signatories/${fire.id}/replace`,
      as: ADMIN,
      body: { name: 'Someone', role: 'Officer', email: 'cfo-refused@fire.test', kind: 'replacement', reason: 'Left the service.' },
    });
    expect(decided.status).toBe(409);
  });
});
