import type { TOutboxMessage } from '../../schemas/outbox';
import type { TStoredWebhookEndpoint, TWebhookAttempt, TWebhookEvent, TWebhookPayload } from '../../schemas/webhook';
import { sha256Hex } from '../audit/audit-chain';
import { countDelivery, deliveryPending, LEASE_MS, nextDelivery, RETRY_FOR_MS, type TDeliveryReport } from '../outbox/delivery-policy';
import { forEachConcurrently } from '../bounded-concurrency';
import { webhookHeaders } from './signature';
import { ConcurrentWriteError, type TLinkSigner, type TOutboxStore, type TWebhookPoster, type TWebhookStore } from '../ports';

/** Whether an endpoint receives an event: subscribed to its type, registered before it, and (for an agency's endpoint) allowed to see the agreement. */
export const receives = (endpoint: TStoredWebhookEndpoint, event: TWebhookEvent): boolean =>
  event.onlyEndpoint
    ? event.onlyEndpoint === endpoint.id
    : endpoint.events.includes(event.type) && endpoint.createdAt <= event.timestamp && (endpoint.agencyId === null || event.agencies.includes(endpoint.agencyId));

/** The body a receiver gets: the event, with a link to the agreement it is about. */
export const payloadOf = (event: TWebhookEvent, publicBaseUrl: string): TWebhookPayload => {
  const { agreement, proposal, ...details } = event.data;
  const { type, timestamp } = event;
  return agreement
    ? { type, timestamp, data: { ...details, agreement: { ...agreement, url: `${publicBaseUrl}/app/agreements/${agreement.id}` } } }
    : { type, timestamp, data: { ...details, proposal: proposal! } };
};

/**
 * The secrets a delivery is signed with: the current one, and after a rotation the previous one
 * until it lapses (or its key leaves the keyring). Empty when the current one's key has gone.
 */
const secretsOf = (endpoint: TStoredWebhookEndpoint, linkSigner: TLinkSigner, now: Date): string[] => {
  if (!linkSigner.knows(endpoint.secret.keyId)) return [];
  const previous = endpoint.previousSecret;
  const stillValid = previous && previous.until > now.toISOString() && linkSigner.knows(previous.keyId);
  return [linkSigner.webhookSecret(endpoint.id, endpoint.secret), ...(stillValid ? [linkSigner.webhookSecret(endpoint.id, previous)] : [])];
};

/** The keys the endpoints' secrets derive from, so the keyring is read again if one is new. */
const keyIdsOf = (endpoints: TStoredWebhookEndpoint[]) => [...new Set(endpoints.flatMap((endpoint) => [endpoint.secret.keyId, ...(endpoint.previousSecret ? [endpoint.previousSecret.keyId] : [])]))];

const KEY_GONE = "The key this endpoint's secret derives from is no longer in the keyring: rotate the secret";

/** Endpoints one event is delivered to at once. */
const ENDPOINTS_AT_ONCE = 8;

const succeeded = (statusCode: number | null) => statusCode !== null && statusCode >= 200 && statusCode < 300;

/**
 * Delivers a webhook event to every endpoint that receives it, each once (the event's lease and a
 * delivery per endpoint, as for an email's recipients), each attempt in the endpoint's log. A
 * failure is retried on the email schedule for a day; an endpoint whose deliveries have all
 * failed for 24 hours is disabled and whoever registered it is told by email.
 */
