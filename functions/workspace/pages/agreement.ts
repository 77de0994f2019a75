import { findBrokenLink } from '../../../shared/domain/audit/audit-chain';
import { dateInWords, momentInWords } from '../../../shared/domain/calendar';
import { getAgreement, listAuditEvents } from '../../../shared/domain/agreement/read-agreements';
import { renderMarkdown } from '../../../shared/html/markdown';
import type { TAgreement } from '../../../shared/schemas/agreement';
import { ATTACHMENT_REFUSALS, ATTACHMENT_TYPES, fileSizeInWords, type TAttachment } from '../../../shared/schemas/attachment';
import { fileChangesAllowed } from '../../../shared/domain/agreement/attachments';
import { draftTasks, readinessOf } from './check-and-send';
import { agreements } from '../dependencies';
import { MAX_FORM_FILE_BYTES, type TFormValues } from '../form';
import type { TLayoutBase, TPage } from '../page-route';
import { noticeOf } from '../notices';
import { defineView, type TTrailRow } from '../view';
import { actionsFor } from './agreement-actions';
import { LEGAL_BASIS_LABELS, SIGNATORY_LABELS, STATUS_LABELS } from './labels';

type TFileRow = TAttachment & { typeText: string; sizeText: string; tag: { text: string; classes: string }; refusalText: string | null; removable: boolean };

const FILE_TAGS = { pending: { text: 'Being checked', classes: 'govuk-tag--yellow' }, available: { text: 'Ready', classes: 'govuk-tag--green' }, refused: { text: 'Refused', classes: 'govuk-tag--red' } } as const;

const fileRowsOf = (agreement: TAgreement, allowed: ReturnType<typeof fileChangesAllowed>): TFileRow[] =>
  agreement.attachments.map((file) => ({
    removable: allowed.remove(file),
    ...file,
    typeText: ATTACHMENT_TYPES[file.contentType],
    sizeText: fileSizeInWords(file.size),
    tag: FILE_TAGS[file.status],
    refusalText: file.refusal ? ATTACHMENT_REFUSALS[file.refusal] : null,
  }));

