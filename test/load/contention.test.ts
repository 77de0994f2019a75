import { beforeAll, describe, expect, it } from 'vitest';
import { partiesOf } from '../fixtures/agencies';
import { ADMIN } from '../fixtures/http';
import { api, approve, authoriseDraft, openLinkOf } from '../fixtures/lifecycle';

const AGREEMENTS = 20;
const PARTIES = 10;
const agencyIds = Array.from({ length: PARTIES }, (_, index) => (index % 2 === 0 ? `fire-${index}` : `ambulance-${index}`));

beforeAll(async () => {
  for (const id of agencyIds) {
    await api({ method: 'POST', path: '/agencies', as: ADMIN, body: { id, name: `Service ${id}`, type: id.startsWith('fire') ? 'fire_and_rescue_authority' : 'ambulance_trust' } });
  }
});

describe('many signatories deciding at once', () => {
  it(`records all ${AGREEMENTS * PARTIES} decisions across ${AGREEMENTS} agreements sent at the same moment, each once, with no 5xx`, async () => {
    const links: string[] = [];
    const ids: string[] = [];
    for (let n = 0; n < AGREEMENTS; n += 1) {
      const created = await api({
        method: 'POST',
        path: '/agreements',
        as: ADMIN,
        body: { title: `Crowded ${n}`, body: 'Text.', withdrawalTerms: 'Notice.', parties: partiesOf(agencyIds.map((agencyId) => ({ agencyId, email: `chief-${n}@${agencyId}.test` }))) },
      });
      await authoriseDraft(created.json.id);
      const submitted = await api({ method: 'POST', path: `/agreements/${created.json.id}/submit`, as: ADMIN });
      expect(submitted.status).toBe(200);
      ids.push(created.json.id);
      for (const party of submitted.json.parties) links.push(await openLinkOf(created.json.id, party.signatories[0].id));
    }

    const replies = await Promise.all(links.map((link) => approve(link)));
    expect(replies.map((reply) => reply.status)).toEqual(links.map(() => 200));

    for (const id of ids) {
      const read = await api({ method: 'GET', path: `/agreements/${id}`, as: ADMIN });
      expect(read.json.status).toBe('in_force');
      const events = (await api({ method: 'GET', path: `/agreements/${id}/events`, as: ADMIN })).json.items as { type: string; data: { signatoryId?: string } }[];
      const approvals = events.filter((event) => event.type === 'signatory_approved').map((event) => event.data.signatoryId);
      expect(new Set(approvals).size).toBe(PARTIES);
      expect(approvals).toHaveLength(PARTIES);
      expect(events.filter((event) => event.type === 'in_force')).toHaveLength(1);
    }
  });
});
