import * as z from 'zod/mini';
import { documented } from './documented';
import { deferred } from './deferred';

/** A calendar date `YYYY-MM-DD` that exists (2026-02-30 is refused). */
export const ZIsoDate = deferred(() => documented(z.iso.date(), { description: 'Calendar date, YYYY-MM-DD (Europe/London)' }));

export const ZUlid = deferred(() => z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'must be a ULID')));

export const ZEmail = deferred(() => z.email().check(z.maxLength(254), z.toLowerCase()));

/** Lower-case words joined by hyphens, e.g. `warwickshire-fire`. */
export const ZSlug = deferred(() =>
  z.string().check(z.minLength(2), z.maxLength(64), z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case letters, digits and single hyphens')),
);

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const LINE_BREAKS_AND_TABS = /[\n\t]/;
/**
 * Bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069) and
 * marks (U+200E, U+200F, U+061C): in a name or a title they make text display differently from
 * what is stored and hashed.
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;
/** Line and paragraph separators break a one-line field as a newline would. */
const LINE_SEPARATORS = /[\u2028\u2029]/;

/** Plain text on one line: no control characters (tab and newline included), no bidirectional controls. */
export const plainLine = (max: number) =>
  z.string().check(
    z.trim(),
    z.minLength(1),
    z.maxLength(max),
    z.refine(
      (text) => !CONTROL_CHARACTERS.test(text) && !LINE_BREAKS_AND_TABS.test(text) && !LINE_SEPARATORS.test(text),
      'must not contain control characters',
    ),
    z.refine(
      (text) => !BIDI_CONTROLS.test(text),
      'must not contain bidirectional control characters or marks (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C)',
    ),
  );

/**
 * Plain text that may span lines: line endings are normalised to `\n` (browsers send `\r\n`);
 * other control characters than newline and tab are refused.
 */
export const plainText = (max: number) =>
  z.string().check(
    z.overwrite((text) => text.replace(/\r\n?/g, '\n')),
    z.maxLength(max),
    z.refine((text) => !CONTROL_CHARACTERS.test(text), 'must not contain control characters other than newline and tab'),
  );

export const ZProblem = deferred(() =>
  documented(
    z.object({
      type: z.string(),
      title: z.string(),
      status: z.number().check(z.int()),
      detail: z.string(),
      errors: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
    }),
    { id: 'Problem', description: 'RFC 9457 problem details' },
  ),
);

/** Makes a change conditional on the revision the caller read (RFC 9110 If-Match): 412 when it has moved on. */
export const ZIfMatchHeader = deferred(() =>
  z.object({
    'if-match': documented(z.optional(z.string().check(z.maxLength(200))), {
      description: 'An ETag from a read ("7"), a list of them, or *: the change is made only if the agreement is still at that revision',
    }),
  }),
);
