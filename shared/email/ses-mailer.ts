import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import type { TSettings } from '../config';
import { MailRejectedError, type TMailer } from '../domain/ports';
import { traceAwsClient } from '../xray-tracer';

/**
 * SES errors that no retry can cure: the message or an address is malformed, or SES refuses this
 * message. Throttling, 5xx, a paused account and network failures are transient: they wait.
 */
const PERMANENT_ERRORS = new Set(['MessageRejected', 'BadRequestException', 'InvalidParameterValue']);

/** SES v2 behind the mailer port; locally the same client talks to aws-ses-v2-local. */
export const createSesMailer = (mail: TSettings['mail']): TMailer => {
  const client = traceAwsClient(
    new SESv2Client({
      region: mail.region,
      ...(mail.sesEndpoint
        ? { endpoint: mail.sesEndpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
        : {}),
    }),
  );
  return {
    async send(email) {
      const command = new SendEmailCommand({
        FromEmailAddress: mail.from,
        Destination: { ToAddresses: [email.to] },
        Content: {
          Simple: {
            Subject: { Data: email.subject, Charset: 'UTF-8' },
            Body: { Text: { Data: email.text, Charset: 'UTF-8' }, Html: { Data: email.html, Charset: 'UTF-8' } },
          },
        },
        ConfigurationSetName: mail.configurationSet,
        EmailTags: [{ Name: 'template', Value: email.template }],
      });
      try {
        return (await client.send(command)).MessageId ?? 'unknown';
      } catch (error) {
        throw error instanceof Error && PERMANENT_ERRORS.has(error.name) ? new MailRejectedError(error.name) : error;
      }
    },
  };
};
