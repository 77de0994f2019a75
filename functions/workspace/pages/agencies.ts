import { createAgency, listAgencies, listAgencyEvents, readAgency, setAuthorisedSignatories, setLegalContacts, setProposalContacts } from '../../../shared/domain/agency/agencies';
import { momentInWords } from '../../../shared/domain/calendar';
import type { TUser } from '../../../shared/domain/user';
import { AppError, type TFieldError } from '../../../shared/errors';
import { AGENCY_TYPES, MAX_AUTHORISED_SIGNATORIES, ZAuthorisedSignatoriesRequest, ZCreateAgencyRequest, ZLegalContactsRequest, type TAgency } from '../../../shared/schemas/agency';
import { ZProposalContactsRequest } from '../../../shared/schemas/proposal';
import { agencies, newId } from '../dependencies';
import { attempt, errorsForForm, lines, type TFormValues } from '../form';
import type { TLayoutBase, TPage, TPageResult } from '../page-route';
import { doneQuery, noticeOf, type TNotice } from '../notices';
import { defineView } from '../view';

export const AGENCY_TYPE_LABELS: Record<(typeof AGENCY_TYPES)[number], string> = {
  police_force: 'Police force',
  policing_body: 'Policing body (PCC, or a mayor with PCC functions)',
  fire_and_rescue_authority: 'Fire and rescue authority',
  ambulance_trust: 'Ambulance trust',
  local_authority: 'Local authority',
  other: 'Another body',
};

/** Who may change an agency's lists: its own editors, or an admin (the domain checks it again). */
const manages = (user: TUser, agencyId: string) => user.role === 'admin' || (user.role === 'editor' && user.agencies.includes(agencyId));

/** The agency, for a form that changes its lists: refused before the form is shown to anyone who may not. */
const agencyToManage = async (agencyId: string, user: TUser) => {
  const agency = await readAgency({ agencyId, user, agencies });
  if (!manages(user, agency.id)) throw new AppError('forbidden', `Only ${agency.name}’s own editors, or an admin, may change its lists.`);
  return agency;
};

const listView = defineView<{ rows: TAgency[]; typeLabels: typeof AGENCY_TYPE_LABELS; canCreate: boolean }>(
  'accord/agencies.njk',
  `{% block page %}
<h1 class="govuk-heading-l">Agencies</h1>
{% if canCreate %}{{ govukButton({ text: "Add an agency", href: base + "/agencies/new" }) }}{% endif %}
<table class="govuk-table">
  <caption class="govuk-table__caption govuk-visually-hidden">Agencies</caption>
  <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Agency</th><th scope="col" class="govuk-table__header">Kind</th><th scope="col" class="govuk-table__header govuk-table__header--numeric">Authorised signatories</th><th scope="col" class="govuk-table__header">Legal contacts</th></tr></thead>
  <tbody class="govuk-table__body">{% for agency in rows %}<tr class="govuk-table__row"><td class="govuk-table__cell"><a class="govuk-link" href="{{ base }}/agencies/{{ agency.id }}">{{ agency.name }}</a></td><td class="govuk-table__cell">{{ typeLabels[agency.type] }}</td><td class="govuk-table__cell govuk-table__cell--numeric">{{ agency.signatories.length }}</td><td class="govuk-table__cell">{{ agency.legalContacts | join(", ") or "None yet" }}</td></tr>{% endfor %}</tbody>
</table>
{% endblock %}`,
);

