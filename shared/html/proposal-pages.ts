import type { TFieldError } from '../errors';
import { PROPOSAL_DECLINE_GROUNDS, type TProposal, type TProposalParty } from '../schemas/proposal';
import { html, layout, type Html } from './page';

const GROUND_LABELS: Record<(typeof PROPOSAL_DECLINE_GROUNDS)[number], string> = {
  public_safety: 'It would have an adverse effect on public safety',
  efficiency_effectiveness: 'It would not serve, or would harm, our efficiency or effectiveness',
  other_functions_or_nhs: 'It would have an adverse effect on our other functions or on the NHS (ambulance trusts)',
};

/** The page a proposed party's contact opens from their email: the proposal, and the form for their agency's view. */
export const renderProposalPage = (options: { proposal: TProposal; party: TProposalParty; errors?: TFieldError[]; values?: Record<string, string> }): string => {
  const { proposal, party } = options;
  const errorFor = (field: string): Html | string => {
    const error = options.errors?.find((e) => e.path === field);
    return error ? html`<span class="error">${error.message}</span>` : '';
  };
  const value = (field: string) => options.values?.[field] ?? '';
  const grounds = PROPOSAL_DECLINE_GROUNDS.filter((ground) => ground !== 'other_functions_or_nhs' || party.agencyType === 'ambulance_trust');
  return layout(
    `Proposal: ${proposal.title}`,
    html`<h1>${proposal.title}</h1>
<p class="muted">A collaboration proposal from <strong>${proposal.parties[0]!.agencyName}</strong>. You are asked to record the view of <strong>${party.agencyName}</strong>.</p>
<div class="text">${proposal.summary}</div>
<h2>Proposed parties</h2>
<ul>${proposal.parties.map((p) => html`<li>${p.agencyName}${p.view ? html` (${p.view.kind === 'benefit' ? 'sees a benefit' : 'declined'})` : ''}</li>`)}</ul>
${options.errors?.length ? html`<p class="error">Please correct the form below.</p>` : ''}
<form method="post">
<fieldset><legend>Your agency's view</legend>
<label><input type="radio" name="view" value="benefit"${value('view') === 'benefit' ? html` checked` : ''}> It would serve our efficiency or effectiveness</label>
<label><input type="radio" name="view" value="decline"${value('view') === 'decline' ? html` checked` : ''}> We decline it</label>
${errorFor('view')}
</fieldset>
<label>If you decline, the statutory ground ${errorFor('ground')}
<select name="ground"><option value="">Choose a ground</option>${grounds.map((ground) => html`<option value="${ground}"${value('ground') === ground ? html` selected` : ''}>${GROUND_LABELS[ground]}</option>`)}</select></label>
<label>Your reasons ${errorFor('reasons')}<textarea name="reasons" rows="5">${value('reasons')}</textarea></label>
<label>Your full name ${errorFor('name')}<input type="text" name="name" autocomplete="name" value="${value('name')}"></label>
<p class="muted">The view is recorded for your agency with your name, your address and the time${party.publishesDeclines ? html`; ${party.agencyName} publishes its declines with their reasons` : ''}.</p>
<button type="submit">Record our view</button>
</form>`,
  );
};

export const renderViewRecorded = (proposal: TProposal, party: TProposalParty): string =>
  layout(
    'View recorded',
    html`<h1>Thank you</h1><p class="notice">The view of <strong>${party.agencyName}</strong> on <strong>${proposal.title}</strong> has been recorded.</p>
${proposal.mustProceed ? html`<p>Two or more parties see a benefit: they are to proceed to an agreement.</p>` : ''}
<p class="muted">You can close this page.</p>`,
  );
