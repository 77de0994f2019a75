import { monotonicFactory } from 'ulid';
import { beforeEach, describe, expect, it } from 'vitest';
import { createDraft } from '../../../shared/domain/agreement/create-draft';
import { editDraft } from '../../../shared/domain/agreement/edit-draft';
import type { TUser } from '../../../shared/domain/user';
import { AppError } from '../../../shared/errors';
import type * as z from 'zod/mini';
import type { ZAgency } from '../../../shared/schemas/agency';
import { inMemoryAgencies, inMemoryAgreements } from '../../fixtures/in-memory-stores';

const AGENCIES: z.input<typeof ZAgency>[] = [
  { id: 'warwickshire-fire', name: 'Warwickshire Fire and Rescue', type: 'fire_and_rescue_authority', createdAt: '2026-01-01T00:00:00Z' },
  { id: 'warwickshire-pcc', name: 'Warwickshire PCC', type: 'policing_body', createdAt: '2026-01-01T00:00:00Z' },
];
const DRAFTER: TUser = { email: 'drafter@fire.test', role: 'editor', agencies: ['warwickshire-fire'] };
const NOW = new Date('2026-06-01T09:00:00Z');

const failure = async (promise: Promise<unknown>): Promise<AppError> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
};

describe('drafting', () => {
  let agreements: ReturnType<typeof inMemoryAgreements>;
  const agencies = inMemoryAgencies(AGENCIES);
  const newId = monotonicFactory();
  const create = (input: Parameters<typeof createDraft>[0]['input'], user = DRAFTER) =>
    createDraft({ input, user, now: NOW, newId, agencies, agreements: agreements.store });
  const edit = (id: string, patch: Parameters<typeof editDraft>[0]['patch'], ifMatch: string | undefined, user = DRAFTER) =>
    editDraft({ id, patch, ifMatch, user, now: NOW, newId, agencies, agreements: agreements.store });

  beforeEach(() => {
    agreements = inMemoryAgreements();
  });

  it('fills a new draft with the defaults a drafter expects', async () => {
    const draft = await create({ title: 'Joint estates', parties: [{ agencyId: 'warwickshire-fire', signatories: [] }] });
    expect(draft).toMatchObject({
      reference: 'CA-2026-0001',
      status: 'draft',
      legalBasis: 'PCA2017_S2',
      reviewIntervalMonths: 12,
      publish: true,
      ownerAgencyId: 'warwickshire-fire',
      documentSha256: null,
    });
    expect((await create({ title: 'Second' })).reference).toBe('CA-2026-0002');
  });

  it("lets a signatory count of k approvals default to all of a party's signatories", async () => {
    const draft = await create({
      title: 'k of n',
      parties: [
        {
          agencyId: 'warwickshire-pcc',
          signatories: [
            { name: 'A', role: 'PCC', email: 'a@pcc.test' },
            { name: 'B', role: 'Deputy PCC', email: 'b@pcc.test', order: 2 },
          ],
        },
      ],
    });
    expect(draft.parties[0]!.requiredApprovals).toBe(2);
    expect(draft.parties[0]!.signatories.map((s) => s.order)).toEqual([1, 2]);
  });

  it('names each broken rule: a repeated party, a repeated signatory, a hidden agreement without a reason', async () => {
    const error = await failure(
      create({
        title: 'Broken',
        publish: false,
        parties: [
          {
            agencyId: 'warwickshire-fire',
            signatories: [
              { name: 'A', role: 'CFO', email: 'a@fire.test' },
              { name: 'A again', role: 'CFO', email: 'A@fire.test' },
            ],
          },
          { agencyId: 'warwickshire-fire' },
        ],
      }),
    );
    expect(error.status).toBe(400);
    expect(error.errors?.map((e) => e.path)).toEqual(['parties.0.signatories.1.email', 'parties.1.agencyId', 'publishExemptionReason']);
    expect(agreements.writes()).toBe(0);
  });

  it('refuses a drafting agency the drafter does not belong to', async () => {
    const error = await failure(create({ title: 'Not mine', ownerAgencyId: 'warwickshire-pcc' }));
    expect(error.errors).toEqual([{ path: 'ownerAgencyId', message: 'not one of your agencies' }]);
  });

  it('checks preconditions in order: 428 without If-Match, 412 when stale, then 409 when not a draft', async () => {
    const draft = await create({ title: 'Preconditions' });
    expect((await failure(edit(draft.id, { title: 'x' }, undefined))).status).toBe(428);
    expect((await failure(edit(draft.id, { title: 'x' }, '"2"'))).status).toBe(412);
    const stored = (await agreements.store.get(draft.id))!;
    await agreements.store.update(
      { agreement: { ...stored.agreement, status: 'awaiting_signatures', revision: 2 }, auditHead: stored.auditHead, events: [] },
      stored,
    );
    expect((await failure(edit(draft.id, { title: 'x' }, '"1"'))).status).toBe(412);
    expect((await failure(edit(draft.id, { title: 'x' }, '"2"'))).status).toBe(409);
  });

  it('records what changed, hashing the text rather than copying it, and skips a patch that changes nothing', async () => {
    const draft = await create({ title: 'Audit', body: 'Old text' });
    const edited = await edit(draft.id, { body: 'New text', expiryDate: '2030-01-01', withdrawalTerms: null }, '"1"');
    expect(edited.revision).toBe(2);
    const [, editEvent] = agreements.events;
    expect(editEvent!.data.changes).toEqual([
      { field: 'body', from: { sha256: expect.any(String), bytes: 8 }, to: { sha256: expect.any(String), bytes: 8 } },
      { field: 'expiryDate', from: null, to: '2030-01-01' },
    ]);
    const unchanged = await edit(draft.id, { title: 'Audit' }, '"2"');
    expect(unchanged.revision).toBe(2);
    expect(agreements.writes()).toBe(2);
  });

  it('lets a drafter clear an optional field with null', async () => {
    const draft = await create({ title: 'Clear', withdrawalTerms: 'Six months notice' });
    const edited = await edit(draft.id, { withdrawalTerms: null }, '"1"');
    expect(edited.withdrawalTerms).toBeNull();
  });

  it('hides the draft from a user of another agency', async () => {
    const draft = await create({ title: 'Private' });
    const outsider: TUser = { email: 'x@pcc.test', role: 'editor', agencies: ['warwickshire-pcc'] };
    expect((await failure(edit(draft.id, { title: 'x' }, '"1"', outsider))).status).toBe(404);
  });
});
