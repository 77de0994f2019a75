import { z } from 'zod';

/** A calendar date `YYYY-MM-DD` that exists (2026-02-30 is refused). */
export const ZIsoDate = z.iso.date().meta({ description: 'Calendar date, YYYY-MM-DD (Europe/London)' });

export const ZUlid = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'must be a ULID');

export const ZEmail = z.email().max(254).transform((email) => email.toLowerCase());

/** Lower-case words joined by hyphens, e.g. `warwickshire-fire`. */
export const ZSlug = z
  .string()
  .min(2)
  .max(64)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case letters, digits and single hyphens');

/** Plain text on one line: no control characters. */
export const plainLine = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    // eslint-disable-next-line no-control-regex
    .regex(/^[^\u0000-\u001f\u007f]*$/, 'must not contain control characters');

/** Plain text that may span lines. */
export const plainText = (max: number) =>
  z
    .string()
    .max(max)
    // eslint-disable-next-line no-control-regex
    .regex(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/, 'must not contain control characters');

export const ZProblem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });
