import type { TRegisterEntry } from '../schemas/register';
import { dateInWords } from '../domain/calendar';
import { publicationText } from '../domain/agreement/register';
import { html, layout } from './page';

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
  (entry) => html`<tr><td><strong>${entry.reference}</strong> v${entry.version}: ${entry.title}<br><span class="muted">${entry.summary}</span><br><a class="hash" href="verify/${entry.documentSha256 ?? ''}">${entry.documentSha256}</a>${entry.publication.map((publication) => html`<br><span class="muted">Published by ${publicationText(publication)}</span>`)}</td>
<td>${partyLinks(entry).map((link, index) => (index === 0 ? link : html`, ${link}`))}</td><td class="nowrap">${entry.effectiveDate ? dateInWords(entry.effectiveDate) : '—'}<br><span class="muted">review ${entry.nextReviewDate ? dateInWords(entry.nextReviewDate) : '—'}</span></td></tr>`,
)}</table>
${entries.length === 0 ? html`<p>No agreements are published yet.</p>` : ''}
${more ? html`<p><a href="${more}">More</a></p>` : ''}`,
  );
};
