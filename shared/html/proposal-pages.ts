import type { TFieldError } from '../errors';
import { PROPOSAL_DECLINE_GROUNDS, type TProposal, type TProposalParty } from '../schemas/proposal';
import { formErrors, html, layout, notificationBanner, radios, select, textarea, textInput } from './page';

const GROUND_LABELS: Record<(typeof PROPOSAL_DECLINE_GROUNDS)[number], string> = {
  public_safety: 'It would have an adverse effect on public safety',
  efficiency_effectiveness: 'It would not serve, or would harm, our efficiency or effectiveness',
  other_functions_or_nhs: 'It would have an adverse effect on our other functions or on the NHS (ambulance trusts)',
};

/** The page a proposed party's contact opens from their email: the proposal, and the form for their agency's view. */
export const renderProposalPage = (options: { proposal: TProposal; party: TProposalParty; errors?: TFieldError[]; values?: Record<string, string> }): string => {
  const { proposal, party } = options;
  const { errorList, messageFor } = formErrors(options.errors, [
    { name: 'view', label: "Your agency's view" },
    { name: 'ground', label: 'The statutory ground' },
    { name: 'reasons', label: 'Your reasons' },
    { name: 'name', label: 'Your full name' },
  ]);
  const value = (field: string) => options.values?.[field] ?? '';
  const grounds = PROPOSAL_DECLINE_GROUNDS.filter((ground) => ground !== 'other_functions_or_nhs' || party.agencyType === 'ambulance_trust');
  return layout(
    `Proposal: ${proposal.title}`,
    html`<h1 class="govuk-heading-l">${proposal.title}</h1>
<p class="govuk-body">A collaboration proposal from <strong>${proposal.parties[0]!.agencyName}</strong>. You are asked to record the view of <strong>${party.agencyName}</strong>.</p>
<div class="govuk-inset-text accord-plain-text">${proposal.summary}</div>
<h2 class="govuk-heading-m">Proposed parties</h2>
<ul class="govuk-list govuk-list--bullet">${proposal.parties.map((p) => html`<li>${p.agencyName}${p.view ? html` (${p.view.kind === 'benefit' ? html`sees a benefit` : html`declined`})` : ''}</li>`)}</ul>
<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
<form method="post">
${radios({
  name: 'view',
  legend: html`Your agency's view`,
  error: messageFor('view'),
  items: [
    { value: 'benefit', label: html`It would serve our efficiency or effectiveness`, checked: value('view') === 'benefit' },
    { value: 'decline', label: html`We decline it`, checked: value('view') === 'decline' },
  ],
})}
${select({
  name: 'ground',
  label: html`If you decline, the statutory ground`,
  error: messageFor('ground'),
  options: [{ value: '', text: 'Choose a ground', selected: false }, ...grounds.map((ground) => ({ value: ground, text: GROUND_LABELS[ground], selected: value('ground') === ground }))],
})}
${textarea({ name: 'reasons', label: html`Your reasons`, value: value('reasons'), error: messageFor('reasons'), rows: 5 })}
${textInput({ name: 'name', label: html`Your full name`, value: value('name'), error: messageFor('name'), autocomplete: 'name' })}
<div class="govuk-inset-text">The view is recorded for your agency with your name, your address and the time${party.publishesDeclines ? html`; ${party.agencyName} publishes its declines with their reasons` : ''}.</div>
<button type="submit" class="govuk-button">Record our view</button>
</form>
</div></div>`,
    { errorList },
  );
};

export const renderViewRecorded = (proposal: TProposal, party: TProposalParty): string =>
  layout(
    'View recorded',
    html`${notificationBanner({ success: true, content: html`<p class="govuk-notification-banner__heading">The view of <strong>${party.agencyName}</strong> on <strong>${proposal.title}</strong> has been recorded.</p>` })}
<h1 class="govuk-heading-l">Thank you</h1>
${proposal.mustProceed ? html`<p class="govuk-body">Two or more parties see a benefit: they are to proceed to an agreement.</p>` : ''}
<p class="govuk-body">You can close this page.</p>`,
  );
