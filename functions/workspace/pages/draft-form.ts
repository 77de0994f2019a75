import { createHash, randomBytes } from 'node:crypto';
import * as z from 'zod/mini';
import { createDraft } from '../../../shared/domain/agreement/create-draft';
import { editDraft } from '../../../shared/domain/agreement/edit-draft';
import { getAgreement } from '../../../shared/domain/agreement/read-agreements';
import { submitAgreement } from '../../../shared/domain/signing/sign-off';
import { fieldErrorsOf, isAppError, type TFieldError } from '../../../shared/errors';
import { LEGAL_BASES, ZCreateAgreementRequest, ZPatchAgreementRequest, type TAgreement } from '../../../shared/schemas/agreement';
import type { TUser } from '../../../shared/domain/user';
import { agencies, agreements, newId, signingLinkDependencies, WORKSPACE_BASE } from '../dependencies';
import {
  createRequestOf,
  DATE_PATHS,
  draftFormOf,
  emptyDraftForm,
  emptyParty,
  isFormAction,
  patchRequestOf,
  readDraftForm,
  type TDraftForm,
} from '../draft-form-values';
import { errorsForForm, formErrorsOf, ifMatchOf } from '../form';
import type { TLayoutBase, TPage } from '../page-route';
import { doneQuery, noticeOf } from '../notices';
import { defineView } from '../view';
import { LEGAL_BASIS_LABELS } from './labels';
import { deferred } from '../../../shared/schemas/deferred';

const FIELD_LABELS: Record<string, string> = {
  ownerAgencyId: 'Drafting agency',
  title: 'Title',
  summary: 'Summary',
  legalBasis: 'Legal basis',
  functions: 'Functions',
  body: 'Agreement text',
  withdrawalTerms: 'How a party may withdraw',
  reviewIntervalMonths: 'Review interval',
  effectiveDate: 'Date it comes into force',
  nextReviewDate: 'First review date',
  expiryDate: 'Expiry date',
  publish: 'Publication',
  publishExemptionReason: 'Why it is not published',
  legalContacts: 'Legal contacts',
  parties: 'Parties',
  agencyId: 'agency',
  requiredApprovals: 'approvals needed',
  'assessment.efficiencyEffectiveness': 'assessment of efficiency and effectiveness',
  'assessment.publicSafety': 'assessment of public safety',
  consultation: 'consultation of the chief officer',
  'consultation.consultedOn': 'date the chief officer was consulted',
  'consultation.chiefOfficer': 'chief officer consulted',
  'consultation.outcome': 'what the chief officer said',
  signatories: 'signatories',
  leaving: 'leaving',
  name: 'name',
  role: 'role',
  email: 'email',
  order: 'signing order',
};

/** "Party 1, signatory 2, email" for `parties.0.signatories.1.email`. */
export const describeDraftField = (path: string) => {
  const party = /^parties\.(\d+)(?:\.signatories\.(\d+))?(?:\.(.+))?$/.exec(path);
  if (party) {
    const [, p, s, rest] = party;
    const where = [`Party ${Number(p) + 1}`, ...(s !== undefined ? [`signatory ${Number(s) + 1}`] : []), ...(rest ? [FIELD_LABELS[rest] ?? rest] : [])];
    return where.join(', ');
  }
  const list = /^(functions|legalContacts)\.(\d+)$/.exec(path);
  if (list) return `${FIELD_LABELS[list[1]!]} (line ${Number(list[2]) + 1})`;
  return FIELD_LABELS[path] ?? 'The draft';
};

const FORM_ORDER = [
  'ownerAgencyId',
  'title',
  'summary',
  'legalBasis',
  'functions',
  'body',
  'withdrawalTerms',
  'effectiveDate',
  'reviewIntervalMonths',
  'nextReviewDate',
  'expiryDate',
  'publish',
  'publishExemptionReason',
  'legalContacts',
  'parties',
];
const PARTY_ORDER = ['agencyId', 'leaving', 'assessment', 'consultation', 'signatories', 'requiredApprovals'];
const SIGNATORY_ORDER = ['name', 'role', 'email', 'order'];

