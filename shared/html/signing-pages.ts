import { dateInWords } from '../domain/calendar';
import type { TAgreement } from '../schemas/agreement';
import { DECLINE_REASON_CODES } from '../schemas/agreement';
import { ATTACHMENT_TYPES, fileSizeInWords } from '../schemas/attachment';
import type { TFieldError } from '../errors';
import { renderMarkdown } from './markdown';
import { formErrors, html, joinIsolated, layout, notificationBanner, radios, scrollingDocument, select, summaryList, textarea, textInput, type Html } from './page';

const REASON_LABELS: Record<(typeof DECLINE_REASON_CODES)[number], string> = {
  public_safety: 'Adverse effect on public safety',
  efficiency_effectiveness: 'Adverse effect on our efficiency or effectiveness',
  nhs_impact: 'Adverse effect on other functions or the NHS (ambulance trusts)',
  other: 'Another reason',
};

/** The files that are part of what is signed, each opened through the signing link, with its hash. */
const renderAttachmentList = (agreement: TAgreement, token: string): Html | string => {
  const stored = agreement.attachments.filter((file) => file.status === 'available');
  if (stored.length === 0) return '';
  return html`<h2 class="govuk-heading-m">Files that are part of this agreement</h2>
<p class="govuk-body">Read each one before you decide: their fingerprints are part of the document hash you sign.</p>
<table class="govuk-table"><thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">File</th><th scope="col" class="govuk-table__header">Type and size</th><th scope="col" class="govuk-table__header">SHA-256</th></tr></thead><tbody class="govuk-table__body">${stored.map(
    (file) =>
      html`<tr class="govuk-table__row"><td class="govuk-table__cell"><a class="govuk-link" href="${encodeURIComponent(token)}/attachments/${file.id}">${file.name}</a></td><td class="govuk-table__cell">${ATTACHMENT_TYPES[file.contentType]}, ${fileSizeInWords(file.size)}</td><td class="govuk-table__cell accord-hash">${file.sha256}</td></tr>`,
  )}</tbody></table>`;
};

/** The page a party's copy link shows until the executed copy is sealed (moments after it comes into force). */
export const renderCopyBeingSealed = (agreement: TAgreement): string =>
  layout(
    `Executed copy of ${agreement.reference}`,
    html`<h1 class="govuk-heading-l">The executed copy is being prepared</h1><p class="govuk-body">${agreement.reference}, version ${String(agreement.version)}: ${agreement.title}. Its sealed PDF is made moments after it comes into force. This page reloads by itself; try again in a minute.</p>`,
  );

