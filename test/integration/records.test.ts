import { beforeAll, describe, expect, it } from 'vitest';
import { createAgencyRepository } from '../../shared/db/agency-repository';
import { createAgreementRepository } from '../../shared/db/agreement-repository';
import { createDocumentClient } from '../../shared/db/client';
import { exportAgency } from '../../shared/records/export-agency';
import { WARWICKSHIRE_AGENCIES } from '../fixtures/agencies';
import type { TTestUser } from '../fixtures/auth';
import { ADMIN } from '../fixtures/http';
import { api, bringIntoForce } from '../fixtures/lifecycle';

const OWNER: TTestUser = { email: 'owner@records.test', role: 'editor', agencies: ['warwickshire-fire'] };

beforeAll(async () => {
  for (const agency of WARWICKSHIRE_AGENCIES) await api({ method: 'POST', path: '/agencies', body: agency, as: ADMIN });
});

describe('exporting one agency’s records', () => {
  it('gives the agency, its trail, and every agreement it is party to with each audit trail, and nothing of others', async () => {
    const ours = await bringIntoForce(OWNER, [
      { agencyId: 'warwickshire-fire', email: 'cfo@records-fire.test' },
      { agencyId: 'west-midlands-ambulance', email: 'ceo@records-wmas.test' },
    ]);
    const theirs = await bringIntoForce({ email: 'other@records.test', role: 'editor', agencies: ['warwickshire-pcc'] }, [
      { agencyId: 'warwickshire-pcc', email: 'pcc@records-pcc.test' },
      { agencyId: 'west-midlands-ambulance', email: 'ceo2@records-wmas.test' },
    ]);
    const table = { client: createDocumentClient({ region: 'eu-west-2', endpoint: process.env.DYNAMODB_ENDPOINT }), tableName: process.env.TABLE_NAME! };

    const exported = await exportAgency({ agencies: createAgencyRepository(table), agreements: createAgreementRepository(table) }, 'warwickshire-fire');

    expect(exported.agency.id).toBe('warwickshire-fire');
    expect(exported.agencyEvents.map((event) => event.type)).toContain('agency_created');
    const ids = exported.agreements.map((entry) => entry.agreement.id);
    expect(ids).toContain(ours.id);
    expect(ids).not.toContain(theirs.id);
    const entry = exported.agreements.find((candidate) => candidate.agreement.id === ours.id)!;
    expect(entry.agreement.body).toBe(ours.body);
    expect(exported.agreements.every((candidate) => candidate.brokenAt === null)).toBe(true);
    expect(entry.events.map((event) => event.type)).toEqual(expect.arrayContaining(['draft_created', 'submitted', 'signatory_approved', 'in_force']));
  });
});
