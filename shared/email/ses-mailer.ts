import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import type { TSettings } from '../config';
import type { TMailer } from '../domain/ports';

/** SES v2 behind the mailer port; locally the same client talks to aws-ses-v2-local. */
export const createSesMailer = (mail: TSettings['mail']): TMailer => {
  const client = new SESv2Client({
    region: mail.region,
    ...(mail.sesEndpoint
      ? { endpoint: mail.sesEndpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
  });
  return {
    async send(email) {
      const result = await client.send(
        new SendEmailCommand({
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
        }),
      );
      return result.MessageId ?? 'unknown';
    },
  };
};
