import type { TCertificate } from '../schemas/evidence';
import { dateInWords, momentInWords } from '../domain/calendar';
import { html, layout } from './page';
import { renderMarkdown } from './markdown';

/** The certificate of completion as a page: what was signed (the text, rendered, and its files' hashes), by whom, and the trail's state. */
export const renderCertificatePage = (certificate: TCertificate, text: string): string =>
  layout(
    `Certificate ${certificate.reference}`,
    html`<h1>Completion certificate</h1>
<p><strong>${certificate.reference}</strong> version ${certificate.version}: ${certificate.title}</p>
<p>Status: <strong>${certificate.status.replace('_', ' ')}</strong>${certificate.effectiveDate ? html`, effective ${dateInWords(certificate.effectiveDate)}${certificate.nextReviewDate ? html`, next review ${dateInWords(certificate.nextReviewDate)}` : ''}` : ''}</p>
<p>Document SHA-256: <span class="hash">${certificate.documentSha256 ?? 'not yet fixed'}</span></p>
${certificate.parties.map(
  (party) => html`<h2>${party.agencyName}</h2><p class="muted">${party.requiredApprovals} approval(s) required${party.leaving ? html`; <strong>signed to leave the agreement</strong>` : ''}</p>
<table><tr><th>Signatory</th><th>Decision</th><th>Evidence</th></tr>
${party.signatories.map(
  (s) => html`<tr><td>${s.name}<br><span class="muted">${s.role}</span></td><td>${s.status.replace('_', ' ')}${s.decidedAt ? html`<br>${momentInWords(s.decidedAt)}` : ''}${s.reason ? html`<br>Reason: ${s.reason}` : ''}</td>
<td>${s.signedName ? html`Signed as “${s.signedName}”<br>` : ''}${s.ip ? html`From ${s.ip}<br><span class="muted">${s.userAgent}</span><br>` : ''}${s.documentSha256 ? html`<span class="hash">${s.documentSha256}</span>` : ''}</td></tr>`,
)}</table>`,
)}
${certificate.attachments.length > 0 ? html`<h2>Files signed with the text</h2><table><tr><th>File</th><th>SHA-256</th></tr>${certificate.attachments.map((file) => html`<tr><td>${file.name}</td><td class="hash">${file.sha256}</td></tr>`)}</table>` : ''}
<h2>Agreement text</h2>
${renderMarkdown(text)}
<p class="muted">Audit trail: ${certificate.auditTrail.events} events, chain ${certificate.auditTrail.intact ? 'intact' : 'BROKEN'}; last hash <span class="hash">${certificate.auditTrail.lastHash ?? '—'}</span>. Issued ${momentInWords(certificate.issuedAt)}.</p>`,
  );
