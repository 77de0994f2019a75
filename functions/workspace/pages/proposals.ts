import { listAgencies } from '../../../shared/domain/agency/agencies';
import { findBrokenLink } from '../../../shared/domain/audit/audit-chain';
import { momentInWords } from '../../../shared/domain/calendar';
import { createProposal, draftFromProposal, listProposalEvents, listProposals, readProposal, resendProposal } from '../../../shared/domain/proposal/proposals';
import { hasRole, type TUser } from '../../../shared/domain/user';
import type { TFieldError } from '../../../shared/errors';
import type { TProposalEvent } from '../../../shared/schemas/audit-event';
import { ZCreateProposalRequest, type PROPOSAL_DECLINE_GROUNDS, type TProposal, type TProposalParty } from '../../../shared/schemas/proposal';
import { agencies, agreements, linkSigner, newId, proposals } from '../dependencies';
import { attempt, checkedOf, errorsForForm, type TFormValues } from '../form';
import { doneQuery, noticeOf } from '../notices';
import type { TLayoutBase, TPage, TPageResult } from '../page-route';
import { defineView, type TTrailRow } from '../view';

type TTag = { text: string; classes: string };

/** The statutory grounds a party declines on, as a legal officer reads them of another agency. */
const GROUND_LABELS: Record<(typeof PROPOSAL_DECLINE_GROUNDS)[number], string> = {
  public_safety: 'It would have an adverse effect on public safety',
  efficiency_effectiveness: 'It would not serve, or would harm, its efficiency or effectiveness',
  other_functions_or_nhs: 'It would have an adverse effect on its other functions or on the NHS',
};

/** Where a proposal stands, as its tag says. */
const statusOf = (proposal: TProposal): TTag => {
  if (proposal.draftAgreementId) return { text: 'Draft opened', classes: 'govuk-tag--blue' };
  if (proposal.mustProceed) return { text: 'To proceed', classes: 'govuk-tag--green' };
  if (proposal.parties.every((party) => party.view)) return { text: 'Not proceeding', classes: 'govuk-tag--grey' };
  return { text: 'Waiting for views', classes: 'govuk-tag--yellow' };
};

const viewTagOf = (party: TProposalParty): TTag =>
  !party.view ? { text: 'Not answered yet', classes: 'govuk-tag--yellow' } : party.view.kind === 'benefit' ? { text: 'Sees a benefit', classes: 'govuk-tag--green' } : { text: 'Declined', classes: 'govuk-tag--red' };

/** Who may send a party fresh links: an editor of the proposing agency, or an admin (the domain checks it again). */
const canResend = (user: TUser, proposal: TProposal) => user.role === 'admin' || (hasRole(user, 'editor') && user.agencies.includes(proposal.proposerAgencyId));

/** Who may open the draft: an editor of a party that sees a benefit, or an admin, once they must proceed and none is open. */
const canDraft = (user: TUser, proposal: TProposal, draftOpen: boolean) =>
  proposal.mustProceed &&
  !draftOpen &&
  (user.role === 'admin' || (hasRole(user, 'editor') && proposal.parties.some((party) => party.view?.kind === 'benefit' && user.agencies.includes(party.agencyId))));

/** When each party's newest link expires, from the trail: the proposal's first links, then any sent again. */
const linkExpiriesOf = (events: TProposalEvent[]) => {
  const expiries = new Map<string, string>();
  for (const event of events) {
    const at = typeof event.data.linkExpiresAt === 'string' ? event.data.linkExpiresAt : null;
    if (!at) continue;
    if (event.type === 'proposal_created' && Array.isArray(event.data.agencyIds)) for (const agencyId of event.data.agencyIds) expiries.set(String(agencyId), at);
    if (event.type === 'proposal_resent') expiries.set(String(event.data.agencyId), at);
  }
  return expiries;
};

const proposalPath = (base: string, id: string) => `${base}/proposals/${id}`;

