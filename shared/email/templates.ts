import type { TEmailTemplate, TOutboxMessage, TRecipient } from '../schemas/outbox';
import { inWords } from '../domain/calendar';
import { escapeHtml } from '../html/page';
import type { TEmailLinks } from '../domain/ports';

export type TRenderedEmail = { subject: string; text: string; html: string };

/** Subject prefixes people filter on (the contract (Emails)). */
const SUBJECT_PREFIX: Record<TEmailTemplate, (vars: TOutboxMessage['vars']) => string> = {
  signature_requested: () => 'Signature requested:',
  signature_reminder: () => 'Reminder: signature requested:',
  decision_recorded: (vars) => (vars.decision === 'approved' ? 'Approved:' : 'Declined by signatory:'),
  agreement_declined: () => 'Declined:',
  agreement_in_force: () => 'In force:',
  agreement_withdrawn: () => 'Withdrawn:',
  agreement_terminated: () => 'Terminated:',
  agreement_superseded: () => 'Superseded:',
  link_expired: () => 'Signing link expired:',
  address_bounced: () => 'Undeliverable:',
  review_due: () => 'Review due:',
  review_overdue: () => 'Review overdue:',
  party_named: () => 'Named as a party:',
  termination_requested: () => 'Termination requested:',
  termination_declined: () => 'Termination declined:',
  termination_withdrawn: () => 'Termination withdrawn:',
  agreement_expired: () => 'Expired:',
  expiry_approaching: () => 'Expiry approaching:',
  webhook_disabled: () => 'Webhook disabled:',
  withdrawal_notice: () => 'Withdrawal notice:',
  party_withdrawn: () => 'Party withdrawn:',
  collaboration_proposal: () => 'Collaboration proposal:',
};

type TLine = string | { label: string; value: string | null | undefined };

/** Dates as people read them: "9 December 2026", or "… at 09:11 UK time". */
const when = (value: string | null | undefined) => (value ? inWords(value) : value);

/** The paragraphs of each email; every value is plain text and is escaped for the HTML part. */
const BODY: Record<TEmailTemplate, (vars: TOutboxMessage['vars'], recipient: TRecipient) => TLine[]> = {
  signature_requested: (vars, recipient) => [
    `${recipient.name ?? 'Hello'}, you are asked to approve or decline this collaboration agreement${recipient.party ? ` on behalf of ${recipient.party}` : ''}.`,
    `Open the link below to read the full text and record your decision by ${when(vars.linkExpiresAt)}. The link is personal to you: do not forward it.`,
    { label: 'Asked by', value: vars.owner },
  ],
  signature_reminder: (vars, recipient) => [
    `${recipient.name ?? 'Hello'}, your decision on this collaboration agreement${recipient.party ? ` on behalf of ${recipient.party}` : ''} is still awaited.`,
    `Please record it from the link below by ${when(vars.linkExpiresAt)}.`,
    { label: 'Asked by', value: vars.owner },
  ],
  decision_recorded: (vars) => [
    `${vars.signatoryName} (${vars.partyName}) has ${vars.decision} the agreement.`,
    { label: 'Reason', value: vars.reason },
  ],
  agreement_declined: (vars) => [
    `${vars.signatoryName} (${vars.partyName}) declined the agreement, so sign-off has ended. A drafter can revise it as a new version.`,
    { label: 'Reason', value: vars.reason },
  ],
  agreement_in_force: (vars) => [
    'Every party has signed. The agreement is in force.',
    { label: 'Effective date', value: when(vars.effectiveDate) },
    { label: 'Next review', value: when(vars.nextReviewDate) },
    { label: 'Document SHA-256', value: vars.documentSha256 },
  ],
  agreement_withdrawn: (vars) => ['The agreement was withdrawn from sign-off. Any signing links are no longer valid.', { label: 'Reason', value: vars.reason }],
  agreement_terminated: (vars) => ['The agreement has been terminated.', { label: 'Reason', value: vars.reason }, { label: 'Effective', value: when(vars.terminationDate) }],
  agreement_superseded: (vars) => [`This version has been replaced by version ${vars.supersededByVersion}, now in force.`],
  link_expired: (vars) => [`${vars.signatoryName}'s signing link expired unanswered. Send a new one from the agreement.`],
  address_bounced: (vars) => [
    `An email to ${vars.address} (${vars.kind}) could not be delivered. Correct the address in a new version, or resend once it is fixed.`,
  ],
  review_due: (vars) => [`This agreement is due for review by ${when(vars.nextReviewDate)}. Record the review in Accord: continue, vary or end it.`],
  review_overdue: (vars) => [`This agreement was due for review on ${when(vars.nextReviewDate)} and the review is overdue. Record it in Accord.`],
  party_named: (vars) => [
    `${vars.partyName} is named as a party to this collaboration agreement, which has gone for signature.`,
    { label: 'Drafted by', value: vars.owner },
    { label: `Asked to sign for ${vars.partyName}`, value: vars.partySignatories },
    `If ${vars.partyName} has not agreed to this, tell the drafter and your signatories before anyone signs.`,
  ],
  termination_requested: (vars, recipient) => [
    recipient.link
      ? `${recipient.name ?? 'Hello'}, every party is asked to agree to end this collaboration agreement${recipient.party ? `; you decide on behalf of ${recipient.party}` : ''}.`
      : 'Every party has been asked to agree to end this collaboration agreement.',
    { label: 'Requested by', value: vars.requestedBy },
    { label: 'Reason', value: vars.reason },
    { label: 'It would end on', value: when(vars.terminationDate) },
    { label: 'Decide by', value: recipient.link ? when(vars.linkExpiresAt) : null },
  ],
  termination_declined: (vars) => [
    `${vars.signatoryName} (${vars.partyName}) declined to end the agreement, so it stays in force.`,
    { label: 'Reason', value: vars.reason },
  ],
  expiry_approaching: (vars) => [
    `This agreement comes to the end of its term on ${when(vars.expiryDate)}, in ${vars.daysLeft} days. To keep working together under it, agree a new one or vary this one before then; otherwise it expires and no longer binds its parties.`,
  ],
  agreement_expired: (vars) => [
    `The agreement reached the end of its term on ${when(vars.expiryDate)} and no longer binds its parties. A new agreement is needed to carry on working together under it.`,
  ],
  termination_withdrawn: (vars) => [
    'The request to end this agreement has been withdrawn; its links no longer work and the agreement stays in force.',
    { label: 'Reason', value: vars.reason },
  ],
  withdrawal_notice: (vars) => [
    `${vars.partyName} has given notice that it withdraws from this agreement under its withdrawal terms. It leaves on ${when(vars.withdrawalDate)}; the agreement continues among the other parties if they still meet the statute, and ends otherwise.`,
    { label: 'Reason', value: vars.reason },
  ],
  party_withdrawn: (vars) => [
    `${vars.partyName} has left this agreement. It continues among the other parties as version ${vars.newVersion}, in force from ${when(vars.withdrawalDate)}; this version is superseded.`,
    { label: 'Reason', value: vars.reason },
  ],
  collaboration_proposal: (vars, recipient) => [
    `${vars.proposer} proposes a collaboration with ${recipient.party ?? 'your agency'} and others (Policing and Crime Act 2017 s.2; Police Act 1996 s.22B). The law asks your agency to consider it and record its view: whether it would serve your efficiency or effectiveness, or, if not, the statutory ground on which you decline, with your reasons.`,
    `Open the link below to read it and record your agency's view by ${when(vars.linkExpiresAt)}. The link is personal to you: do not forward it.`,
  ],
  webhook_disabled: (vars) => [
    `Deliveries to this webhook endpoint have failed for 24 hours, so Accord has stopped sending to it. Events since then are in its delivery log; enable it again (PATCH /webhooks/${vars.endpointId} with state "active") and replay what it missed.`,
    { label: 'Endpoint', value: vars.url },
    { label: 'Failing since', value: when(vars.failingSince) },
    { label: 'Last error', value: vars.lastError },
  ],
};

