import { AppError } from '../../errors';
import type { TStoredWebhookEndpoint, TWebhookChange, TWebhookEndpoint, TWebhookRegistration } from '../../schemas/webhook';
import { ConcurrentWriteError, type TAgencyStore, type TCheckDestination, type TLinkSigner, type TWebhookStore } from '../ports';
import type { TUser } from '../user';

/** After a rotation, the old secret still signs deliveries this long, so a receiver can switch without missing one. */
export const PREVIOUS_SECRET_GRACE_MS = 24 * 3600_000;

type TEndpointAction = { user: TUser; webhooks: TWebhookStore };

/** An admin manages every endpoint; an agency's editor those of their agencies. */
const canManage = (user: TUser, endpoint: Pick<TStoredWebhookEndpoint, 'agencyId'>) =>
  user.role === 'admin' || (user.role === 'editor' && endpoint.agencyId !== null && user.agencies.includes(endpoint.agencyId));

/** What the API shows of an endpoint: never where its secret comes from. */
export const endpointView = ({ secret: _secret, previousSecret: _previous, ...endpoint }: TStoredWebhookEndpoint): TWebhookEndpoint => endpoint;

/** An endpoint the user may manage; any other is reported missing, so its existence does not leak. */
const manageable = async (options: TEndpointAction & { id: string }) => {
  const endpoint = await options.webhooks.get(options.id);
  if (!endpoint || !canManage(options.user, endpoint)) throw new AppError('not_found', 'No such webhook endpoint.');
  return endpoint;
};

const assertDestination = async (checkDestination: TCheckDestination, url: string) => {
  const refusal = await checkDestination(url);
  if (refusal) throw new AppError('validation_failed', 'Deliveries cannot go to this URL.', [{ path: 'url', message: refusal }]);
};

/** Registers an endpoint; resolves to it and its signing secret, which is shown only now. */
export const registerEndpoint = async (
  options: TEndpointAction & {
    input: TWebhookRegistration;
    now: Date;
    newId: () => string;
    agencies: Pick<TAgencyStore, 'get'>;
    checkDestination: TCheckDestination;
    linkSigner: TLinkSigner;
  },
): Promise<{ endpoint: TWebhookEndpoint; secret: string }> => {
  const { input, user } = options;
  const agencyId = input.agencyId ?? null;
  if (agencyId === null && user.role !== 'admin') {
    throw new AppError('validation_failed', 'Name the agency whose agreements the endpoint receives.', [{ path: 'agencyId', message: "required of an agency's editor" }]);
  }
  if (!canManage(user, { agencyId })) throw new AppError('forbidden', 'Only an editor of this agency, or an admin, may register its endpoints.');
  if (agencyId !== null && !(await options.agencies.get(agencyId))) {
    throw new AppError('unprocessable', 'No such agency.', [{ path: 'agencyId', message: `no agency '${agencyId}'` }]);
  }
  await assertDestination(options.checkDestination, input.url);
  const endpoint: TStoredWebhookEndpoint = {
    id: options.newId(),
    url: input.url,
    events: [...new Set(input.events)],
    agencyId,
    state: 'active',
    disabledReason: null,
    failingSince: null,
    createdAt: options.now.toISOString(),
    createdBy: user.email,
    revision: 1,
    secret: { keyId: options.linkSigner.currentKeyId, version: 1 },
    previousSecret: null,
  };
  await options.webhooks.create(endpoint);
  return { endpoint: endpointView(endpoint), secret: options.linkSigner.webhookSecret(endpoint.id, endpoint.secret) };
};

export const listEndpoints = async (options: TEndpointAction): Promise<TWebhookEndpoint[]> =>
  (await options.webhooks.list()).filter((endpoint) => canManage(options.user, endpoint)).map(endpointView);

export const readEndpoint = async (options: TEndpointAction & { id: string }): Promise<TWebhookEndpoint> => endpointView(await manageable(options));

