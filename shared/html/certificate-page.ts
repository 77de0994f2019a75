import type { TCertificate } from '../schemas/evidence';
import { dateInWords, momentInWords } from '../domain/calendar';
import { html, layout, scrollingDocument, summaryList } from './page';
import { renderMarkdown } from './markdown';

/** The certificate of completion as a page: what was signed (the text, rendered, and its files' hashes), by whom, and the trail's state. */
export const renderCertificatePage = (certificate: TCertificate, text: string): string => {
  const trail = html`Audit trail: ${String(certificate.auditTrail.events)} events, chain ${certificate.auditTrail.intact ? html`intact` : html`BROKEN`}; last hash <span class="accord-hash">${certificate.auditTrail.lastHash ?? '—'}</span>. Issued ${momentInWords(certificate.issuedAt)}.`;
  return layout(
    `Certificate ${certificate.reference}`,
    html`<h1 class="govuk-heading-l">Completion certificate</h1>
${summaryList([
  { key: html`Agreement`, value: html`<strong>${certificate.reference}</strong> version ${certificate.version}: ${certificate.title}` },
  {
    key: html`Status`,
    value: html`<strong>${certificate.status.replace('_', ' ')}</strong>${certificate.effectiveDate ? html`, effective ${dateInWords(certificate.effectiveDate)}${certificate.nextReviewDate ? html`, next review ${dateInWords(certificate.nextReviewDate)}` : ''}` : ''}`,
  },
  { key: html`Document SHA-256`, value: html`<span class="accord-hash">${certificate.documentSha256 ?? 'not yet fixed'}</span>` },
])}
${certificate.parties.map(
  (party) => html`<h2 class="govuk-heading-m">${party.agencyName}</h2><p class="govuk-body">${party.requiredApprovals} approval(s) required${party.leaving ? html`; <strong>signed to leave the agreement</strong>` : ''}</p>
<table class="govuk-table"><thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Signatory</th><th scope="col" class="govuk-table__header">Decision</th><th scope="col" class="govuk-table__header">Evidence</th></tr></thead><tbody class="govuk-table__body">
${party.signatories.map(
  (s) => html`<tr class="govuk-table__row"><td class="govuk-table__cell">${s.name}<br><span class="govuk-body-s">${s.role}</span></td><td class="govuk-table__cell">${s.status.replace('_', ' ')}${s.decidedAt ? html`<br>${momentInWords(s.decidedAt)}` : ''}${s.reason ? html`<br>Reason: ${s.reason}` : ''}</td>
<td class="govuk-table__cell">${s.signedName ? html`Signed as “${s.signedName}”<br>` : ''}${s.ip ? html`From ${s.ip}<br><span class="govuk-body-s">${s.userAgent}</span><br>` : ''}${s.documentSha256 ? html`<span class="accord-hash">${s.documentSha256}</span>` : ''}</td></tr>`,
)}</tbody></table>`,
)}
${
  certificate.attachments.length > 0
    ? html`<h2 class="govuk-heading-m">Files signed with the text</h2><table class="govuk-table"><thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">File</th><th scope="col" class="govuk-table__header">SHA-256</th></tr></thead><tbody class="govuk-table__body">${certificate.attachments.map(
        (file) => html`<tr class="govuk-table__row"><td class="govuk-table__cell">${file.name}</td><td class="govuk-table__cell accord-hash">${file.sha256}</td></tr>`,
      )}</tbody></table>`
    : ''
}
<h2 class="govuk-heading-m">Agreement text</h2>
${scrollingDocument('Agreement text', renderMarkdown(text))}
${
  certificate.auditTrail.intact
    ? html`<div class="govuk-inset-text">${trail}</div>`
    : html`<div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span> ${trail}</strong></div>`
}`,
  );
};
