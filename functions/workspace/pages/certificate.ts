import { momentInWords, dateInWords } from '../../../shared/domain/calendar';
import { buildCertificate } from '../../../shared/domain/signing/evidence';
import type { TCertificate } from '../../../shared/schemas/evidence';
import { agreements } from '../dependencies';
import type { TPage } from '../page-route';
import { defineView } from '../view';
import { LEGAL_BASIS_LABELS, SIGNATORY_LABELS, STATUS_LABELS } from './labels';

const view = defineView<{ certificate: TCertificate; id: string; when: Record<string, string>; labels: object }>(
  'accord/certificate.njk',
  `{% block page %}
<span class="govuk-caption-l">{{ certificate.reference }}, version {{ certificate.version }}</span>
<h1 class="govuk-heading-l">Completion certificate</h1>
<p class="govuk-body">Who signed which document, when and from where: the record a court would ask for.</p>
{{ govukButton({ text: "Download the certificate (JSON)", href: base + "/agreements/" + id + "/certificate/download", classes: "govuk-button--secondary accord-no-print" }) }}
{{ govukSummaryList({ rows: [
  { key: { text: "Title" }, value: { text: certificate.title } },
  { key: { text: "Status" }, value: { text: labels.status[certificate.status].text } },
  { key: { text: "Legal basis" }, value: { text: labels.legalBasis[certificate.legalBasis] } },
  { key: { text: "Document hash (SHA-256)" }, value: { text: certificate.documentSha256 or "None yet", classes: "accord-hash" } },
  { key: { text: "In force from" }, value: { text: when.effectiveDate or "Not yet" } },
  { key: { text: "Audit trail" }, value: { text: certificate.auditTrail.events + " events, " + ("chain intact" if certificate.auditTrail.intact else "CHAIN BROKEN") } },
  { key: { text: "Issued" }, value: { text: when.issuedAt } }
] }) }}
{% for party in certificate.parties %}
<h2 class="govuk-heading-m">{{ party.agencyName }}{% if party.leaving %} (leaving){% endif %}</h2>
<p class="govuk-body">Needs {{ party.requiredApprovals }} approval{% if party.requiredApprovals != 1 %}s{% endif %}.</p>
<table class="govuk-table">
  <caption class="govuk-table__caption govuk-visually-hidden">Signatories for {{ party.agencyName }}</caption>
  <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Signatory</th><th scope="col" class="govuk-table__header">Decision</th><th scope="col" class="govuk-table__header">When and from where</th></tr></thead>
  <tbody class="govuk-table__body">{% for signatory in party.signatories %}<tr class="govuk-table__row">
    <td class="govuk-table__cell">{{ signatory.name }}<br><span class="govuk-body-s">{{ signatory.role }}</span></td>
    <td class="govuk-table__cell">{{ labels.signatory[signatory.status] }}{% if signatory.signedName %}<br><span class="govuk-body-s">Signed as “{{ signatory.signedName }}”</span>{% endif %}{% if signatory.reason %}<br><span class="govuk-body-s">{{ signatory.reason }}</span>{% endif %}</td>
    <td class="govuk-table__cell">{{ signatory.when or "" }}{% if signatory.ip %}<br><span class="govuk-body-s">{{ signatory.ip }}</span>{% endif %}{% if signatory.documentSha256 %}<br><span class="accord-hash">{{ signatory.documentSha256 }}</span>{% endif %}</td>
  </tr>{% endfor %}</tbody>
</table>
{% endfor %}
{% if certificate.attachments.length %}
<h2 class="govuk-heading-m">Files signed with the text</h2>
<ul class="govuk-list">{% for file in certificate.attachments %}<li>{{ file.name }} <span class="accord-hash">{{ file.sha256 }}</span></li>{% endfor %}</ul>
{% endif %}
{% endblock %}`,
);

/** The completion certificate, to read and print, and to download as the API gives it. */
export const certificatePages: TPage[] = [
  {
    method: 'GET',
    path: '/agreements/{id}/certificate',
    role: 'viewer',
    handle: async ({ params, user, layout }) => {
      const certificate = await buildCertificate({ id: params.id!, user, agreements, now: new Date() });
      return {
        html: view({
          ...layout,
          title: `Certificate of ${certificate.reference}`,
          backLink: { href: `${layout.base}/agreements/${params.id}`, text: certificate.reference },
          certificate: { ...certificate, parties: certificate.parties.map((party) => ({ ...party, signatories: party.signatories.map((signatory) => ({ ...signatory, when: signatory.decidedAt ? momentInWords(signatory.decidedAt) : null })) })) },
          id: params.id!,
          when: { issuedAt: momentInWords(certificate.issuedAt), ...(certificate.effectiveDate ? { effectiveDate: dateInWords(certificate.effectiveDate) } : {}) },
          labels: { status: STATUS_LABELS, legalBasis: LEGAL_BASIS_LABELS, signatory: SIGNATORY_LABELS },
        }),
      };
    },
  },
  {
    method: 'GET',
    path: '/agreements/{id}/certificate/download',
    role: 'viewer',
    handle: async ({ params, user }) => {
      const certificate = await buildCertificate({ id: params.id!, user, agreements, now: new Date() });
      return { file: { type: 'application/json', name: `${certificate.reference}-v${certificate.version}-certificate.json`, bytes: `${JSON.stringify(certificate, null, 2)}\n` } };
    },
  },
];
