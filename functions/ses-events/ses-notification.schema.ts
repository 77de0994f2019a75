import * as z from 'zod/mini';
import { deferred } from '../../shared/schemas/deferred';

/** The parts of an SES event notification (via SNS) that Accord acts on. */
export const ZSesNotification = deferred(() =>
  z.discriminatedUnion('eventType', [
    z.object({
      eventType: z.literal('Bounce'),
      mail: z.object({ messageId: z.string() }),
      bounce: z.object({ bounceType: z.string(), bouncedRecipients: z.array(z.object({ emailAddress: z.string() })) }),
    }),
    z.object({
      eventType: z.literal('Complaint'),
      mail: z.object({ messageId: z.string() }),
      complaint: z.object({ complainedRecipients: z.array(z.object({ emailAddress: z.string() })) }),
    }),
  ]),
);
export type TSesNotification = z.infer<typeof ZSesNotification>;
