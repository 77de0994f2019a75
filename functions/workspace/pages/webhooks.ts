import { listAgencies } from '../../../shared/domain/agency/agencies';
import { momentInWords } from '../../../shared/domain/calendar';
import { changeEndpoint, listAttempts, listEndpoints, readEndpoint, registerEndpoint, removeEndpoint, replayAttempt, rotateSecret } from '../../../shared/domain/webhooks/endpoints';
import type { TUser } from '../../../shared/domain/user';
import { AppError, type TFieldError } from '../../../shared/errors';
import { WEBHOOK_EVENT_TYPES, WEBHOOK_EVENTS, ZWebhookChange, ZWebhookRegistration, type TWebhookAttempt, type TWebhookEndpoint, type TWebhookEventType } from '../../../shared/schemas/webhook';
import { agencies, checkDestination, linkSigner, newId, webhooks } from '../dependencies';
import { attempt, checkedOf, errorsForForm, type TFormValues } from '../form';
import { doneQuery, noticeOf, type TNotice } from '../notices';
import type { TLayoutBase, TPage, TPageResult } from '../page-route';
import { defineView } from '../view';

type TTag = { text: string; classes: string };

/** Deliveries an endpoint's page shows at once; older ones are a link away. */
const DELIVERIES_A_PAGE = 20;

const EVERY_AGENCY = 'Every agency’s agreements and proposals';
const agencyScope = (name: string) => `${name}’s agreements and proposals`;

const statusOf = (endpoint: TWebhookEndpoint): { tag: TTag; detail: string } => {
  if (endpoint.state === 'disabled') return { tag: { text: 'Disabled', classes: 'govuk-tag--grey' }, detail: `${endpoint.disabledReason ?? 'Disabled'}. Accord sends it nothing until it is enabled again.` };
  if (endpoint.failingSince) return { tag: { text: 'Failing', classes: 'govuk-tag--red' }, detail: `Every delivery has failed since ${momentInWords(endpoint.failingSince)}. After 24 hours of failures Accord disables it and emails ${endpoint.createdBy}.` };
  return { tag: { text: 'Active', classes: 'govuk-tag--green' }, detail: '' };
};

const OUTCOME_TAGS: Record<TWebhookAttempt['outcome'], TTag> = {
  delivered: { text: 'Delivered', classes: 'govuk-tag--green' },
  retrying: { text: 'Failed, trying again', classes: 'govuk-tag--yellow' },
  failed: { text: 'Failed', classes: 'govuk-tag--red' },
};