/** A path's place on the form: field, then party, then the party's field, then signatory and its field. */
const positionOf = (path: string) => {
  const [field = '', p, partyField = '', s, signatoryField = ''] = path.split('.');
  const rank = (list: string[], name: string) => (list.includes(name) ? list.indexOf(name) : list.length);
  return (
    (((rank(FORM_ORDER, field) * 100 + Number(p ?? 0)) * 10 + rank(PARTY_ORDER, partyField)) * 10 + Number(s ?? 0)) * 10 + rank(SIGNATORY_ORDER, signatoryField)
  );
};

const DRAFT_ERROR_OPTIONS = {
  positionOf,
  describe: describeDraftField,
  // A line of a textarea is shown on the textarea; an error of the whole request, on the title.
  fieldOf: (path: string) => path.replace(/^(functions|legalContacts)\.\d+$/, '$1').replace(/^\(body\)$/, 'title'),
  firstPartOf: (field: string) => (DATE_PATHS.test(field) ? '-day' : null),
};

type TDraftView = {
  heading: string;
  caption?: string;
  action: string;
  form: TDraftForm;
  errors: Record<string, { text: string }>;
  revision?: number;
  basis?: string;
  agencyItems: { value: string; text: string }[];
  ownerItems: { value: string; text: string; selected?: boolean }[] | null;
  legalBases: { value: string; text: string }[];
  isVariation: boolean;
  stale?: { field: string; now: string }[];
  /** A new draft's idempotency key: submitting the same form twice makes one draft. */
  draftKey?: string;
};

