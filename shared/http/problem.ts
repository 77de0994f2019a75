import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { AppError } from '../errors';
import { logger } from '../observability';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Errors thrown by middy's own middlewares carry an HTTP status and the package that threw them. */
type TMiddyHttpError = Error & { statusCode: number; cause?: { package?: string } };
const isMiddyHttpError = (error: unknown): error is TMiddyHttpError =>
  error instanceof Error && typeof (error as TMiddyHttpError).statusCode === 'number';

/** How long a client should wait before trying again after a storage fault. */
const STORAGE_RETRY_AFTER_SECONDS = 5;
const NETWORK_FAULTS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const THROTTLING_ERRORS = new Set(['ProvisionedThroughputExceededException', 'RequestLimitExceeded', 'ThrottlingException']);
const FAILING_AWS_ERRORS = new Set(['InternalServerError', 'ServiceUnavailable', 'TimeoutError']);

/**
 * A fault of the storage or the network under it that goes away by itself: the table unreachable,
 * throttling, a 5xx, a transaction that collided with another. The request changed nothing (each
 * change is one transaction) and can simply be sent again.
 */
type TStorageError = Error & { code?: string; $fault?: string; CancellationReasons?: { Code?: string }[] };

/** Refused before anything was written: no connection at all, throttled, or collided with another transaction. */
const isRefusedFault = (error: TStorageError) =>
  error.code === 'ECONNREFUSED' ||
  THROTTLING_ERRORS.has(error.name) ||
  (error.name === 'TransactionCanceledException' && (error.CancellationReasons ?? []).some((reason) => reason.Code === 'TransactionConflict'));

const isTransientFault = (error: TStorageError) => NETWORK_FAULTS.has(error.code ?? '') || FAILING_AWS_ERRORS.has(error.name) || error.$fault === 'server' || isRefusedFault(error);

export const toAppError = (error: unknown): AppError => {
  if (error instanceof AppError) return error;
  if (error instanceof Error && isTransientFault(error)) {
    // A timeout or a dropped connection may come after a write went through: only a refusal is known to have changed nothing.
    const detail = isRefusedFault(error)
      ? 'Accord is busy just now and nothing was changed. Try again in a few seconds.'
      : 'Accord cannot reach its records just now. Try again in a few seconds; if what you asked for went through meanwhile, you will be told so.';
    return new AppError('unavailable', detail, undefined, { retryAfterSeconds: STORAGE_RETRY_AFTER_SECONDS });
  }
  if (isMiddyHttpError(error)) {
    if (error.cause?.package === '@middy/http-json-body-parser') {
      return error.message.includes('malformed')
        ? new AppError('malformed_request', 'The request body is not valid JSON.')
        : new AppError('unsupported_media_type', 'Send the body as application/json.');
    }
    if (error.statusCode === 404) return new AppError('not_found', 'There is nothing at this path.');
  }
  return new AppError('internal', 'Something went wrong on our side; it has been logged.');
};

export const problemResponse = (error: AppError): APIGatewayProxyResultV2 => ({
  statusCode: error.status,
  headers: {
    'content-type': PROBLEM_CONTENT_TYPE,
    'cache-control': 'no-store',
    ...(error.retryAfterSeconds !== undefined ? { 'retry-after': String(error.retryAfterSeconds) } : {}),
  },
  body: JSON.stringify({
    type: `urn:accord:problem:${error.code}`,
    title: error.title,
    status: error.status,
    detail: error.message,
    ...(error.errors ? { errors: error.errors } : {}),
  }),
});

/** The one place errors become responses (RFC 9457). A 5xx says nothing of its cause to the client. */
export const problemDetails = (): MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyResultV2> => ({
  onError: async (request) => {
    const appError = toAppError(request.error);
    if (appError.status >= 500) {
      logger.error(appError.code === 'unavailable' ? 'Storage unavailable' : 'Request failed', { error: request.error as Error });
    }
    request.response = problemResponse(appError);
  },
});