const agencyView = defineView<{ agency: TAgency; typeLabel: string; canManage: boolean; events: { when: string; type: string; by: string }[]; policingBody: string | null }>(
  'accord/agency.njk',
  `{% block page %}
<span class="govuk-caption-l">{{ typeLabel }}</span>
<h1 class="govuk-heading-l">{{ agency.name }}</h1>
{{ govukSummaryList({ rows: [
  { key: { text: "Id" }, value: { text: agency.id } },
  { key: { text: "Maintained by" }, value: { text: policingBody } } if policingBody else undefined,
  { key: { text: "Signatories’ email domains" }, value: { text: agency.emailDomains | join(", ") or "Any" } },
  { key: { text: "Legal contacts" }, value: { text: agency.legalContacts | join(", ") or "None yet" }, actions: { items: [{ href: base + "/agencies/" + agency.id + "/contacts", text: "Change", visuallyHiddenText: "legal contacts" }] } if canManage else undefined },
  { key: { text: "Proposal contacts" }, value: { text: agency.proposalContacts | join(", ") or "Its legal contacts" }, actions: { items: [{ href: base + "/agencies/" + agency.id + "/proposal-contacts", text: "Change", visuallyHiddenText: "proposal contacts" }] } if canManage else undefined },
  { key: { text: "Publishes its declines of proposals" }, value: { text: "Yes" if agency.publishProposalDeclines else "No" } }
] | select }) }}
<h2 class="govuk-heading-m">Who may sign for it</h2>
<p class="govuk-body">Only someone on this list can be named to sign an agreement for {{ agency.name }}.{% if canManage %} <a class="govuk-link" href="{{ base }}/agencies/{{ agency.id }}/signatories">Change the list</a>{% endif %}</p>
{% if agency.signatories.length %}
<table class="govuk-table">
  <caption class="govuk-table__caption govuk-visually-hidden">Authorised signatories</caption>
  <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Name</th><th scope="col" class="govuk-table__header">Role</th><th scope="col" class="govuk-table__header">Email</th></tr></thead>
  <tbody class="govuk-table__body">{% for person in agency.signatories %}<tr class="govuk-table__row"><td class="govuk-table__cell">{{ person.name }}</td><td class="govuk-table__cell">{{ person.role }}</td><td class="govuk-table__cell">{{ person.email }}</td></tr>{% endfor %}</tbody>
</table>
{% else %}<p class="govuk-body">Nobody yet.</p>{% endif %}
<h2 class="govuk-heading-m">Changes</h2>
<ul class="govuk-list">{% for event in events %}<li>{{ event.when }}: {{ event.type }} by {{ event.by }}</li>{% else %}<li>None since it was added.</li>{% endfor %}</ul>
{% endblock %}`,
);


const newAgencyView = defineView<{ values: TFormValues; errors: Record<string, { text: string }>; types: { value: string; text: string }[]; policingBodies: { value: string; text: string }[] }>(
  'accord/agency-new.njk',
  `{% block page %}
<h1 class="govuk-heading-l">Add an agency</h1>
<form method="post" novalidate>
<input type="hidden" name="csrfToken" value="{{ csrfToken }}">
{{ govukInput({ id: "name", name: "name", label: { text: "Name" }, hint: { text: "As it signs agreements, for example Warwickshire Fire and Rescue Service" }, value: values.name, errorMessage: errors.name }) }}
{{ govukInput({ id: "id", name: "id", label: { text: "Id (optional)" }, hint: { text: "Lower-case letters, digits and hyphens; made from the name if left blank" }, value: values.id, errorMessage: errors.id, spellcheck: false, classes: "govuk-!-width-one-half" }) }}
{{ govukRadios({ name: "type", idPrefix: "type", fieldset: { legend: { text: "What kind of body is it?", classes: "govuk-fieldset__legend--s" } }, items: types, value: values.type, errorMessage: errors.type }) }}
{{ govukSelect({ id: "policingBodyId", name: "policingBodyId", label: { text: "For a police force: the policing body that maintains it" }, items: [{ value: "", text: "Not a police force" }].concat(policingBodies), value: values.policingBodyId, errorMessage: errors.policingBodyId }) }}
{{ govukTextarea({ id: "legalContacts", name: "legalContacts", label: { text: "Legal contacts" }, hint: { text: "Email addresses told when it is named as a party, one on each line" }, value: values.legalContacts, errorMessage: errors.legalContacts, rows: 3 }) }}
{{ govukButton({ text: "Add the agency" }) }}
</form>
{% endblock %}`,
);

