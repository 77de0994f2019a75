import type { TAgreement, TSignatory } from '../../schemas/agreement';
import type { TRecipient } from '../../schemas/outbox';
import { sha256Hex } from '../audit/audit-chain';
import type { TEmail } from '../notifications';
import type { TAgreementWrite, TLinkPurpose, TLinkSigner, TOpenRequests, TSigningRequest } from '../ports';
import { findSignatory, mapSignatories } from './routing';

/** A signing link stays usable this long unless it is answered or replaced (the contract (Sign-off by email link)). */
export const LINK_LIFETIME_DAYS = 14;
const DAY_MS = 24 * 3600 * 1000;

/**
 * Opens a fresh link for each signatory: only the token's hash is recorded, any link the
 * signatory had before is revoked, and each becomes `requested`.
 */
export const openLinks = (options: {
  agreement: TAgreement;
  signatories: TSignatory[];
  openRequests: TOpenRequests;
  now: Date;
  newId: () => string;
  linkSigner: TLinkSigner;
  /** Sign-off marks each signatory `requested`; a termination round leaves their sign-off record as it is. */
  purpose?: TLinkPurpose;
}) => {
  const purpose = options.purpose ?? 'sign_off';
  const at = options.now.toISOString();
  const linkExpiresAt = new Date(options.now.getTime() + LINK_LIFETIME_DAYS * DAY_MS).toISOString();
  const openRequests = { ...options.openRequests };
  const revoked: { tokenHash: string; state: 'revoked' }[] = [];
  const requests: TSigningRequest[] = [];
  const recipients: TRecipient[] = [];
  for (const signatory of options.signatories) {
    const previous = openRequests[signatory.id];
    if (previous) revoked.push({ tokenHash: previous.tokenHash, state: 'revoked' });
    const link = { requestId: options.newId(), keyId: options.linkSigner.currentKeyId };
    const tokenHash = sha256Hex(options.linkSigner.tokenFor(link));
    requests.push({
      ...link,
      purpose,
      tokenHash,
      agreementId: options.agreement.id,
      signatoryId: signatory.id,
      createdAt: at,
      linkExpiresAt,
      state: 'open',
      remindersSent: 0,
    });
    openRequests[signatory.id] = { requestId: link.requestId, tokenHash };
    const party = findSignatory(options.agreement, signatory.id)?.party.agencyName;
    recipients.push({ to: signatory.email, name: signatory.name, link, ...(party ? { party } : {}) });
  }
  const asked = new Set(options.signatories.map((s) => s.id));
  const agreement =
    purpose === 'sign_off' ? mapSignatories(options.agreement, (s) => (asked.has(s.id) ? { ...s, status: 'requested', requestedAt: at } : s)) : options.agreement;
  return { agreement, openRequests, requests, revoked, recipients, linkExpiresAt };
};

/** What opening links changes besides the agreement: the link records and the links they replace. */
export const linkChanges = (links: ReturnType<typeof openLinks>): Required<Pick<TAgreementWrite, 'openRequests' | 'newRequests' | 'closedRequests'>> => ({
  openRequests: links.openRequests,
  newRequests: links.requests,
  closedRequests: links.revoked,
});

/** The email that carries new links to sign: each recipient gets their own. */
export const signatureRequestEmail = (links: ReturnType<typeof openLinks>): TEmail => ({
  template: 'signature_requested',
  to: links.recipients,
  vars: { linkExpiresAt: links.linkExpiresAt },
});

/** Closes the links of these signatories (a party completed, or sign-off ended). */
export const revokeLinks = (openRequests: TOpenRequests, signatoryIds: string[]): Required<Pick<TAgreementWrite, 'openRequests' | 'closedRequests'>> => {
  const remaining = { ...openRequests };
  const closedRequests: { tokenHash: string; state: 'revoked' }[] = [];
  for (const id of signatoryIds) {
    const open = remaining[id];
    if (open) closedRequests.push({ tokenHash: open.tokenHash, state: 'revoked' });
    delete remaining[id];
  }
  return { openRequests: remaining, closedRequests };
};

/** Closes every open link of the agreement. */
export const revokeAllLinks = (openRequests: TOpenRequests) => revokeLinks(openRequests, Object.keys(openRequests));
