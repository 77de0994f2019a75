import type { TAgreement } from '../../schemas/agreement';
import type { TActor } from '../../schemas/audit-event';
import { appendAuditEvent } from '../audit/audit-chain';
import type { TAgreementWrite, TStoredAgreement } from '../ports';

export type TEventInput = { type: string; data: Record<string, unknown> };

/** The next revision of a stored agreement, with its events chained onto its audit trail. */
export const recordTransition = (
  stored: Pick<TStoredAgreement, 'agreement' | 'auditHead'>,
  next: TAgreement,
  options: { at: string; actor: TActor; newId: () => string; events: TEventInput[] },
): Pick<TAgreementWrite, 'agreement' | 'auditHead' | 'events'> => {
  const agreement: TAgreement = { ...next, revision: stored.agreement.revision + 1, updatedAt: options.at };
  let head = stored.auditHead;
  const events = options.events.map((input) => {
    const appended = appendAuditEvent(head, {
      id: options.newId(),
      agreementId: agreement.id,
      type: input.type,
      at: options.at,
      actor: options.actor,
      data: input.data,
    });
    head = appended.head;
    return appended.event;
  });
  return { agreement, auditHead: head, events };
};