const listView = defineView<{ rows: { href: string; title: string; proposer: string; created: string; answered: string; tag: TTag }[]; canPropose: boolean }>(
  'accord/proposals.njk',
  `{% block page %}
<h1 class="govuk-heading-l">Collaboration proposals</h1>
<p class="govuk-body">Proposals your agencies made or were sent. Each proposed party records whether the collaboration would serve its efficiency or effectiveness, or why it declines. When two or more parties see a benefit, they must proceed to an agreement.</p>
{% if canPropose %}{{ govukButton({ text: "Propose a collaboration", href: base + "/proposals/new" }) }}{% endif %}
<table class="govuk-table">
  <caption class="govuk-table__caption govuk-visually-hidden">Collaboration proposals, newest first</caption>
  <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Proposal</th><th scope="col" class="govuk-table__header">Proposed by</th><th scope="col" class="govuk-table__header">Views recorded</th><th scope="col" class="govuk-table__header">Status</th></tr></thead>
  <tbody class="govuk-table__body">{% for row in rows %}<tr class="govuk-table__row"><td class="govuk-table__cell"><a class="govuk-link" href="{{ row.href }}">{{ row.title }}</a><br><span class="govuk-hint govuk-!-margin-bottom-0">{{ row.created }}</span></td><td class="govuk-table__cell">{{ row.proposer }}</td><td class="govuk-table__cell">{{ row.answered }}</td><td class="govuk-table__cell">{{ govukTag(row.tag) }}</td></tr>{% else %}<tr class="govuk-table__row"><td class="govuk-table__cell" colspan="4">No proposals yet.</td></tr>{% endfor %}</tbody>
</table>
{% endblock %}`,
);

type TPartyRow = { agencyId: string; agencyName: string; isProposer: boolean; tag: TTag; ground: string | null; reasons: string | null; recorded: string | null; link: string | null; resendable: boolean };

const proposalView = defineView<{ proposal: TProposal; tag: TTag; proposer: string; proposedTo: string; created: string; parties: TPartyRow[]; canDraft: boolean; mayDraftLater: boolean; draftOpen: boolean }>(
  'accord/proposal.njk',
  `{% block page %}
<span class="govuk-caption-l">Collaboration proposal</span>
<h1 class="govuk-heading-l">{{ proposal.title }}</h1>
<p class="govuk-body">{{ govukTag(tag) }}</p>
{% set draftHtml %}{% if draftOpen %}<a class="govuk-link" href="{{ base }}/agreements/{{ proposal.draftAgreementId }}">Open the draft agreement</a>{% else %}Not opened yet{% endif %}{% endset %}
{{ govukSummaryList({ rows: [
  { key: { text: "What is proposed" }, value: { html: '<div class="accord-plain-text">' + (proposal.summary | escape) + '</div>' } },
  { key: { text: "Proposed by" }, value: { text: proposer } },
  { key: { text: "Proposed to" }, value: { text: proposedTo } },
  { key: { text: "Recorded" }, value: { text: created } },
  { key: { text: "Draft agreement" }, value: { html: draftHtml } }
] }) }}
{% if canDraft %}
<h2 class="govuk-heading-m">Start the agreement</h2>
<p class="govuk-body">Two or more parties see a benefit, so they must proceed to a collaboration agreement. Starting it opens a draft among the parties that see a benefit, with this proposal’s title and summary.</p>
<form method="post" action="{{ base }}/proposals/{{ proposal.id }}/draft" novalidate>
<input type="hidden" name="csrfToken" value="{{ csrfToken }}">
{{ govukButton({ text: "Start a draft agreement", preventDoubleClick: true }) }}
</form>
{% elif mayDraftLater %}
{{ govukInsetText({ text: "Two or more parties see a benefit, so they must proceed to an agreement. An editor of one of those parties starts the draft." }) }}
{% elif not draftOpen %}
{{ govukInsetText({ text: "Each proposed party records its view from the link in its email. When two or more parties see a benefit, a draft agreement can be started here." }) }}
{% endif %}
<h2 class="govuk-heading-m">Each party’s view</h2>
{% for party in parties %}
{{ govukSummaryList({ card: { title: { text: party.agencyName + (" (proposer)" if party.isProposer else "") } }, rows: [
  { key: { text: "View" }, value: { html: govukTag(party.tag) } },
  { key: { text: "Ground for declining" }, value: { text: party.ground } } if party.ground else undefined,
  { key: { text: "Reasons" }, value: { html: '<div class="accord-plain-text">' + (party.reasons | escape) + '</div>' } } if party.reasons else undefined,
  { key: { text: "Recorded" }, value: { text: party.recorded } } if party.recorded else undefined,
  { key: { text: "Link to record its view" }, value: { text: party.link } } if party.link else undefined
] | select }) }}
{% if party.resendable %}
<form method="post" action="{{ base }}/proposals/{{ proposal.id }}/resend" novalidate>
<input type="hidden" name="csrfToken" value="{{ csrfToken }}"><input type="hidden" name="agencyId" value="{{ party.agencyId }}">
{{ govukButton({ text: "Send a new link to " + party.agencyName, classes: "govuk-button--secondary", preventDoubleClick: true }) }}
</form>
{% endif %}
{% endfor %}
<h2 class="govuk-heading-m">Records</h2>
<ul class="govuk-list"><li><a class="govuk-link" href="{{ base }}/proposals/{{ proposal.id }}/events">Audit trail</a></li></ul>
{% endblock %}`,
);

