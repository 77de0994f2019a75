import canonicalize from 'canonicalize';
import { AppError } from '../../errors';
import type { TAgreement, TCreateAgreementRequest } from '../../schemas/agreement';
import { appendAuditEvent, EMPTY_AUDIT_HEAD, sha256Hex } from '../audit/audit-chain';
import { londonDate, londonYear } from '../calendar';
import { AlreadyCreatedError, type TAgencyStore, type TAgreementStore } from '../ports';
import { assertAccess, assertRole } from './access';
import { assertDraftRules, buildParties } from './draft-rules';
import type { TUser } from '../user';
import { formatReference } from './reference';

const resolveOwnerAgency = (user: TUser, requested: string | undefined): string | null => {
  if (requested) {
    if (user.role !== 'admin' && !user.agencies.includes(requested)) {
      throw new AppError('validation_failed', 'You can only draft for your own agency.', [
        { path: 'ownerAgencyId', message: 'not one of your agencies' },
      ]);
    }
    return requested;
  }
  if (user.role === 'admin' || user.agencies.length === 0) return null;
  if (user.agencies.length === 1) return user.agencies[0] as string;
  throw new AppError('validation_failed', 'You belong to several agencies; say which one drafts this.', [
    { path: 'ownerAgencyId', message: `required: one of ${user.agencies.join(', ')}` },
  ]);
};

/** Creates version 1 of a new agreement as a draft, with the next reference of the year. */
export const createDraft = async (options: {
  input: TCreateAgreementRequest;
  user: TUser;
  now: Date;
  newId: () => string;
  agencies: TAgencyStore;
  agreements: TAgreementStore;
  /** Given when the draft's id was settled beforehand (a draft opened from a proposal names it first). */
  id?: string;
  /** The collaboration proposal it comes from. */
  proposalId?: string;
  /**
   * A caller's idempotency key (scoped to them): the same key again returns the draft it made,
   * and with another request it is refused. It is written in the draft's own transaction, so
   * there is no moment when a retry could make a second draft.
   */
  idempotencyKey?: string;
}): Promise<TAgreement> => {
  const { input, user, now, newId } = options;
  assertRole(user, 'editor');
  const ownerAgencyId = resolveOwnerAgency(user, input.ownerAgencyId);
  const partyInputs = input.parties ?? [];
  const known = await options.agencies.getMany([
    ...partyInputs.map((party) => party.agencyId),
    ...(ownerAgencyId ? [ownerAgencyId] : []),
  ]);
  if (ownerAgencyId && !known.has(ownerAgencyId)) {
    throw new AppError('unprocessable', 'The drafting agency does not exist.', [
      { path: 'ownerAgencyId', message: `no agency '${ownerAgencyId}'` },
    ]);
  }
  const parties = buildParties(partyInputs, known, newId);
  const at = now.toISOString();
  const id = options.id ?? newId();
  const fields = {
    title: input.title,
    summary: input.summary ?? '',
    legalBasis: input.legalBasis ?? 'PCA2017_S2',
    functions: input.functions ?? [],
    body: input.body ?? '',
    withdrawalTerms: input.withdrawalTerms ?? null,
    parties,
    legalContacts: [...new Set(input.legalContacts ?? [])],
    reviewIntervalMonths: input.reviewIntervalMonths ?? 12,
    effectiveDate: input.effectiveDate ?? null,
    nextReviewDate: input.nextReviewDate ?? null,
    expiryDate: input.expiryDate ?? null,
    publish: input.publish ?? true,
    publishExemptionReason: input.publishExemptionReason ?? null,
  };
  assertDraftRules(fields, londonDate(now));

  const year = londonYear(now);
  const idempotency = options.idempotencyKey ? { key: options.idempotencyKey, fingerprint: sha256Hex(canonicalize(input) ?? '') } : undefined;
  const create = () =>
    options.agreements.createWithNextReference(year, (sequence) => {
      const reference = formatReference(year, sequence);
      const agreement: TAgreement = {
        id,
        reference,
        version: 1,
        attachments: [],
        executedCopy: null,
        supersedes: null,
        ...fields,
        documentSha256: null,
        undelivered: [],
        reviews: [],
        termination: null,
        terminationRound: null,
        withdrawalNotices: [],
        proposalId: options.proposalId ?? null,
        owner: user.email,
        ownerAgencyId,
        status: 'draft',
        revision: 1,
        createdAt: at,
        updatedAt: at,
      };
      const { body, ...snapshot } = fields;
      const { event, head } = appendAuditEvent(EMPTY_AUDIT_HEAD, {
        id: newId(),
        agreementId: id,
        type: 'draft_created',
        at,
        actor: { kind: 'user', email: user.email },
        data: { reference, version: 1, ...snapshot, bodySha256: sha256Hex(body), ...(options.proposalId ? { proposalId: options.proposalId } : {}) },
      });
      return { agreement, auditHead: head, events: [event], ...(idempotency ? { creationKey: idempotency } : {}) };
    });
  try {
    return await create();
  } catch (error) {
    if (!(error instanceof AlreadyCreatedError) || !idempotency) throw error;
    if (error.fingerprint !== idempotency.fingerprint) {
      throw new AppError('unprocessable', 'This Idempotency-Key was already used with a different request.', [{ path: 'Idempotency-Key', message: 'reused with a different body' }]);
    }
    // Returned as any read is: only to someone who may still see it.
    return assertAccess(user, (await options.agreements.get(error.agreementId))?.agreement, 'viewer');
  }
};
