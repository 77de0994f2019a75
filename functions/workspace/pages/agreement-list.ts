import { addDays, dateInWords, londonDate } from '../../../shared/domain/calendar';
import { toCsv } from '../../../shared/domain/csv';
import { listAgreements, listEveryAgreement } from '../../../shared/domain/agreement/read-agreements';
import type { TUser } from '../../../shared/domain/user';
import { fieldErrorsOf, type TFieldError } from '../../../shared/errors';
import { AGREEMENT_STATUSES, LEGAL_BASES, ZListAgreementsQuery, type TAgreementSummary, type TListAgreementsQuery } from '../../../shared/schemas/agreement';
import { agencies, agreements } from '../dependencies';
import { errorsForForm } from '../form';
import type { TPage } from '../page-route';
import { noticeOf } from '../notices';
import { defineView } from '../view';
import { LEGAL_BASIS_LABELS, STATUS_LABELS } from './labels';

/** The list's filters as the form names them: the API's query, with review dates chosen in words. */
const FILTERS = ['q', 'status', 'agency', 'legalBasis', 'review', 'sort'] as const;
type TFilters = Partial<Record<(typeof FILTERS)[number] | 'cursor', string>>;
const REVIEW_WINDOW_DAYS = 90;
/** An export reads every page, up to this many agreements (a request must end within the function's timeout). */
const EXPORT_LIMIT = 5_000;

const view = defineView<{
  rows: (TAgreementSummary & { reviewOn: string | null })[];
  filters: TFilters;
  choices: Record<string, { value: string; text: string; selected: boolean }[]>;
  nextPage: string | null;
  firstPage: string | null;
  exportHref: string;
  statusLabels: typeof STATUS_LABELS;
  fieldErrors: Record<string, { text: string }>;
}>(
  'accord/agreement-list.njk',
  `{% block page %}
<h1 class="govuk-heading-l">Agreements</h1>
{% if user.role == "admin" %}<p class="govuk-body accord-no-print"><a class="govuk-link" href="{{ base }}/agreements/import">Import agreements signed outside Accord</a></p>{% endif %}
<form method="get" action="{{ base }}" class="govuk-!-margin-bottom-6 accord-no-print" role="search" aria-label="Agreements">
  {{ govukInput({ id: "q", name: "q", label: { text: "Search" }, hint: { text: "Reference, title, summary, party, or a signatory’s name or email" }, value: filters.q, errorMessage: fieldErrors.q, classes: "govuk-!-width-two-thirds" }) }}
  <div class="accord-filters">
    {{ govukSelect({ id: "status", name: "status", label: { text: "Status" }, items: choices.status, errorMessage: fieldErrors.status }) }}
    {{ govukSelect({ id: "agency", name: "agency", label: { text: "Agency" }, items: choices.agency, errorMessage: fieldErrors.agency }) }}
    {{ govukSelect({ id: "legalBasis", name: "legalBasis", label: { text: "Legal basis" }, items: choices.legalBasis, errorMessage: fieldErrors.legalBasis }) }}
    {{ govukSelect({ id: "review", name: "review", label: { text: "Review" }, items: choices.review }) }}
    {{ govukSelect({ id: "sort", name: "sort", label: { text: "Order" }, items: choices.sort, errorMessage: fieldErrors.sort }) }}
  </div>
  <div class="govuk-button-group">
    {{ govukButton({ text: "Search", classes: "govuk-button--secondary" }) }}
    <a class="govuk-link" href="{{ exportHref }}">Download these agreements (CSV)</a>
  </div>
</form>
{% if rows.length %}
<table class="govuk-table">
  <caption class="govuk-table__caption govuk-table__caption--m govuk-visually-hidden">Agreements you may see</caption>
  <thead class="govuk-table__head"><tr class="govuk-table__row">
    <th scope="col" class="govuk-table__header">Reference</th>
    <th scope="col" class="govuk-table__header">Title</th>
    <th scope="col" class="govuk-table__header">Status</th>
    <th scope="col" class="govuk-table__header">Parties</th>
    <th scope="col" class="govuk-table__header">Next review</th>
    <th scope="col" class="govuk-table__header">Waiting for</th>
  </tr></thead>
  <tbody class="govuk-table__body">
  {% for row in rows %}
    <tr class="govuk-table__row">
      <td class="govuk-table__cell"><a class="govuk-link" href="{{ base }}/agreements/{{ row.id }}">{{ row.reference }}</a></td>
      <td class="govuk-table__cell">{{ row.title }}</td>
      <td class="govuk-table__cell">{{ govukTag({ text: statusLabels[row.status].text, classes: statusLabels[row.status].classes }) }}</td>
      <td class="govuk-table__cell">{% for party in row.parties %}{{ party.agencyName }}{% if not loop.last %}, {% endif %}{% endfor %}</td>
      <td class="govuk-table__cell">{{ row.reviewOn or "" }}</td>
      <td class="govuk-table__cell">{{ row.awaiting | join(", ") }}</td>
    </tr>
  {% endfor %}
  </tbody>
</table>
{% else %}
<p class="govuk-body">No agreements match.</p>
{% endif %}
{% if nextPage or firstPage %}
{{ govukPagination({ previous: { href: firstPage, text: "First page" } if firstPage else undefined, next: { href: nextPage, text: "Next page" } if nextPage else undefined }) }}
{% endif %}
{% endblock %}`,
);