const trailView = defineView<{ proposal: TProposal; events: TTrailRow[]; brokenAt: number | null }>(
  'accord/proposal-trail.njk',
  `{% block page %}
<span class="govuk-caption-l">{{ proposal.title }}</span>
<h1 class="govuk-heading-l">Audit trail</h1>
{{ auditTrail(events, brokenAt) }}
{% endblock %}`,
);

const newView = defineView<{
  values: TFormValues;
  errors: Record<string, { text: string }>;
  proposers: { value: string; text: string }[];
  /** GOV.UK checkboxes items; the first has the id the error summary links to. */
  agencyItems: { value: string; text: string; name: string; id: string; checked: boolean }[];
  partiesError?: { text: string };
}>(
  'accord/proposal-new.njk',
  `{% block page %}
<h1 class="govuk-heading-l">Propose a collaboration</h1>
<p class="govuk-body">Accord emails each agency you propose it to a link, sent to its proposal contacts (or, if it has none, its legal contacts). They use it to record whether the collaboration would serve their efficiency or effectiveness, or why they decline.</p>
<form method="post" novalidate>
<input type="hidden" name="csrfToken" value="{{ csrfToken }}">
{{ govukInput({ id: "title", name: "title", label: { text: "Title" }, hint: { text: "For example Shared fleet workshop" }, value: values.title, errorMessage: errors.title }) }}
{{ govukTextarea({ id: "summary", name: "summary", label: { text: "What is proposed" }, hint: { text: "What the collaboration would do, and why. The agencies read this in their email." }, value: values.summary, errorMessage: errors.summary, rows: 6 }) }}
{{ govukSelect({ id: "proposerAgencyId", name: "proposerAgencyId", label: { text: "Proposed by" }, hint: { text: "The agency making the proposal. It is recorded as seeing a benefit." }, items: proposers, value: values.proposerAgencyId, errorMessage: errors.proposerAgencyId }) }}
{{ govukCheckboxes({ name: "agencyIds", fieldset: { legend: { text: "Proposed to", classes: "govuk-fieldset__legend--s" } }, hint: { text: "The other agencies it would involve, up to 11." }, items: agencyItems, errorMessage: partiesError, classes: "govuk-checkboxes--small" }) }}
<div class="govuk-button-group">{{ govukButton({ text: "Send the proposal", preventDoubleClick: true }) }}<a class="govuk-link" href="{{ base }}/proposals">Cancel</a></div>
</form>
{% endblock %}`,
);

const LABELS: Record<string, string> = { title: 'Title', summary: 'What is proposed', proposerAgencyId: 'Proposed by', agencyIds: 'Proposed to' };

const chosenAgenciesOf = (values: TFormValues) => checkedOf(values, 'agency', /[a-z0-9-]+/);

/** The schema's wording where a person would put it otherwise; the domain's own refusals read as they are. */
const reworded = (errors: TFieldError[]): TFieldError[] =>
  errors.map((error) => {
    if (error.path === 'proposerAgencyId') return { ...error, message: 'choose the agency that proposes it' };
    if (error.path === 'agencyIds' && /^Too small/.test(error.message)) return { ...error, message: 'choose at least one agency to propose it to' };
    if (error.path === 'agencyIds' && /^Too big/.test(error.message)) return { ...error, message: 'choose at most 11 agencies' };
    return error;
  });

