// First: zod's settings hold for the schemas built after them.
import '../../shared/schemas/zod-settings';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import middy from '@middy/core';
import type { Context, DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { monotonicFactory } from 'ulid';
import { config } from './config';
import { ZOutboxSweepEvent } from './outbox-sweep-event.schema';
import { createAgreementRepository } from '../../shared/db/agreement-repository';
import { createDocumentClient } from '../../shared/db/client';
import { createDueWorkStore } from '../../shared/db/due-work-store';
import { createOutboxRepository, outboxEntryOf } from '../../shared/db/outbox-repository';
import { createWebhookRepository } from '../../shared/db/webhook-repository';
import { deliverMessage } from '../../shared/domain/email/deliver-message';
import type { TDeliveryReport } from '../../shared/domain/outbox/delivery-policy';
import { sweepOutbox } from '../../shared/domain/outbox/sweep-outbox';
import type { TOutboxEntry } from '../../shared/domain/ports';
import { deliverWebhookEvent } from '../../shared/domain/webhooks/deliver-webhook';
import { createWebhookPoster } from '../../shared/webhooks/destinations';
import { createSesMailer } from '../../shared/email/ses-mailer';
import { renderEmail } from '../../shared/email/templates';
import { loadLinkSigner } from '../../shared/link-signer';
import { countMetric, logger, observability } from '../../shared/observability';

const table = { client: createDocumentClient(config.table), tableName: config.table.name };
const outbox = createOutboxRepository(table);
const agreements = createAgreementRepository(table);
const due = createDueWorkStore(table);
const webhooks = createWebhookRepository(table);
const mailer = createSesMailer(config.mail);
const postWebhook = createWebhookPoster(config.webhookDestinations);
const linkSigner = loadLinkSigner(config.signingKeys);
const newId = monotonicFactory();

/** Time one more message may take: a webhook event's receivers get 10 seconds each, eight at once, and there may be more. */
const TIME_TO_LEAVE_MS = 25_000;

/**
 * Delivers one email or webhook event. A sweep passes its scheduled time: the clock is the later
 * of that and the real time, so a sweep retried late still leases for as long as it says, and a
 * local sweep for a moment ahead finds the retries due by then.
 */
const deliver = async (entry: TOutboxEntry, scheduled?: Date): Promise<TDeliveryReport> => {
  const now = () => (scheduled && scheduled.getTime() > Date.now() ? scheduled : new Date());
  if (entry.kind === 'webhook') {
    const report = await deliverWebhookEvent({ event: entry.event, now, publicBaseUrl: config.publicBaseUrl, outbox, webhooks, post: postWebhook, signerFor: linkSigner, newId });
    countMetric('WebhooksDelivered', report.sent);
    countMetric('WebhooksFailed', report.failed);
    countMetric('WebhooksDeferred', report.deferred);
    return report;
  }
  const { message } = entry;
  const signer = await linkSigner(message.recipients.flatMap((recipient) => (recipient.link ? [recipient.link.keyId] : [])));
  const report = await deliverMessage({ message, now, publicBaseUrl: config.publicBaseUrl, outbox, mailer, render: renderEmail, linkSigner: signer, agreements, newId });
  countMetric('EmailsSent', report.sent);
  countMetric('EmailsUndelivered', report.failed);
  countMetric('EmailsDeferred', report.deferred);
  return report;
};

/**
 * Sends the emails and webhook events the table's stream reports as new outbox items. A record that cannot be
 * finished now is reported as a batch item failure, so Lambda brings it back; the sweep is there
 * should it never.
 */
const sendNewMessages = async (event: DynamoDBStreamEvent, context: Context): Promise<DynamoDBBatchResponse> => {
  const failures: DynamoDBBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    const image = record.dynamodb?.NewImage;
    if (record.eventName !== 'INSERT' || !image) continue;
    // Near the end of the invocation what is left goes back to the stream rather than be cut off mid-delivery.
    if (context.getRemainingTimeInMillis() < TIME_TO_LEAVE_MS) {
      failures.push({ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' });
      continue;
    }
    try {
      await deliver(outboxEntryOf(unmarshall(image as Record<string, AttributeValue>)));
    } catch (error) {
      logger.warn('Outbox record not finished; it will be retried', { error: (error as Error).name, sequence: record.dynamodb?.SequenceNumber });
      failures.push({ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' });
    }
  }
  return { batchItemFailures: failures };
};

/** The scheduled sweep: retries that have fallen due, and messages a sender or the stream left. */
const sweep = async (event: { time: string }) => {
  const report = await sweepOutbox({ now: new Date(event.time), due, outbox, deliver });
  // A sweep with nothing to do is the usual case, and says nothing.
  if (report.messages > 0) logger.info('Outbox sweep finished', { ...report });
  return report;
};

const handle = async (event: DynamoDBStreamEvent | unknown, context: Context) => {
  const scheduled = ZOutboxSweepEvent.safeParse(event);
  return scheduled.success ? sweep(scheduled.data) : sendNewMessages(event as DynamoDBStreamEvent, context);
};

export const handler = middy<unknown, unknown>().use(observability()).handler(handle);
