import { byId, changeAgreement } from '../agreement/change-agreement';
import type { TAgreementStore, TOutboxStore } from '../ports';
import { revokeLinks } from '../signing/links';
import { mapSignatories } from '../signing/routing';

/**
 * SES reported a permanent bounce or a complaint for an email Accord sent. The agreement shows
 * the address as undelivered; a signatory whose link bounced becomes `bounced` (their link is
 * closed) and the owner is told, so they can correct the address or resend.
 */
export const recordMailFailure = async (options: {
  providerMessageId: string;
  addresses: string[];
  kind: 'bounce' | 'complaint';
  now: Date;
  newId: () => string;
  outbox: Pick<TOutboxStore, 'findSent'>;
  agreements: TAgreementStore;
}): Promise<'recorded' | 'unknown'> => {
  const sent = await options.outbox.findSent(options.providerMessageId);
  // An email about no agreement (a webhook endpoint disabled) has nowhere to record its bounce.
  if (!sent?.agreementId || !options.addresses.some((address) => address.toLowerCase() === sent.to.toLowerCase())) return 'unknown';
  const result = await changeAgreement({
    agreements: options.agreements,
    now: options.now,
    newId: options.newId,
    onConflict: 'retry',
    load: byId(options.agreements, sent.agreementId),
    change: ({ stored }) => {
      const bouncedSignatoryId = Object.entries(stored.openRequests).find(([, open]) => open.requestId === sent.requestId)?.[0];
      const marked = mapSignatories(stored.agreement, (s) => (s.id === bouncedSignatoryId ? { ...s, status: 'bounced' } : s));
      const ownerBounced = sent.to.toLowerCase() === stored.agreement.owner.toLowerCase();
      return {
        agreement: { ...marked, undelivered: [...marked.undelivered, { template: sent.template, to: sent.to, at: options.now.toISOString() }] },
        actor: { kind: 'system' },
        events: [
          {
            type: 'email_bounced',
            data: { kind: options.kind, to: sent.to, template: sent.template, signatoryId: bouncedSignatoryId ?? null },
            emails: ownerBounced
              ? []
              : [
                  {
                    template: 'address_bounced',
                    onceFor: `mail-failure|${options.providerMessageId}|${options.kind}`,
                    to: [{ to: stored.agreement.owner }],
                    vars: { address: sent.to, kind: options.kind === 'bounce' ? 'bounced' : 'marked as spam' },
                  },
                ],
          },
        ],
        ...(bouncedSignatoryId ? revokeLinks(stored.openRequests, [bouncedSignatoryId]) : {}),
      };
    },
  });
  return result ? 'recorded' : 'unknown';
};
