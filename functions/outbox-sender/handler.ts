import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import middy from '@middy/core';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { monotonicFactory } from 'ulid';
import { config } from './config';
import { createAgreementRepository } from '../../shared/db/agreement-repository';
import { createDocumentClient } from '../../shared/db/client';
import { createOutboxRepository } from '../../shared/db/outbox-repository';
import { deliverMessage } from '../../shared/domain/email/deliver-message';
import { createSesMailer } from '../../shared/email/ses-mailer';
import { renderEmail } from '../../shared/email/templates';
import { loadLinkSigner } from '../../shared/link-signer';
import { countMetric, logger, observability } from '../../shared/observability';
import { ZOutboxMessage } from '../../shared/schemas/outbox';

const table = { client: createDocumentClient(config.table), tableName: config.table.name };
const outbox = createOutboxRepository(table);
const agreements = createAgreementRepository(table);
const mailer = createSesMailer(config.mail);
const linkSigner = loadLinkSigner(config.signingKeys);
const newId = monotonicFactory();

/**
 * Sends the emails the table's stream reports as new outbox items. A record that cannot be
 * finished now is reported as a batch item failure, so Lambda brings it back.
 */
const sendNewMessages = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  const failures: DynamoDBBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    const image = record.dynamodb?.NewImage;
    if (record.eventName !== 'INSERT' || image?.entity?.S !== 'outbox') continue;
    try {
      const message = ZOutboxMessage.parse(unmarshall(image as Record<string, AttributeValue>));
      const signer = await linkSigner(message.recipients.flatMap((recipient) => (recipient.link ? [recipient.link.keyId] : [])));
      const delivered = await deliverMessage({ message, now: () => new Date(), publicBaseUrl: config.publicBaseUrl, outbox, mailer, render: renderEmail, linkSigner: signer, agreements, newId });
      countMetric('EmailsSent', delivered.sent);
      countMetric('EmailsUndelivered', delivered.failed);
    } catch (error) {
      logger.warn('Outbox record not finished; it will be retried', { error: (error as Error).name, sequence: record.dynamodb?.SequenceNumber });
      failures.push({ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' });
    }
  }
  return { batchItemFailures: failures };
};

export const handler = middy<DynamoDBStreamEvent, DynamoDBBatchResponse>()
  .use(observability())
  .handler(sendNewMessages);
