// First: zod's settings hold for the schemas built after them.
import '../../shared/schemas/zod-settings';
import middy from '@middy/core';
import type { SNSEvent } from 'aws-lambda';
import { monotonicFactory } from 'ulid';
import { config } from './config';
import { createAgreementRepository } from '../../shared/db/agreement-repository';
import { createDocumentClient } from '../../shared/db/client';
import { createOutboxRepository } from '../../shared/db/outbox-repository';
import { recordMailFailure } from '../../shared/domain/email/record-mail-failure';
import { countMetric, logger, observability } from '../../shared/observability';
import { ZSesNotification } from './ses-notification.schema';

const table = { client: createDocumentClient(config.table), tableName: config.table.name };
const outbox = createOutboxRepository(table);
const agreements = createAgreementRepository(table);
const newId = monotonicFactory();

/** SES bounce and complaint events (configuration set → SNS): a transient bounce is SES's to retry. */
const recordFailures = async (event: SNSEvent): Promise<void> => {
  for (const record of event.Records) {
    const parsed = ZSesNotification.safeParse(JSON.parse(record.Sns.Message));
    if (!parsed.success) {
      logger.warn('Ignored an SES notification of another kind');
      continue;
    }
    const notification = parsed.data;
    if (notification.eventType === 'Bounce' && notification.bounce.bounceType !== 'Permanent') continue;
    const addresses =
      notification.eventType === 'Bounce'
        ? notification.bounce.bouncedRecipients.map((r) => r.emailAddress)
        : notification.complaint.complainedRecipients.map((r) => r.emailAddress);
    const outcome = await recordMailFailure({
      providerMessageId: notification.mail.messageId,
      addresses,
      kind: notification.eventType === 'Bounce' ? 'bounce' : 'complaint',
      now: new Date(),
      newId,
      outbox,
      agreements,
    });
    countMetric(outcome === 'recorded' ? 'MailFailuresRecorded' : 'MailFailuresUnmatched');
    // A bounce or complaint is an email nobody read: it raises the same alarm as a send that failed.
    if (outcome === 'recorded') countMetric('EmailsUndelivered', addresses.length);
  }
};

export const handler = middy<SNSEvent, void>().use(observability()).handler(recordFailures);