export const deliverWebhookEvent = async (options: {
  event: TWebhookEvent;
  now: () => Date;
  publicBaseUrl: string;
  outbox: Pick<TOutboxStore, 'lease' | 'release'>;
  webhooks: TWebhookStore;
  post: TWebhookPoster;
  /** The keyring, read again when it lacks one of these keys. */
  signerFor: (keyIds: string[]) => Promise<TLinkSigner>;
  newId: () => string;
}): Promise<TDeliveryReport> => {
  const { event } = options;
  const report: TDeliveryReport = { sent: 0, failed: 0, deferred: 0, busy: false };
  const lease = await options.outbox.lease(event.id, options.now(), LEASE_MS);
  if (lease === 'busy' || lease === 'gone') return { ...report, busy: lease === 'busy' };
  let nextAttemptAt: string | null = null;
  const later = (at: string) => {
    if (!nextAttemptAt || at < nextAttemptAt) nextAttemptAt = at;
  };
  const body = JSON.stringify(payloadOf(event, options.publicBaseUrl));
  const endpoints = (await options.webhooks.list()).filter((candidate) => receives(candidate, event));
  const linkSigner = endpoints.length > 0 ? await options.signerFor(keyIdsOf(endpoints)) : undefined;
  // A slow receiver holds up no other: each may take the whole timeout.
  await forEachConcurrently(endpoints, ENDPOINTS_AT_ONCE, async (endpoint) => {
    const before = lease.deliveries[endpoint.id];
    const { pending, waitUntil } = deliveryPending(before, options.now().toISOString());
    if (waitUntil) later(waitUntil);
    if (!pending) return;
    const attemptId = options.newId();
    const secrets = secretsOf(endpoint, linkSigner!, options.now());
    const response =
      endpoint.state === 'disabled'
        ? { statusCode: null, error: 'The endpoint is disabled; enable it and replay this delivery', durationMs: 0 }
        : secrets.length === 0
          ? { statusCode: null, error: KEY_GONE, durationMs: 0 }
          : await options.post({ url: endpoint.url, body, headers: webhookHeaders({ secrets, webhookId: event.webhookId, at: options.now(), body }) });
    const at = options.now().toISOString();
    const delivery =
      endpoint.state === 'disabled'
        ? ({ state: 'failed', at, attempts: 0, reason: 'endpoint_disabled' } as const)
        : nextDelivery(before, at, succeeded(response.statusCode) ? { kind: 'sent', providerMessageId: attemptId } : { kind: 'unavailable' });
    countDelivery(report, delivery, later);
    const attempt: TWebhookAttempt = {
      id: attemptId,
      webhookId: event.webhookId,
      eventType: event.type,
      agreementId: event.data.agreement?.id ?? null,
      proposalId: event.data.proposal?.id ?? null,
      at,
      attempt: (before?.state === 'retrying' ? before.attempts : 0) + 1,
      outcome: delivery.state === 'sent' ? 'delivered' : delivery.state,
      statusCode: response.statusCode,
      error: succeeded(response.statusCode) ? null : (response.error ?? `The receiver answered ${response.statusCode}`),
      durationMs: response.durationMs,
      nextAttemptAt: delivery.state === 'retrying' ? delivery.nextAttemptAt : null,
      replay: Boolean(event.onlyEndpoint),
    };
    await options.webhooks.recordAttempt(event, endpoint.id, delivery, attempt, lease.owner);
    if (endpoint.state === 'active') await noteHealth(options.webhooks, endpoint.id, attempt);
  });
  await options.outbox.release(event.id, lease.owner, nextAttemptAt);
  return report;
};

/**
 * An endpoint's health: the first failure starts its failing run, a success ends a run that began
 * no later, and a run of 24 hours disables it with an email to whoever registered it. Each is a
 * conditional write of its own, so concurrent deliveries to one endpoint cannot undo each other.
 */
const noteHealth = async (webhooks: TWebhookStore, endpointId: string, attempt: TWebhookAttempt) => {
  if (attempt.outcome === 'delivered') return webhooks.noteSuccess(endpointId, attempt.at);
  const endpoint = await webhooks.noteFailure(endpointId, attempt.at);
  if (!endpoint || endpoint.state !== 'active' || !endpoint.failingSince) return;
  if (Date.parse(attempt.at) - Date.parse(endpoint.failingSince) < RETRY_FOR_MS) return;
  const disabled: TStoredWebhookEndpoint = {
    ...endpoint,
    state: 'disabled',
    disabledReason: `Deliveries failed for 24 hours; the last: ${attempt.error}`,
    revision: endpoint.revision + 1,
  };
  try {
    await webhooks.update(disabled, endpoint.revision, [endpointDisabledEmail(disabled, attempt)]);
  } catch (error) {
    // Another delivery disabled it first, or someone changed it meanwhile: theirs stands.
    if (!(error instanceof ConcurrentWriteError)) throw error;
  }
};

const endpointDisabledEmail = (endpoint: TStoredWebhookEndpoint, attempt: TWebhookAttempt): TOutboxMessage => ({
  id: sha256Hex(`webhook-disabled|${endpoint.id}|${endpoint.revision}`).slice(0, 32),
  template: 'webhook_disabled',
  vars: { title: `Webhook endpoint ${endpoint.url}`, url: endpoint.url, endpointId: endpoint.id, failingSince: endpoint.failingSince, lastError: attempt.error },
  recipients: [{ to: endpoint.createdBy }],
  createdAt: attempt.at,
});
