import * as z from 'zod/mini';
import { documented } from './documented';
import { ZLegalBasis } from './agreement';
import { ZIsoDate, ZSlug } from './common';
import { deferred } from './deferred';

/** What the public may read of an agreement in force (the contract (HTTP contract)): never an email address. */
export const ZRegisterEntry = deferred(() =>
  documented(
    z.object({
      id: documented(z.string(), { description: 'Its published text is at /register/agreements/{id}' }),
      reference: z.string(),
      version: z.int(),
      title: z.string(),
      summary: z.string(),
      legalBasis: ZLegalBasis,
      parties: z.array(z.string()),
      partyAgencyIds: documented(z.array(z.string()), { description: 'The agency ids of `parties`, in the same order (for `?agency=`)' }),
      publication: documented(
        z.array(
          z.object({
            agencyId: z.string(),
            agency: z.string(),
            mode: z.enum(['full', 'summary', 'withheld']),
            where: z.nullable(z.string()),
            reason: z.nullable(z.string()),
          }),
        ),
        { description: 'How each party that has said so publishes the agreement (Police Act 1996 s.23E)' },
      ),
      effectiveDate: z.nullable(ZIsoDate),
      nextReviewDate: z.nullable(ZIsoDate),
      documentSha256: z.nullable(z.string()),
    }),
    { id: 'RegisterEntry' },
  ),
);
export type TRegisterEntry = z.infer<typeof ZRegisterEntry>;

export const ZRegister = deferred(() => documented(z.object({ items: z.array(ZRegisterEntry), nextCursor: z.nullable(z.string()) }), { id: 'Register' }));

export const ZRegisterQuery = deferred(() =>
  z.object({
    agency: documented(z.optional(ZSlug), { description: 'Only agreements with this agency as a party' }),
    cursor: z.optional(z.string().check(z.maxLength(512))),
    limit: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(100))),
  }),
);