const option = (value: string, text: string, chosen: string | undefined) => ({ value, text, selected: (chosen ?? '') === value });

/** The filters the form sent, as the API's list query; what cannot be one is an error by field. */
const listQueryOf = (filters: TFilters, now: Date): { query: TListAgreementsQuery | null; errors: TFieldError[] } => {
  const today = londonDate(now);
  const review = filters.review === 'overdue' ? addDays(today, -1) : filters.review === 'due' ? addDays(today, REVIEW_WINDOW_DAYS) : undefined;
  const parsed = ZListAgreementsQuery.safeParse({
    ...Object.fromEntries(Object.entries(filters).filter(([name, value]) => value && name !== 'review')),
    ...(review ? { reviewDueBefore: review } : {}),
  });
  return parsed.success ? { query: parsed.data, errors: [] } : { query: null, errors: fieldErrorsOf(parsed.error) };
};

const filtersOf = (query: Record<string, string | undefined>): TFilters =>
  Object.fromEntries([...FILTERS, 'cursor'].flatMap((name) => (query[name] ? [[name, query[name]!]] : [])));

const agencyChoices = async (user: TUser) => {
  const all = await agencies.list();
  return user.role === 'admin' ? all : all.filter((agency) => user.agencies.includes(agency.id));
};

const ERROR_LABELS: Record<string, string> = { q: 'Search', status: 'Status', agency: 'Agency', legalBasis: 'Legal basis', sort: 'Order', reviewDueBefore: 'Review', cursor: 'Page' };

/** Every agreement the user may see, searched, filtered and ordered on the server, a page at a time; and the same list as CSV. */
export const agreementListPages: TPage[] = [
  {
    method: 'GET',
    path: '/',
    role: 'viewer',
    handle: async ({ query: raw, user, layout }) => {
      const filters = filtersOf(raw);
      const { query, errors } = listQueryOf(filters, new Date());
      const { byField, errorList } = errorsForForm(errors, { describe: (path) => ERROR_LABELS[path] ?? 'Search', fieldOf: (path) => (path === 'reviewDueBefore' ? 'review' : path) });
      const page = query ? await listAgreements({ query, user, agreements }) : { items: [], nextCursor: null };
      const { cursor, ...withoutCursor } = filters;
      const ownAgencies = await agencyChoices(user);
      return {
        html: view({
          ...layout,
          ...noticeOf(raw),
          title: 'Agreements',
          errorList,
          fieldErrors: byField,
          rows: page.items.map((row) => ({ ...row, reviewOn: row.status === 'in_force' && row.nextReviewDate ? dateInWords(row.nextReviewDate) : null })),
          filters,
          statusLabels: STATUS_LABELS,
          choices: {
            status: [option('', 'Any status', filters.status), ...AGREEMENT_STATUSES.map((status) => option(status, STATUS_LABELS[status].text, filters.status))],
            agency: [option('', user.role === 'admin' ? 'Every agency' : 'All my agencies', filters.agency), ...ownAgencies.map((agency) => option(agency.id, agency.name, filters.agency))],
            legalBasis: [option('', 'Any', filters.legalBasis), ...LEGAL_BASES.map((basis) => option(basis, LEGAL_BASIS_LABELS[basis], filters.legalBasis))],
            review: [option('', 'Any time', filters.review), option('due', `Due in the next ${REVIEW_WINDOW_DAYS} days`, filters.review), option('overdue', 'Overdue', filters.review)],
            sort: [option('newest', 'Newest first', filters.sort), option('oldest', 'Oldest first', filters.sort)],
          },
          nextPage: page.nextCursor ? `${layout.base}?${new URLSearchParams({ ...withoutCursor, cursor: page.nextCursor })}` : null,
          firstPage: cursor ? `${layout.base}?${new URLSearchParams(withoutCursor)}` : null,
          exportHref: `${layout.base}/agreements.csv?${new URLSearchParams(withoutCursor)}`,
        }),
      };
    },
  },
  {
    method: 'GET',
    path: '/agreements.csv',
    role: 'viewer',
    handle: async ({ query: raw, user }) => {
      const { cursor: _ignored, ...filters } = filtersOf(raw);
      const { query } = listQueryOf(filters, new Date());
      // Every page the filters give, not the one on the screen.
      const rows = query ? await listEveryAgreement({ query, user, agreements, most: EXPORT_LIMIT }) : [];
      const csv = toCsv(
        ['reference', 'version', 'title', 'status', 'legalBasis', 'parties', 'effectiveDate', 'nextReviewDate', 'awaiting', 'owner', 'createdAt'],
        rows.map((row) => [
          row.reference,
          String(row.version),
          row.title,
          STATUS_LABELS[row.status].text,
          LEGAL_BASIS_LABELS[row.legalBasis],
          row.parties.map((party) => party.agencyName).join('; '),
          row.effectiveDate ?? '',
          row.nextReviewDate ?? '',
          row.awaiting.join('; '),
          row.owner,
          row.createdAt,
        ]),
      );
      return { file: { type: 'text/csv; charset=utf-8', name: `accord-agreements-${londonDate(new Date())}.csv`, bytes: csv } };
    },
  },
];