const signatoriesView = defineView<{ agency: TAgency; rows: { name: string; role: string; email: string }[]; values: TFormValues; errors: Record<string, { text: string }>; isAdmin: boolean }>(
  'accord/agency-signatories.njk',
  `{% block page %}
<span class="govuk-caption-l">{{ agency.name }}</span>
<h1 class="govuk-heading-l">Who may sign for it</h1>
<p class="govuk-body">Only someone on this list can be named to sign for {{ agency.name }}. Every change is kept in its audit trail.</p>
<form method="post" novalidate>
<input type="hidden" name="csrfToken" value="{{ csrfToken }}">
<button type="submit" name="action" value="save" class="accord-default-button" tabindex="-1" aria-hidden="true">Save the list</button>
<div id="signatories">
{% for person in rows %}{% set i = loop.index0 %}
{% call govukFieldset({ legend: { text: "Person " + loop.index, classes: "govuk-fieldset__legend--s" }, classes: "accord-slot" }) %}
{{ govukInput({ id: "signatories-" + i + "-name", name: "signatories." + i + ".name", label: { text: "Full name" }, value: person.name, errorMessage: errors["signatories." + i + ".name"], autocomplete: "off" }) }}
{{ govukInput({ id: "signatories-" + i + "-role", name: "signatories." + i + ".role", label: { text: "Role" }, value: person.role, errorMessage: errors["signatories." + i + ".role"] }) }}
{{ govukInput({ id: "signatories-" + i + "-email", name: "signatories." + i + ".email", type: "email", label: { text: "Email address" }, value: person.email, errorMessage: errors["signatories." + i + ".email"], spellcheck: false, autocomplete: "off" }) }}
{{ govukButton({ text: "Remove person " + loop.index, name: "action", value: "remove-" + i, classes: "govuk-button--secondary govuk-!-margin-bottom-0" }) }}
{% endcall %}
{% endfor %}
</div>
{{ govukButton({ text: "Add another person", name: "action", value: "add", classes: "govuk-button--secondary" }) }}
{% if isAdmin %}{{ govukTextarea({ id: "emailDomains", name: "emailDomains", label: { text: "Email domains (admin only)" }, hint: { text: "When set, every address must be in one of these domains, for example warwickshire.police.uk; one on each line" }, value: values.emailDomains, errorMessage: errors.emailDomains, rows: 2 }) }}{% endif %}
<div class="govuk-button-group">{{ govukButton({ text: "Save the list", name: "action", value: "save" }) }}<a class="govuk-link" href="{{ base }}/agencies/{{ agency.id }}">Cancel</a></div>
</form>
{% endblock %}`,
);

const contactsView = defineView<{ agency: TAgency; values: TFormValues; errors: Record<string, { text: string }>; proposals: boolean }>(
  'accord/agency-contacts.njk',
  `{% block page %}
<span class="govuk-caption-l">{{ agency.name }}</span>
<h1 class="govuk-heading-l">{{ "Who records its view of proposals" if proposals else "Who is told" }}</h1>
<form method="post" novalidate>
<input type="hidden" name="csrfToken" value="{{ csrfToken }}">
{% if proposals %}
{{ govukTextarea({ id: "proposalContacts", name: "proposalContacts", label: { text: "Proposal contacts", classes: "govuk-label--s" }, hint: { text: "Record the agency’s view of collaboration proposals; leave blank for its legal contacts. One email address on each line" }, value: values.proposalContacts, errorMessage: errors.proposalContacts, rows: 3 }) }}
{{ govukCheckboxes({ name: "publishDeclines", idPrefix: "publishDeclines", items: [{ value: "yes", text: "Publish its declines of proposals, with the reasons", checked: values.publishDeclines == "yes" }] }) }}
{% else %}
{{ govukTextarea({ id: "legalContacts", name: "legalContacts", label: { text: "Legal contacts", classes: "govuk-label--s" }, hint: { text: "Told when the agency is named as a party; one email address on each line, at least one" }, value: values.legalContacts, errorMessage: errors.legalContacts, rows: 3 }) }}
{% endif %}
<div class="govuk-button-group">{{ govukButton({ text: "Save" }) }}<a class="govuk-link" href="{{ base }}/agencies/{{ agency.id }}">Cancel</a></div>
</form>
{% endblock %}`,
);

const LABELS: Record<string, string> = { name: 'Name', id: 'Id', type: 'Kind of body', policingBodyId: 'Policing body', legalContacts: 'Legal contacts', proposalContacts: 'Proposal contacts', emailDomains: 'Email domains' };
const describe = (path: string) => {
  const person = /^signatories\.(\d+)\.(\w+)$/.exec(path);
  if (person) return `Person ${Number(person[1]) + 1}, ${person[2] === 'email' ? 'email' : person[2]}`;
  return LABELS[path.split('.')[0]!] ?? 'The form';
};
const formErrors = (errors: TFieldError[]) => errorsForForm(errors, { describe, fieldOf: (path) => (/^signatories\.\d+\.\w+$/.test(path) ? path : path.split('.')[0]!) });