const view = defineView<{ agreement: TAgreement; text: string; actions: ReturnType<typeof actionsFor>; ownParties: string[]; labels: object; dates: Record<string, string>; files: TFileRow[]; canAddFile: boolean; maxFileMb: number; maxFileBytes: number; fileForm: { values: TFormValues; errors: Record<string, { text: string }> }; tasks: ReturnType<typeof draftTasks> | null }>(
  'accord/agreement.njk',
  `{% block page %}
<span class="govuk-caption-l">{{ agreement.reference }}, version {{ agreement.version }}</span>
<h1 class="govuk-heading-l">{{ agreement.title }}</h1>
<p class="govuk-body">{{ govukTag({ text: labels.status[agreement.status].text, classes: labels.status[agreement.status].classes }) }}</p>
{% macro post(path, text, classes) %}<form method="post" action="{{ base }}/agreements/{{ agreement.id }}{{ path }}"><input type="hidden" name="csrfToken" value="{{ csrfToken }}"><input type="hidden" name="revision" value="{{ agreement.revision }}">{{ govukButton({ text: text, classes: classes }) }}</form>{% endmacro %}
{% if actions.edit or actions.submit or actions.revise or actions.vary or actions.review %}
<div class="accord-actions govuk-!-margin-bottom-6">
  {% if actions.edit %}<a class="govuk-button" href="{{ base }}/agreements/{{ agreement.id }}/edit">Edit draft</a>{% endif %}
  {% if actions.submit %}<a class="govuk-button govuk-button--secondary" href="{{ base }}/agreements/{{ agreement.id }}/submit">Check and send for signature</a>{% endif %}
  {% if actions.revise %}{{ post("/revise", "Revise as a new draft", "") }}{% endif %}
  {% if actions.review %}<a class="govuk-button" href="{{ base }}/agreements/{{ agreement.id }}/review">Record a review</a>{% endif %}
  {% if actions.vary %}{{ post("/variations", "Start a variation", "govuk-button--secondary") }}{% endif %}
</div>
{% endif %}
{% if tasks %}
<h2 class="govuk-heading-m">Before it can be sent for signature</h2>
{{ govukTaskList({ idPrefix: "draft-task", items: tasks }) }}
{% endif %}
{{ govukSummaryList({ rows: [
  { key: { text: "Summary" }, value: { text: agreement.summary or "Not given" } },
  { key: { text: "Legal basis" }, value: { text: labels.legalBasis[agreement.legalBasis] } },
  { key: { text: "Functions" }, value: { text: agreement.functions | join(", ") or "Not given" } },
  { key: { text: "Drafted by" }, value: { text: agreement.owner } },
  { key: { text: "In force from" }, value: { text: dates.effectiveDate or "Not yet" } },
  { key: { text: "Next review" }, value: { text: dates.nextReviewDate or "Set when it comes into force" } },
  { key: { text: "Expires" }, value: { text: dates.expiryDate or "No end date" } },
  { key: { text: "Published on the register" }, value: { text: "Yes" if agreement.publish else ("No: " + agreement.publishExemptionReason) } },
  { key: { text: "Document hash (SHA-256)" }, value: { text: agreement.documentSha256 or "Made when it is sent for signature", classes: "accord-hash" } }
] }) }}
<h2 class="govuk-heading-m">Parties and signatories</h2>
{% for party in agreement.parties %}
<h3 class="govuk-heading-s">{{ party.agencyName }}{% if party.leaving %} (leaving){% endif %}</h3>
{% if actions.publication and party.agencyId in ownParties %}<p class="govuk-body"><a class="govuk-link" href="{{ base }}/agreements/{{ agreement.id }}/parties/{{ party.agencyId }}/publication">Record how {{ party.agencyName }} publishes it</a></p>{% endif %}
{% if party.signatories.length %}
<table class="govuk-table">
  <caption class="govuk-table__caption govuk-visually-hidden">Signatories for {{ party.agencyName }}</caption>
  <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Name</th><th scope="col" class="govuk-table__header">Role</th><th scope="col" class="govuk-table__header">Order</th><th scope="col" class="govuk-table__header">Status</th>{% if actions.resend %}<th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">Actions</span></th>{% endif %}</tr></thead>
  <tbody class="govuk-table__body">{% for signatory in party.signatories %}<tr class="govuk-table__row"><td class="govuk-table__cell">{{ signatory.name }}<br><span class="govuk-body-s">{{ signatory.email }}</span></td><td class="govuk-table__cell">{{ signatory.role }}</td><td class="govuk-table__cell">{{ signatory.order }}</td><td class="govuk-table__cell">{{ labels.signatory[signatory.status] }}{% if signatory.reason %}: {{ signatory.reason }}{% endif %}</td>
  {% if actions.resend %}<td class="govuk-table__cell">{% if signatory.status in ["requested", "expired", "bounced"] %}<form method="post" action="{{ base }}/agreements/{{ agreement.id }}/signatories/{{ signatory.id }}/resend"><input type="hidden" name="csrfToken" value="{{ csrfToken }}"><input type="hidden" name="revision" value="{{ agreement.revision }}">{{ govukButton({ text: "Send a new link", classes: "govuk-button--secondary govuk-!-margin-bottom-2", attributes: { "aria-label": "Send a new link to " + signatory.name } }) }}</form>{% endif %}{% if signatory.status in ["pending", "requested", "expired", "bounced"] %}<a class="govuk-link" href="{{ base }}/agreements/{{ agreement.id }}/signatories/{{ signatory.id }}/replace">Replace<span class="govuk-visually-hidden"> {{ signatory.name }}</span></a>{% endif %}</td>{% endif %}
  </tr>{% endfor %}</tbody>
</table>
{% else %}<p class="govuk-body">No signatories yet.</p>{% endif %}
{% endfor %}
<h2 class="govuk-heading-m" id="files">Files</h2>
{% if agreement.attachments.length %}
<table class="govuk-table">
  <caption class="govuk-table__caption govuk-visually-hidden">Files that are part of this agreement</caption>
  <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">File</th><th scope="col" class="govuk-table__header">Type and size</th><th scope="col" class="govuk-table__header">Status</th><th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">Actions</span></th></tr></thead>
  <tbody class="govuk-table__body">{% for file in files %}<tr class="govuk-table__row">
    <td class="govuk-table__cell">{% if file.status == "available" %}<a class="govuk-link" href="{{ base }}/agreements/{{ agreement.id }}/files/{{ file.id }}">{{ file.name }}</a>{% else %}{{ file.name }}{% endif %}<br><span class="accord-hash govuk-body-s">{{ file.sha256 }}</span></td>
    <td class="govuk-table__cell">{{ file.typeText }}, {{ file.sizeText }}</td>
    <td class="govuk-table__cell">{{ govukTag(file.tag) }}{% if file.refusalText %}<br><span class="govuk-body-s">{{ file.refusalText }}</span>{% endif %}</td>
    <td class="govuk-table__cell">{% if file.removable %}<form method="post" action="{{ base }}/agreements/{{ agreement.id }}/files/{{ file.id }}/remove"><input type="hidden" name="csrfToken" value="{{ csrfToken }}"><input type="hidden" name="revision" value="{{ agreement.revision }}">{{ govukButton({ text: "Remove", classes: "govuk-button--secondary govuk-!-margin-bottom-0", attributes: { "aria-label": "Remove " + file.name } }) }}</form>{% endif %}</td>
  </tr>{% endfor %}</tbody>
</table>
{% else %}<p class="govuk-body">No files: the text below is the whole agreement.</p>{% endif %}
{% if canAddFile %}
<form method="post" action="{{ base }}/agreements/{{ agreement.id }}/files" enctype="multipart/form-data" novalidate data-direct-upload="{{ base }}/agreements/{{ agreement.id }}/files/upload-url" data-direct-upload-over="{{ maxFileBytes }}">
<input type="hidden" name="csrfToken" value="{{ csrfToken }}"><input type="hidden" name="revision" value="{{ agreement.revision }}">
{{ govukFileUpload({ id: "file", name: "file", label: { text: "Add a file", classes: "govuk-label--s" }, hint: { text: "The agreement as signed paper would carry it, or a schedule: PDF, DOCX, ODT, XLSX, PNG or JPEG, up to 25 MB (" + maxFileMb + " MB with JavaScript turned off). Its SHA-256 becomes part of the document hash." }, errorMessage: fileForm.errors.file, attributes: { accept: ".pdf,.docx,.odt,.xlsx,.png,.jpg,.jpeg" } }) }}
{{ govukInput({ id: "name", name: "name", label: { text: "Name to show (optional)" }, hint: { text: "For example Schedule 2: data sharing. The file’s own name if left blank." }, value: fileForm.values.name, errorMessage: fileForm.errors.name, classes: "govuk-!-width-two-thirds" }) }}
{{ govukButton({ text: "Add the file", classes: "govuk-button--secondary" }) }}
</form>
{% endif %}
{% if agreement.executedCopy %}<p class="govuk-body"><a class="govuk-link" href="{{ base }}/agreements/{{ agreement.id }}/executed.pdf" download>Download the executed copy (sealed PDF)</a><br><span class="govuk-body-s">SHA-256 <span class="accord-hash">{{ agreement.executedCopy.sha256 }}</span></span></p>{% endif %}
<h2 class="govuk-heading-m">The text</h2>
<div class="accord-document govuk-body">{{ text | safe }}</div>
{% if agreement.withdrawalTerms %}<h2 class="govuk-heading-m">Withdrawal terms</h2><p class="govuk-body">{{ agreement.withdrawalTerms }}</p>{% endif %}
<h2 class="govuk-heading-m">Records</h2>
<ul class="govuk-list">
  <li><a class="govuk-link" href="{{ base }}/agreements/{{ agreement.id }}/events">Audit trail</a></li>
  <li><a class="govuk-link" href="{{ base }}/agreements/{{ agreement.id }}/certificate">Completion certificate</a></li>
</ul>
{% if actions.withdraw or actions.requestTermination or actions.withdrawTermination or actions.recordTermination or actions.withdrawalNotice %}
<h2 class="govuk-heading-m">Ending or leaving</h2>
<ul class="govuk-list">
  {% if actions.withdraw %}<li><a class="govuk-link" href="{{ base }}/agreements/{{ agreement.id }}/withdraw">Withdraw it from signature</a></li>{% endif %}
  {% if actions.requestTermination %}<li><a class="govuk-link" href="{{ base }}/agreements/{{ agreement.id }}/termination">Ask every party to end it</a></li>{% endif %}
  {% if actions.withdrawTermination %}<li><a class="govuk-link" href="{{ base }}/agreements/{{ agreement.id }}/termination/withdraw">Withdraw the request to end it</a></li>{% endif %}
  {% if actions.withdrawalNotice %}<li><a class="govuk-link" href="{{ base }}/agreements/{{ agreement.id }}/withdrawals">Give notice that a party leaves</a></li>{% endif %}
  {% if actions.recordTermination %}<li><a class="govuk-link" href="{{ base }}/agreements/{{ agreement.id }}/terminate">Record a termination agreed outside Accord</a></li>{% endif %}
</ul>
{% endif %}
{% endblock %}`,
);

