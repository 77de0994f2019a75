import { dateInWords } from '../domain/calendar';
import type { TVerification } from '../schemas/evidence';
import { html, layout, notificationBanner } from './page';

const KIND_LABELS: Record<TVerification['matches'][number]['kind'], string> = {
  executed_copy: 'the sealed executed copy',
  document: 'the signed document',
  attachment: 'an attachment',
};

const STATUS_LABELS: Record<string, string> = {
  in_force: 'in force',
  awaiting_signatures: 'awaiting signatures',
  superseded: 'superseded by a later version',
};

/**
 * The public page where anyone checks a file against Accord: a form that sends the file (it works
 * without JavaScript), and what Accord knows of it — which agreement version it belongs to, and
 * nothing else.
 */
export const renderVerifyPage = (options: { verification?: TVerification; unknown?: string }): string =>
  layout(
    'Check a document',
    html`${
      options.verification
        ? notificationBanner({
            success: true,
            content: html`<h3 class="govuk-notification-banner__heading">This file is held in Accord</h3><p class="govuk-body accord-hash">SHA-256 ${options.verification.sha256}</p><ul class="govuk-list govuk-list--bullet">${options.verification.matches.map(
              (match) =>
                html`<li>It is ${KIND_LABELS[match.kind]} of <strong>${match.reference}</strong>, version ${String(match.version)}, ${
                  match.status === 'in_force' && match.inForceSince
                    ? html`in force since ${dateInWords(match.inForceSince)}`
                    : html`which is ${STATUS_LABELS[match.status] ?? match.status.replace(/_/g, ' ')}${match.inForceSince ? html` (in force from ${dateInWords(match.inForceSince)})` : ''}`
                }.</li>`,
            )}</ul>`,
          })
        : ''
    }
${
  options.unknown
    ? notificationBanner({
        content: html`<h3 class="govuk-notification-banner__heading">This file is not held in Accord</h3><p class="govuk-body">No agreement in Accord has a file with the SHA-256 <span class="accord-hash">${options.unknown}</span>. A copy that was changed in any way, even re-saved, has a different fingerprint.</p>`,
      })
    : ''
}
<h1 class="govuk-heading-l">Check a document</h1>
<p class="govuk-body">Choose a file you were given — an executed copy, an agreement or one of its schedules — to find out whether it is exactly the one held in Accord. Accord compares its SHA-256 fingerprint and tells you only which agreement it belongs to.</p>
<form method="post" enctype="multipart/form-data">
<div class="govuk-form-group"><label class="govuk-label govuk-label--m" for="file">File to check</label>
<div id="file-hint" class="govuk-hint">Up to 4 MB; check larger files by their SHA-256 at /verify/&lt;sha256&gt;</div>
<input class="govuk-file-upload" id="file" name="file" type="file" required aria-describedby="file-hint"></div>
<button type="submit" class="govuk-button">Check the file</button>
</form>`,
  );