const readSignatories = (values: TFormValues) => {
  const indexes = [...new Set(Object.keys(values).flatMap((name) => /^signatories\.(\d+)\./.exec(name)?.[1] ?? []))]
    .map(Number)
    .sort((a, b) => a - b)
    .slice(0, MAX_AUTHORISED_SIGNATORIES);
  const removed = /^remove-(\d+)$/.exec(values.action ?? '')?.[1];
  const rows = indexes
    .filter((index) => String(index) !== removed)
    .map((index) => ({ name: values[`signatories.${index}.name`] ?? '', role: values[`signatories.${index}.role`] ?? '', email: (values[`signatories.${index}.email`] ?? '').trim() }))
    .filter((row) => row.name.trim() || row.role.trim() || row.email);
  if (values.action === 'add' && rows.length < MAX_AUTHORISED_SIGNATORIES) rows.push({ name: '', role: '', email: '' });
  return rows;
};

const done = (base: string, id: string, notice: TNotice): TPageResult => ({ redirect: `${base}/agencies/${id}${doneQuery(notice)}` });

const renderNew = async (layout: TLayoutBase, values: TFormValues, errors: TFieldError[] = []) => {
  const { errorList, byField } = formErrors(errors);
  const policingBodies = (await agencies.list()).filter((agency) => agency.type === 'policing_body').map((agency) => ({ value: agency.id, text: agency.name }));
  return newAgencyView({ ...layout, title: 'Add an agency', backLink: { href: `${layout.base}/agencies`, text: 'Agencies' }, errorList, errors: byField, values, types: AGENCY_TYPES.map((type) => ({ value: type, text: AGENCY_TYPE_LABELS[type] })), policingBodies });
};

