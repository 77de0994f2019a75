import type { TRegisterEntry } from '../schemas/register';
import { dateInWords } from '../domain/calendar';
import { publicationText } from '../domain/agreement/register';
import { html, layout, scrollingDocument } from './page';
import { renderMarkdown } from './markdown';
import { partiesNow, type TAgreement } from '../schemas/agreement';

const partyLinks = (entry: TRegisterEntry) =>
  entry.parties.map((name, index) => html`<a class="govuk-link" href="register?agency=${encodeURIComponent(entry.partyAgencyIds[index] ?? '')}">${name}</a>`);

/** The register as a page; with `agency`, the agreements that agency is a party to. */
export const renderRegisterPage = (entries: TRegisterEntry[], nextCursor: string | null, agency?: string): string => {
  const agencyName = agency ? (entries.flatMap((entry) => entry.parties.filter((_, index) => entry.partyAgencyIds[index] === agency))[0] ?? agency) : undefined;
  const title = agencyName ? `Collaboration agreements of ${agencyName}` : 'Register of collaboration agreements';
  const more = nextCursor ? `register?${new URLSearchParams({ ...(agency ? { agency } : {}), cursor: nextCursor }).toString()}` : null;
  return layout(
    title,
    html`<h1 class="govuk-heading-l">${title}</h1>
<p class="govuk-body">Agreements in force between emergency services and their partners (Policing and Crime Act 2017; Police Act 1996 s.23E). Also as <a class="govuk-link" href="register.json${agency ? `?agency=${encodeURIComponent(agency)}` : ''}">JSON</a> and, the whole register, <a class="govuk-link" href="register.csv">CSV</a>.${agency ? html` <a class="govuk-link" href="register">All agreements</a>.` : ''}</p>
${
  entries.length === 0
    ? html`<p class="govuk-body">No agreements are published yet.</p>`
    : html`<table class="govuk-table"><caption class="govuk-table__caption govuk-visually-hidden">${title}</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Agreement</th><th scope="col" class="govuk-table__header">Parties</th><th scope="col" class="govuk-table__header">In force</th></tr></thead>
<tbody class="govuk-table__body">${entries.map(
        (entry) => html`<tr class="govuk-table__row"><td class="govuk-table__cell"><a class="govuk-link" href="register/agreements/${entry.id}"><strong>${entry.reference}</strong> v${entry.version}: ${entry.title}</a><br><span class="govuk-body-s">${entry.summary}</span><br><a class="govuk-link accord-hash" href="verify/${entry.documentSha256 ?? ''}">${entry.documentSha256}</a>${entry.publication.map((publication) => html`<br><span class="govuk-body-s">Published by ${publicationText(publication)}</span>`)}</td>
<td class="govuk-table__cell">${partyLinks(entry).map((link, index) => (index === 0 ? link : html`, ${link}`))}</td><td class="govuk-table__cell">${entry.effectiveDate ? dateInWords(entry.effectiveDate) : '—'}<br><span class="govuk-body-s">review ${entry.nextReviewDate ? dateInWords(entry.nextReviewDate) : '—'}</span></td></tr>`,
      )}</tbody></table>`
}
${more ? html`<p class="govuk-body"><a class="govuk-link" href="${more}">More</a></p>` : ''}`,
  );
};

/** A published agreement's text, as the parties signed it, with its files' fingerprints. */
export const renderPublishedAgreementPage = (agreement: TAgreement): string => {
  const files = agreement.attachments.filter((file) => file.status === 'available');
  return layout(
    `${agreement.reference} ${agreement.title}`,
    html`<span class="govuk-caption-l">${agreement.reference}, version ${String(agreement.version)}</span>
<h1 class="govuk-heading-l">${agreement.title}</h1>
<p class="govuk-body">In force since ${agreement.effectiveDate ? dateInWords(agreement.effectiveDate) : '—'}; next review ${agreement.nextReviewDate ? dateInWords(agreement.nextReviewDate) : '—'}.</p>
<p class="govuk-body">${agreement.summary}</p>
<h2 class="govuk-heading-m">Parties</h2>
<ul class="govuk-list govuk-list--bullet">${partiesNow(agreement).map((party) => html`<li>${party.agencyName}</li>`)}</ul>
<h2 class="govuk-heading-m">Agreement text</h2>
${scrollingDocument('Agreement text', renderMarkdown(agreement.body))}
${agreement.withdrawalTerms ? html`<h3 class="govuk-heading-s">Withdrawal</h3><p class="govuk-body accord-plain-text">${agreement.withdrawalTerms}</p>` : ''}
${
  files.length > 0
    ? html`<h2 class="govuk-heading-m">Files that are part of it</h2>
<table class="govuk-table"><thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">File</th><th scope="col" class="govuk-table__header">SHA-256</th></tr></thead><tbody class="govuk-table__body">${files.map(
        (file) => html`<tr class="govuk-table__row"><td class="govuk-table__cell">${file.name}</td><td class="govuk-table__cell accord-hash">${file.sha256}</td></tr>`,
      )}</tbody></table>`
    : ''
}
<p class="govuk-body">Document SHA-256: <a class="govuk-link accord-hash" href="../../verify/${agreement.documentSha256 ?? ''}">${agreement.documentSha256}</a></p>`,
    { backLink: { href: '../../register', text: html`The register` } },
  );
};