const renderNew = async (layout: TLayoutBase, user: TUser, values: TFormValues, errors: TFieldError[] = []): Promise<TPageResult> => {
  const all = await listAgencies({ user, agencies });
  const chosen = chosenAgenciesOf(values);
  // An error on `agencyIds.<n>` names the n-th agency chosen: it belongs to that agency's checkbox.
  const checkboxOf = (agencyId: string | undefined) => (!agencyId || agencyId === all[0]?.id ? 'agencyIds' : `agencyIds.${agencyId}`);
  const fieldOf = (path: string) => {
    const index = /^agencyIds\.(\d+)$/.exec(path)?.[1];
    return index !== undefined ? checkboxOf(chosen[Number(index)]) : path.split('.')[0]!;
  };
  const { errorList, byField } = errorsForForm(reworded(errors), {
    describe: (path) => LABELS[path.split('.')[0]!] ?? 'The form',
    fieldOf,
    positionOf: (path) => Object.keys(LABELS).indexOf(path.split('.')[0]!),
  });
  const own = user.role === 'admin' ? all : all.filter((agency) => user.agencies.includes(agency.id));
  const proposers = [...(own.length === 1 ? [] : [{ value: '', text: 'Choose the proposing agency' }]), ...own.map((agency) => ({ value: agency.id, text: agency.name }))];
  const partiesError = Object.entries(byField).find(([field]) => field === 'agencyIds' || field.startsWith('agencyIds.'))?.[1];
  return {
    status: errors.length ? 400 : 200,
    html: newView({
      ...layout,
      title: 'Propose a collaboration',
      backLink: { href: `${layout.base}/proposals`, text: 'Proposals' },
      errorList,
      errors: byField,
      values,
      proposers,
      agencyItems: all.map((agency, index) => ({ value: 'yes', text: agency.name, name: `agency.${agency.id}`, id: index === 0 ? 'agencyIds' : `agencyIds-${agency.id}`, checked: chosen.includes(agency.id) })),
      ...(partiesError ? { partiesError } : {}),
    }),
  };
};

const renderProposal = async (layout: TLayoutBase, user: TUser, id: string, query: Record<string, string | undefined>): Promise<TPageResult> => {
  const { proposal } = await readProposal({ id, user, proposals });
  const expiries = linkExpiriesOf(await listProposalEvents({ id, user, proposals }));
  const resendable = canResend(user, proposal);
  // The proposal names its draft before the draft is written: one named but missing may be opened again.
  const draftOpen = !!proposal.draftAgreementId && !!(await agreements.get(proposal.draftAgreementId));
  const now = new Date().toISOString();
  const parties: TPartyRow[] = proposal.parties.map((party) => {
    const isProposer = party.agencyId === proposal.proposerAgencyId;
    const expires = expiries.get(party.agencyId);
    const link = party.view || isProposer || !expires ? null : expires > now ? `Sent; it works until ${momentInWords(expires)}` : `Expired on ${momentInWords(expires)}: send a new one`;
    return {
      agencyId: party.agencyId,
      agencyName: party.agencyName,
      isProposer,
      tag: viewTagOf(party),
      ground: party.view?.ground ? GROUND_LABELS[party.view.ground] : null,
      reasons: party.view && !isProposer ? party.view.reasons : null,
      recorded: party.view && !isProposer ? `${momentInWords(party.view.recordedAt)} by ${party.view.recordedBy.name} (${party.view.recordedBy.email})` : null,
      link,
      resendable: resendable && !isProposer && !party.view,
    };
  });
  return {
    html: proposalView({
      ...layout,
      ...noticeOf(query),
      title: `Proposal: ${proposal.title}`,
      backLink: { href: `${layout.base}/proposals`, text: 'Proposals' },
      proposal,
      tag: statusOf(proposal),
      proposer: proposal.parties.find((party) => party.agencyId === proposal.proposerAgencyId)?.agencyName ?? proposal.proposerAgencyId,
      proposedTo: proposal.parties.filter((party) => party.agencyId !== proposal.proposerAgencyId).map((party) => party.agencyName).join(', '),
      created: `${momentInWords(proposal.createdAt)} by ${proposal.createdBy}`,
      parties,
      canDraft: canDraft(user, proposal, draftOpen),
      mayDraftLater: proposal.mustProceed && !draftOpen,
      draftOpen,
    }),
  };
};

