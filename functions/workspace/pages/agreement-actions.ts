import type * as z from 'zod/mini';
import { recordReview, terminateAgreement } from '../../../shared/domain/agreement/after-signature';
import { canPerform } from '../../../shared/domain/agreement/lifecycle';
import { startNextVersion } from '../../../shared/domain/agreement/new-version';
import { recordPublication } from '../../../shared/domain/agreement/publication';
import { getAgreement } from '../../../shared/domain/agreement/read-agreements';
import { giveWithdrawalNotice } from '../../../shared/domain/agreement/withdrawal';
import { replaceSignatory, requestTermination, resendSigningLink, withdrawAgreement, withdrawTermination } from '../../../shared/domain/signing/sign-off';
import type { TRole, TUser } from '../../../shared/domain/user';
import { AppError, fieldErrorsOf, type TFieldError } from '../../../shared/errors';
import {
  REVIEW_OUTCOMES,
  ZPublicationRequest,
  ZReasonRequest,
  ZRecordReviewRequest,
  ZReplaceSignatoryRequest,
  ZTerminateRequest,
  ZTerminationRequest,
  ZWithdrawalNoticeRequest,
  type TAgreement,
} from '../../../shared/schemas/agreement';
import { agencies, agreements, newId, signingLinkDependencies } from '../dependencies';
import { DATE_PATHS, NOT_A_DATE, readDate, readIsoDate, type TDateParts } from '../draft-form-values';
import { errorsForForm, formErrorsOf, ifMatchOf, type TFormValues } from '../form';
import type { TLayoutBase, TPage } from '../page-route';
import { doneQuery, type TNotice } from '../notices';
import { defineView } from '../view';

type TFormContext = {
  agreement: TAgreement;
  values: TFormValues;
  dates: Record<string, TDateParts>;
  errors: Record<string, { text: string }>;
  extra: Record<string, unknown>;
};

/** The dates a form posted, as their parts, to put back in its date fields. */
const datesOf = (values: TFormValues): Record<string, TDateParts> =>
  Object.fromEntries(
    Object.keys(values)
      .filter((name) => name.endsWith('-day'))
      .map((name) => name.slice(0, -'-day'.length))
      .map((path) => [path, readDate(values, path)]),
  );

/**
 * A form that changes an agreement: a page that asks, and a POST that checks what was typed
 * with the API's own schema, makes the change, and goes back to the agreement saying what was done.
 */
type TAgreementForm<TSchema extends z.ZodMiniType> = {
  path: string;
  role: TRole;
  heading: (agreement: TAgreement) => string;
  hint?: string;
  fields: string;
  button: { text: string; classes?: string };
  schema: TSchema;
  labels: Record<string, string>;
  /** The request as the schema takes it, from the form's values (and what `extra` found); dates come as day, month and year. */
  request: (values: TFormValues, extra: Record<string, unknown>) => { input: Record<string, unknown>; errors: TFieldError[] };
  /** What the template needs beyond the agreement (an agency's list of signatories, say). */
  extra?: (agreement: TAgreement, params: Record<string, string | undefined>, user: TUser) => Promise<Record<string, unknown>> | Record<string, unknown>;
  perform: (options: {
    agreement: TAgreement;
    input: z.output<TSchema>;
    user: TUser;
    params: Record<string, string | undefined>;
    ifMatch: string | undefined;
    base: string;
    values: TFormValues;
  }) => Promise<{ to?: string; notice: TNotice }>;
};

