import type { TAgreementStatus, TSignatoryStatus } from '../../../shared/schemas/agreement';

/** How statuses read to a legal officer, and the GOV.UK tag colour each gets. */
export const STATUS_LABELS: Record<TAgreementStatus, { text: string; classes: string }> = {
  draft: { text: 'Draft', classes: 'govuk-tag--grey' },
  awaiting_signatures: { text: 'Awaiting signatures', classes: 'govuk-tag--yellow' },
  in_force: { text: 'In force', classes: 'govuk-tag--green' },
  declined: { text: 'Declined', classes: 'govuk-tag--red' },
  withdrawn: { text: 'Withdrawn', classes: 'govuk-tag--grey' },
  terminated: { text: 'Terminated', classes: 'govuk-tag--grey' },
  expired: { text: 'Expired', classes: 'govuk-tag--grey' },
  superseded: { text: 'Superseded', classes: 'govuk-tag--grey' },
};

export const SIGNATORY_LABELS: Record<TSignatoryStatus, string> = {
  pending: 'Not asked yet',
  requested: 'Asked to sign',
  approved: 'Approved',
  declined: 'Declined',
  expired: 'Link expired',
  bounced: 'Email bounced',
  not_required: 'Not needed',
};

export const LEGAL_BASIS_LABELS = {
  PCA2017_S2: 'Policing and Crime Act 2017, section 2',
  PA1996_S22A: 'Police Act 1996, section 22A',
  OTHER: 'Another power',
} as const;
