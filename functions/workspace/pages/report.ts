import { addDays, daysBetween, dateInWords, londonDate, momentInWords } from '../../../shared/domain/calendar';
import { getAgreement, listEveryAgreement } from '../../../shared/domain/agreement/read-agreements';
import { forEachConcurrently } from '../../../shared/domain/bounded-concurrency';
import { AGREEMENT_STATUSES, type TAgreement, type TAgreementSummary } from '../../../shared/schemas/agreement';
import { agreements } from '../dependencies';
import type { TPage } from '../page-route';
import { defineView } from '../view';
import { STATUS_LABELS } from './labels';

/** A signature is chased after this long. */
const OUTSTANDING_DAYS = 7;
const EXPIRY_WINDOW_DAYS = 90;
/** The report reads every agreement the user may see, up to this many. */
const REPORT_LIMIT = 5_000;
/** Agreements read at once for their signatories: enough to be quick, few enough not to be throttled. */
const READS_AT_ONCE = 8;

type TLine = { id: string; reference: string; title: string; detail: string };

const view = defineView<{
  asOf: string;
  counts: { status: string; count: number }[];
  total: number;
  sections: { id: string; heading: string; empty: string; lines: TLine[] }[];
}>(
  'accord/report.njk',
  `{% block page %}
<span class="govuk-caption-l">As of {{ asOf }}</span>
<h1 class="govuk-heading-l">Board report</h1>
<p class="govuk-body accord-no-print">For the agencies you may see. Print it from your browser; the page prints without its navigation.</p>
<table class="govuk-table">
  <caption class="govuk-table__caption govuk-table__caption--m">Agreements by status</caption>
  <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Status</th><th scope="col" class="govuk-table__header govuk-table__header--numeric">Agreements</th></tr></thead>
  <tbody class="govuk-table__body">{% for line in counts %}<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">{{ line.status }}</th><td class="govuk-table__cell govuk-table__cell--numeric">{{ line.count }}</td></tr>{% endfor %}
  <tr class="govuk-table__row"><th scope="row" class="govuk-table__header">All</th><td class="govuk-table__cell govuk-table__cell--numeric">{{ total }}</td></tr></tbody>
</table>
{% for section in sections %}
<h2 class="govuk-heading-m" id="{{ section.id }}">{{ section.heading }}</h2>
{% if section.lines.length %}
<table class="govuk-table">
  <caption class="govuk-table__caption govuk-visually-hidden">{{ section.heading }}</caption>
  <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Reference</th><th scope="col" class="govuk-table__header">Title</th><th scope="col" class="govuk-table__header">Detail</th></tr></thead>
  <tbody class="govuk-table__body">{% for line in section.lines %}<tr class="govuk-table__row"><td class="govuk-table__cell"><a class="govuk-link" href="{{ base }}/agreements/{{ line.id }}">{{ line.reference }}</a></td><td class="govuk-table__cell">{{ line.title }}</td><td class="govuk-table__cell">{{ line.detail }}</td></tr>{% endfor %}</tbody>
</table>
{% else %}<p class="govuk-body">{{ section.empty }}</p>{% endif %}
{% endfor %}
{% endblock %}`,
);

/** The last day of the calendar quarter a date falls in. */
const endOfQuarter = (isoDate: string) => {
  const [year, month] = isoDate.split('-').map(Number) as [number, number];
  const lastMonth = Math.ceil(month / 3) * 3;
  return addDays(`${lastMonth === 12 ? year + 1 : year}-${String(lastMonth === 12 ? 1 : lastMonth + 1).padStart(2, '0')}-01`, -1);
};

/** What a board asks of its collaboration agreements, for the agencies the user may see. */
export const reportPages: TPage[] = [
  {
    method: 'GET',
    path: '/report',
    role: 'viewer',
    handle: async ({ user, layout }) => {
      const now = new Date();
      const today = londonDate(now);
      const rows = await listEveryAgreement({ query: {}, user, agreements, most: REPORT_LIMIT });
      const line = (row: TAgreementSummary, detail: string): TLine => ({ id: row.id, reference: row.reference, title: row.title, detail });
      const inForce = rows.filter((row) => row.status === 'in_force');
      const quarterEnds = endOfQuarter(today);
      // Who is awaited, and since when, is on the agreement itself: read only those being signed or declined.
      const details: TAgreement[] = [];
      await forEachConcurrently(
        rows.filter((row) => row.status === 'awaiting_signatures' || row.status === 'declined'),
        READS_AT_ONCE,
        async (row) => void details.push(await getAgreement({ id: row.id, user, agreements })),
      );
      const outstanding = details.flatMap((agreement) =>
        agreement.parties.flatMap((party) =>
          party.signatories
            .filter((signatory) => signatory.status === 'requested' && signatory.requestedAt && daysBetween(londonDate(new Date(signatory.requestedAt)), today) > OUTSTANDING_DAYS)
            .map((signatory) => ({ id: agreement.id, reference: agreement.reference, title: agreement.title, detail: `${signatory.name} (${party.agencyName}), asked ${momentInWords(signatory.requestedAt!)}` })),
        ),
      );
      const declines = details
        .filter((agreement) => agreement.status === 'declined')
        .flatMap((agreement) =>
          agreement.parties.flatMap((party) =>
            party.signatories.filter((signatory) => signatory.status === 'declined').map((signatory) => ({ id: agreement.id, reference: agreement.reference, title: agreement.title, detail: `${signatory.name} (${party.agencyName}): ${signatory.reason ?? 'no reason given'}` })),
          ),
        );
      return {
        html: view({
          ...layout,
          title: 'Board report',
          backLink: { href: layout.base, text: 'All agreements' },
          asOf: dateInWords(today),
          total: rows.length,
          counts: AGREEMENT_STATUSES.map((status) => ({ status: STATUS_LABELS[status].text, count: rows.filter((row) => row.status === status).length })),
          sections: [
            {
              id: 'reviews-overdue',
              heading: 'Reviews overdue',
              empty: 'None.',
              lines: inForce.filter((row) => row.nextReviewDate && row.nextReviewDate < today).map((row) => line(row, `Was due ${dateInWords(row.nextReviewDate!)}`)),
            },
            {
              id: 'reviews-due',
              heading: `Reviews due by the end of this quarter (${dateInWords(quarterEnds)})`,
              empty: 'None.',
              lines: inForce.filter((row) => row.nextReviewDate && row.nextReviewDate >= today && row.nextReviewDate <= quarterEnds).map((row) => line(row, `Due ${dateInWords(row.nextReviewDate!)}`)),
            },
            { id: 'outstanding', heading: `Signatures outstanding for more than ${OUTSTANDING_DAYS} days`, empty: 'None.', lines: outstanding },
            { id: 'declines', heading: 'Declined, with the reasons given', empty: 'None.', lines: declines },
            {
              id: 'expiring',
              heading: `Expiring in the next ${EXPIRY_WINDOW_DAYS} days`,
              empty: 'None.',
              lines: inForce.filter((row) => row.expiryDate && row.expiryDate >= today && row.expiryDate <= addDays(today, EXPIRY_WINDOW_DAYS)).map((row) => line(row, `Expires ${dateInWords(row.expiryDate!)}`)),
            },
          ],
        }),
      };
    },
  },
];