const agreementForm = <TSchema extends z.ZodMiniType>(name: string, form: TAgreementForm<TSchema>): TPage[] => {
  const view = defineView<TFormContext & { heading: string; hint?: string; button: TAgreementForm<TSchema>['button'] }>(
    `accord/${name}.njk`,
    `{% block page %}
<span class="govuk-caption-l">{{ agreement.reference }}: {{ agreement.title }}</span>
<h1 class="govuk-heading-l">{{ heading }}</h1>
{% if hint %}<p class="govuk-body">{{ hint }}</p>{% endif %}
<form method="post" novalidate>
<input type="hidden" name="csrfToken" value="{{ csrfToken }}"><input type="hidden" name="revision" value="{{ values.revision }}">
${form.fields}
<div class="govuk-button-group">{{ govukButton({ text: button.text, classes: button.classes }) }}<a class="govuk-link" href="{{ base }}/agreements/{{ agreement.id }}">Cancel</a></div>
</form>
{% endblock %}`,
  );
  const extraFor = (agreement: TAgreement, params: Record<string, string | undefined>, user: TUser) => (form.extra ? form.extra(agreement, params, user) : {});
  const render = async (layout: TLayoutBase, agreement: TAgreement, extra: Record<string, unknown>, values: TFormValues, errors: TFieldError[] = []) => {
    const { errorList, byField } = errorsForForm(errors, {
      describe: (path) => form.labels[path] ?? form.labels[path.split('.')[0]!] ?? 'This form',
      fieldOf: (path) => (form.labels[path] ? path : (path.split('.')[0] ?? path)),
      firstPartOf: (field) => (DATE_PATHS.test(field) ? '-day' : null),
    });
    return view({
      ...layout,
      title: `${form.heading(agreement)}: ${agreement.reference}`,
      backLink: { href: `${layout.base}/agreements/${agreement.id}`, text: agreement.reference },
      errorList,
      errors: byField,
      agreement,
      values,
      dates: datesOf(values),
      heading: form.heading(agreement),
      hint: form.hint,
      button: form.button,
      extra,
    });
  };
  return [
    {
      method: 'GET',
      path: form.path,
      role: form.role,
      handle: async ({ params, user, layout }) => {
        const agreement = await getAgreement({ id: params.id!, user, agreements });
        return { html: await render(layout, agreement, await extraFor(agreement, params, user), { revision: String(agreement.revision) }) };
      },
    },
    {
      method: 'POST',
      path: form.path,
      role: form.role,
      handle: async ({ params, user, layout, form: values }) => {
        const agreement = await getAgreement({ id: params.id!, user, agreements });
        const extra = await extraFor(agreement, params, user);
        const { input, errors } = form.request(values, extra);
        const parsed = form.schema.safeParse(input);
        const all = [...errors, ...(parsed.success ? [] : fieldErrorsOf(parsed.error))];
        if (!parsed.success || all.length) return { status: 400, html: await render(layout, agreement, extra, values, all) };
        try {
          const done = await form.perform({ agreement, input: parsed.data, user, params, ifMatch: ifMatchOf(values.revision), base: layout.base, values });
          return { redirect: `${done.to ?? `${layout.base}/agreements/${agreement.id}`}${doneQuery(done.notice)}` };
        } catch (error) {
          const fieldErrors = formErrorsOf(error);
          if (fieldErrors) return { status: 400, html: await render(layout, agreement, extra, values, fieldErrors) };
          throw error;
        }
      },
    },
  ];
};

/** A button on the agreement's page that makes one change, with nothing to ask. */
const agreementButton = (
  path: string,
  role: TRole,
  perform: (options: {
    agreement: TAgreement;
    user: TUser;
    params: Record<string, string | undefined>;
    ifMatch: string | undefined;
    base: string;
  }) => Promise<{ to?: string; notice: TNotice }>,
): TPage => ({
  method: 'POST',
  path,
  role,
  handle: async ({ params, user, layout, form: values }) => {
    const agreement = await getAgreement({ id: params.id!, user, agreements });
    const done = await perform({ agreement, user, params, ifMatch: ifMatchOf(values.revision), base: layout.base });
    return { redirect: `${done.to ?? `${layout.base}/agreements/${agreement.id}`}${doneQuery(done.notice)}` };
  },
});

const reasonOnly = (values: TFormValues) => ({ input: { reason: values.reason ?? '' }, errors: [] });
const REASON_FIELD = (label: string, hint: string) =>
  `{{ govukTextarea({ id: "reason", name: "reason", label: { text: "${label}", classes: "govuk-label--s" }, hint: { text: "${hint}" }, value: values.reason, errorMessage: errors.reason }) }}`;