const view = defineView<TDraftView>(
  'accord/draft-form.njk',
  `{% block page %}
{% if caption %}<span class="govuk-caption-l">{{ caption }}</span>{% endif %}
<h1 class="govuk-heading-l">{{ heading }}</h1>
<p class="govuk-body accord-no-print">For your security, Accord signs you out after an hour without activity. With JavaScript turned off, typing does not count: save the draft at least once an hour.</p>
{% if stale %}
<div class="govuk-notification-banner" role="region" aria-labelledby="stale-title" data-module="govuk-notification-banner">
  <div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="stale-title">Important</h2></div>
  <div class="govuk-notification-banner__content">
    <p class="govuk-notification-banner__heading">Someone else saved this draft while you were editing it. Your changes have not been saved.</p>
    <p class="govuk-body">What you typed is below. This is what they changed; check it against yours, then save again.</p>
    <dl class="govuk-summary-list">{% for change in stale %}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{{ change.field }}</dt><dd class="govuk-summary-list__value">{{ change.now }}</dd></div>{% endfor %}</dl>
  </div>
</div>
{% endif %}
<form method="post" action="{{ action }}" novalidate>
<input type="hidden" name="csrfToken" value="{{ csrfToken }}">
{% if revision %}<input type="hidden" name="revision" value="{{ revision }}"><input type="hidden" name="basis" value="{{ basis }}">{% endif %}
{% if draftKey %}<input type="hidden" name="draftKey" value="{{ draftKey }}">{% endif %}
{# Enter in a field saves: the form's first button is the one implicit submission presses. #}
<button type="submit" name="action" value="save" class="accord-default-button" tabindex="-1" aria-hidden="true">Save draft</button>

<h2 class="govuk-heading-m">About the agreement</h2>
{% if ownerItems %}{{ govukSelect({ id: "ownerAgencyId", name: "ownerAgencyId", label: { text: "Drafting agency" }, hint: { text: "The agency whose legal team keeps this agreement" }, items: ownerItems, errorMessage: errors.ownerAgencyId }) }}{% endif %}
{{ govukInput({ id: "title", name: "title", label: { text: "Title" }, value: form.title, errorMessage: errors.title, spellcheck: true }) }}
{{ govukTextarea({ id: "summary", name: "summary", label: { text: "Summary" }, hint: { text: "What the parties will do together, in a few sentences. It is shown on the public register." }, value: form.summary, errorMessage: errors.summary, rows: 3 }) }}
{{ govukRadios({ name: "legalBasis", idPrefix: "legalBasis", fieldset: { legend: { text: "Legal basis", classes: "govuk-fieldset__legend--s" } }, items: legalBases, value: form.legalBasis, errorMessage: errors.legalBasis }) }}
{{ govukTextarea({ id: "functions", name: "functions", label: { text: "Functions it covers" }, hint: { text: "One on each line, for example: Estates, Control room" }, value: form.functions, errorMessage: errors.functions, rows: 3 }) }}
{{ govukTextarea({ id: "body", name: "body", label: { text: "Agreement text" }, hint: { text: "The text the parties sign. Headings start with #, lists with -." }, value: form.body, errorMessage: errors.body, rows: 16 }) }}
{{ govukTextarea({ id: "withdrawalTerms", name: "withdrawalTerms", label: { text: "How a party may withdraw" }, hint: { text: "Required for an agreement under the Policing and Crime Act 2017 (section 4)" }, value: form.withdrawalTerms, errorMessage: errors.withdrawalTerms, rows: 3 }) }}

<h2 class="govuk-heading-m">Dates and review</h2>
{{ dateField("effectiveDate", "Date it comes into force", form.effectiveDate, "Leave blank to start on the day the last party signs. For example, 1 4 2027", errors.effectiveDate) }}
{{ govukInput({ id: "reviewIntervalMonths", name: "reviewIntervalMonths", label: { text: "Review it every" }, suffix: { text: "months" }, classes: "govuk-input--width-3", inputmode: "numeric", value: form.reviewIntervalMonths, errorMessage: errors.reviewIntervalMonths }) }}
{{ dateField("nextReviewDate", "First review date", form.nextReviewDate, "Leave blank to review it one interval after it comes into force", errors.nextReviewDate) }}
{{ dateField("expiryDate", "Expiry date", form.expiryDate, "Leave blank if it does not end on a date", errors.expiryDate) }}

<h2 class="govuk-heading-m">Publication</h2>
{# Not a conditional reveal: GOV.UK Frontend marks those with aria-expanded, which radios may not carry (govuk-frontend#979). #}
{{ govukRadios({ name: "publish", idPrefix: "publish", fieldset: { legend: { text: "Publish it on the public register?", classes: "govuk-fieldset__legend--s" } }, value: form.publish, errorMessage: errors.publish,
  items: [ { value: "yes", text: "Yes" }, { value: "no", text: "No" } ] }) }}
{{ govukTextarea({ id: "publishExemptionReason", name: "publishExemptionReason", label: { text: "If not, why it is not published" }, hint: { text: "For example, it describes security arrangements" }, value: form.publishExemptionReason, errorMessage: errors.publishExemptionReason, rows: 3 }) }}
{{ govukTextarea({ id: "legalContacts", name: "legalContacts", label: { text: "Legal contacts" }, hint: { text: "Email addresses told about its progress, one on each line" }, value: form.legalContacts, errorMessage: errors.legalContacts, rows: 3 }) }}

<h2 class="govuk-heading-m" id="parties">Parties</h2>
{% if errors.parties %}<p class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{ errors.parties.text }}</p>{% endif %}
{% for party in form.parties %}{% set p = loop.index0 %}{% set at = "parties." + p %}
{% call govukFieldset({ legend: { text: "Party " + loop.index, classes: "govuk-fieldset__legend--m" }, classes: "accord-slot" }) %}
{{ govukSelect({ id: "parties-" + p + "-agencyId", name: at + ".agencyId", label: { text: "Agency" }, items: [{ value: "", text: "Choose an agency" }].concat(agencyItems), value: party.agencyId, errorMessage: errors[at + ".agencyId"] }) }}
{% if isVariation %}{{ govukCheckboxes({ name: at + ".leaving", idPrefix: "parties-" + p + "-leaving", items: [{ value: "yes", text: "This party leaves the agreement with this variation", checked: party.leaving }] }) }}{% endif %}
{{ govukTextarea({ id: "parties-" + p + "-assessment-efficiencyEffectiveness", name: at + ".assessment.efficiencyEffectiveness", label: { text: "Its assessment of the effect on its efficiency or effectiveness" }, hint: { text: "Required before it is sent for signature (Policing and Crime Act 2017, section 2)" }, value: party.efficiencyEffectiveness, errorMessage: errors[at + ".assessment.efficiencyEffectiveness"], rows: 3 }) }}
{{ govukTextarea({ id: "parties-" + p + "-assessment-publicSafety", name: at + ".assessment.publicSafety", label: { text: "Its assessment of the effect on public safety" }, value: party.publicSafety, errorMessage: errors[at + ".assessment.publicSafety"], rows: 3 }) }}
{% set consultation %}
{{ dateField(at + ".consultation.consultedOn", "When the chief officer was consulted", party.consultedOn, undefined, errors[at + ".consultation.consultedOn"]) }}
{{ govukInput({ id: "parties-" + p + "-consultation-chiefOfficer", name: at + ".consultation.chiefOfficer", label: { text: "Chief officer consulted" }, hint: { text: "For example, the Chief Constable of Warwickshire Police" }, value: party.chiefOfficer, errorMessage: errors[at + ".consultation.chiefOfficer"] }) }}
{{ govukTextarea({ id: "parties-" + p + "-consultation-outcome", name: at + ".consultation.outcome", label: { text: "What the chief officer said" }, value: party.consultationOutcome, errorMessage: errors[at + ".consultation.outcome"], rows: 3 }) }}
{% endset %}
<div id="parties-{{ p }}-consultation">
{% if errors[at + ".consultation"] %}<p class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{ errors[at + ".consultation"].text }}</p>{% endif %}
{{ govukDetails({ summaryText: "A policing body without its police force: its consultation of the chief officer", html: consultation, open: party.chiefOfficer or party.consultationOutcome or party.consultedOn.year or errors[at + ".consultation"] }) }}
</div>
<div id="parties-{{ p }}-signatories">
<h3 class="govuk-heading-s">Signatories</h3>
{% if errors[at + ".signatories"] %}<p class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{ errors[at + ".signatories"].text }}</p>{% endif %}
{% for signatory in party.signatories %}{% set s = loop.index0 %}{% set sat = at + ".signatories." + s %}
{% call govukFieldset({ legend: { text: "Signatory " + loop.index + " for party " + (p + 1), classes: "govuk-fieldset__legend--s" }, classes: "accord-slot accord-slot--inner" }) %}
{{ govukInput({ id: "parties-" + p + "-signatories-" + s + "-name", name: sat + ".name", label: { text: "Full name" }, value: signatory.name, errorMessage: errors[sat + ".name"], autocomplete: "off", spellcheck: false }) }}
{{ govukInput({ id: "parties-" + p + "-signatories-" + s + "-role", name: sat + ".role", label: { text: "Role" }, hint: { text: "For example, Chief Constable" }, value: signatory.role, errorMessage: errors[sat + ".role"] }) }}
{{ govukInput({ id: "parties-" + p + "-signatories-" + s + "-email", name: sat + ".email", type: "email", label: { text: "Email address" }, value: signatory.email, errorMessage: errors[sat + ".email"], autocomplete: "off", spellcheck: false }) }}
{{ govukInput({ id: "parties-" + p + "-signatories-" + s + "-order", name: sat + ".order", label: { text: "Signing order" }, hint: { text: "Signatories with a lower number are asked first; the same number signs in parallel. Leave blank for 1." }, classes: "govuk-input--width-2", inputmode: "numeric", value: signatory.order, errorMessage: errors[sat + ".order"] }) }}
{{ govukButton({ text: "Remove signatory " + loop.index + " from party " + (p + 1), name: "action", value: "remove-signatory-" + p + "-" + s, classes: "govuk-button--secondary govuk-!-margin-bottom-0" }) }}
{% endcall %}
{% endfor %}
{{ govukButton({ text: "Add another signatory to party " + (p + 1), name: "action", value: "add-signatory-" + p, classes: "govuk-button--secondary" }) }}
</div>
{{ govukInput({ id: "parties-" + p + "-requiredApprovals", name: at + ".requiredApprovals", label: { text: "Approvals it needs" }, hint: { text: "How many of its signatories must approve. Leave blank for all of them." }, classes: "govuk-input--width-2", inputmode: "numeric", value: party.requiredApprovals, errorMessage: errors[at + ".requiredApprovals"] }) }}
{{ govukButton({ text: "Remove party " + (p + 1), name: "action", value: "remove-party-" + p, classes: "govuk-button--warning" }) }}
{% endcall %}
{% endfor %}
{{ govukButton({ text: "Add another party", name: "action", value: "add-party", classes: "govuk-button--secondary" }) }}

<div class="govuk-button-group">
{{ govukButton({ text: "Save draft", name: "action", value: "save" }) }}
</div>
</form>
{% endblock %}`,
);

