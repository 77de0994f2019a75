/**
 * What a page says after a change went through. A redirect names its notice by key (`?done=saved`),
 * never by its words, so a link made elsewhere cannot put words of its own in a success banner.
 */
export const NOTICES = {
  'draft-created': 'Draft saved.',
  'draft-saved': 'Draft saved.',
  submitted: 'Sent for signature. The first signatories have been emailed their links.',
  withdrawn: 'Withdrawn from signature. Every signatory asked has been told.',
  'review-recorded': 'Review recorded.',
  'review-variation': 'Review recorded. This is the variation draft.',
  'termination-requested': 'Every party has been asked to agree to end it.',
  'termination-withdrawn': 'The request to end it is withdrawn; it stays in force.',
  terminated: 'Termination recorded. Every party has been told.',
  replaced: 'The new signatory is in place. If the one replaced had been asked, the new one has a link and the old link is closed.',
  'publication-recorded': 'Publication recorded; the register shows it.',
  'withdrawal-notice': 'Notice given. Every party has been told.',
  resent: 'A new link is on its way; the old one no longer works.',
  revised: 'This is a new draft version, copied from the one before.',
  varied: 'Variation started: this is its draft; the version in force stays in force until it is signed.',
  'agency-added': 'Agency added. Next, say who may sign for it.',
  'signatories-saved': 'The list of who may sign is saved.',
  'contacts-saved': 'Who is told is saved.',
  'proposal-contacts-saved': 'Who records its view of proposals is saved.',
  'file-added': 'File added. Accord checks its contents in a few seconds; reload the page to see it ready.',
  'file-removed': 'File taken off the draft.',
  'user-invited': 'Invitation sent. They choose a password when they first sign in.',
  'user-access-saved': 'Role and agencies saved. They take effect at the user’s next sign-in, or within the hour.',
  'user-disabled': 'Account disabled. They cannot sign in, and any session they have ends within the hour.',
  'user-enabled': 'Account enabled. They can sign in again.',
  'proposal-sent': 'Proposal recorded. Each proposed party’s contacts have been emailed a link to record its view.',
  'proposal-resent': 'New links are on their way to the agency’s contacts.',
  'proposal-drafted': 'Draft opened from the proposal, with the parties that see a benefit. Add its text and signatories, then send it for signature.',
  'webhook-added': 'Endpoint added. Copy its signing secret now: it will not be shown again.',
  'webhook-saved': 'Endpoint saved.',
  'webhook-enabled': 'Endpoint enabled. Accord sends it events again.',
  'webhook-disabled': 'Endpoint disabled. Accord sends it nothing until it is enabled again.',
  'webhook-rotated': 'Secret rotated. Copy the new secret now: it will not be shown again. For 24 hours deliveries are signed with the old secret too.',
  'webhook-replayed': 'The event is being sent again. Reload the page in a few seconds to see the delivery.',
  'webhook-deleted': 'Endpoint deleted. Nothing more is sent to it.',
} as const;

export type TNotice = keyof typeof NOTICES;

/** The query a redirect adds to say what was done. */
export const doneQuery = (notice: TNotice) => `?done=${notice}`;

/** The notice a page shows, if its query names one. */
export const noticeOf = (query: Record<string, string | undefined>): { notice: string } | Record<string, never> => {
  const key = query.done;
  return key && Object.hasOwn(NOTICES, key) ? { notice: NOTICES[key as TNotice] } : {};
};