/** A date typed as day, month and year, into the request; blank is left out. */
const withDate = (values: TFormValues, field: string, input: Record<string, unknown>, errors: TFieldError[]) => {
  const date = readIsoDate(values, field);
  if (date === 'invalid') errors.push({ path: field, message: NOT_A_DATE });
  else if (date) input[field] = date;
};

const now = () => new Date();

export const agreementActionPages: TPage[] = [
  ...agreementForm('withdraw', {
    path: '/agreements/{id}/withdraw',
    role: 'editor',
    heading: () => 'Withdraw it from signature',
    hint: 'Every signatory asked so far is told, and their links stop working. You can revise it as a new draft afterwards.',
    fields: REASON_FIELD('Why are you withdrawing it?', 'The signatories read this'),
    button: { text: 'Withdraw from signature', classes: 'govuk-button--warning' },
    schema: ZReasonRequest,
    labels: { reason: 'Reason' },
    request: reasonOnly,
    perform: async ({ agreement, input, user, ifMatch }) => {
      await withdrawAgreement({ id: agreement.id, user, ifMatch, now: now(), newId, agreements, reason: input.reason });
      return { notice: 'withdrawn' };
    },
  }),
  ...agreementForm('review', {
    path: '/agreements/{id}/review',
    role: 'editor',
    heading: () => 'Record a review',
    hint: 'Record what the review found. To continue, the next review date is set; to vary, a variation draft opens; to end it, the agreement is terminated.',
    fields: `{{ govukRadios({ name: "outcome", idPrefix: "outcome", fieldset: { legend: { text: "What did the review decide?", classes: "govuk-fieldset__legend--s" } }, value: values.outcome, errorMessage: errors.outcome,
  items: [ { value: "continue", text: "Continue as it is" }, { value: "vary", text: "Vary it", hint: { text: "A variation draft opens; this version stays in force until the variation is signed" } }, { value: "terminate", text: "End it" } ] }) }}
{{ govukTextarea({ id: "notes", name: "notes", label: { text: "What the review found", classes: "govuk-label--s" }, value: values.notes, errorMessage: errors.notes }) }}
{{ dateField("nextReviewDate", "Next review date", dates.nextReviewDate or {}, "Leave blank for one review interval from today", errors.nextReviewDate) }}
<input type="hidden" name="reviewsSeen" value="{{ values.reviewsSeen or agreement.reviews.length }}">`,
    button: { text: 'Record the review' },
    schema: ZRecordReviewRequest,
    labels: { outcome: 'Outcome', notes: 'What the review found', nextReviewDate: 'Next review date' },
    request: (values) => {
      const errors: TFieldError[] = [];
      const input: Record<string, unknown> = {
        outcome: (REVIEW_OUTCOMES as readonly string[]).includes(values.outcome ?? '') ? values.outcome : undefined,
        notes: values.notes ?? '',
      };
      withDate(values, 'nextReviewDate', input, errors);
      return { input, errors };
    },
    // Guarded by the reviews the form showed, not the revision: the executed copy sealed meanwhile is no reason to refuse it.
    perform: async ({ agreement, input, user, base, values }) => {
      const reviewsSeen = /^\d+$/.test(values.reviewsSeen ?? '') ? Number(values.reviewsSeen) : agreement.reviews.length;
      const { variation } = await recordReview({
        id: agreement.id,
        input,
        user,
        reviewsSeen,
        now: now(),
        ...(await signingLinkDependencies()),
      });
      return variation ? { to: `${base}/agreements/${variation.id}/edit`, notice: 'review-variation' } : { notice: 'review-recorded' };
    },
  }),
  ...agreementForm('request-termination', {
    path: '/agreements/{id}/termination',
    role: 'editor',
    heading: () => 'Ask every party to end it',
    hint: "Each party's signatories are emailed a link to agree, as in sign-off. It ends when every party has agreed.",
    fields: `${REASON_FIELD('Why should it end?', 'Every signatory reads this')}
{{ dateField("effectiveDate", "When it ends", dates.effectiveDate or {}, "Leave blank to end it on the day the last party agrees", errors.effectiveDate) }}`,
    button: { text: 'Ask every party', classes: 'govuk-button--warning' },
    schema: ZTerminationRequest,
    labels: { reason: 'Reason', effectiveDate: 'When it ends' },
    request: (values) => {
      const errors: TFieldError[] = [];
      const input: Record<string, unknown> = { reason: values.reason ?? '' };
      withDate(values, 'effectiveDate', input, errors);
      return { input, errors };
    },
    perform: async ({ agreement, input, user, ifMatch }) => {
      await requestTermination({ id: agreement.id, ...input, user, ifMatch, now: now(), ...(await signingLinkDependencies()) });
      return { notice: 'termination-requested' };
    },
  }),
  ...agreementForm('withdraw-termination', {
    path: '/agreements/{id}/termination/withdraw',
    role: 'editor',
    heading: () => 'Withdraw the request to end it',
    hint: 'The links close, everyone asked is told, and the agreement stays in force.',
    fields: REASON_FIELD('Why are you withdrawing the request?', 'Everyone asked reads this'),
    button: { text: 'Withdraw the request', classes: 'govuk-button--warning' },
    schema: ZReasonRequest,
    labels: { reason: 'Reason' },
    request: reasonOnly,
    perform: async ({ agreement, input, user, ifMatch }) => {
      await withdrawTermination({ id: agreement.id, reason: input.reason, user, ifMatch, now: now(), newId, agreements });
      return { notice: 'termination-withdrawn' };
    },
  }),
  ...agreementForm('record-termination', {
    path: '/agreements/{id}/terminate',
    role: 'admin',
    heading: () => 'Record a termination agreed outside Accord',
    hint: 'Only when every party has agreed to end it elsewhere, in writing. Every party is told.',
    fields: `${REASON_FIELD('Why it ended', 'For the record and the parties')}
{{ govukTextarea({ id: "evidence", name: "evidence", label: { text: "Where every party agreed", classes: "govuk-label--s" }, hint: { text: "Minutes, letters and their references" }, value: values.evidence, errorMessage: errors.evidence }) }}
{{ dateField("effectiveDate", "When it ended", dates.effectiveDate or {}, "Leave blank for today", errors.effectiveDate) }}`,
    button: { text: 'Record the termination', classes: 'govuk-button--warning' },
    schema: ZTerminateRequest,
    labels: { reason: 'Reason', evidence: 'Where every party agreed', effectiveDate: 'When it ended' },
    request: (values) => {
      const errors: TFieldError[] = [];
      const input: Record<string, unknown> = { reason: values.reason ?? '', evidence: values.evidence ?? '' };
      withDate(values, 'effectiveDate', input, errors);
      return { input, errors };
    },
    perform: async ({ agreement, input, user }) => {
      await terminateAgreement({ id: agreement.id, ...input, user, now: now(), newId, agreements });
      return { notice: 'terminated' };
    },
  }),
  ...agreementForm('replace-signatory', {
    path: '/agreements/{id}/signatories/{signatoryId}/replace',
    role: 'editor',
    heading: () => 'Put someone in a signatory’s place',
    hint: "The new signatory must be on the party agency's list of authorised signatories. If the one replaced had been asked, the new one gets a link and the old link closes.",
    fields: `{{ govukRadios({ name: "email", idPrefix: "email", fieldset: { legend: { text: "Who signs instead of " + extra.replaced.name + "?", classes: "govuk-fieldset__legend--s" } }, value: values.email, errorMessage: errors.email, items: extra.choices }) }}
{{ govukRadios({ name: "kind", idPrefix: "kind", fieldset: { legend: { text: "Is this a replacement or a delegation?", classes: "govuk-fieldset__legend--s" } }, value: values.kind, errorMessage: errors.kind,
  items: [ { value: "replacement", text: "A replacement", hint: { text: "They hold the post now" } }, { value: "delegation", text: "A delegation", hint: { text: "They sign on the signatory's behalf" } } ] }) }}
${REASON_FIELD('Why?', 'For the audit trail')}`,
    button: { text: 'Put them in place' },
    schema: ZReplaceSignatoryRequest,
    labels: { email: 'Who signs instead', name: 'Who signs instead', role: 'Who signs instead', kind: 'Replacement or delegation', reason: 'Reason' },
    extra: async (agreement, params) => {
      const party = agreement.parties.find((candidate) => candidate.signatories.some((signatory) => signatory.id === params.signatoryId));
      const replaced = party?.signatories.find((signatory) => signatory.id === params.signatoryId);
      if (!party || !replaced) throw new AppError('not_found', 'There is no such signatory on this agreement.');
      const agency = await agencies.get(party.agencyId);
      const choices = (agency?.signatories ?? [])
        .filter((person) => person.email !== replaced.email)
        .map((person) => ({ value: person.email, text: `${person.name}, ${person.role}`, hint: { text: person.email } }));
      return { replaced, choices, people: agency?.signatories ?? [] };
    },
    request: (values, extra) => {
      const person = (extra.people as { name: string; role: string; email: string }[]).find((candidate) => candidate.email === values.email);
      const errors: TFieldError[] = person ? [] : [{ path: 'email', message: 'choose who signs instead' }];
      return {
        input: { name: person?.name ?? '', role: person?.role ?? '', email: values.email ?? '', kind: values.kind, reason: values.reason ?? '' },
        errors,
      };
    },
    perform: async ({ agreement, input, user, params, ifMatch }) => {
      await replaceSignatory({
        id: agreement.id,
        signatoryId: params.signatoryId!,
        ...input,
        user,
        ifMatch,
        now: now(),
        ...(await signingLinkDependencies()),
      });
      return { notice: 'replaced' };
    },
  }),
  ...agreementForm('publication', {
    path: '/agreements/{id}/parties/{agencyId}/publication',
    role: 'editor',
    heading: () => 'Record how your agency publishes it',
    hint: 'Police Act 1996, section 23E: each party publishes the agreement in its publication scheme, or says why not. The public register shows what you record.',
    fields: `{{ govukRadios({ name: "mode", idPrefix: "mode", fieldset: { legend: { text: "How does " + extra.agencyName + " publish it?", classes: "govuk-fieldset__legend--s" } }, value: values.mode, errorMessage: errors.mode,
  items: [ { value: "full", text: "The whole text" }, { value: "summary", text: "A summary" }, { value: "withheld", text: "Not published" } ] }) }}
{{ govukInput({ id: "where", name: "where", label: { text: "Where it is published", classes: "govuk-label--s" }, hint: { text: "A web address or a place; not needed if it is not published" }, value: values.where, errorMessage: errors.where }) }}
{{ govukTextarea({ id: "reason", name: "reason", label: { text: "Why it is not published in full", classes: "govuk-label--s" }, hint: { text: "Not needed if the whole text is published" }, value: values.reason, errorMessage: errors.reason }) }}`,
    button: { text: 'Record publication' },
    schema: ZPublicationRequest,
    labels: { mode: 'How it is published', where: 'Where it is published', reason: 'Why it is not published in full' },
    extra: (agreement, params) => {
      const party = agreement.parties.find((candidate) => candidate.agencyId === params.agencyId);
      if (!party) throw new AppError('not_found', 'That agency is not a party to this agreement.');
      return { agencyName: party.agencyName };
    },
    request: (values) => ({
      input: {
        mode: ['full', 'summary', 'withheld'].includes(values.mode ?? '') ? values.mode : undefined,
        ...(values.where?.trim() ? { where: values.where } : {}),
        ...(values.reason?.trim() ? { reason: values.reason } : {}),
      },
      errors: [],
    }),
    perform: async ({ agreement, input, user, params, ifMatch }) => {
      await recordPublication({ id: agreement.id, agencyId: params.agencyId!, publication: input, user, ifMatch, now: now(), newId, agreements });
      return { notice: 'publication-recorded' };
    },
  }),
  ...agreementForm('withdrawal-notice', {
    path: '/agreements/{id}/withdrawals',
    role: 'editor',
    heading: () => 'Give notice that a party leaves',
    hint: 'Under the agreement’s withdrawal terms (Policing and Crime Act 2017, section 4). On the day, the other parties carry on as a new version, or the agreement ends if fewer than two remain. Every party is told.',
    fields: `{{ govukSelect({ id: "agencyId", name: "agencyId", label: { text: "Which party leaves?", classes: "govuk-label--s" }, items: [{ value: "", text: "Choose a party" }].concat(extra.parties), value: values.agencyId, errorMessage: errors.agencyId }) }}
{{ dateField("effectiveDate", "The day it leaves", dates.effectiveDate or {}, "Today or later, as the withdrawal terms allow", errors.effectiveDate) }}
${REASON_FIELD('Why it leaves', 'Every party reads this')}`,
    button: { text: 'Give notice', classes: 'govuk-button--warning' },
    schema: ZWithdrawalNoticeRequest,
    labels: { agencyId: 'Which party leaves', effectiveDate: 'The day it leaves', reason: 'Reason' },
    extra: (agreement) => ({
      parties: agreement.parties.filter((party) => !party.leaving).map((party) => ({ value: party.agencyId, text: party.agencyName })),
    }),
    request: (values) => {
      const errors: TFieldError[] = [];
      const input: Record<string, unknown> = { agencyId: values.agencyId ?? '', reason: values.reason ?? '' };
      withDate(values, 'effectiveDate', input, errors);
      if (!input.effectiveDate && !errors.length) errors.push({ path: 'effectiveDate', message: 'enter the day it leaves' });
      if (!values.agencyId) errors.push({ path: 'agencyId', message: 'choose a party' });
      return { input, errors };
    },
    perform: async ({ agreement, input, user, ifMatch }) => {
      await giveWithdrawalNotice({ id: agreement.id, ...input, user, ifMatch, now: now(), newId, agreements });
      return { notice: 'withdrawal-notice' };
    },
  }),
  agreementButton('/agreements/{id}/signatories/{signatoryId}/resend', 'editor', async ({ agreement, user, params, ifMatch }) => {
    await resendSigningLink({
      id: agreement.id,
      signatoryId: params.signatoryId!,
      user,
      ifMatch,
      now: now(),
      ...(await signingLinkDependencies()),
    });
    return { notice: 'resent' };
  }),
  // A second version cannot start twice (the status guard refuses it), so no revision is asked for.
  agreementButton('/agreements/{id}/revise', 'editor', async ({ agreement, user, base }) => {
    const draft = await startNextVersion({ id: agreement.id, action: 'revise', user, now: now(), newId, agreements });
    return { to: `${base}/agreements/${draft.id}/edit`, notice: 'revised' };
  }),
  agreementButton('/agreements/{id}/variations', 'editor', async ({ agreement, user, base }) => {
    const draft = await startNextVersion({ id: agreement.id, action: 'vary', user, now: now(), newId, agreements });
    return { to: `${base}/agreements/${draft.id}/edit`, notice: 'varied' };
  }),
];

/** Which of the forms above the agreement's page offers, by its status and the user's role. */
export const actionsFor = (agreement: TAgreement, user: TUser) => {
  const editor = user.role !== 'viewer';
  const may = (action: Parameters<typeof canPerform>[1]) => editor && canPerform(agreement.status, action);
  const round = agreement.terminationRound;
  return {
    edit: may('edit'),
    submit: may('submit'),
    withdraw: may('withdraw'),
    resend: may('withdraw'),
    revise: may('revise'),
    vary: may('vary'),
    review: may('review'),
    requestTermination: may('request_termination') && !round,
    withdrawTermination: editor && agreement.status === 'in_force' && !!round && !round.agreedAt,
    recordTermination: user.role === 'admin' && canPerform(agreement.status, 'terminate'),
    publication: editor && agreement.status === 'in_force',
    withdrawalNotice: editor && agreement.status === 'in_force',
  };
};