/** Every agency, by name as the store lists them. */
const agencyChoices = async () => (await agencies.list()).map((agency) => ({ value: agency.id, text: agency.name }));

/** Which agencies the user may draft for, when there is a choice to make. */
const ownerChoices = (user: TUser, all: { value: string; text: string }[], chosen: string) => {
  const own = user.role === 'admin' ? all : all.filter((agency) => user.agencies.includes(agency.value));
  if (own.length <= 1 && user.role !== 'admin') return null;
  return [{ value: '', text: user.role === 'admin' ? 'None (an administrator’s draft)' : 'Choose an agency' }, ...own].map((item) => ({
    ...item,
    selected: item.value === chosen,
  }));
};

const STALE_FIELDS: { key: keyof TDraftForm; label: string }[] = [
  { key: 'title', label: 'Title' },
  { key: 'summary', label: 'Summary' },
  { key: 'legalBasis', label: 'Legal basis' },
  { key: 'functions', label: 'Functions' },
  { key: 'body', label: 'Agreement text' },
  { key: 'withdrawalTerms', label: 'How a party may withdraw' },
  { key: 'reviewIntervalMonths', label: 'Review interval' },
  { key: 'effectiveDate', label: 'Date it comes into force' },
  { key: 'nextReviewDate', label: 'First review date' },
  { key: 'expiryDate', label: 'Expiry date' },
  { key: 'publish', label: 'Publication' },
  { key: 'publishExemptionReason', label: 'Why it is not published' },
  { key: 'legalContacts', label: 'Legal contacts' },
  { key: 'parties', label: 'Parties and signatories' },
];

