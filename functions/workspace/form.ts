import httpMultipartBodyParser from '@middy/http-multipart-body-parser';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { AppError, fieldErrorsOf, friendlyMessage, isAppError, type TFieldError } from '../../shared/errors';

/**
 * A posted form as nested values: a field is named by its path in the request schema
 * (`parties.0.signatories.1.email`), so a zod error's path names the field it belongs to.
 */
export type TFormValues = Record<string, string>;

const readForm = (body: string | undefined, isBase64Encoded: boolean | undefined): TFormValues => {
  const text = isBase64Encoded ? Buffer.from(body ?? '', 'base64').toString('utf8') : (body ?? '');
  const values: TFormValues = {};
  for (const [name, value] of new URLSearchParams(text)) values[name] = value.replace(/\r\n/g, '\n');
  return values;
};

/**
 * What a page takes in one form post: the file's bytes travel in the request (Lambda's 6 MB
 * payload, base64), so a browser without JavaScript can add a file too.
 */
export const MAX_FORM_FILE_BYTES = 4 * 1024 * 1024;

export type TPostedFile = { name: string; type: string; bytes: Buffer };

const isMultipart = (event: APIGatewayProxyEventV2) => /^multipart\/form-data/i.test(event.headers?.['content-type'] ?? '');

/** A posted form, urlencoded or multipart: its fields as values, and its files by field name. */
export const readPostedForm = async (event: APIGatewayProxyEventV2): Promise<{ values: TFormValues; files: Record<string, TPostedFile> }> => {
  if (!isMultipart(event)) return { values: readForm(event.body, event.isBase64Encoded), files: {} };
  const request = { event: { ...event } };
  const parser = httpMultipartBodyParser({ busboy: { limits: { files: 1, fileSize: MAX_FORM_FILE_BYTES, fields: 20, fieldSize: MAX_FORM_FILE_BYTES } }, disableContentTypeError: false });
  try {
    await parser.before!(request as never);
  } catch {
    throw new AppError('validation_failed', 'The form could not be read.', [{ path: 'file', message: 'choose a file' }]);
  }
  const values: TFormValues = {};
  const files: Record<string, TPostedFile> = {};
  const parts = request.event.body as unknown as Record<string, string | { filename?: string; mimetype?: string; content?: Buffer; truncated?: boolean }>;
  for (const [name, part] of Object.entries(parts)) {
    // busboy cuts a field at its size limit without saying so: one that long is refused, not read short.
    if (typeof part === 'string' && part.length >= MAX_FORM_FILE_BYTES) throw new AppError('payload_too_large', `A field can be at most ${MAX_FORM_FILE_BYTES / 1024 / 1024} MB.`);
    if (typeof part === 'string') values[name] = part.replace(/\r\n/g, '\n');
    else if (part.truncated) throw new AppError('payload_too_large', `A file added here can be at most ${MAX_FORM_FILE_BYTES / 1024 / 1024} MB.`);
    else if (part.content && part.content.length > 0) files[name] = { name: part.filename ?? 'file', type: part.mimetype ?? 'application/octet-stream', bytes: part.content };
  }
  return { values, files };
};

/**
 * The values of a set of checkboxes, each named `<prefix>.<value>` because a form's repeated names
 * would collapse to the last: those checked whose value matches `value` whole.
 */
export const checkedOf = (values: TFormValues, prefix: string, value: RegExp) =>
  Object.keys(values).flatMap((name) => {
    const checked = name.startsWith(`${prefix}.`) ? name.slice(prefix.length + 1) : '';
    return new RegExp(`^(?:${value.source})$`).test(checked) ? [checked] : [];
  });

/** A textarea of one entry a line (functions, email addresses): its lines, trimmed, blank ones dropped. */
export const lines = (text: string | undefined) =>
  (text ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** The revision a form was opened at, as the If-Match the domain checks. */
export const ifMatchOf = (revision: string | undefined) => (revision && /^\d+$/.test(revision) ? `"${revision}"` : undefined);

/** What a domain refusal says by field (the statute's rules, an unknown agency), to show on the form; null for anything else. */
export const formErrorsOf = (error: unknown): TFieldError[] | null => (isAppError(error) && error.errors?.length && error.status < 500 ? error.errors : null);

/** The id GOV.UK Frontend gives a field named by a path (`parties-0-agencyId`), which the error summary links to. */
export const fieldId = (path: string) => path.replace(/\./g, '-');

export type TFormErrorOptions = {
  /** How a field reads in the error summary ("Party 1, signatory 2, email"). */
  describe?: (path: string) => string;
  /** The form field an error's path belongs to, when it is not the path itself (a line of a textarea). */
  fieldOf?: (path: string) => string;
  /** Fields entered in parts (a date): the summary links to the first part. */
  firstPartOf?: (field: string) => string | null;
  /** Where a field comes on the page, so the summary lists errors in the order the fields are met. */
  positionOf?: (path: string) => number;
  /** Where the summary links for a field fixed on another page (a draft's files), if any. */
  hrefOf?: (field: string) => string | null;
};

/** The error summary's list and each field's own message, from the errors a request's schema or the domain gave. */
export const errorsForForm = (errors: readonly TFieldError[], options: TFormErrorOptions = {}) => {
  const { describe = (path: string) => path, fieldOf = (path: string) => path, firstPartOf = () => null, positionOf = () => 0, hrefOf = () => null } = options;
  const byField: Record<string, { text: string }> = {};
  // One message a field, the first found: the summary lists each field once.
  const errorList = [...errors].sort((a, b) => positionOf(a.path) - positionOf(b.path)).flatMap((error) => {
    const field = fieldOf(error.path);
    if (byField[field]) return [];
    const text = `${describe(error.path)}: ${friendlyMessage(error.message)}`;
    byField[field] = { text };
    return [{ text, href: hrefOf(field) ?? `#${fieldId(field)}${firstPartOf(field) ?? ''}` }];
  });
  return { errorList, byField };
};

/**
 * A form's change: when the form does not parse, or the domain refuses it field by field, the form
 * is rendered again with those errors; anything else is the error page's.
 */
export const attempt = async <TResult>(
  render: (errors: TFieldError[]) => TResult | Promise<TResult>,
  parsed: { success: boolean; error?: Parameters<typeof fieldErrorsOf>[0] },
  change: () => Promise<TResult>,
): Promise<TResult> => {
  if (!parsed.success) return render(fieldErrorsOf(parsed.error!));
  try {
    return await change();
  } catch (error) {
    const fieldErrors = formErrorsOf(error);
    if (fieldErrors) return render(fieldErrors);
    throw error;
  }
};