/** An event's description as an admin reads it: the catalogue's, without its code marks. */
const describeEvent = (type: TWebhookEventType) => WEBHOOK_EVENTS[type].replace(/`/g, '');

const endpointPath = (base: string, id: string) => `${base}/webhooks/${id}`;

const listView = defineView<{ rows: { href: string; url: string; scope: string; events: number; tag: TTag }[] }>(
  'accord/webhooks.njk',
  `{% block page %}
<h1 class="govuk-heading-l">Webhooks</h1>
<p class="govuk-body">Other systems, such as a force’s records system, that Accord tells when something happens to an agreement or a proposal. Each delivery is signed, so the receiving system can check it came from Accord.</p>
{{ govukButton({ text: "Add an endpoint", href: base + "/webhooks/new" }) }}
<table class="govuk-table">
  <caption class="govuk-table__caption govuk-visually-hidden">Webhook endpoints, oldest first</caption>
  <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Endpoint</th><th scope="col" class="govuk-table__header">Hears about</th><th scope="col" class="govuk-table__header govuk-table__header--numeric">Events</th><th scope="col" class="govuk-table__header">Status</th></tr></thead>
  <tbody class="govuk-table__body">{% for row in rows %}<tr class="govuk-table__row"><td class="govuk-table__cell govuk-!-text-break-word"><a class="govuk-link" href="{{ row.href }}">{{ row.url }}</a></td><td class="govuk-table__cell">{{ row.scope }}</td><td class="govuk-table__cell govuk-table__cell--numeric">{{ row.events }}</td><td class="govuk-table__cell">{{ govukTag(row.tag) }}</td></tr>{% else %}<tr class="govuk-table__row"><td class="govuk-table__cell" colspan="4">No endpoints yet.</td></tr>{% endfor %}</tbody>
</table>
{% endblock %}`,
);

type TFormContext = {
  values: TFormValues;
  errors: Record<string, { text: string }>;
  /** GOV.UK checkboxes items, each named `event.<type>`; the first has the id the error summary links to. */
  eventItems: { value: string; text: string; name: string; id: string; hint: { text: string }; checked: boolean }[];
};

/** The URL and events fields, the same when adding an endpoint and changing one. */
const ENDPOINT_FIELDS = `{{ govukInput({ id: "url", name: "url", type: "url", label: { text: "URL" }, hint: { text: "The full address of the receiving system, for example https://records.warwickshire.police.uk/accord" }, value: values.url, errorMessage: errors.url, spellcheck: false, autocomplete: "off" }) }}
{{ govukCheckboxes({ name: "events", fieldset: { legend: { text: "Events to send it", classes: "govuk-fieldset__legend--s" } }, hint: { text: "Choose at least one." }, items: eventItems, errorMessage: errors.events, classes: "govuk-checkboxes--small" }) }}`;

const newView = defineView<TFormContext & { scopes: { value: string; text: string }[] }>(
  'accord/webhook-new.njk',
  `{% block page %}
<h1 class="govuk-heading-l">Add a webhook endpoint</h1>
<p class="govuk-body">Accord sends the events you choose to this address as they happen, each signed under the Standard Webhooks scheme. After you add it, the page shows its signing secret once.</p>
<form method="post" novalidate>
<input type="hidden" name="csrfToken" value="{{ csrfToken }}">
${ENDPOINT_FIELDS}
{{ govukSelect({ id: "agencyId", name: "agencyId", label: { text: "Agreements it hears about" }, hint: { text: "An endpoint for one agency hears only about the agreements and proposals that agency is party to." }, items: scopes, value: values.agencyId, errorMessage: errors.agencyId }) }}
<div class="govuk-button-group">{{ govukButton({ text: "Add the endpoint", preventDoubleClick: true }) }}<a class="govuk-link" href="{{ base }}/webhooks">Cancel</a></div>
</form>
{% endblock %}`,
);

const editView = defineView<TFormContext & { endpoint: TWebhookEndpoint }>(
  'accord/webhook-edit.njk',
  `{% block page %}
<span class="govuk-caption-l govuk-!-text-break-word">{{ endpoint.url }}</span>
<h1 class="govuk-heading-l">Change the endpoint</h1>
<form method="post" novalidate>
<input type="hidden" name="csrfToken" value="{{ csrfToken }}">
${ENDPOINT_FIELDS}
<div class="govuk-button-group">{{ govukButton({ text: "Save the endpoint" }) }}<a class="govuk-link" href="{{ base }}/webhooks/{{ endpoint.id }}">Cancel</a></div>
</form>
{% endblock %}`,
);

type TDeliveryRow = { id: string; when: string; attemptText: string; eventType: string; about: { href: string; text: string } | null; tag: TTag; detail: string };

const endpointView = defineView<{
  endpoint: TWebhookEndpoint;
  status: ReturnType<typeof statusOf>;
  scope: string;
  eventNames: string[];
  added: string;
  secret: string | null;
  deliveries: TDeliveryRow[];
  olderHref: string | null;
  newestHref: string | null;
}>(
  'accord/webhook.njk',
  `{% block page %}
<span class="govuk-caption-l">Webhook endpoint</span>
<h1 class="govuk-heading-l govuk-!-text-break-word">{{ endpoint.url }}</h1>
{% if secret %}
<h2 class="govuk-heading-m" id="secret">Signing secret</h2>
{{ govukWarningText({ text: "Copy this secret into the receiving system now. Accord does not keep it and will not show it again; if it is lost, rotate the secret to get a new one." }) }}
<p class="govuk-body"><code class="accord-hash" id="signing-secret">{{ secret }}</code></p>
{% endif %}
{% set statusHtml %}{{ govukTag(status.tag) }}{% if status.detail %}<p class="govuk-body govuk-!-margin-top-2 govuk-!-margin-bottom-0">{{ status.detail }}</p>{% endif %}{% endset %}
{% set eventsHtml %}<ul class="govuk-list">{% for name in eventNames %}<li>{{ name }}</li>{% endfor %}</ul>{% endset %}
{% set editHref = base + "/webhooks/" + endpoint.id + "/edit" %}
{{ govukSummaryList({ rows: [
  { key: { text: "Status" }, value: { html: statusHtml } },
  { key: { text: "URL" }, value: { text: endpoint.url, classes: "govuk-!-text-break-word" }, actions: { items: [{ href: editHref, text: "Change", visuallyHiddenText: "URL" }] } },
  { key: { text: "Events" }, value: { html: eventsHtml }, actions: { items: [{ href: editHref, text: "Change", visuallyHiddenText: "events" }] } },
  { key: { text: "Hears about" }, value: { text: scope } },
  { key: { text: "Added" }, value: { text: added } }
] }) }}
<h2 class="govuk-heading-m" id="deliveries">Recent deliveries</h2>
<p class="govuk-body">Each attempt to send it an event, newest first, kept for 30 days. Sending one again sends the same event with the same webhook-id, so a receiving system that has it already can ignore it.</p>
{% if endpoint.state == "disabled" and deliveries.length %}{{ govukInsetText({ text: "The endpoint is disabled: enable it to send a delivery again." }) }}{% endif %}
{% if deliveries.length %}
<table class="govuk-table">
  <caption class="govuk-table__caption govuk-visually-hidden">Deliveries, newest first</caption>
  <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">When</th><th scope="col" class="govuk-table__header">Event</th><th scope="col" class="govuk-table__header">Outcome</th>{% if endpoint.state == "active" %}<th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">Actions</span></th>{% endif %}</tr></thead>
  <tbody class="govuk-table__body">{% for delivery in deliveries %}<tr class="govuk-table__row">
    <td class="govuk-table__cell">{{ delivery.when }}<br><span class="govuk-body-s">{{ delivery.attemptText }}</span></td>
    <td class="govuk-table__cell">{{ delivery.eventType }}{% if delivery.about %}<br><a class="govuk-link govuk-body-s" href="{{ delivery.about.href }}">{{ delivery.about.text }}</a>{% endif %}</td>
    <td class="govuk-table__cell">{{ govukTag(delivery.tag) }}{% if delivery.detail %}<br><span class="govuk-body-s">{{ delivery.detail }}</span>{% endif %}</td>
    {% if endpoint.state == "active" %}<td class="govuk-table__cell"><form method="post" action="{{ base }}/webhooks/{{ endpoint.id }}/deliveries/{{ delivery.id }}/replay" novalidate><input type="hidden" name="csrfToken" value="{{ csrfToken }}">{{ govukButton({ html: "Send again<span class=\\"govuk-visually-hidden\\"> the " + (delivery.eventType | escape) + " event of " + (delivery.when | escape) + "</span>", classes: "govuk-button--secondary govuk-!-margin-bottom-0" }) }}</form></td>{% endif %}
  </tr>{% endfor %}</tbody>
</table>
{% else %}<p class="govuk-body">Nothing sent yet.</p>{% endif %}
{% if olderHref or newestHref %}<p class="govuk-body">{% if newestHref %}<a class="govuk-link" href="{{ newestHref }}">Newest deliveries</a> {% endif %}{% if olderHref %}<a class="govuk-link" href="{{ olderHref }}">Older deliveries</a>{% endif %}</p>{% endif %}
<h2 class="govuk-heading-m">{{ "Disable the endpoint" if endpoint.state == "active" else "Enable the endpoint" }}</h2>
<p class="govuk-body">{{ "Accord stops sending it events until it is enabled again. Events meanwhile are logged as not sent." if endpoint.state == "active" else "Accord sends it events again from now on, and its record of failures starts afresh." }}</p>
<form method="post" action="{{ base }}/webhooks/{{ endpoint.id }}/state" novalidate>
<input type="hidden" name="csrfToken" value="{{ csrfToken }}"><input type="hidden" name="state" value="{{ 'disabled' if endpoint.state == 'active' else 'active' }}">
{{ govukButton({ text: "Disable the endpoint" if endpoint.state == "active" else "Enable the endpoint", classes: "govuk-button--secondary" }) }}
</form>
<h2 class="govuk-heading-m">Rotate the signing secret</h2>
<p class="govuk-body">Accord makes a new secret and shows it once. For 24 hours each delivery is signed with the old secret too, so the receiving system can switch over without missing one. Rotate it twice to stop the old secret at once.</p>
<form method="post" action="{{ base }}/webhooks/{{ endpoint.id }}/secret" novalidate>
<input type="hidden" name="csrfToken" value="{{ csrfToken }}"><input type="hidden" name="revision" value="{{ endpoint.revision }}">
{{ govukButton({ text: "Rotate the secret", classes: "govuk-button--secondary", preventDoubleClick: true }) }}
</form>
<h2 class="govuk-heading-m">Delete the endpoint</h2>
<p class="govuk-body"><a class="govuk-link" href="{{ base }}/webhooks/{{ endpoint.id }}/delete">Delete this endpoint</a></p>
{% endblock %}`,
);

const deleteView = defineView<{ endpoint: TWebhookEndpoint }>(
  'accord/webhook-delete.njk',
  `{% block page %}
<span class="govuk-caption-l govuk-!-text-break-word">{{ endpoint.url }}</span>
<h1 class="govuk-heading-l">Are you sure you want to delete this endpoint?</h1>
{{ govukWarningText({ text: "Accord stops sending it events at once, and its deliveries can no longer be seen here. This cannot be undone: to receive events again, add the endpoint again, with a new secret." }) }}
<form method="post" novalidate>
<input type="hidden" name="csrfToken" value="{{ csrfToken }}">
<div class="govuk-button-group">{{ govukButton({ text: "Yes, delete the endpoint", classes: "govuk-button--warning" }) }}<a class="govuk-link" href="{{ base }}/webhooks/{{ endpoint.id }}">No, keep it</a></div>
</form>
{% endblock %}`,
);

const LABELS: Record<string, string> = { url: 'URL', events: 'Events to send it', agencyId: 'Agreements it hears about' };

const chosenEventsOf = (values: TFormValues): TWebhookEventType[] =>
  checkedOf(values, 'event', /.+/).filter((type): type is TWebhookEventType => (WEBHOOK_EVENT_TYPES as string[]).includes(type));

/** The schema's wording where a person would put it otherwise; the domain's own refusals read as they are. */
const reworded = (errors: TFieldError[]): TFieldError[] =>
  errors.map((error) => {
    if (error.path === 'url' && /^Invalid URL/i.test(error.message)) return { ...error, message: 'enter the full address, starting https://' };
    if (error.path === 'events' && /^Too small/.test(error.message)) return { ...error, message: 'choose at least one event' };
    return error;
  });

const formContext = (values: TFormValues, chosen: TWebhookEventType[], errors: TFieldError[]) => {
  const { errorList, byField } = errorsForForm(reworded(errors), {
    describe: (path) => LABELS[path.split('.')[0]!] ?? 'The form',
    fieldOf: (path) => path.split('.')[0]!,
    positionOf: (path) => Object.keys(LABELS).indexOf(path.split('.')[0]!),
  });
  return {
    errorList,
    errors: byField,
    values,
    eventItems: WEBHOOK_EVENT_TYPES.map((type, index) => ({
      value: 'yes',
      text: type,
      name: `event.${type}`,
      id: index === 0 ? 'events' : `events-${type.replace(/\./g, '-')}`,
      hint: { text: describeEvent(type) },
      checked: chosen.includes(type),
    })),
  };
};

const renderNew = async (layout: TLayoutBase, user: TUser, values: TFormValues, errors: TFieldError[] = []): Promise<TPageResult> => {
  // An agency's editor registers endpoints for their own agencies; only an admin, one for every agency's agreements.
  const own = (await listAgencies({ user, agencies })).filter((agency) => user.role === 'admin' || user.agencies.includes(agency.id));
  const scopes = [...(user.role === 'admin' ? [{ value: '', text: EVERY_AGENCY }] : []), ...own.map((agency) => ({ value: agency.id, text: agency.name }))];
  return {
    status: errors.length ? 400 : 200,
    html: newView({ ...layout, title: 'Add a webhook endpoint', backLink: { href: `${layout.base}/webhooks`, text: 'Webhooks' }, scopes, ...formContext(values, chosenEventsOf(values), errors) }),
  };
};

const renderEdit = (layout: TLayoutBase, endpoint: TWebhookEndpoint, values: TFormValues, chosen: TWebhookEventType[], errors: TFieldError[] = []): TPageResult => ({
  status: errors.length ? 400 : 200,
  html: editView({ ...layout, title: `Change the endpoint ${endpoint.url}`, backLink: { href: endpointPath(layout.base, endpoint.id), text: 'The endpoint' }, endpoint, ...formContext(values, chosen, errors) }),
});

const deliveryRowOf = (base: string, delivery: TWebhookAttempt): TDeliveryRow => ({
  id: delivery.id,
  when: momentInWords(delivery.at),
  attemptText: delivery.replay ? `Sent again, attempt ${delivery.attempt}` : `Attempt ${delivery.attempt}`,
  eventType: delivery.eventType,
  about: delivery.agreementId
    ? { href: `${base}/agreements/${delivery.agreementId}`, text: 'The agreement' }
    : delivery.proposalId
      ? { href: `${base}/proposals/${delivery.proposalId}`, text: 'The proposal' }
      : null,
  tag: OUTCOME_TAGS[delivery.outcome],
  detail: [
    delivery.statusCode !== null ? `HTTP ${delivery.statusCode}` : null,
    delivery.outcome !== 'delivered' ? delivery.error : null,
    `${delivery.durationMs} ms`,
    delivery.nextAttemptAt ? `next try ${momentInWords(delivery.nextAttemptAt)}` : null,
  ]
    .filter(Boolean)
    .join(', '),
});

/**
 * An endpoint's page: its settings, its deliveries, and what may be done to it. A secret just made
 * is shown on it once, in the answer to the form that made it, and never goes in a URL.
 */
const renderEndpoint = async (
  layout: TLayoutBase,
  user: TUser,
  endpoint: TWebhookEndpoint,
  options: { query?: Record<string, string | undefined>; secret?: { value: string; notice: TNotice } },
): Promise<TPageResult> => {
  const cursor = options.query?.cursor || undefined;
  const page = await listAttempts({ id: endpoint.id, user, webhooks, page: { cursor, limit: DELIVERIES_A_PAGE } });
  const path = endpointPath(layout.base, endpoint.id);
  const scope = endpoint.agencyId ? agencyScope((await agencies.get(endpoint.agencyId))?.name ?? endpoint.agencyId) : EVERY_AGENCY;
  return {
    html: endpointView({
      ...layout,
      ...(options.secret ? noticeOf({ done: options.secret.notice }) : noticeOf(options.query ?? {})),
      title: `Webhook endpoint ${endpoint.url}`,
      backLink: { href: `${layout.base}/webhooks`, text: 'Webhooks' },
      endpoint,
      status: statusOf(endpoint),
      scope,
      eventNames: endpoint.events,
      added: `${momentInWords(endpoint.createdAt)} by ${endpoint.createdBy}`,
      secret: options.secret?.value ?? null,
      deliveries: page.items.map((delivery) => deliveryRowOf(layout.base, delivery)),
      olderHref: page.nextCursor ? `${path}?cursor=${encodeURIComponent(page.nextCursor)}#deliveries` : null,
      newestHref: cursor ? `${path}#deliveries` : null,
    }),
  };
};