/** Renders one email of an outbox message for one recipient, as plain text and HTML. */
export const renderEmail = (
  message: TOutboxMessage,
  recipient: TRecipient,
  links: TEmailLinks,
): TRenderedEmail => {
  const { vars } = message;
  // An email about an agreement names it by reference and title; one about something else by its title.
  const name = vars.reference ? `${vars.reference} — ${vars.title}` : (vars.title ?? '');
  const subject = `${SUBJECT_PREFIX[message.template](vars)} ${name}`;
  // Every email says what the agreement is, whatever it is about.
  const about: TLine[] = [{ label: 'Summary', value: vars.summary }, { label: 'Parties', value: vars.parties }];
  const lines = [...BODY[message.template](vars, recipient), ...about].filter((line) => typeof line === 'string' || line.value);
  const copy = links.executedCopyUrl ? { label: 'Download the executed copy (PDF)', url: links.executedCopyUrl } : null;
  const action = links.signingUrl
    ? { label: message.template === 'collaboration_proposal' ? "Record your agency's view" : 'Read and decide', url: links.signingUrl }
    : { label: 'Open in Accord', url: links.agreementUrl };
  const text = [
    name,
    '',
    ...lines.map((line) => (typeof line === 'string' ? line : `${line.label}: ${line.value}`)),
    '',
    `${action.label}: ${action.url}`,
    ...(copy ? [`${copy.label}: ${copy.url}`, `It is sealed with Accord’s digital signature; anyone can check a copy at ${new URL('/verify', copy.url).href}.`] : []),
    '',
    'Accord — collaboration agreements',
  ].join('\n');
  const html = `<!doctype html><html lang="en-GB"><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1b1d21">
<h1 style="font-size:1.2rem"><bdi>${escapeHtml(name)}</bdi></h1>
${lines.map((line) => (typeof line === 'string' ? `<p><bdi>${escapeHtml(line)}</bdi></p>` : `<p><strong>${escapeHtml(line.label)}:</strong> <bdi>${escapeHtml(line.value)}</bdi></p>`)).join('\n')}
<p><a href="${escapeHtml(action.url)}" style="background:#1d4ed8;color:#fff;padding:.6rem 1.2rem;border-radius:6px;text-decoration:none">${escapeHtml(action.label)}</a></p>
${copy ? `<p><a href="${escapeHtml(copy.url)}">${escapeHtml(copy.label)}</a>: sealed with Accord’s digital signature; anyone can check a copy at ${escapeHtml(new URL('/verify', copy.url).href)}.</p>
` : ''}<p style="color:#5b6270;font-size:.85rem">Accord — collaboration agreements</p></body></html>`;
  return { subject, text, html };
};
