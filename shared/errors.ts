import type * as z from 'zod/mini';
/** Every failure a client can see, and the one place that maps it to an HTTP status. */
export const APP_ERROR_STATUS = {
  malformed_request: 400,
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  illegal_transition: 409,
  conflict: 409,
  gone: 410,
  precondition_failed: 412,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  precondition_required: 428,
  too_many_requests: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type TAppErrorCode = keyof typeof APP_ERROR_STATUS;

/** One invalid field: `path` is dotted (`parties.0.signatories.0.email`). */
export type TFieldError = { path: string; message: string };

const TITLES: Record<TAppErrorCode, string> = {
  malformed_request: 'Malformed request',
  validation_failed: 'Validation failed',
  unauthenticated: 'Authentication required',
  forbidden: 'Forbidden',
  not_found: 'Not found',
  method_not_allowed: 'Method not allowed',
  illegal_transition: 'Illegal transition',
  conflict: 'Conflict',
  gone: 'Gone',
  precondition_failed: 'Precondition failed',
  payload_too_large: 'Payload too large',
  unsupported_media_type: 'Unsupported media type',
  unprocessable: 'Unprocessable request',
  precondition_required: 'Precondition required',
  too_many_requests: 'Too many requests',
  internal: 'Internal error',
  unavailable: 'Service unavailable',
};

export class AppError extends Error {
  readonly code: TAppErrorCode;
  readonly status: number;
  readonly title: string;
  readonly errors?: TFieldError[];
  /** Seconds after which the same request may succeed (429, 503): sent as `Retry-After`. */
  readonly retryAfterSeconds?: number;

  constructor(code: TAppErrorCode, detail: string, errors?: TFieldError[], options: { retryAfterSeconds?: number } = {}) {
    super(detail);
    this.name = 'AppError';
    this.code = code;
    this.status = APP_ERROR_STATUS[code];
    this.title = TITLES[code];
    this.errors = errors;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;

/** zod issues as `{ path, message }`, one per bad field; an unknown key is named by its own path. */
export const fieldErrorsOf = (error: z.core.$ZodError): TFieldError[] =>
  error.issues.flatMap((issue) => {
    const base = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: [...base, key].join('.'), message: 'is not a field of this request' }));
    }
    return [{ path: base.join('.') || '(body)', message: issue.message }];
  });

/** zod's and the domain's wording, as a sentence a user reads beside the field. */
export const friendlyMessage = (message: string) =>
  message
    .replace(/^Too small: expected string to have >=1 characters?$/, 'cannot be blank')
    .replace(/^Too big: expected string to have <=(\d+) characters?$/, 'must be $1 characters or fewer')
    .replace(/^Too small: expected number to be >=(\d+)$/, 'must be $1 or more')
    .replace(/^Too big: expected number to be <=(\d+)$/, 'must be $1 or less')
    .replace(/^Too big: expected array to have <=(\d+) items$/, 'can have at most $1')
    .replace(/^Too small: expected array to have >=(\d+) items$/, 'needs at least $1')
    .replace(/^Invalid email address$/, 'must be an email address, like name@force.police.uk')
    .replace(/^Invalid option: expected one of .*$/, 'choose one of the options')
    .replace(/^Invalid input: expected \w+, received undefined$/, 'must be given');
