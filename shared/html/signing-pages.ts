import { dateInWords } from '../domain/calendar';
import type { TAgreement } from '../schemas/agreement';
import { DECLINE_REASON_CODES } from '../schemas/agreement';
import { ATTACHMENT_TYPES } from '../schemas/attachment';
import type { TFieldError } from '../errors';
import { renderMarkdown } from './markdown';
import { html, joinIsolated, layout, type Html } from './page';

const REASON_LABELS: Record<(typeof DECLINE_REASON_CODES)[number], string> = {
  public_safety: 'Adverse effect on public safety',
  efficiency_effectiveness: 'Adverse effect on our efficiency or effectiveness',
  nhs_impact: 'Adverse effect on other functions or the NHS (ambulance trusts)',
  other: 'Another reason',
};

const sizeInWords = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/** The files that are part of what is signed, each opened through the signing link, with its hash. */
const renderAttachmentList = (agreement: TAgreement, token: string): Html | string => {
  const stored = agreement.attachments.filter((file) => file.status === 'available');
  if (stored.length === 0) return '';
  return html`<h2>Files that are part of this agreement</h2>
<p>Read each one before you decide: their fingerprints are part of the document hash you sign.</p>
<table><thead><tr><th scope="col">File</th><th scope="col">Type and size</th><th scope="col">SHA-256</th></tr></thead><tbody>${stored.map(
    (file) =>
      html`<tr><td><a href="${encodeURIComponent(token)}/attachments/${file.id}">${file.name}</a></td><td>${ATTACHMENT_TYPES[file.contentType]}, ${sizeInWords(file.size)}</td><td class="hash">${file.sha256}</td></tr>`,
  )}</tbody></table>`;
};

/** The page a party's copy link shows until the executed copy is sealed (moments after it comes into force). */
export const renderCopyBeingSealed = (agreement: TAgreement): string =>
  layout(
    `Executed copy of ${agreement.reference}`,
    html`<h1>The executed copy is being prepared</h1><p>${agreement.reference}, version ${String(agreement.version)}: ${agreement.title}. Its sealed PDF is made moments after it comes into force. This page reloads by itself; try again in a minute.</p>`,
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
  const errorFor = (field: string): Html | string => {
    const error = options.errors?.find((e) => e.path === field);
    return error ? html`<span class="error">${error.message}</span>` : '';
  };
  const value = (field: string) => options.values?.[field] ?? '';
  return layout(
    `Sign ${agreement.reference}`,
    html`<h1>${ending ? 'End this agreement? ' : ''}${agreement.title}</h1>
<p class="muted">${agreement.reference}, version ${agreement.version}. You are asked to decide as <strong>${signatory.name}</strong>, ${signatory.role}, for <strong>${party.agencyName}</strong>.</p>
${ending ? html`<div class="notice"><p>Every party is asked to agree to end this agreement, which is in force. It ends only when every party has agreed.</p><p><strong>Reason:</strong> ${ending.reason}</p><p><strong>It would end on:</strong> ${dateInWords(ending.effectiveDate)}</p><p><strong>Asked by:</strong> ${ending.requestedBy}</p></div>` : ''}
<h2>Parties</h2>
<ul>${agreement.parties.map((p) => html`<li>${p.agencyName}${p.leaving ? html` <strong>(leaving the agreement by this version)</strong>` : ''}: ${joinIsolated(p.signatories.map((s) => s.name))}</li>`)}</ul>
<h2>Agreement text</h2>
${renderMarkdown(agreement.body)}
${agreement.withdrawalTerms ? html`<h3>Withdrawal</h3><div class="text">${agreement.withdrawalTerms}</div>` : ''}
${renderAttachmentList(agreement, options.token)}
<p>Document SHA-256: <span class="hash">${agreement.documentSha256}</span></p>
${options.errors?.length ? html`<p class="error">Please correct the form below.</p>` : ''}
<form method="post">
<fieldset><legend>Your decision</legend>
<label><input type="radio" name="decision" value="approve"${value('decision') === 'approve' ? html` checked` : ''}> ${ending ? 'I agree to end this agreement' : 'I approve this agreement'} on behalf of ${party.agencyName}</label>
<label><input type="radio" name="decision" value="decline"${value('decision') === 'decline' ? html` checked` : ''}> I decline${ending ? ': it stays in force' : ''}</label>
${errorFor('decision')}
</fieldset>
<label>To approve, type your full name as your signature ${errorFor('signedName')}<input type="text" name="signedName" autocomplete="name" value="${value('signedName')}"></label>
<label>To decline, the statutory ground
<select name="reasonCode">${DECLINE_REASON_CODES.map((code) => html`<option value="${code}"${value('reasonCode') === code ? html` selected` : ''}>${REASON_LABELS[code]}</option>`)}</select></label>
<label>and your reason ${errorFor('reason')}<textarea name="reason" rows="4">${value('reason')}</textarea></label>
<p class="muted">Your decision is recorded with the time, your IP address and browser, and the document hash above.</p>
<button type="submit">Record my decision</button>
</form>`,
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
    html`<h1>Thank you</h1><p class="notice">Your ${decision === 'approve' ? 'approval' : 'decision to decline'} of <strong>${agreement.reference}</strong> (${agreement.title}) has been recorded.</p>
${OUTCOME_NOTES[outcome] ? html`<p>${OUTCOME_NOTES[outcome]}</p>` : ''}
<p class="muted">Document SHA-256: <span class="hash">${agreement.documentSha256}</span>. You can close this page.</p>`,
  );

export const renderProblemPage = (status: number, title: string, detail: string): string =>
  layout(title, html`<h1>${title}</h1><p>${detail}</p><p class="muted">Error ${status}</p>`);
