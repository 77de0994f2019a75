import * as z from 'zod';
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
        signedName: plainLine(200).or(z.literal('').transform(() => '')).pipe(z.string().min(1, 'type your full name to sign')),
      }),
      z.object({
        decision: z.literal('decline'),
        reason: plainText(5_000).pipe(z.string().trim().min(1, 'say why you decline')),
        reasonCode: ZDeclineReasonCode.default('other'),
      }),
    ],
    { error: () => 'choose approve or decline' },
  ),
);
export type TDecisionForm = z.infer<typeof ZDecisionForm>;
