import * as z from 'zod';
import { ZLegalBasis } from './agreement';
import { ZIsoDate } from './common';

/** What the public may read of an agreement in force (the contract (HTTP contract)): never an email address. */
export const ZRegisterEntry = z
  .object({
    reference: z.string(),
    version: z.int(),
    title: z.string(),
    summary: z.string(),
    legalBasis: ZLegalBasis,
    parties: z.array(z.string()),
    effectiveDate: ZIsoDate.nullable(),
    nextReviewDate: ZIsoDate.nullable(),
    documentSha256: z.string().nullable(),
  })
  .meta({ id: 'RegisterEntry' });
export type TRegisterEntry = z.infer<typeof ZRegisterEntry>;

export const ZRegister = z.object({ items: z.array(ZRegisterEntry), nextCursor: z.string().nullable() }).meta({ id: 'Register' });

export const ZRegisterQuery = z.object({
  cursor: z.string().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});