const ZBasis = deferred(() => z.catch(z.record(z.string(), z.string()), {}));

const fingerprint = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 12);

/** A fingerprint of each field as the form was opened, so a stale save can say what someone else changed. */
const basisOf = (form: TDraftForm) => Object.fromEntries(STALE_FIELDS.map(({ key }) => [key, fingerprint(form[key])]));

const asText = (agreement: TAgreement, form: TDraftForm, key: keyof TDraftForm): string => {
  if (key === 'parties')
    return (
      agreement.parties
        .map((party) => `${party.agencyName} (${party.signatories.map((signatory) => signatory.name).join(', ') || 'no signatories'})`)
        .join('; ') || 'None'
    );
  const value = form[key];
  if (typeof value === 'string') return (key === 'body' ? `${value.slice(0, 200)}${value.length > 200 ? '…' : ''}` : value) || 'Blank';
  if ('day' in value) return value.year ? `${value.day}/${value.month}/${value.year}` : 'Blank';
  return '';
};

/**
 * What changed in the stored draft since the form was opened, compared by the fingerprints it
 * carried; and the fingerprints of the draft as it is now, for the form to carry next.
 */
const changedSince = (basisText: string | undefined, current: TAgreement) => {
  let basis: Record<string, string>;
  try {
    basis = ZBasis.parse(JSON.parse(basisText ?? '{}'));
  } catch {
    // A basis that is not one (altered, cut short) says nothing: every field reads as changed.
    basis = {};
  }
  const form = draftFormOf(current);
  const now = basisOf(form);
  return {
    stale: STALE_FIELDS.filter(({ key }) => basis[key] !== now[key]).map(({ key, label }) => ({ field: label, now: asText(current, form, key) })),
    basis: JSON.stringify(now),
  };
};

