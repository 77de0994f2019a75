import { listAgencies } from '../../../shared/domain/agency/agencies';
import { dateInWords } from '../../../shared/domain/calendar';
import { changeUserAccess, inviteUser, listUsers, readUser, setUserEnabled } from '../../../shared/domain/people/manage-users';
import { ROLES, type TUser } from '../../../shared/domain/user';
import type { TFieldError } from '../../../shared/errors';
import { ZUserAccess, ZUserInvitation, type TUserAccount } from '../../../shared/schemas/user-account';
import { agencies, directory, newId } from '../dependencies';
import { attempt, checkedOf, errorsForForm, type TFormValues } from '../form';
import { doneQuery, noticeOf, type TNotice } from '../notices';
import type { TLayoutBase, TPage, TPageResult } from '../page-route';
import { defineView } from '../view';

const ROLE_TEXT = {
  viewer: { text: 'Viewer', hint: 'Reads their agencies’ agreements, reports and audit trails' },
  editor: { text: 'Editor', hint: 'Also drafts, sends for signature, chases, reviews and varies them, and keeps their agencies’ lists' },
  admin: { text: 'Admin', hint: 'Everything, for every agency, and manages agencies and users' },
} as const;

const statusOf = (account: TUserAccount) =>
  !account.enabled ? { text: 'Disabled', classes: 'govuk-tag--grey' } : account.status === 'invited' ? { text: 'Invited', classes: 'govuk-tag--blue' } : { text: 'Active', classes: 'govuk-tag--green' };

const userPath = (base: string, email: string) => `${base}/users/${encodeURIComponent(email)}`;

const listView = defineView<{ rows: (TUserAccount & { href: string; tag: { text: string; classes: string }; roleText: string; agencyNames: string })[] }>(
  'accord/users.njk',
  `{% block page %}
<h1 class="govuk-heading-l">Users</h1>
<p class="govuk-body">Who may sign in to Accord, with what role, for which agencies. A change takes effect at their next sign-in, or within the hour.</p>
{{ govukButton({ text: "Invite a user", href: base + "/users/new" }) }}
<table class="govuk-table">
  <caption class="govuk-table__caption govuk-visually-hidden">Users</caption>
  <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Name</th><th scope="col" class="govuk-table__header">Role</th><th scope="col" class="govuk-table__header">Agencies</th><th scope="col" class="govuk-table__header">Status</th></tr></thead>
  <tbody class="govuk-table__body">{% for row in rows %}<tr class="govuk-table__row"><td class="govuk-table__cell"><a class="govuk-link" href="{{ row.href }}">{{ row.name or row.email }}</a><br><span class="govuk-hint govuk-!-margin-bottom-0">{{ row.email }}</span></td><td class="govuk-table__cell">{{ row.roleText }}</td><td class="govuk-table__cell">{{ row.agencyNames }}</td><td class="govuk-table__cell">{{ govukTag(row.tag) }}</td></tr>{% else %}<tr class="govuk-table__row"><td class="govuk-table__cell" colspan="4">Nobody yet.</td></tr>{% endfor %}</tbody>
</table>
{% endblock %}`,
);

type TAccessFormContext = {
  values: TFormValues;
  errors: Record<string, { text: string }>;
  roles: { value: string; text: string; hint: { text: string } }[];
  /** GOV.UK checkboxes items; the first has the id the error summary links to. */
  agencyItems: { value: string; text: string; name: string; id: string; checked: boolean }[];
};

/** The role and agencies fields, the same on the invitation and on a user's page. */
const ACCESS_FIELDS = `{{ govukRadios({ name: "role", idPrefix: "role", fieldset: { legend: { text: "Role", classes: "govuk-fieldset__legend--s" } }, items: roles, value: values.role, errorMessage: errors.role }) }}
{{ govukCheckboxes({ name: "agencies", fieldset: { legend: { text: "Agencies", classes: "govuk-fieldset__legend--s" } }, hint: { text: "The agencies whose agreements they see and act on. An admin acts for every agency." }, items: agencyItems, errorMessage: errors.agencies, classes: "govuk-checkboxes--small" }) }}`;

