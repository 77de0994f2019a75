import type { TRegisterEntry } from '../schemas/register';
import { dateInWords } from '../domain/calendar';
import { publicationText } from '../domain/agreement/register';
import { html, layout } from './page';
import { renderMarkdown } from './markdown';
import { partiesNow, type TAgreement } from '../schemas/agreement';

const partyLinks = (entry: TRegisterEntry) =>
  entry.parties.map((name, index) => html`<a href="register?agency=${encodeURIComponent(entry.partyAgencyIds[index] ?? '')}">${name}</a>`);

/** The register as a page; with `agency`, the agreements that agency is a party to. */
export const renderRegisterPage = (entries: TRegisterEntry[], nextCursor: string | null, agency?: string): string => {
  const agencyName = agency ? (entries.flatMap((entry) => entry.parties.filter((_, index) => entry.partyAgencyIds[index] === agency))[0] ?? agency) : undefined;
  const title = agencyName ? `Collaboration agreements of ${agencyName}` : 'Register of collaboration agreements';
  const more = nextCursor ? `register?${new URLSearchParams({ ...(agency ? { agency } : {}), cursor: nextCursor }).toString()}` : null;
  return layout(
    title,
    html`<h1>${title}</h1>
<p class="muted">Agreements in force between emergency services and their partners (Policing and Crime Act 2017; Police Act 1996 s.23E). Also as <a href="register.json${agency ? `?agency=${encodeURIComponent(agency)}` : ''}">JSON</a> and, the whole register, <a href="register.csv">CSV</a>.${agency ? html` <a href="register">All agreements</a>.` : ''}</p>
<table><tr><th>Agreement</th><th>Parties</th><th>In force</th></tr>
${entries.map(
  (entry) => html`<tr><td><a href="register/agreements/${entry.id}"><strong>${entry.reference}</strong> v${entry.version}: ${entry.title}</a><br><span class="muted">${entry.summary}</span><br><a class="hash" href="verify/${entry.documentSha256 ?? ''}">${entry.documentSha256}</a>${entry.publication.map((publication) => html`<br><span class="muted">Published by ${publicationText(publication)}</span>`)}</td>
<td>${partyLinks(entry).map((link, index) => (index === 0 ? link : html`, ${link}`))}</td><td class="nowrap">${entry.effectiveDate ? dateInWords(entry.effectiveDate) : '—'}<br><span class="muted">review ${entry.nextReviewDate ? dateInWords(entry.nextReviewDate) : '—'}</span></td></tr>`,
)}</table>
${entries.length === 0 ? html`<p>No agreements are published yet.</p>` : ''}
${more ? html`<p><a href="${more}">More</a></p>` : ''}`,
  );
};

/** A published agreement's text, as the parties signed it, with its files' fingerprints. */
export const renderPublishedAgreementPage = (agreement: TAgreement): string =>
  layout(
    `${agreement.reference} ${agreement.title}`,
    html`<p><a href="../../register">The register</a></p>
<h1>${agreement.title}</h1>
<p class="muted">${agreement.reference}, version ${String(agreement.version)}. In force since ${agreement.effectiveDate ? dateInWords(agreement.effectiveDate) : '—'}; next review ${agreement.nextReviewDate ? dateInWords(agreement.nextReviewDate) : '—'}.</p>
<p>${agreement.summary}</p>
<h2>Parties</h2>
<ul>${partiesNow(agreement).map((party) => html`<li>${party.agencyName}</li>`)}</ul>
<h2>Agreement text</h2>
${renderMarkdown(agreement.body)}
${agreement.withdrawalTerms ? html`<h3>Withdrawal</h3><div class="text">${agreement.withdrawalTerms}</div>` : ''}
${agreement.attachments.length > 0 ? html`<h2>Files that are part of it</h2><ul>${agreement.attachments.filter((file) => file.status === 'available').map((file) => html`<li>${file.name} <span class="hash">SHA-256 ${file.sha256}</span></li>`)}</ul>` : ''}
<p>Document SHA-256: <a class="hash" href="../../verify/${agreement.documentSha256 ?? ''}">${agreement.documentSha256}</a></p>`,
  );