/** Writes a change the user made to what they read; a concurrent change (a delivery noting a failure) is reported. */
const save = async (webhooks: TWebhookStore, before: TStoredWebhookEndpoint, after: TStoredWebhookEndpoint) => {
  try {
    await webhooks.update(after, before.revision);
  } catch (error) {
    if (error instanceof ConcurrentWriteError) throw new AppError('conflict', 'The endpoint changed while this was being saved; try again.');
    throw error;
  }
};

/** Changes the URL or events, or enables a disabled endpoint again (its failing run starts afresh). */
export const changeEndpoint = async (options: TEndpointAction & { id: string; change: TWebhookChange; checkDestination: TCheckDestination }): Promise<TWebhookEndpoint> => {
  const endpoint = await manageable(options);
  const { change } = options;
  if (change.url && change.url !== endpoint.url) await assertDestination(options.checkDestination, change.url);
  const enabling = change.state === 'active' && endpoint.state === 'disabled';
  // A new address starts with a clean record: the old one's failures are not its own.
  const moving = Boolean(change.url && change.url !== endpoint.url);
  const next: TStoredWebhookEndpoint = {
    ...endpoint,
    ...(change.url ? { url: change.url } : {}),
    ...(change.events ? { events: [...new Set(change.events)] } : {}),
    ...(change.state ? { state: change.state } : {}),
    ...(enabling ? { disabledReason: null, failingSince: null } : {}),
    ...(moving ? { failingSince: null } : {}),
    ...(change.state === 'disabled' && endpoint.state === 'active' ? { disabledReason: 'Disabled by a user' } : {}),
    revision: endpoint.revision + 1,
  };
  await save(options.webhooks, endpoint, next);
  return endpointView(next);
};

export const removeEndpoint = async (options: TEndpointAction & { id: string }): Promise<void> => {
  await options.webhooks.remove(await manageable(options));
};

/**
 * A new secret, shown once; the old one keeps signing deliveries alongside it for a day. A second
 * rotation within that day drops the oldest at once: rotating twice is what one does after a leak.
 */
export const rotateSecret = async (options: TEndpointAction & { id: string; now: Date; linkSigner: TLinkSigner }): Promise<{ endpoint: TWebhookEndpoint; secret: string }> => {
  const endpoint = await manageable(options);
  const next: TStoredWebhookEndpoint = {
    ...endpoint,
    secret: { keyId: options.linkSigner.currentKeyId, version: endpoint.secret.version + 1 },
    previousSecret: { ...endpoint.secret, until: new Date(options.now.getTime() + PREVIOUS_SECRET_GRACE_MS).toISOString() },
    revision: endpoint.revision + 1,
  };
  await save(options.webhooks, endpoint, next);
  return { endpoint: endpointView(next), secret: options.linkSigner.webhookSecret(next.id, next.secret) };
};

export const listAttempts = async (options: TEndpointAction & { id: string; page: { cursor?: string | undefined; limit: number } }) => {
  await manageable(options);
  return options.webhooks.listAttempts(options.id, options.page);
};

/**
 * Sends the event of a logged attempt to this endpoint again, with the same `webhook-id` (a
 * receiver that has it already drops it), whatever became of it before.
 */
export const replayAttempt = async (options: TEndpointAction & { id: string; attemptId: string; newId: () => string }): Promise<void> => {
  const endpoint = await manageable(options);
  if (endpoint.state === 'disabled') throw new AppError('conflict', 'The endpoint is disabled: enable it first, then replay.');
  const attempt = await options.webhooks.getAttempt(options.id, options.attemptId);
  if (!attempt) throw new AppError('not_found', 'No such delivery attempt.');
  const event = await options.webhooks.getEvent(attempt.webhookId);
  if (!event) throw new AppError('gone', 'The event is no longer kept (events are kept 30 days).');
  await options.webhooks.replay({ ...event, id: `${event.webhookId}_replay_${options.newId()}`, onlyEndpoint: options.id });
};
