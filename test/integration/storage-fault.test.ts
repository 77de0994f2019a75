import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTable, startDynamoDbLocal } from '../../infra/local/dynamodb-local';
import { freePort } from '../setup/dynamodb-local';

/**
 * DynamoDB Local of this file's own, kept on disk, stopped in the middle of a run of decisions
 * and started again. The handlers (imported only once their endpoint points here) must answer
 * 503 with Retry-After while it is gone, write nothing by halves, and record every decision
 * sent again afterwards exactly once.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'accord-fault-'));
const port = await freePort();
let dynamo = await startDynamoDbLocal({ port, dataDir });
process.env.DYNAMODB_ENDPOINT = dynamo.endpoint;
await ensureTable(dynamo.endpoint, process.env.TABLE_NAME!);

const { WARWICKSHIRE_AGENCIES, partiesOf } = await import('../fixtures/agencies');
const { ADMIN } = await import('../fixtures/http');
const { api, approve, authoriseDraft, openLinkOf } = await import('../fixtures/lifecycle');

const PARTIES = ['warwickshire-fire', 'west-midlands-ambulance', 'warwickshire-pcc'] as const;

afterAll(async () => {
  await dynamo.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a storage outage in the middle of a run of decisions', () => {
  let agreementId: string;
  let links: string[];

  beforeAll(async () => {
    for (const agency of WARWICKSHIRE_AGENCIES) await api({ method: 'POST', path: '/agencies', as: ADMIN, body: agency });
    const created = await api({
      method: 'POST',
      path: '/agreements',
      as: ADMIN,
      body: {
        title: 'Through an outage',
        body: 'Text.',
        withdrawalTerms: 'Notice.',
        parties: partiesOf(PARTIES.map((agencyId) => ({ agencyId, email: `chief@${agencyId}.test` }))),
      },
    });
    agreementId = created.json.id;
    await authoriseDraft(agreementId);
    expect((await api({ method: 'POST', path: `/agreements/${agreementId}/submit`, as: ADMIN })).status).toBe(200);
    const agreement = (await api({ method: 'GET', path: `/agreements/${agreementId}`, as: ADMIN })).json;
    links = await Promise.all(agreement.parties.map((party: { signatories: { id: string }[] }) => openLinkOf(agreementId, party.signatories[0]!.id)));
  });

  it('answers 503 with Retry-After while the table is gone, changes nothing, and records each decision sent again once', async () => {
    expect((await approve(links[0]!)).status).toBe(200);

    await dynamo.stop();
    const refused = await approve(links[1]!);
    expect(refused.status).toBe(503);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.text).toContain('nothing was changed');
    const read = await api({ method: 'GET', path: `/agreements/${agreementId}`, as: ADMIN });
    expect(read.status).toBe(503);
    expect(read.json.type).toBe('urn:accord:problem:unavailable');
    expect(read.headers['retry-after']).toBeDefined();

    dynamo = await startDynamoDbLocal({ port, dataDir });
    // The refused decision wrote nothing: the signatory is still asked, the link still open.
    const during = (await api({ method: 'GET', path: `/agreements/${agreementId}`, as: ADMIN })).json;
    expect(during.parties[1].signatories[0].status).toBe('requested');

    expect((await approve(links[1]!)).status).toBe(200);
    expect((await approve(links[1]!)).status).toBe(410);
    expect((await approve(links[2]!)).status).toBe(200);

    const after = (await api({ method: 'GET', path: `/agreements/${agreementId}`, as: ADMIN })).json;
    expect(after.status).toBe('in_force');
    const events = (await api({ method: 'GET', path: `/agreements/${agreementId}/events`, as: ADMIN })).json.items as { type: string; data: { signatoryId?: string } }[];
    const approvals = events.filter((event) => event.type === 'signatory_approved').map((event) => event.data.signatoryId);
    expect(approvals).toHaveLength(PARTIES.length);
    expect(new Set(approvals).size).toBe(PARTIES.length);
    expect(events.filter((event) => event.type === 'in_force')).toHaveLength(1);
  }, 120_000);
});
