import { AppError } from '../../errors';
import type { TAgreement } from '../../schemas/agreement';
import type { TActor, TAuditEvent } from '../../schemas/audit-event';
import type { TOutboxMessage } from '../../schemas/outbox';
import { appendAuditEvent } from '../audit/audit-chain';
import { outboxMessage, type TEmail } from '../notifications';
import { webhookEventsOf } from '../webhooks/catalogue';
import { ConcurrentWriteError, type TAgreementWrite, type TAgreementStore, type TStoredAgreement } from '../ports';
import type { TRole, TUser } from '../user';
import { assertAccess, assertRevisionMatches } from './access';

/**
 * What happened, and the emails it causes. `personal` is evidence about a person (IP address,
 * user agent): the audit chain covers its digest, so it can be removed after the retention period.
 */
export type TChangeEvent = { type: string; data: Record<string, unknown>; personal?: Record<string, string>; emails?: TEmail[] };

/** Everything a change writes besides the agreement, its events and their emails. */
type TWriteExtras = Omit<TAgreementWrite, 'agreement' | 'auditHead' | 'events' | 'messages'>;

/** One agreement's change: its state afterwards, who made it, and why, in events. */
export type TChange<TOutcome = undefined> = TWriteExtras & {
  agreement: TAgreement;
  actor: TActor;
  events: TChangeEvent[];
  /** Other agreements changed, and new versions created, in the same transaction. */
  alsoChanges?: { stored: TStoredAgreement; change: Omit<TChange, 'alsoChanges' | 'creates'> }[];
  creates?: TAgreementWrite[];
  /** What the change amounted to, for the caller (a decision's outcome, say). */
  outcome?: TOutcome;
};

/**
 * When another write reached the agreement first: `retry` loads it again and reapplies the change
 * (system work, signatories' decisions); `report` tells the user, who acted on what they saw (409);
 * `precondition` tells them the revision their If-Match named is gone (412).
 */
export type TConflictPolicy = 'retry' | 'report' | 'precondition';

const MAX_RETRIES = 40;
const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * 15 * Math.min(attempt, 8)));

/** The write that records a change: the next revision, its events chained onto the audit trail, their emails and webhook events. */
const recordChange = (
  stored: Pick<TStoredAgreement, 'agreement' | 'auditHead'>,
  change: Omit<TChange<unknown>, 'alsoChanges' | 'creates' | 'outcome'>,
  options: { at: string; newId: () => string },
): TAgreementWrite => {
  const { agreement: next, actor, events: inputs, ...extras } = change;
  const agreement: TAgreement = { ...next, revision: stored.agreement.revision + 1, updatedAt: options.at };
  let head = stored.auditHead;
  const events: TAuditEvent[] = [];
  const messages: TOutboxMessage[] = [];
  for (const input of inputs) {
    const appended = appendAuditEvent(head, {
      id: options.newId(),
      agreementId: agreement.id,
      type: input.type,
      at: options.at,
      actor,
      data: input.data,
      ...(input.personal ? { personal: input.personal } : {}),
    });
    head = appended.head;
    events.push(appended.event);
    for (const email of input.emails ?? []) {
      const key = email.onceFor ?? [appended.event.id, email.variant].filter(Boolean).join('|');
      messages.push(...outboxMessage({ key, agreement, template: email.template, recipients: email.to, at: options.at, vars: email.vars }));
    }
  }
  return { ...extras, agreement, auditHead: head, events, messages, webhookEvents: webhookEventsOf(events, agreement) };
};

/**
 * The one way an agreement changes: load it, apply the change, and write the result in one
 * transaction with its audit events, their emails and anything else the change causes, guarded by
 * the revision read. `change` returns null when there is nothing to do. Resolves to the agreement
 * as written (undefined when nothing was) and the change's outcome.
 */
export const changeAgreement = async <TContext extends { stored: TStoredAgreement }, TOutcome = undefined>(options: {
  agreements: TAgreementStore;
  now: Date;
  newId: () => string;
  onConflict: TConflictPolicy;
  /** Reads what the change applies to, again on each retry; undefined when it is gone. */
  load: () => Promise<TContext | undefined>;
  change: (context: TContext) => Promise<TChange<TOutcome> | null> | TChange<TOutcome> | null;
}): Promise<{ agreement: TAgreement; events: TAuditEvent[]; outcome: TOutcome | undefined; context: TContext } | undefined> => {
  const at = options.now.toISOString();
  const record = { at, newId: options.newId };
  for (let attempt = 1; ; attempt += 1) {
    const context = await options.load();
    if (!context) return undefined;
    const change = await options.change(context);
    if (!change) return undefined;
    const { alsoChanges = [], creates = [], outcome, ...own } = change;
    const write = recordChange(context.stored, own, record);
    try {
      await options.agreements.update(write, context.stored, {
        updates: alsoChanges.map((other) => ({ write: recordChange(other.stored, other.change, record), previous: other.stored })),
        creates,
      });
      return { agreement: write.agreement, events: write.events, outcome, context };
    } catch (error) {
      if (!(error instanceof ConcurrentWriteError)) throw error;
      if (options.onConflict === 'precondition') throw new AppError('precondition_failed', 'The agreement changed while this was being saved; reload it.');
      if (options.onConflict === 'report') throw new AppError('conflict', 'The agreement changed while this was being saved; reload it and try again.');
      if (attempt === MAX_RETRIES) throw new AppError('conflict', 'Many changes to this agreement are being recorded at once; try again.');
      await pause(attempt);
    }
  }
};

/** Loads an agreement for a user's action: visible to them, their role allowing it, If-Match honoured when sent. */
export const visibleTo =
  (agreements: TAgreementStore, options: { id: string; user: TUser; ifMatch?: string | undefined; role?: TRole }) =>
  async (): Promise<{ stored: TStoredAgreement }> => {
    const stored = await agreements.get(options.id);
    assertAccess(options.user, stored?.agreement, options.role ?? 'editor');
    if (options.ifMatch) assertRevisionMatches(options.ifMatch, stored!.agreement.revision);
    return { stored: stored! };
  };

/** Loads an agreement by id for work the system does; undefined when it is gone. */
export const byId = (agreements: TAgreementStore, id: string) => async (): Promise<{ stored: TStoredAgreement } | undefined> => {
  const stored = await agreements.get(id);
  return stored && { stored };
};

/** A legal-team action changes what its user saw: a lost race is reported to them, not retried. */
export const asUser = (options: { id: string; user: TUser; ifMatch?: string | undefined; now: Date; newId: () => string; agreements: TAgreementStore }) => ({
  agreements: options.agreements,
  now: options.now,
  newId: options.newId,
  onConflict: 'report' as const,
  load: visibleTo(options.agreements, options),
});

/** Who a legal-team action is recorded as. */
export const userActor = (user: TUser): TActor => ({ kind: 'user', email: user.email });
