import { fieldErrorsOf, isAppError, type TFieldError } from '../../shared/errors';

/**
 * A posted form as nested values: a field is named by its path in the request schema
 * (`parties.0.signatories.1.email`), so a zod error's path names the field it belongs to.
 */
export type TFormValues = Record<string, string>;

export const readForm = (body: string | undefined, isBase64Encoded: boolean | undefined): TFormValues => {
  const text = isBase64Encoded ? Buffer.from(body ?? '', 'base64').toString('utf8') : (body ?? '');
  const values: TFormValues = {};
  for (const [name, value] of new URLSearchParams(text)) values[name] = value.replace(/\r\n/g, '\n');
  return values;
};

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

/** zod's and the domain's wording, as a sentence a user reads beside the field. */
export const friendlyMessage = (message: string) =>
  message
    .replace(/^Too small: expected string to have >=1 characters?$/, 'cannot be blank')
    .replace(/^Too big: expected string to have <=(\d+) characters?$/, 'must be $1 characters or fewer')
    .replace(/^Too small: expected number to be >=(\d+)$/, 'must be $1 or more')
    .replace(/^Too big: expected number to be <=(\d+)$/, 'must be $1 or less')
    .replace(/^Too big: expected array to have <=(\d+) items$/, 'can have at most $1')
    .replace(/^Invalid email address$/, 'must be an email address, like name@force.police.uk')
    .replace(/^Invalid option: expected one of .*$/, 'choose one of the options')
    .replace(/^Invalid input: expected \w+, received undefined$/, 'must be given');

export type TFormErrorOptions = {
  /** How a field reads in the error summary ("Party 1, signatory 2, email"). */
  describe?: (path: string) => string;
  /** The form field an error's path belongs to, when it is not the path itself (a line of a textarea). */
  fieldOf?: (path: string) => string;
  /** Fields entered in parts (a date): the summary links to the first part. */
  firstPartOf?: (field: string) => string | null;
  /** Where a field comes on the page, so the summary lists errors in the order the fields are met. */
  positionOf?: (path: string) => number;
};

/** The error summary's list and each field's own message, from the errors a request's schema or the domain gave. */
export const errorsForForm = (errors: readonly TFieldError[], options: TFormErrorOptions = {}) => {
  const { describe = (path: string) => path, fieldOf = (path: string) => path, firstPartOf = () => null, positionOf = () => 0 } = options;
  const byField: Record<string, { text: string }> = {};
  // One message a field, the first found: the summary lists each field once.
  const errorList = [...errors].sort((a, b) => positionOf(a.path) - positionOf(b.path)).flatMap((error) => {
    const field = fieldOf(error.path);
    if (byField[field]) return [];
    const text = `${describe(error.path)}: ${friendlyMessage(error.message)}`;
    byField[field] = { text };
    return [{ text, href: `#${fieldId(field)}${firstPartOf(field) ?? ''}` }];
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
