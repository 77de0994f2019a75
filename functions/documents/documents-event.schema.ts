import * as z from 'zod/mini';
import { deferred } from '../../shared/schemas/deferred';

/** An S3 notification of a new object (an upload arriving), as S3 sends it to Lambda. */
export const ZObjectCreatedEvent = deferred(() =>
  z.object({
    Records: z
      .array(
        z.object({
          eventSource: z.literal('aws:s3'),
          eventName: z.string(),
          // Keys arrive URL-encoded, spaces as '+'.
          s3: z.object({
            object: z.object({
              key: z.pipe(
                z.string(),
                z.transform((key) => decodeURIComponent(key.replace(/\+/g, ' '))),
              ),
            }),
          }),
        }),
      )
      .check(z.minLength(1)),
  }),
);

/** The table's stream, filtered to the audit events of versions coming into force. */
export const ZInForceStreamEvent = deferred(() =>
  z.object({
    Records: z.array(
      z.object({
        eventSource: z.literal('aws:dynamodb'),
        dynamodb: z.object({
          SequenceNumber: z.string(),
          NewImage: z.object({ agreementId: z.object({ S: z.string() }) }),
        }),
      }),
    ),
  }),
);
