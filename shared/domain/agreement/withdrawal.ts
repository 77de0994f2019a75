import { AppError } from '../../errors';
import { MAX_TERMINATION_REASON, partiesNow, type TAgreement, type TWithdrawalNotice, type TWithdrawalNoticeRequest } from '../../schemas/agreement';
import type { TActor } from '../../schemas/audit-event';
import { appendAuditEvent, EMPTY_AUDIT_HEAD } from '../audit/audit-chain';
import { londonDate } from '../calendar';
import { toEveryone } from '../notifications';
import type { TAgreementStore, TStoredAgreement } from '../ports';
import { revokeAllLinks } from '../signing/links';
import type { TUser } from '../user';
import { asUser, changeAgreement, userActor, type TChange } from './change-agreement';
import { partyCompositionErrors } from './submission-rules';

/**
 * A party gives notice that it leaves an agreement in force under its withdrawal terms (PCA 2017
 * s.4(7)); every party is told. Its own editors (or an admin) speak for it. The daily job takes it
 * out on the day (see `withdrawalChange`).
 */
export const giveWithdrawalNotice = async (
  options: TWithdrawalNoticeRequest & { id: string; user: TUser; ifMatch?: string | undefined; now: Date; newId: () => string; agreements: TAgreementStore },
): Promise<TAgreement> => {
  const { user, agencyId } = options;
  let liveSuccessor: TAgreement | undefined;
  const result = await changeAgreement({
    ...asUser(options),
    change: async ({ stored }): Promise<TChange> => {
      liveSuccessor = (await laterVersions(options.agreements, stored)).find((version) => version.status === 'draft' || version.status === 'awaiting_signatures');
      const agreement = stored.agreement;
      const party = partiesNow(agreement).find((candidate) => candidate.agencyId === agencyId);
      if (!party) throw new AppError('unprocessable', 'That agency is not a party to this agreement.', [{ path: 'agencyId', message: `${agencyId} is not a party` }]);
      if (user.role !== 'admin' && !user.agencies.includes(agencyId)) {
        throw new AppError('forbidden', `Only ${party.agencyName}'s own editors, or an admin, give its notice.`);
      }
      if (agreement.status !== 'in_force') throw new AppError('illegal_transition', `A party withdraws from an agreement in force; this one is ${agreement.status.replace('_', ' ')}.`);
      if (agreement.withdrawalNotices.some((notice) => notice.agencyId === agencyId)) {
        throw new AppError('conflict', `${party.agencyName} has already given notice.`);
      }
      if (liveSuccessor) {
        throw new AppError('illegal_transition', `Version ${liveSuccessor.version} of this agreement is being drafted or signed: a party leaving signs it marked as leaving, or it is withdrawn first.`);
      }
      if (agreement.terminationRound) {
        throw new AppError('illegal_transition', 'Every party is being asked, or has agreed, to end this agreement: that comes first.');
      }
      const today = londonDate(options.now);
      const dateError = (message: string) => new AppError('validation_failed', 'The withdrawal date is not possible.', [{ path: 'effectiveDate', message }]);
      if (options.effectiveDate < today) throw dateError(`must be today (${today}) or later`);
      if (agreement.expiryDate && options.effectiveDate > agreement.expiryDate) throw dateError(`the agreement expires first, on ${agreement.expiryDate}`);
      const notice: TWithdrawalNotice = {
        agencyId,
        agencyName: party.agencyName,
        effectiveDate: options.effectiveDate,
        reason: options.reason,
        givenAt: options.now.toISOString(),
        givenBy: user.email,
      };
      const next = { ...agreement, withdrawalNotices: [...agreement.withdrawalNotices, notice] };
      return {
        agreement: next,
        actor: userActor(user),
        events: [
          {
            type: 'withdrawal_notice_given',
            data: { agencyId, effectiveDate: notice.effectiveDate, reason: notice.reason },
            emails: [toEveryone(next, 'withdrawal_notice', { partyName: party.agencyName, withdrawalDate: notice.effectiveDate, reason: notice.reason })],
          },
        ],
      };
    },
  });
  return result!.agreement;
};

/** The versions made after this one (revisions of a declined variation included), oldest first. */
export const laterVersions = async (agreements: TAgreementStore, stored: TStoredAgreement): Promise<TAgreement[]> => {
  const versions: TAgreement[] = [];
  for (let id = stored.successorId; id; ) {
    const next = await agreements.get(id);
    if (!next) break;
    versions.push(next.agreement);
    id = next.successorId;
  }
  return versions;
};