const inviteView = defineView<TAccessFormContext>(
  'accord/user-new.njk',
  `{% block page %}
<h1 class="govuk-heading-l">Invite a user</h1>
<p class="govuk-body">They get an email with a temporary password; at first sign-in they choose their own and set up an authenticator app.</p>
<form method="post" novalidate>
<input type="hidden" name="csrfToken" value="{{ csrfToken }}">
{{ govukInput({ id: "name", name: "name", label: { text: "Full name" }, value: values.name, errorMessage: errors.name, autocomplete: "off" }) }}
{{ govukInput({ id: "email", name: "email", type: "email", label: { text: "Email address" }, hint: { text: "Their work address: it is how they sign in" }, value: values.email, errorMessage: errors.email, spellcheck: false, autocomplete: "off" }) }}
${ACCESS_FIELDS}
<div class="govuk-button-group">{{ govukButton({ text: "Send the invitation" }) }}<a class="govuk-link" href="{{ base }}/users">Cancel</a></div>
</form>
{% endblock %}`,
);

const userView = defineView<TAccessFormContext & { account: TUserAccount; tag: { text: string; classes: string }; isSelf: boolean; joined: string }>(
  'accord/user.njk',
  `{% block page %}
<span class="govuk-caption-l">{{ account.email }}</span>
<h1 class="govuk-heading-l">{{ account.name or account.email }}</h1>
{{ govukSummaryList({ rows: [
  { key: { text: "Status" }, value: { html: govukTag(tag) } },
  { key: { text: "Invited or added" }, value: { text: joined } }
] }) }}
{% if isSelf %}
{{ govukInsetText({ text: "This is your own account: another admin must change or disable it, so nobody locks themselves out." }) }}
{% else %}
<h2 class="govuk-heading-m">Role and agencies</h2>
<form method="post" novalidate>
<input type="hidden" name="csrfToken" value="{{ csrfToken }}">
${ACCESS_FIELDS}
{{ govukButton({ text: "Save role and agencies" }) }}
</form>
<h2 class="govuk-heading-m">{{ "Disable the account" if account.enabled else "Enable the account" }}</h2>
<p class="govuk-body">{{ "They can no longer sign in, and any session they have ends within the hour. Their name stays on every record they made." if account.enabled else "They can sign in again with the role and agencies above." }}</p>
<form method="post" action="{{ base }}/users/{{ account.email | urlencode }}/enabled" novalidate>
<input type="hidden" name="csrfToken" value="{{ csrfToken }}">
<input type="hidden" name="enabled" value="{{ 'no' if account.enabled else 'yes' }}">
{{ govukButton({ text: "Disable the account" if account.enabled else "Enable the account", classes: "govuk-button--warning" if account.enabled else "govuk-button--secondary" }) }}
</form>
{% endif %}
{% endblock %}`,
);

const LABELS: Record<string, string> = { name: 'Full name', email: 'Email address', role: 'Role', agencies: 'Agencies' };
const formErrors = (errors: TFieldError[]) =>
  errorsForForm(errors, { describe: (path) => LABELS[path.split('.')[0]!] ?? 'The form', fieldOf: (path) => path.split('.')[0]!, positionOf: (path) => Object.keys(LABELS).indexOf(path.split('.')[0]!) });

const chosenAgenciesOf = (values: TFormValues) => checkedOf(values, 'agency', /[a-z0-9-]+/);

const accessOf = (values: TFormValues) => ({ role: (ROLES as readonly string[]).includes(values.role ?? '') ? values.role : undefined, agencies: chosenAgenciesOf(values) });

const accessContext = async (user: TUser, values: TFormValues, chosenAgencies: string[], errors: TFieldError[]) => {
  const { errorList, byField } = formErrors(errors);
  return {
    errorList,
    errors: byField,
    values,
    roles: ROLES.map((role) => ({ value: role, text: ROLE_TEXT[role].text, hint: { text: ROLE_TEXT[role].hint } })),
    agencyItems: (await listAgencies({ user, agencies })).map((agency, index) => ({
      value: 'yes',
      text: agency.name,
      name: `agency.${agency.id}`,
      id: index === 0 ? 'agencies' : `agencies-${agency.id}`,
      checked: chosenAgencies.includes(agency.id),
    })),
  };
};