/** The page a signatory sees from their link: the exact text, the parties, the hash, and the form. */
export const renderSigningPage = (options: {
  agreement: TAgreement;
  signatoryId: string;
  /** Signing the agreement, or agreeing to end it. */
  purpose?: 'sign_off' | 'termination';
  /** The link's own token: the page's links to the agreement's files go through it. */
  token: string;
  errors?: TFieldError[];
  values?: Record<string, string>;
}): string => {
  const ending = options.purpose === 'termination' ? options.agreement.terminationRound : null;
  const { agreement } = options;
  const signatory = agreement.parties.flatMap((p) => p.signatories).find((s) => s.id === options.signatoryId)!;
  const party = agreement.parties.find((p) => p.signatories.some((s) => s.id === options.signatoryId))!;
  const { errorList, messageFor } = formErrors(options.errors, [
    { name: 'decision', label: 'Your decision' },
    { name: 'signedName', label: 'Your signature' },
    { name: 'reasonCode', label: 'The statutory ground' },
    { name: 'reason', label: 'Your reason' },
  ]);
  const value = (field: string) => options.values?.[field] ?? '';
  return layout(
    `Sign ${agreement.reference}`,
    html`<span class="govuk-caption-l">${agreement.reference}, version ${agreement.version}</span>
<h1 class="govuk-heading-l">${ending ? html`End this agreement? ` : ''}${agreement.title}</h1>
<p class="govuk-body">You are asked to decide as <strong>${signatory.name}</strong>, ${signatory.role}, for <strong>${party.agencyName}</strong>.</p>
${
  ending
    ? html`${notificationBanner({ content: html`<p class="govuk-notification-banner__heading">Every party is asked to agree to end this agreement, which is in force.</p><p class="govuk-body">It ends only when every party has agreed.</p>` })}
${summaryList([
  { key: html`Reason`, value: ending.reason },
  { key: html`It would end on`, value: dateInWords(ending.effectiveDate) },
  { key: html`Asked by`, value: ending.requestedBy },
])}`
    : ''
}
<h2 class="govuk-heading-m">Parties</h2>
<ul class="govuk-list govuk-list--bullet">${agreement.parties.map((p) => html`<li>${p.agencyName}${p.leaving ? html` <strong>(leaving the agreement by this version)</strong>` : ''}: ${joinIsolated(p.signatories.map((s) => s.name))}</li>`)}</ul>
<h2 class="govuk-heading-m">Agreement text</h2>
${scrollingDocument('Agreement text', renderMarkdown(agreement.body))}
${agreement.withdrawalTerms ? html`<h3 class="govuk-heading-s">Withdrawal</h3><p class="govuk-body accord-plain-text">${agreement.withdrawalTerms}</p>` : ''}
${renderAttachmentList(agreement, options.token)}
<p class="govuk-body">Document SHA-256: <span class="accord-hash">${agreement.documentSha256}</span></p>
<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
<form method="post">
${radios({
  name: 'decision',
  legend: html`Your decision`,
  error: messageFor('decision'),
  items: [
    { value: 'approve', label: html`${ending ? html`I agree to end this agreement` : html`I approve this agreement`} on behalf of ${party.agencyName}`, checked: value('decision') === 'approve' },
    { value: 'decline', label: html`I decline${ending ? html`: it stays in force` : ''}`, checked: value('decision') === 'decline' },
  ],
})}
${textInput({ name: 'signedName', label: html`To approve, type your full name as your signature`, value: value('signedName'), error: messageFor('signedName'), autocomplete: 'name' })}
${select({
  name: 'reasonCode',
  label: html`To decline, the statutory ground`,
  error: messageFor('reasonCode'),
  options: DECLINE_REASON_CODES.map((code) => ({ value: code, text: REASON_LABELS[code], selected: value('reasonCode') === code })),
})}
${textarea({ name: 'reason', label: html`To decline, your reason`, value: value('reason'), error: messageFor('reason'), rows: 4 })}
<div class="govuk-inset-text">Your decision is recorded with the time, your IP address and browser, and the document hash above.</div>
<button type="submit" class="govuk-button">Record my decision</button>
</form>
</div></div>`,
    { errorList },
  );
};

const OUTCOME_NOTES: Record<string, string> = {
  in_force: 'Every party has now signed: the agreement is in force.',
  terminated: 'Every party has now agreed: the agreement has ended.',
  agreed: 'Every party has now agreed: the agreement ends on the date agreed.',
};

export const renderDecisionRecorded = (agreement: TAgreement, decision: 'approve' | 'decline', outcome: string): string =>
  layout(
    'Decision recorded',
    html`${notificationBanner({
      success: true,
      content: html`<p class="govuk-notification-banner__heading">Your ${decision === 'approve' ? html`approval` : html`decision to decline`} of <strong>${agreement.reference}</strong> (${agreement.title}) has been recorded.</p>`,
    })}
<h1 class="govuk-heading-l">Thank you</h1>
${OUTCOME_NOTES[outcome] ? html`<p class="govuk-body">${OUTCOME_NOTES[outcome]}</p>` : ''}
<p class="govuk-body">Document SHA-256: <span class="accord-hash">${agreement.documentSha256}</span>. You can close this page.</p>`,
  );

export const renderProblemPage = (status: number, title: string, detail: string): string =>
  layout(title, html`<h1 class="govuk-heading-l">${title}</h1><p class="govuk-body">${detail}</p><p class="govuk-body-s">Error ${String(status)}</p>`);
