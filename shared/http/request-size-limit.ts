import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { MAX_BODY_BYTES } from '../schemas/agreement';
import { AppError } from '../errors';

/** Room for a maximal agreement text plus its fields and JSON escaping. */
export const MAX_REQUEST_BYTES = MAX_BODY_BYTES * 2;

/** Refuses an oversized body before anything parses it; `byPath` allows some paths more (a file to verify, a file to add). */
export const requestSizeLimit = (
  maxBytes = MAX_REQUEST_BYTES,
  byPath: Record<string, number> | ((path: string) => number | undefined) = {},
): MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyResultV2> => ({
  before: async ({ event }) => {
    if (!event.body) return;
    const limit = (typeof byPath === 'function' ? byPath(event.rawPath) : byPath[event.rawPath]) ?? maxBytes;
    const bytes = event.isBase64Encoded ? Buffer.from(event.body, 'base64').length : Buffer.byteLength(event.body);
    if (bytes > limit) {
      throw new AppError('payload_too_large', `The request body is ${bytes} bytes; the limit is ${limit}.`);
    }
  },
});