const renderInvite = async (layout: TLayoutBase, user: TUser, values: TFormValues, errors: TFieldError[] = []): Promise<TPageResult> => ({
  status: errors.length ? 400 : 200,
  html: inviteView({ ...layout, title: 'Invite a user', backLink: { href: `${layout.base}/users`, text: 'Users' }, ...(await accessContext(user, values, chosenAgenciesOf(values), errors)) }),
});

const renderUser = async (layout: TLayoutBase, user: TUser, account: TUserAccount, query: Record<string, string | undefined>, posted?: { values: TFormValues; errors: TFieldError[] }): Promise<TPageResult> => {
  const values = posted?.values ?? { role: account.role ?? '' };
  const chosen = posted ? chosenAgenciesOf(posted.values) : account.agencies;
  return {
    status: posted?.errors.length ? 400 : 200,
    html: userView({
      ...layout,
      ...noticeOf(query),
      title: account.name || account.email,
      backLink: { href: `${layout.base}/users`, text: 'Users' },
      account,
      tag: statusOf(account),
      isSelf: account.email === user.email,
      joined: dateInWords(account.createdAt.slice(0, 10)),
      ...(await accessContext(user, values, chosen, posted?.errors ?? [])),
    }),
  };
};

/** The address in a user's path, as typed into the directory (`%40` or `@`). */
const emailOf = (params: Record<string, string | undefined>) => {
  try {
    return decodeURIComponent(params.email ?? '').toLowerCase();
  } catch {
    return '';
  }
};

const done = (base: string, email: string, notice: TNotice): TPageResult => ({ redirect: `${userPath(base, email)}${doneQuery(notice)}` });

/** People and access: admins invite legal-team members, set their role and agencies, and disable them. */
export const userPages: TPage[] = [
  {
    method: 'GET',
    path: '/users',
    role: 'admin',
    handle: async ({ user, layout }) => {
      const names = new Map((await listAgencies({ user, agencies })).map((agency) => [agency.id, agency.name]));
      const rows = (await listUsers({ user, directory })).map((account) => ({
        ...account,
        href: userPath(layout.base, account.email),
        tag: statusOf(account),
        roleText: account.role ? ROLE_TEXT[account.role].text : 'No role',
        agencyNames: account.role === 'admin' ? 'Every agency' : account.agencies.map((id) => names.get(id) ?? id).join(', ') || 'None',
      }));
      return { html: listView({ ...layout, title: 'Users', rows }) };
    },
  },
  { method: 'GET', path: '/users/new', role: 'admin', handle: async ({ user, layout }) => renderInvite(layout, user, {}) },
  {
    method: 'POST',
    path: '/users/new',
    role: 'admin',
    handle: async ({ user, layout, form: values }) => {
      const input = { name: values.name ?? '', email: (values.email ?? '').trim(), ...accessOf(values) };
      const parsed = ZUserInvitation.safeParse(input);
      return attempt((errors) => renderInvite(layout, user, values, errors), parsed, async () => {
        await inviteUser({ user, directory, agencies, now: new Date(), newId, invitation: parsed.data! });
        return done(layout.base, parsed.data!.email, 'user-invited');
      });
    },
  },
  {
    method: 'GET',
    path: '/users/{email}',
    role: 'admin',
    handle: async ({ user, layout, params, query }) => renderUser(layout, user, await readUser({ user, directory, email: emailOf(params) }), query),
  },
  {
    method: 'POST',
    path: '/users/{email}',
    role: 'admin',
    handle: async ({ user, layout, params, query, form: values }) => {
      const account = await readUser({ user, directory, email: emailOf(params) });
      const parsed = ZUserAccess.safeParse(accessOf(values));
      return attempt((errors) => renderUser(layout, user, account, query, { values, errors }), parsed, async () => {
        await changeUserAccess({ user, directory, agencies, now: new Date(), newId, email: account.email, access: parsed.data! });
        return done(layout.base, account.email, 'user-access-saved');
      });
    },
  },
  {
    method: 'POST',
    path: '/users/{email}/enabled',
    role: 'admin',
    handle: async ({ user, layout, params, form: values }) => {
      const email = emailOf(params);
      const enabled = values.enabled === 'yes';
      await setUserEnabled({ user, directory, agencies, now: new Date(), newId, email, enabled });
      return done(layout.base, email, enabled ? 'user-enabled' : 'user-disabled');
    },
  },
];
