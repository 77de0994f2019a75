import { recordTransition } from '../agreement/transition';
import { outboxMessage } from '../notifications';
import { ConcurrentWriteError, type TAgreementStore, type TOutboxStore } from '../ports';
import { revokeLinks } from '../signing/links';
import { mapSignatories } from '../signing/routing';

const MAX_ATTEMPTS = 10;

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
  if (!sent || !options.addresses.some((address) => address.toLowerCase() === sent.to.toLowerCase())) return 'unknown';
  const at = options.now.toISOString();
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    const stored = await options.agreements.get(sent.agreementId);
    if (!stored) return 'unknown';
    const bouncedSignatoryId = Object.entries(stored.openRequests).find(([, open]) => open.requestId === sent.requestId)?.[0];
    const marked = mapSignatories(stored.agreement, (s) => (s.id === bouncedSignatoryId ? { ...s, status: 'bounced' } : s));
    const recorded = recordTransition(
      stored,
      { ...marked, undelivered: [...marked.undelivered, { template: sent.template, to: sent.to, at }] },
      {
        at,
        actor: { kind: 'system' },
        newId: options.newId,
        events: [{ type: 'email_bounced', data: { kind: options.kind, to: sent.to, template: sent.template, signatoryId: bouncedSignatoryId ?? null } }],
      },
    );
    const closed = bouncedSignatoryId ? revokeLinks(stored.openRequests, [bouncedSignatoryId]) : null;
    try {
      await options.agreements.update(
        {
          ...recorded,
          ...(closed ? { openRequests: closed.openRequests, closedRequests: closed.revoked } : {}),
          messages:
            sent.to.toLowerCase() === stored.agreement.owner.toLowerCase()
              ? []
              : outboxMessage({
                  key: `mail-failure|${options.providerMessageId}|${options.kind}`,
                  agreement: recorded.agreement,
                  template: 'address_bounced',
                  recipients: [{ to: stored.agreement.owner }],
                  at,
                  vars: { address: sent.to, kind: options.kind === 'bounce' ? 'bounced' : 'marked as spam' },
                }),
        },
        stored,
      );
      return 'recorded';
    } catch (error) {
      if (!(error instanceof ConcurrentWriteError)) throw error;
    }
  }
  throw new ConcurrentWriteError();
};
