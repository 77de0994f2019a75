import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler as signingHandler } from '../../functions/signing/handler';
import { findBrokenLink } from '../../shared/domain/audit/audit-chain';
import { WARWICKSHIRE_AGENCIES } from '../fixtures/agencies';
import type { TTestUser } from '../fixtures/auth';
import { ADMIN, callFunction } from '../fixtures/http';
import { api, postForm } from '../fixtures/lifecycle';
import { mailbox, startOutbox } from '../fixtures/outbox';

const FIRE_EDITOR: TTestUser = { email: 'planning@fire.test', role: 'editor', agencies: ['warwickshire-fire'] };
const AMBULANCE_EDITOR: TTestUser = { email: 'planning@wmas.test', role: 'editor', agencies: ['west-midlands-ambulance'] };
const POLICE_VIEWER: TTestUser = { email: 'viewer@police.test', role: 'viewer', agencies: ['warwickshire-police'] };

let outbox: Awaited<ReturnType<typeof startOutbox>>;
beforeAll(async () => {
  for (const agency of WARWICKSHIRE_AGENCIES) await api({ method: 'POST', path: '/agencies', as: ADMIN, body: agency });
  outbox = await startOutbox();
});
afterAll(() => outbox.stop());


describe('collaboration proposals (PCA 2017 s.2–3; Police Act 1996 s.22B–22C)', () => {
  it('asks each proposed party for its view from a link, records declines with their ground, and opens a draft once two see a benefit', async () => {
    const contacts = await api({ method: 'PUT', path: '/agencies/west-midlands-ambulance/proposal-contacts', as: AMBULANCE_EDITOR, body: { proposalContacts: ['proposals@wmas.test'], publishDeclines: true } });
    expect(contacts.json).toMatchObject({ proposalContacts: ['proposals@wmas.test'], publishProposalDeclines: true });

    const created = await api({
      method: 'POST',
      path: '/proposals',
      as: FIRE_EDITOR,
      body: { title: 'Shared training centre', summary: 'Fire, ambulance and the commissioner share one training centre.', proposerAgencyId: 'warwickshire-fire', agencyIds: ['west-midlands-ambulance', 'warwickshire-pcc'] },
    });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    const proposal = created.json;
    expect(proposal).toMatchObject({ mustProceed: false, draftAgreementId: null, parties: [{ agencyId: 'warwickshire-fire', view: { kind: 'benefit' } }, { view: null }, { view: null }] });

    // The ambulance trust's proposal contact, and the commissioner's legal contact (it has no proposal contact), get a link.
    const ambulanceLink = await mailbox.proposalLinkFor('proposals@wmas.test');
    const pccLink = await mailbox.proposalLinkFor('legal@warwickshire-pcc.test');
    const page = await callFunction(signingHandler, 'signing', { method: 'GET', path: pccLink });
    expect(page.status).toBe(200);
    expect(page.text).toContain('Shared training centre');
    expect(page.text).not.toContain('other_functions_or_nhs');

    expect((await postForm(pccLink, { view: 'decline', ground: 'public_safety', reasons: 'x', name: 'P' }, { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(403);
    const wrongGround = await postForm(pccLink, { view: 'decline', ground: 'other_functions_or_nhs', reasons: 'No.', name: 'Philip Seccombe' });
    expect(wrongGround.status).toBe(400);
    const incomplete = await postForm(pccLink, { view: 'decline', reasons: '', name: 'Philip Seccombe' });
    expect(incomplete.status).toBe(400);
    expect(incomplete.text).toContain('choose the statutory ground for declining');
    expect((await postForm(pccLink, { view: 'decline', ground: 'public_safety', reasons: 'Officers would leave the county for training.', name: 'Philip Seccombe' })).status).toBe(200);
    expect((await postForm(pccLink, { view: 'benefit', reasons: 'Changed our mind.', name: 'Philip Seccombe' })).status).toBe(410);

    const afterDecline = (await api({ method: 'GET', path: `/proposals/${proposal.id}`, as: FIRE_EDITOR })).json;
    expect(afterDecline.parties[2].view).toMatchObject({ kind: 'decline', ground: 'public_safety', reasons: 'Officers would leave the county for training.', recordedBy: { name: 'Philip Seccombe', email: 'legal@warwickshire-pcc.test' } });
    expect(afterDecline.mustProceed).toBe(false);
    expect((await api({ method: 'POST', path: `/proposals/${proposal.id}/draft`, as: FIRE_EDITOR })).status).toBe(409);

    expect((await postForm(ambulanceLink, { view: 'benefit', reasons: 'Shared training saves travel.', name: 'Anthony Marsh' })).text).toContain('they are to proceed');
    const agreed = (await api({ method: 'GET', path: `/proposals/${proposal.id}`, as: AMBULANCE_EDITOR })).json;
    expect(agreed.mustProceed).toBe(true);

    // The commissioner declined: its editors do not open the draft it will not be party to.
    expect((await api({ method: 'POST', path: `/proposals/${proposal.id}/draft`, as: { email: 'editor@pcc.test', role: 'editor', agencies: ['warwickshire-pcc'] } })).status).toBe(403);
    const draft = await api({ method: 'POST', path: `/proposals/${proposal.id}/draft`, as: AMBULANCE_EDITOR });
    expect(draft.status, JSON.stringify(draft.json)).toBe(201);
    expect(draft.json).toMatchObject({ status: 'draft', title: 'Shared training centre', proposalId: proposal.id, ownerAgencyId: 'west-midlands-ambulance' });
    expect(draft.json.parties.map((party: { agencyId: string }) => party.agencyId)).toEqual(['warwickshire-fire', 'west-midlands-ambulance']);
    expect((await api({ method: 'GET', path: `/proposals/${proposal.id}`, as: FIRE_EDITOR })).json.draftAgreementId).toBe(draft.json.id);
    expect((await api({ method: 'POST', path: `/proposals/${proposal.id}/draft`, as: FIRE_EDITOR })).status).toBe(409);

    const events = (await api({ method: 'GET', path: `/proposals/${proposal.id}/events`, as: ADMIN })).json.items;
    expect(events.map((event: { type: string }) => event.type)).toEqual(['proposal_created', 'proposal_view_recorded', 'proposal_view_recorded', 'proposal_must_proceed', 'draft_opened']);
    expect(findBrokenLink(events)).toBeNull();

    // The commissioner does not publish its declines; the public record has none of this proposal's.
    expect((await api({ method: 'GET', path: '/register/declines.json' })).json.items.filter((item: { proposalId: string }) => item.proposalId === proposal.id)).toEqual([]);

    // Only the parties' agencies see it.
    expect((await api({ method: 'GET', path: `/proposals/${proposal.id}`, as: POLICE_VIEWER })).status).toBe(404);
    expect((await api({ method: 'GET', path: '/proposals', as: POLICE_VIEWER })).json.items).toEqual([]);
    expect((await api({ method: 'GET', path: '/proposals', as: AMBULANCE_EDITOR })).json.items.map((item: { id: string }) => item.id)).toContain(proposal.id);
  });

  it('publishes the declines, with ground and reasons, of an agency that chooses to', async () => {
    await api({ method: 'PUT', path: '/agencies/west-midlands-ambulance/proposal-contacts', as: AMBULANCE_EDITOR, body: { proposalContacts: ['drones@wmas.test'], publishDeclines: true } });
    const created = await api({ method: 'POST', path: '/proposals', as: FIRE_EDITOR, body: { title: 'Shared drones', summary: 'A drone unit.', proposerAgencyId: 'warwickshire-fire', agencyIds: ['west-midlands-ambulance'] } });
    const link = await mailbox.proposalLinkFor('drones@wmas.test');
    expect((await postForm(link, { view: 'decline', ground: 'other_functions_or_nhs', reasons: 'Crews would be taken off the road.', name: 'Anthony Marsh' })).status).toBe(200);
    const published = (await api({ method: 'GET', path: '/register/declines.json' })).json.items;
    expect(published).toContainEqual({
      proposalId: created.json.id,
      title: 'Shared drones',
      proposer: 'Warwickshire Fire and Rescue Service',
      agency: 'West Midlands Ambulance Service NHS Foundation Trust',
      ground: 'other_functions_or_nhs',
      reasons: 'Crews would be taken off the road.',
      recordedAt: expect.any(String),
    });
    expect(JSON.stringify(published)).not.toContain('@');
  });

  it('sends a party that has not answered fresh links, at the proposer’s asking', async () => {
    const created = await api({ method: 'POST', path: '/proposals', as: FIRE_EDITOR, body: { title: 'Shared stores', summary: 'One stores depot.', proposerAgencyId: 'warwickshire-fire', agencyIds: ['warwickshire-pcc'] } });
    const first = await mailbox.proposalLinkFor('legal@warwickshire-pcc.test');
    const resend = (as: TTestUser, agencyId: string) => api({ method: 'POST', path: `/proposals/${created.json.id}/resend`, as, body: { agencyId } });
    expect((await resend(AMBULANCE_EDITOR, 'warwickshire-pcc')).status).toBe(404);
    expect((await resend(FIRE_EDITOR, 'warwickshire-fire')).status).toBe(422);
    expect((await resend(FIRE_EDITOR, 'warwickshire-pcc')).status).toBe(200);
    await mailbox.waitFor((all) => all.filter((mail) => mail.to === 'legal@warwickshire-pcc.test' && mail.subject.includes('Shared stores')).length === 2, 'the second proposal email');
    const second = await mailbox.proposalLinkFor('legal@warwickshire-pcc.test');
    expect(second).not.toBe(first);
    expect((await postForm(second, { view: 'benefit', reasons: 'Cheaper stores.', name: 'Philip Seccombe' })).status).toBe(200);
    expect((await resend(FIRE_EDITOR, 'warwickshire-pcc')).status).toBe(409);
    const events = (await api({ method: 'GET', path: `/proposals/${created.json.id}/events`, as: ADMIN })).json.items.map((event: { type: string }) => event.type);
    expect(events).toEqual(['proposal_created', 'proposal_resent', 'proposal_view_recorded', 'proposal_must_proceed']);
  });

  it('refuses a proposal naming an unknown agency, the proposer again, or made for another agency', async () => {
    const refused = await api({
      method: 'POST',
      path: '/proposals',
      as: FIRE_EDITOR,
      body: { title: 'Drones', summary: 'A shared drone unit.', proposerAgencyId: 'warwickshire-fire', agencyIds: ['warwickshire-fire', 'no-such-agency'] },
    });
    expect(refused.status).toBe(422);
    expect(refused.json.errors.map((error: { path: string }) => error.path)).toEqual(['agencyIds.0', 'agencyIds.1']);
    const forOthers = await api({
      method: 'POST',
      path: '/proposals',
      as: FIRE_EDITOR,
      body: { title: 'Drones', summary: 'A shared drone unit.', proposerAgencyId: 'warwickshire-police', agencyIds: ['warwickshire-fire'] },
    });
    expect(forOthers.status).toBe(403);
    const empty = await api({ method: 'POST', path: '/proposals', as: FIRE_EDITOR, body: { title: 'Drones', summary: ' ', proposerAgencyId: 'warwickshire-fire', agencyIds: [] } });
    expect(empty.status).toBe(400);
    expect(empty.json.errors.map((error: { path: string }) => error.path).sort()).toEqual(['agencyIds', 'summary']);
  });
});
