import { createHmac } from 'node:crypto';

/**
 * Standard Webhooks signing: HMAC-SHA256 of `<webhook-id>.<webhook-timestamp>.<body>` with the
 * secret's bytes (base64 after `whsec_`), sent as `v1,<base64>`; several secrets (during a
 * rotation) give several signatures, space-separated. A receiver verifies with the
 * `standardwebhooks` library unchanged.
 */
export const webhookHeaders = (options: { secrets: string[]; webhookId: string; at: Date; body: string }): Record<string, string> => {
  const timestamp = String(Math.floor(options.at.getTime() / 1000));
  const signed = `${options.webhookId}.${timestamp}.${options.body}`;
  const signatures = options.secrets.map((secret) => {
    const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
    return `v1,${createHmac('sha256', key).update(signed, 'utf8').digest('base64')}`;
  });
  return {
    'content-type': 'application/json',
    'webhook-id': options.webhookId,
    'webhook-timestamp': timestamp,
    'webhook-signature': signatures.join(' '),
  };
};