/** What an event of the trail was about, in words: the agency, its view, the draft. */
const detailOf = (event: TProposalEvent, proposal: TProposal) => {
  const agency = proposal.parties.find((party) => party.agencyId === event.data.agencyId)?.agencyName;
  if (event.type === 'proposal_view_recorded') return `${agency ?? String(event.data.agencyId)}: ${event.data.view === 'benefit' ? 'sees a benefit' : 'declined'}`;
  if (event.type === 'proposal_resent') return `To ${agency ?? String(event.data.agencyId)}`;
  if (event.type === 'draft_opened') return `Draft agreement ${String(event.data.agreementId)}`;
  return '';
};

/** Collaboration proposals (PCA 2017 s.2–3; Police Act 1996 s.22B–22C): the list, a new one, one with each party's view, and its trail. */
export const proposalPages: TPage[] = [
  {
    method: 'GET',
    path: '/proposals',
    role: 'viewer',
    handle: async ({ user, layout }) => {
      const rows = (await listProposals({ user, proposals })).map((proposal) => {
        const asked = proposal.parties.filter((party) => party.agencyId !== proposal.proposerAgencyId);
        return {
          href: proposalPath(layout.base, proposal.id),
          title: proposal.title,
          proposer: proposal.parties.find((party) => party.agencyId === proposal.proposerAgencyId)?.agencyName ?? proposal.proposerAgencyId,
          created: momentInWords(proposal.createdAt),
          answered: `${asked.filter((party) => party.view).length} of ${asked.length}`,
          tag: statusOf(proposal),
        };
      });
      return { html: listView({ ...layout, title: 'Collaboration proposals', rows, canPropose: hasRole(user, 'editor') }) };
    },
  },
  { method: 'GET', path: '/proposals/new', role: 'editor', handle: async ({ user, layout }) => renderNew(layout, user, {}) },
  {
    method: 'POST',
    path: '/proposals/new',
    role: 'editor',
    handle: async ({ user, layout, form: values }) => {
      const input = { title: values.title ?? '', summary: values.summary ?? '', proposerAgencyId: values.proposerAgencyId ?? '', agencyIds: chosenAgenciesOf(values) };
      const parsed = ZCreateProposalRequest.safeParse(input);
      return attempt<TPageResult>((errors) => renderNew(layout, user, values, errors), parsed, async () => {
        const proposal = await createProposal({ input: parsed.data!, user, now: new Date(), newId, agencies, proposals, linkSigner: await linkSigner() });
        return { redirect: `${proposalPath(layout.base, proposal.id)}${doneQuery('proposal-sent')}` };
      });
    },
  },
  { method: 'GET', path: '/proposals/{id}', role: 'viewer', handle: async ({ user, layout, params, query }) => renderProposal(layout, user, params.id!, query) },
  {
    method: 'GET',
    path: '/proposals/{id}/events',
    role: 'viewer',
    handle: async ({ user, layout, params }) => {
      const { proposal } = await readProposal({ id: params.id!, user, proposals });
      const events = await listProposalEvents({ id: proposal.id, user, proposals });
      return {
        html: trailView({
          ...layout,
          title: `Audit trail of the proposal ${proposal.title}`,
          backLink: { href: proposalPath(layout.base, proposal.id), text: proposal.title },
          proposal,
          events: events.map((event) => ({
            seq: event.seq,
            when: momentInWords(event.at),
            what: event.type.replace(/_/g, ' '),
            detail: detailOf(event, proposal),
            who: event.actor.name ?? event.actor.email ?? 'Accord',
          })),
          brokenAt: findBrokenLink(events),
        }),
      };
    },
  },
  {
    method: 'POST',
    path: '/proposals/{id}/resend',
    role: 'editor',
    handle: async ({ user, layout, params, form: values }) => {
      const proposal = await resendProposal({ id: params.id!, agencyId: values.agencyId ?? '', user, now: new Date(), newId, agencies, proposals, linkSigner: await linkSigner() });
      return { redirect: `${proposalPath(layout.base, proposal.id)}${doneQuery('proposal-resent')}` };
    },
  },
  {
    method: 'POST',
    path: '/proposals/{id}/draft',
    role: 'editor',
    handle: async ({ user, layout, params }) => {
      const draft = await draftFromProposal({ id: params.id!, user, now: new Date(), newId, agencies, agreements, proposals });
      return { redirect: `${layout.base}/agreements/${draft.id}${doneQuery('proposal-drafted')}` };
    },
  },
];