const renderForm = async (
  layout: TLayoutBase,
  user: TUser,
  input: Omit<TDraftView, 'agencyItems' | 'ownerItems' | 'legalBases' | 'errors'> & {
    errors?: TFieldError[];
    title: string;
    owner: boolean;
    filesHref?: string;
  },
) => {
  const agencyItems = await agencyChoices();
  // A draft's files are not on this form: their errors link to where they are kept.
  const { errorList, byField } = errorsForForm(input.errors ?? [], {
    ...DRAFT_ERROR_OPTIONS,
    hrefOf: (field) => (field.startsWith('attachments') ? (input.filesHref ?? null) : null),
  });
  const form = input.form.parties.length ? input.form : { ...input.form, parties: [emptyParty()] };
  return view({
    ...layout,
    ...input,
    form,
    title: input.title,
    errorList,
    errors: byField,
    agencyItems,
    ownerItems: input.owner ? ownerChoices(user, agencyItems, input.form.ownerAgencyId) : null,
    legalBases: LEGAL_BASES.map((basis) => ({ value: basis, text: LEGAL_BASIS_LABELS[basis] })),
  });
};

const newDraftKey = () => randomBytes(16).toString('base64url');

const editView = (agreement: TAgreement) => ({
  caption: `${agreement.reference}, version ${agreement.version}`,
  action: `${WORKSPACE_BASE}/agreements/${agreement.id}/edit`,
  isVariation: agreement.version > 1,
  owner: false,
});

/** What stops a draft being sent, shown where it is fixed: on the draft's form, beside each field. */
export const renderFixBeforeSending = async (layout: TLayoutBase, user: TUser, agreement: TAgreement, errors: TFieldError[]) => {
  const form = draftFormOf(agreement);
  return renderForm(layout, user, {
    ...editView(agreement),
    title: `Edit ${agreement.reference}`,
    heading: 'Fix the draft before it is sent for signature',
    form,
    revision: agreement.revision,
    basis: JSON.stringify(basisOf(form)),
    errors,
    filesHref: `${layout.base}/agreements/${agreement.id}#files`,
  });
};