const trailView = defineView<{ agreement: TAgreement; events: TTrailRow[]; brokenAt: number | null }>(
  'accord/audit-trail.njk',
  `{% block page %}
<span class="govuk-caption-l">{{ agreement.reference }}</span>
<h1 class="govuk-heading-l">Audit trail</h1>
{{ auditTrail(events, brokenAt) }}
{% endblock %}`,
);

const datesOf = (agreement: TAgreement) =>
  Object.fromEntries((['effectiveDate', 'nextReviewDate', 'expiryDate'] as const).flatMap((field) => (agreement[field] ? [[field, dateInWords(agreement[field]!)]] : [])));

/**
 * The agreement's page; with `fileForm`, the file form comes back with what was typed and its
 * errors. A draft its user may send shows what is left to do first.
 */
export const renderAgreement = async (
  layout: TLayoutBase,
  agreement: TAgreement,
  extra: Partial<TLayoutBase> = {},
  fileForm: { values: TFormValues; errors: Record<string, { text: string }> } = { values: {}, errors: {} },
) => {
  const allowedFiles = fileChangesAllowed(agreement, layout.user!);
  const mayBeSent = actionsFor(agreement, layout.user!).submit;
  return view({
    ...layout,
    ...extra,
    fileForm,
    title: `${agreement.reference}: ${agreement.title}`,
    backLink: { href: layout.base, text: 'All agreements' },
    agreement,
    text: renderMarkdown(agreement.body).value,
    actions: actionsFor(agreement, layout.user!),
    ownParties: agreement.parties.filter((party) => layout.user!.role === 'admin' || layout.user!.agencies.includes(party.agencyId)).map((party) => party.agencyId),
    labels: { status: STATUS_LABELS, signatory: SIGNATORY_LABELS, legalBasis: LEGAL_BASIS_LABELS },
    dates: datesOf(agreement),
    files: fileRowsOf(agreement, allowedFiles),
    tasks: mayBeSent ? draftTasks(agreement, layout.base, await readinessOf(agreement)) : null,
    canAddFile: allowedFiles.add,
    maxFileMb: MAX_FORM_FILE_BYTES / 1024 / 1024,
    maxFileBytes: MAX_FORM_FILE_BYTES,
  });
};

export const agreementPages: TPage[] = [
  {
    method: 'GET',
    path: '/agreements/{id}',
    role: 'viewer',
    handle: async ({ params, user, layout, query }) => ({
      html: await renderAgreement(layout, await getAgreement({ id: params.id!, user, agreements }), noticeOf(query)),
    }),
  },
  {
    method: 'GET',
    path: '/agreements/{id}/events',
    role: 'viewer',
    handle: async ({ params, user, layout }) => {
      const agreement = await getAgreement({ id: params.id!, user, agreements });
      const events = await listAuditEvents({ id: params.id!, user, agreements });
      return {
        html: trailView({
          ...layout,
          title: `Audit trail of ${agreement.reference}`,
          backLink: { href: `${layout.base}/agreements/${agreement.id}`, text: agreement.reference },
          agreement,
          events: events.map((event) => ({ seq: event.seq, when: momentInWords(event.at), what: event.type.replace(/_/g, ' '), who: event.actor.name ?? event.actor.email ?? 'Accord' })),
          brokenAt: findBrokenLink(events),
        }),
      };
    },
  },
];
