import { partiesNow, type TAgreement } from '../../schemas/agreement';
import type { TAuditEvent, TProposalEvent } from '../../schemas/audit-event';
import type { TProposal } from '../../schemas/proposal';
import type { TAgreementSnapshot, TWebhookEvent, TWebhookEventType } from '../../schemas/webhook';
import { agenciesWithAccess } from '../agreement/access';

type TDetails = Pick<TWebhookEvent['data'], 'signatory' | 'date' | 'party'>;

/** The audit events other systems hear about, the webhook event each becomes, and what it adds. */
const FROM_AUDIT_EVENT: Record<string, (event: TAuditEvent, agreement: TAgreement) => { type: TWebhookEventType; details?: TDetails } | null> = {
  submitted: () => ({ type: 'agreement.submitted' }),
  signatory_approved: (event, agreement) => ({ type: 'signatory.decided', details: { signatory: signatoryOf(event, agreement, 'approved') } }),
  signatory_declined: (event, agreement) => ({ type: 'signatory.decided', details: { signatory: signatoryOf(event, agreement, 'declined') } }),
  in_force: () => ({ type: 'agreement.in_force' }),
  // Signed outside Accord and brought in: for other systems, it came into force in Accord now.
  imported: () => ({ type: 'agreement.in_force' }),
  declined: () => ({ type: 'agreement.declined' }),
  withdrawn: () => ({ type: 'agreement.withdrawn' }),
  superseded: () => ({ type: 'agreement.superseded' }),
  review_reminder_sent: (event) => ({
    type: event.data.template === 'review_overdue' ? 'review.overdue' : 'review.due',
    details: { date: String(event.data.nextReviewDate) },
  }),
  termination_requested: (event) => ({ type: 'termination.requested', details: typeof event.data.effectiveDate === 'string' ? { date: event.data.effectiveDate } : {} }),
  withdrawal_notice_given: (event) => ({ type: 'party.withdrawal_notice', details: { party: { agencyId: String(event.data.agencyId) }, date: String(event.data.effectiveDate) } }),
  party_withdrawn: (event) => ({ type: 'party.withdrawn', details: { party: { agencyId: String(event.data.agencyId) }, date: String(event.data.effectiveDate) } }),
  terminated: () => ({ type: 'agreement.terminated' }),
  expired: () => ({ type: 'agreement.expired' }),
};

const signatoryOf = (event: TAuditEvent, agreement: TAgreement, decision: 'approved' | 'declined') => {
  const id = String(event.data.signatoryId);
  const party = agreement.parties.find((candidate) => candidate.signatories.some((signatory) => signatory.id === id));
  const signatory = party?.signatories.find((candidate) => candidate.id === id);
  return { id, name: signatory?.name ?? '', partyAgencyId: party?.agencyId ?? String(event.data.party), decision };
};

export const agreementSnapshot = (agreement: TAgreement): TAgreementSnapshot => ({
  id: agreement.id,
  reference: agreement.reference,
  version: agreement.version,
  title: agreement.title,
  status: agreement.status,
  revision: agreement.revision,
  parties: partiesNow(agreement).map((party) => ({ agencyId: party.agencyId, agencyName: party.agencyName })),
  effectiveDate: agreement.effectiveDate,
  nextReviewDate: agreement.nextReviewDate,
  expiryDate: agreement.expiryDate,
  documentSha256: agreement.documentSha256,
});

/**
 * The webhook events a change's audit events cause, for the outbox, with the agreement as the
 * change left it. Each takes its `webhook-id` from its audit event, so it is written once.
 */
export const webhookEventsOf = (events: TAuditEvent[], agreement: TAgreement): TWebhookEvent[] =>
  events.flatMap((event) => {
    const mapped = FROM_AUDIT_EVENT[event.type]?.(event, agreement);
    if (!mapped) return [];
    const webhookId = `msg_${event.id}`;
    return [
      {
        id: webhookId,
        webhookId,
        agencies: agenciesWithAccess(agreement),
        type: mapped.type,
        timestamp: event.at,
        data: { agreement: agreementSnapshot(agreement), event: { id: event.id, seq: event.seq, type: event.type }, ...mapped.details },
      },
    ];
  });

/** The webhook event of a proposed party's view: every party's agencies may hear it. */
export const proposalViewEvent = (event: TProposalEvent, proposal: TProposal): TWebhookEvent => {
  const webhookId = `msg_${event.id}`;
  return {
    id: webhookId,
    webhookId,
    agencies: proposal.parties.map((party) => party.agencyId),
    type: 'proposal.view_recorded',
    timestamp: event.at,
    data: {
      event: { id: event.id, seq: event.seq, type: event.type },
      party: { agencyId: String(event.data.agencyId) },
      proposal: {
        id: proposal.id,
        title: proposal.title,
        proposerAgencyId: proposal.proposerAgencyId,
        parties: proposal.parties.map((party) => ({ agencyId: party.agencyId, agencyName: party.agencyName, view: party.view?.kind ?? null })),
        mustProceed: proposal.mustProceed,
      },
    },
  };
};