const done = (base: string, id: string, notice: TNotice, fragment = ''): TPageResult => ({ redirect: `${endpointPath(base, id)}${doneQuery(notice)}${fragment}` });

/** Webhook endpoints (an admin's, or an agency's editors' for that agency): other systems told of agreements' and proposals' events, each delivery signed and logged. */
export const webhookPages: TPage[] = [
  {
    method: 'GET',
    path: '/webhooks',
    role: 'editor',
    handle: async ({ user, layout, query }) => {
      const names = new Map((await listAgencies({ user, agencies })).map((agency) => [agency.id, agency.name]));
      const rows = (await listEndpoints({ user, webhooks })).map((endpoint) => ({
        href: endpointPath(layout.base, endpoint.id),
        url: endpoint.url,
        scope: endpoint.agencyId ? agencyScope(names.get(endpoint.agencyId) ?? endpoint.agencyId) : EVERY_AGENCY,
        events: endpoint.events.length,
        tag: statusOf(endpoint).tag,
      }));
      return { html: listView({ ...layout, ...noticeOf(query), title: 'Webhooks', rows }) };
    },
  },
  { method: 'GET', path: '/webhooks/new', role: 'editor', handle: async ({ user, layout }) => renderNew(layout, user, {}) },
  {
    method: 'POST',
    path: '/webhooks/new',
    role: 'editor',
    handle: async ({ user, layout, form: values }) => {
      const input = { url: (values.url ?? '').trim(), events: chosenEventsOf(values), ...(values.agencyId ? { agencyId: values.agencyId } : {}) };
      const parsed = ZWebhookRegistration.safeParse(input);
      return attempt((errors) => renderNew(layout, user, values, errors), parsed, async () => {
        const created = await registerEndpoint({ input: parsed.data!, user, now: new Date(), newId, webhooks, agencies, checkDestination, linkSigner: await linkSigner() });
        // The secret is in this answer and nowhere else: no redirect, so it never enters a URL or the history.
        return renderEndpoint(layout, user, created.endpoint, { secret: { value: created.secret, notice: 'webhook-added' } });
      });
    },
  },
  {
    method: 'GET',
    path: '/webhooks/{id}',
    role: 'editor',
    handle: async ({ user, layout, params, query }) => renderEndpoint(layout, user, await readEndpoint({ id: params.id!, user, webhooks }), { query }),
  },
  {
    method: 'GET',
    path: '/webhooks/{id}/edit',
    role: 'editor',
    handle: async ({ user, layout, params }) => {
      const endpoint = await readEndpoint({ id: params.id!, user, webhooks });
      return renderEdit(layout, endpoint, { url: endpoint.url }, endpoint.events);
    },
  },
  {
    method: 'POST',
    path: '/webhooks/{id}/edit',
    role: 'editor',
    handle: async ({ user, layout, params, form: values }) => {
      const endpoint = await readEndpoint({ id: params.id!, user, webhooks });
      const chosen = chosenEventsOf(values);
      const parsed = ZWebhookChange.safeParse({ url: (values.url ?? '').trim(), events: chosen });
      return attempt((errors) => renderEdit(layout, endpoint, values, chosen, errors), parsed, async () => {
        await changeEndpoint({ id: endpoint.id, change: parsed.data!, user, webhooks, checkDestination });
        return done(layout.base, endpoint.id, 'webhook-saved');
      });
    },
  },
  {
    method: 'POST',
    path: '/webhooks/{id}/state',
    role: 'editor',
    handle: async ({ user, layout, params, form: values }) => {
      const state = values.state === 'active' ? 'active' : 'disabled';
      const endpoint = await changeEndpoint({ id: params.id!, change: { state }, user, webhooks, checkDestination });
      return done(layout.base, endpoint.id, state === 'active' ? 'webhook-enabled' : 'webhook-disabled');
    },
  },
  {
    method: 'POST',
    path: '/webhooks/{id}/secret',
    role: 'editor',
    handle: async ({ user, layout, params, form }) => {
      // A reload of the page that showed the new secret sends this form again: that must not rotate it a second time.
      const current = await readEndpoint({ id: params.id!, user, webhooks });
      if (form.revision !== String(current.revision)) {
        throw new AppError('precondition_failed', 'The endpoint has changed since this page was shown: its secret may have been rotated already. Go back to the endpoint, and rotate it again only if you still need to.');
      }
      const rotated = await rotateSecret({ id: params.id!, user, webhooks, now: new Date(), linkSigner: await linkSigner() });
      return renderEndpoint(layout, user, rotated.endpoint, { secret: { value: rotated.secret, notice: 'webhook-rotated' } });
    },
  },
  {
    method: 'GET',
    path: '/webhooks/{id}/delete',
    role: 'editor',
    handle: async ({ user, layout, params }) => {
      const endpoint = await readEndpoint({ id: params.id!, user, webhooks });
      return { html: deleteView({ ...layout, title: `Delete the endpoint ${endpoint.url}`, backLink: { href: endpointPath(layout.base, endpoint.id), text: 'The endpoint' }, endpoint }) };
    },
  },
  {
    method: 'POST',
    path: '/webhooks/{id}/delete',
    role: 'editor',
    handle: async ({ user, layout, params }) => {
      await removeEndpoint({ id: params.id!, user, webhooks });
      return { redirect: `${layout.base}/webhooks${doneQuery('webhook-deleted')}` };
    },
  },
  {
    method: 'POST',
    path: '/webhooks/{id}/deliveries/{attemptId}/replay',
    role: 'editor',
    handle: async ({ user, layout, params }) => {
      await replayAttempt({ id: params.id!, attemptId: params.attemptId!, user, webhooks, newId });
      return done(layout.base, params.id!, 'webhook-replayed', '#deliveries');
    },
  },
];