/** Agencies: the list, one agency with who may sign for it and who is told, and the forms that change them. */
export const agencyPages: TPage[] = [
  {
    method: 'GET',
    path: '/agencies',
    role: 'viewer',
    handle: async ({ user, layout }) => ({
      html: listView({ ...layout, title: 'Agencies', rows: await listAgencies({ user, agencies }), typeLabels: AGENCY_TYPE_LABELS, canCreate: user.role === 'admin' }),
    }),
  },
  { method: 'GET', path: '/agencies/new', role: 'admin', handle: async ({ layout }) => ({ html: await renderNew(layout, {}) }) },
  {
    method: 'POST',
    path: '/agencies/new',
    role: 'admin',
    handle: async ({ layout, user, form: values }) => {
      const input = {
        name: values.name ?? '',
        type: (AGENCY_TYPES as readonly string[]).includes(values.type ?? '') ? values.type : undefined,
        ...(values.id?.trim() ? { id: values.id.trim() } : {}),
        ...(values.policingBodyId ? { policingBodyId: values.policingBodyId } : {}),
        ...(lines(values.legalContacts).length ? { legalContacts: lines(values.legalContacts) } : {}),
      };
      return attempt(async (errors) => ({ status: 400, html: await renderNew(layout, values, errors) }), ZCreateAgencyRequest.safeParse(input), async () => {
        const agency = await createAgency({ input: ZCreateAgencyRequest.parse(input), user, now: new Date(), newId, agencies });
        return done(layout.base, agency.id, 'agency-added');
      });
    },
  },
  {
    method: 'GET',
    path: '/agencies/{id}',
    role: 'viewer',
    handle: async ({ params, user, layout, query }) => {
      const agency = await readAgency({ agencyId: params.id!, user, agencies });
      const events = await listAgencyEvents({ agencyId: agency.id, user, agencies });
      const policingBody = agency.policingBodyId ? ((await agencies.get(agency.policingBodyId))?.name ?? agency.policingBodyId) : null;
      return {
        html: agencyView({
          ...layout,
          ...noticeOf(query),
          title: agency.name,
          backLink: { href: `${layout.base}/agencies`, text: 'Agencies' },
          agency,
          typeLabel: AGENCY_TYPE_LABELS[agency.type],
          canManage: manages(user, agency.id),
          policingBody,
          events: events.map((event) => ({ when: momentInWords(event.at), type: event.type.replace(/_/g, ' '), by: event.actor.email ?? 'Accord' })),
        }),
      };
    },
  },
  {
    method: 'GET',
    path: '/agencies/{id}/signatories',
    role: 'editor',
    handle: async ({ params, user, layout }) => {
      const agency = await agencyToManage(params.id!, user);
      const rows = agency.signatories.length ? agency.signatories : [{ name: '', role: '', email: '' }];
      return { html: signatoriesView({ ...layout, title: `Who may sign for ${agency.name}`, backLink: { href: `${layout.base}/agencies/${agency.id}`, text: agency.name }, agency, rows, values: { emailDomains: agency.emailDomains.join('\n') }, errors: {}, isAdmin: user.role === 'admin' }) };
    },
  },
  {
    method: 'POST',
    path: '/agencies/{id}/signatories',
    role: 'editor',
    handle: async ({ params, user, layout, form: values }) => {
      const agency = await agencyToManage(params.id!, user);
      const rows = readSignatories(values);
      const render = (errors: TFieldError[] = []) => {
        const { errorList, byField } = formErrors(errors);
        return signatoriesView({ ...layout, title: `Who may sign for ${agency.name}`, backLink: { href: `${layout.base}/agencies/${agency.id}`, text: agency.name }, errorList, agency, rows: rows.length ? rows : [{ name: '', role: '', email: '' }], values, errors: byField, isAdmin: user.role === 'admin' });
      };
      if (values.action === 'add' || values.action?.startsWith('remove-')) return { html: render() };
      const input = { signatories: rows, ...(user.role === 'admin' ? { emailDomains: lines(values.emailDomains) } : {}) };
      return attempt((errors) => ({ status: 400, html: render(errors) }), ZAuthorisedSignatoriesRequest.safeParse(input), async () => {
        await setAuthorisedSignatories({ agencyId: agency.id, input: ZAuthorisedSignatoriesRequest.parse(input), user, now: new Date(), newId, agencies });
        return done(layout.base, agency.id, 'signatories-saved');
      });
    },
  },
  ...(['legal', 'proposal'] as const).flatMap((kind): TPage[] => {
    const path = kind === 'legal' ? '/agencies/{id}/contacts' : '/agencies/{id}/proposal-contacts';
    const page = (layout: TLayoutBase, agency: TAgency, values: TFormValues, errors: TFieldError[] = []) => {
      const { errorList, byField } = formErrors(errors);
      return contactsView({ ...layout, title: `${kind === 'legal' ? 'Who is told' : 'Proposal contacts'} for ${agency.name}`, backLink: { href: `${layout.base}/agencies/${agency.id}`, text: agency.name }, errorList, agency, values, errors: byField, proposals: kind === 'proposal' });
    };
    return [
      {
        method: 'GET',
        path,
        role: 'editor',
        handle: async ({ params, user, layout }) => {
          const agency = await agencyToManage(params.id!, user);
          return { html: page(layout, agency, { legalContacts: agency.legalContacts.join('\n'), proposalContacts: agency.proposalContacts.join('\n'), publishDeclines: agency.publishProposalDeclines ? 'yes' : '' }) };
        },
      },
      {
        method: 'POST',
        path,
        role: 'editor',
        handle: async ({ params, user, layout, form: values }) => {
          const agency = await agencyToManage(params.id!, user);
          const render = (errors: TFieldError[]) => ({ status: 400, html: page(layout, agency, values, errors) });
          if (kind === 'legal') {
            const parsed = ZLegalContactsRequest.safeParse({ legalContacts: lines(values.legalContacts) });
            return attempt(render, parsed, async () => {
              await setLegalContacts({ agencyId: agency.id, legalContacts: parsed.data!.legalContacts, user, now: new Date(), newId, agencies });
              return done(layout.base, agency.id, 'contacts-saved');
            });
          }
          const parsed = ZProposalContactsRequest.safeParse({ proposalContacts: lines(values.proposalContacts), publishDeclines: values.publishDeclines === 'yes' });
          return attempt(render, parsed, async () => {
            await setProposalContacts({ agencyId: agency.id, proposalContacts: parsed.data!.proposalContacts, publishDeclines: parsed.data!.publishDeclines, user, now: new Date(), newId, agencies });
            return done(layout.base, agency.id, 'proposal-contacts-saved');
          });
        },
      },
    ];
  }),
];
