import { importCsv } from '../../../shared/domain/agreement/import-agreement';
import { friendlyMessage, type TFieldError } from '../../../shared/errors';
import { ZImportCsvRequest, type TImportCsvResult } from '../../../shared/schemas/agreement';
import { agencies, agreements, newId } from '../dependencies';
import { attempt, errorsForForm, type TFormValues } from '../form';
import type { TLayoutBase, TPage, TPageResult } from '../page-route';
import { defineView } from '../view';

const OUTCOMES = {
  would_create: { text: 'Ready to import', classes: 'govuk-tag--blue' },
  created: { text: 'Imported', classes: 'govuk-tag--green' },
  exists: { text: 'Imported before', classes: 'govuk-tag--grey' },
  invalid: { text: 'Has problems', classes: 'govuk-tag--red' },
} as const;

const FORM_FIELDS = `<input type="hidden" name="csrfToken" value="{{ csrfToken }}">`;

const importView = defineView<{ values: TFormValues; errors: Record<string, { text: string }>; result: (TImportCsvResult & { ready: number }) | null; outcomes: typeof OUTCOMES }>(
  'accord/import.njk',
  `{% block page %}
<h1 class="govuk-heading-l">Import agreements signed outside Accord</h1>
{% if result %}
<h2 class="govuk-heading-m">{{ "What was imported" if not result.dryRun else "What the file holds" }}</h2>
<table class="govuk-table">
  <caption class="govuk-table__caption govuk-visually-hidden">Each agreement in the file</caption>
  <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Source reference</th><th scope="col" class="govuk-table__header">Lines</th><th scope="col" class="govuk-table__header">Outcome</th><th scope="col" class="govuk-table__header">Problems</th></tr></thead>
  <tbody class="govuk-table__body">{% for item in result.agreements %}<tr class="govuk-table__row">
    <td class="govuk-table__cell">{% if item.agreementId %}<a class="govuk-link" href="{{ base }}/agreements/{{ item.agreementId }}">{{ item.sourceReference }}</a>{% else %}{{ item.sourceReference }}{% endif %}</td>
    <td class="govuk-table__cell">{{ item.lines | join(", ") }}</td>
    <td class="govuk-table__cell">{{ govukTag(outcomes[item.outcome]) }}</td>
    <td class="govuk-table__cell">{% if item.errors.length %}<ul class="govuk-list govuk-!-font-size-16">{% for error in item.errors %}<li>Line {{ error.line }}, {{ error.field }}: {{ error.message }}</li>{% endfor %}</ul>{% else %}None{% endif %}</td>
  </tr>{% endfor %}</tbody>
</table>
{% if result.dryRun and result.ready %}
<form method="post" enctype="multipart/form-data" novalidate>
${FORM_FIELDS}
<input type="hidden" name="csv" value="{{ values.csv }}"><input type="hidden" name="attestation" value="{{ values.attestation }}"><input type="hidden" name="action" value="import">
{{ govukWarningText({ text: "Each agreement ready enters in force now, its signatures attested by you. Those with problems are left out; fix them and import the file again." }) }}
{{ govukButton({ text: "Import " + result.ready + (" agreement" if result.ready == 1 else " agreements") }) }}
</form>
{% endif %}
<p class="govuk-body"><a class="govuk-link" href="{{ base }}/agreements/import">Check another file</a></p>
{% else %}
<p class="govuk-body">The register’s backlog, signed on paper before Accord, enters in force so its reviews are reminded like any other. First Accord checks the file and lists every problem by line; nothing is imported until you confirm.</p>
<details class="govuk-details"><summary class="govuk-details__summary"><span class="govuk-details__summary-text">The columns the file needs</span></summary><div class="govuk-details__text">One row for each signatory, with a header line: sourceReference, title, summary, legalBasis, effectiveDate, nextReviewDate, expiryDate, signedCopySha256, agencyId, signatoryName, signatoryRole, signatoryEmail, signedOn. The rows of one sourceReference make one agreement. Dates are written 2024-04-01.</div></details>
<form method="post" enctype="multipart/form-data" novalidate>
${FORM_FIELDS}
<input type="hidden" name="action" value="check">
{% if values.csv %}<input type="hidden" name="csv" value="{{ values.csv }}">{% endif %}
{{ govukFileUpload({ id: "csv", name: "file", label: { text: "The file (CSV)", classes: "govuk-label--s" }, hint: { text: "The file you chose is kept: choose another only to replace it. Up to 1,000,000 characters." if values.csv else "Up to 1,000,000 characters (about 200 agreements)." }, errorMessage: errors.csv, attributes: { accept: ".csv,text/csv" } }) }}
{{ govukTextarea({ id: "attestation", name: "attestation", label: { text: "How you satisfied yourself they were signed", classes: "govuk-label--s" }, hint: { text: "Recorded as the first event of each agreement’s audit trail, for example: the sealed copies held by legal services, checked against the register on 1 March" }, value: values.attestation, errorMessage: errors.attestation, rows: 3 }) }}
{{ govukButton({ text: "Check the file" }) }}
</form>
{% endif %}
{% endblock %}`,
);

const LABELS: Record<string, string> = { csv: 'The file', attestation: 'How they were checked' };

const render = (layout: TLayoutBase, values: TFormValues, errors: TFieldError[] = [], result: TImportCsvResult | null = null): TPageResult => {
  const { errorList, byField } = errorsForForm(errors, { describe: (path) => LABELS[path] ?? 'The form', positionOf: (path) => Object.keys(LABELS).indexOf(path) });
  return {
    status: errors.length ? 400 : 200,
    html: importView({
      ...layout,
      title: 'Import agreements',
      backLink: { href: layout.base, text: 'All agreements' },
      errorList,
      errors: byField,
      values,
      result: result && {
        dryRun: result.dryRun,
        agreements: result.agreements.map((item) => ({ ...item, errors: item.errors.map((error) => ({ ...error, message: friendlyMessage(error.message) })) })),
        ready: result.agreements.filter((item) => item.outcome === 'would_create').length,
      },
      outcomes: OUTCOMES,
    }),
  };
};

/** Importing the register's backlog from a CSV file: checked first, every problem by line, then imported on confirmation. */
export const importPages: TPage[] = [
  { method: 'GET', path: '/agreements/import', role: 'admin', handle: async ({ layout }) => render(layout, {}) },
  {
    method: 'POST',
    path: '/agreements/import',
    role: 'admin',
    handle: async ({ layout, user, form, files }) => {
      const csv = files.file ? files.file.bytes.toString('utf8') : (form.csv ?? '');
      const values: TFormValues = { ...form, csv };
      const input = { csv, attestation: values.attestation ?? '', dryRun: values.action !== 'import' };
      const parsed = ZImportCsvRequest.safeParse(input);
      return attempt(
        (errors) => render(layout, values, errors),
        parsed,
        async () => {
          if (!csv.trim()) return render(layout, values, [{ path: 'csv', message: 'choose the CSV file' }]);
          return render(layout, values, [], await importCsv({ ...parsed.data!, user, now: new Date(), newId, agencies, agreements }));
        },
      );
    },
  },
];