/** Drafting: a new draft, editing one, and sending it for signature (its failures shown on the form). */
export const draftPages: TPage[] = [
  {
    method: 'GET',
    path: '/agreements/new',
    role: 'editor',
    handle: async ({ layout, user }) => ({
      html: await renderForm(layout, user, {
        title: 'New draft agreement',
        heading: 'New draft agreement',
        action: `${layout.base}/agreements/new`,
        form: emptyDraftForm(),
        isVariation: false,
        owner: true,
        draftKey: newDraftKey(),
      }),
    }),
  },
  {
    method: 'POST',
    path: '/agreements/new',
    role: 'editor',
    handle: async ({ layout, user, form: values }) => {
      const form = readDraftForm(values);
      const draftKey = values.draftKey && /^[\w-]{22}$/.test(values.draftKey) ? values.draftKey : newDraftKey();
      const again = (errors: TFieldError[] = [], key = draftKey) =>
        renderForm(layout, user, {
          title: 'New draft agreement',
          heading: 'New draft agreement',
          action: `${layout.base}/agreements/new`,
          form,
          isVariation: false,
          owner: true,
          errors,
          draftKey: key,
        });
      if (isFormAction(values)) return { html: await again() };
      const { request, errors } = createRequestOf(form);
      const parsed = ZCreateAgreementRequest.safeParse(request);
      const all = [...errors, ...(parsed.success ? [] : fieldErrorsOf(parsed.error))];
      if (!parsed.success || all.length) return { status: 400, html: await again(all) };
      try {
        const draft = await createDraft({
          input: parsed.data,
          user,
          now: new Date(),
          newId,
          agencies,
          agreements,
          idempotencyKey: `${user.email}|workspace|${draftKey}`,
        });
        return { redirect: `${layout.base}/agreements/${draft.id}${doneQuery('draft-created')}` };
      } catch (error) {
        const fieldErrors = formErrorsOf(error);
        // The same form, changed after it made a draft: saving it again makes a new one, on purpose.
        if (fieldErrors?.some((fieldError) => fieldError.path === 'Idempotency-Key')) {
          return {
            status: 409,
            html: await again(
              [{ path: '(body)', message: 'this form already made a draft, which is in your agreements. Save again to make another draft from what is below' }],
              newDraftKey(),
            ),
          };
        }
        if (fieldErrors) return { status: 400, html: await again(fieldErrors) };
        throw error;
      }
    },
  },
  {
    method: 'GET',
    path: '/agreements/{id}/edit',
    role: 'editor',
    handle: async ({ params, layout, user, query }) => {
      const agreement = await getAgreement({ id: params.id!, user, agreements });
      const form = draftFormOf(agreement);
      return {
        html: await renderForm({ ...layout, ...noticeOf(query) }, user, {
          ...editView(agreement),
          title: `Edit ${agreement.reference}`,
          heading: 'Edit draft',
          form,
          revision: agreement.revision,
          basis: JSON.stringify(basisOf(form)),
        }),
      };
    },
  },
  {
    method: 'POST',
    path: '/agreements/{id}/edit',
    role: 'editor',
    handle: async ({ params, layout, user, form: values }) => {
      const form = readDraftForm(values);
      const again = async (extra: { errors?: TFieldError[]; revision?: number; basis?: string; stale?: TDraftView['stale'] } = {}) => {
        const agreement = await getAgreement({ id: params.id!, user, agreements });
        return renderForm(layout, user, {
          ...editView(agreement),
          title: `Edit ${agreement.reference}`,
          heading: 'Edit draft',
          form,
          revision: Number(values.revision) || agreement.revision,
          basis: values.basis,
          ...extra,
        });
      };
      if (isFormAction(values)) return { html: await again() };
      const { request, errors } = patchRequestOf(form);
      const parsed = ZPatchAgreementRequest.safeParse(request);
      const all = [...errors, ...(parsed.success ? [] : fieldErrorsOf(parsed.error))];
      if (!parsed.success || all.length) return { status: 400, html: await again({ errors: all }) };
      try {
        const saved = await editDraft({
          id: params.id!,
          patch: parsed.data,
          ifMatch: ifMatchOf(values.revision),
          user,
          now: new Date(),
          newId,
          agencies,
          agreements,
        });
        return { redirect: `${layout.base}/agreements/${saved.id}${doneQuery('draft-saved')}` };
      } catch (error) {
        if (isAppError(error) && error.code === 'precondition_failed') {
          const current = await getAgreement({ id: params.id!, user, agreements });
          return { status: 409, html: await again({ revision: current.revision, ...changedSince(values.basis, current) }) };
        }
        const fieldErrors = formErrorsOf(error);
        if (fieldErrors) return { status: 400, html: await again({ errors: fieldErrors }) };
        throw error;
      }
    },
  },
  {
    method: 'POST',
    path: '/agreements/{id}/submit',
    role: 'editor',
    handle: async ({ params, layout, user, form: values }) => {
      try {
        const submitted = await submitAgreement({
          id: params.id!,
          user,
          ifMatch: ifMatchOf(values.revision),
          now: new Date(),
          ...(await signingLinkDependencies()),
        });
        return { redirect: `${layout.base}/agreements/${submitted.id}${doneQuery('submitted')}` };
      } catch (error) {
        const fieldErrors = formErrorsOf(error);
        if (!fieldErrors) throw error;
        return { status: 422, html: await renderFixBeforeSending(layout, user, await getAgreement({ id: params.id!, user, agreements }), fieldErrors) };
      }
    },
  },
];
