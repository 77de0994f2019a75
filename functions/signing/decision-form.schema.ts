import * as z from 'zod/mini';
import { ZDeclineReasonCode } from '../../shared/schemas/agreement';
import { plainLine, plainText } from '../../shared/schemas/common';
import { deferred } from '../../shared/schemas/deferred';

/** The signing form (the contract (Sign-off by email link)): approve with a typed name, or decline with a reason. */
export const ZDecisionForm = deferred(() =>
  z.discriminatedUnion(
    'decision',
    [
      z.object({
        decision: z.literal('approve'),
        signedName: z.pipe(
          z.union([
            plainLine(200),
            z.pipe(
              z.literal(''),
              z.transform(() => ''),
            ),
          ]),
          z.string().check(z.minLength(1, 'type your full name to sign')),
        ),
      }),
      z.object({
        decision: z.literal('decline'),
        reason: z.pipe(plainText(5_000), z.string().check(z.trim(), z.minLength(1, 'say why you decline'))),
        reasonCode: z._default(ZDeclineReasonCode, 'other'),
      }),
    ],
    { error: () => 'choose approve or decline' },
  ),
);
export type TDecisionForm = z.infer<typeof ZDecisionForm>;