/**
 * The daily job's change when a party's notice falls due: it leaves, and the agreement continues
 * among the rest as a new version in force (this one superseded), or, when the rest no longer
 * meet the statute's party rules, it ends. Null when no notice is due today.
 */
export const withdrawalChange = (
  stored: TStoredAgreement,
  options: { today: string; at: string; newId: () => string; actor: TActor; lastVersion: number },
): TChange<'partiesWithdrawn' | 'agreementsTerminated'> | null => {
  const current = stored.agreement;
  const notice = current.withdrawalNotices.filter((candidate) => candidate.effectiveDate <= options.today).sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate))[0];
  if (!notice) return null;
  const remaining = partiesNow(current).filter((party) => party.agencyId !== notice.agencyId);
  const ruleErrors = partyCompositionErrors({ legalBasis: current.legalBasis, parties: remaining });
  const vars = { partyName: notice.agencyName, withdrawalDate: notice.effectiveDate, reason: notice.reason };
  if (ruleErrors.length > 0) {
    const reason = `${notice.agencyName} withdrew (${notice.reason}); the parties left do not meet the statute: ${ruleErrors.map((error) => error.message).join('; ')}`.slice(0, MAX_TERMINATION_REASON);
    const ended: TAgreement = {
      ...current,
      status: 'terminated',
      termination: { reason, effectiveDate: notice.effectiveDate, at: options.at, by: 'system' },
      terminationRound: null,
      withdrawalNotices: [],
    };
    return {
      agreement: ended,
      actor: options.actor,
      events: [
        { type: 'party_withdrawn', data: { agencyId: notice.agencyId, effectiveDate: notice.effectiveDate, continues: false } },
        { type: 'terminated', data: { reason, effectiveDate: notice.effectiveDate }, emails: [toEveryone(ended, 'agreement_terminated', { reason, terminationDate: notice.effectiveDate })] },
      ],
      ...revokeAllLinks(stored.openRequests),
      outcome: 'agreementsTerminated',
    };
  }
  const id = options.newId();
  // The drafting agency leaving hands the record to the first party that stays.
  const ownerLeaves = current.ownerAgencyId === notice.agencyId;
  // The rest are bound by what they signed, less the party that left: the same document, a new version.
  const continuing: TAgreement = {
    ...current,
    id,
    // After any later version already numbered (a declined variation, say).
    version: options.lastVersion + 1,
    supersedes: current.id,
    // Its own executed copy is sealed once it is in force.
    executedCopy: null,
    ...(ownerLeaves ? { ownerAgencyId: remaining[0]!.agencyId, owner: current.legalContacts[0] ?? current.owner } : {}),
    parties: remaining.map((party) => ({
      ...party,
      publication: null,
      // Who signed, and when, carry over; their IP address and browser stay with the version they signed, to be removed in time.
      signatories: party.signatories.map((signatory) => ({ ...signatory, evidence: signatory.evidence && { ...signatory.evidence, ip: null, userAgent: null } })),
    })),
    effectiveDate: notice.effectiveDate,
    undelivered: [],
    reviews: [],
    terminationRound: null,
    withdrawalNotices: current.withdrawalNotices.filter((other) => other !== notice),
    revision: 1,
    createdAt: options.at,
    updatedAt: options.at,
  };
  const created = appendAuditEvent(EMPTY_AUDIT_HEAD, {
    id: options.newId(),
    agreementId: id,
    type: 'continued_after_withdrawal',
    at: options.at,
    actor: options.actor,
    data: { from: current.id, version: continuing.version, withdrawn: notice.agencyId, effectiveDate: notice.effectiveDate, documentSha256: current.documentSha256 },
  });
  const superseded: TAgreement = { ...current, status: 'superseded' };
  return {
    agreement: superseded,
    actor: options.actor,
    events: [
      {
        type: 'party_withdrawn',
        data: { agencyId: notice.agencyId, effectiveDate: notice.effectiveDate, continues: true, by: id, version: continuing.version },
        emails: [toEveryone(current, 'party_withdrawn', { ...vars, newVersion: String(continuing.version) })],
      },
      { type: 'superseded', data: { by: id, version: continuing.version } },
    ],
    ...revokeAllLinks(stored.openRequests),
    successorId: id,
    creates: [
      {
        agreement: continuing,
        auditHead: created.head,
        events: [created.event],
        // Reminders already sent for these dates are not sent again; the same document is found by its hash.
        reviewReminder: stored.reviewReminder,
        expiryWarning: stored.expiryWarning,
        indexDocument: true,
      },
    ],
    outcome: 'partiesWithdrawn',
  };
};
