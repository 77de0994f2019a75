import * as z from 'zod';
import { ZLegalBasis } from './agreement';
import { ZIsoDate, ZSlug } from './common';
import { deferred } from './deferred';

/** What the public may read of an agreement in force (the contract (HTTP contract)): never an email address. */
export const ZRegisterEntry = deferred(() =>
  z
    .object({
      id: z.string().meta({ description: 'Its published text is at /register/agreements/{id}' }),
      reference: z.string(),
      version: z.int(),
      title: z.string(),
      summary: z.string(),
      legalBasis: ZLegalBasis,
      parties: z.array(z.string()),
      partyAgencyIds: z.array(z.string()).meta({ description: 'The agency ids of `parties`, in the same order (for `?agency=`)' }),
      publication: z
        .array(
          z.object({
            agencyId: z.string(),
            agency: z.string(),
            mode: z.enum(['full', 'summary', 'withheld']),
            where: z.string().nullable(),
            reason: z.string().nullable(),
          }),
        )
        .meta({ description: 'How each party that has said so publishes the agreement (Police Act 1996 s.23E)' }),
      effectiveDate: ZIsoDate.nullable(),
      nextReviewDate: ZIsoDate.nullable(),
      documentSha256: z.string().nullable(),
    })
    .meta({ id: 'RegisterEntry' }),
);
export type TRegisterEntry = z.infer<typeof ZRegisterEntry>;

export const ZRegister = deferred(() => z.object({ items: z.array(ZRegisterEntry), nextCursor: z.string().nullable() }).meta({ id: 'Register' }));

export const ZRegisterQuery = deferred(() =>
  z.object({
    agency: ZSlug.optional().meta({ description: 'Only agreements with this agency as a party' }),
    cursor: z.string().max(512).optional(),
    limit: z.coerce.number().int().min(1).max(100).optional(),
  }),
);
