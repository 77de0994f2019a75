import middy, { type MiddlewareObj } from '@middy/core';
import httpJsonBodyParser from '@middy/http-json-body-parser';
import type { Method, Route } from '@middy/http-router';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type * as z from 'zod/mini';
import { hasRole, type TRole, type TUser } from '../domain/user';
import { PAGE_HEADERS } from '../html/page';
import { AppError, fieldErrorsOf } from '../errors';

/** A route's result: JSON `body`, or ready content of another type (an HTML page, a CSV file, a PDF's bytes). */
export type TResponse = {
  status: number;
  body?: unknown;
  content?: { type: string; text: string } | { type: string; bytes: Uint8Array };
  headers?: Record<string, string>;
};

export type THeaders = Record<string, string | undefined>;

/** An HTML page with Accord's page headers (strict CSP, no-store unless overridden). */
export const htmlPage = (text: string, headers: Record<string, string> = {}): TResponse => ({
  status: 200,
  content: { type: PAGE_HEADERS['content-type'], text },
  headers: { ...PAGE_HEADERS, ...headers },
});

type TInput<P, Q, B, U> = { params: P; query: Q; body: B; user: U; headers: THeaders; event: APIGatewayProxyEventV2 };

/** Documentation of one response, for the OpenAPI document. */
export type TResponseDoc = { description: string; schema?: z.ZodMiniType; contentType?: string };

/**
 * A route: its path, who may call it, the zod schemas of its input, and the function that
 * serves it. The same object feeds the router and the OpenAPI document.
 */
export type TRouteSpec<P = unknown, Q = unknown, B = unknown, A extends TRole | 'public' = TRole | 'public'> = {
  method: Exclude<Method, 'ANY'>;
  path: string;
  /** The name generated clients give the call, e.g. `getCertificate`; unique across the API. */
  operationId: string;
  summary: string;
  tags: string[];
  auth: A;
  params?: z.ZodMiniType<P>;
  query?: z.ZodMiniType<Q>;
  /** Request headers it reads (lower-case names), documented and checked like the rest of the input. */
  headers?: z.ZodMiniType;
  body?: z.ZodMiniType<B>;
  /** A body that is not JSON (a file's bytes): documented, and left to the handler to read from the event. */
  rawBody?: { contentTypes: string[]; description: string };
  responses: Record<number, TResponseDoc>;
  handle: (input: TInput<P, Q, B, A extends 'public' ? null : TUser>) => Promise<TResponse>;
};

/** Keeps each route's input types while collecting routes in one list. */
export const defineRoute = <P, Q, B, A extends TRole | 'public'>(spec: TRouteSpec<P, Q, B, A>): TRouteSpec => spec as TRouteSpec;

type TRouterHandler = Route<APIGatewayProxyEventV2, APIGatewayProxyResultV2>['handler'];

export type TAuthenticate = (authorization: string | undefined) => Promise<TUser>;

const parseWith = <T>(schema: z.ZodMiniType<T> | undefined, value: unknown, onFail: (error: z.core.$ZodError) => AppError): T => {
  if (!schema) return undefined as T;
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw onFail(parsed.error);
  return parsed.data;
};

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): APIGatewayProxyResultV2 => ({
  statusCode: status,
  headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  body: JSON.stringify(body),
});

/** Turns a route spec into a router entry: authenticate, parse, validate, handle, serialise. */
export const toRouterRoute = (spec: TRouteSpec, authenticate: TAuthenticate): Route<APIGatewayProxyEventV2, APIGatewayProxyResultV2> => {
  // Who is asking is settled first, so an anonymous caller learns nothing from validation errors.
  const users = new WeakMap<APIGatewayProxyEventV2, TUser>();
  const authentication: MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyResultV2> = {
    before: async ({ event }) => {
      if (spec.auth === 'public') return;
      const user = await authenticate(event.headers?.authorization);
      // The role a route declares is checked here, so a route cannot forget it; agencies are the domain's to check.
      if (!hasRole(user, spec.auth)) throw new AppError('forbidden', `This needs the ${spec.auth} role.`);
      users.set(event, user);
    },
  };
  const serve = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> => {
    const headers = event.headers as THeaders;
    const user = users.get(event) ?? null;
    // A malformed id names no resource, so it is a 404 like an unknown one.
    const params = parseWith(spec.params, event.pathParameters ?? {}, () => new AppError('not_found', 'No such resource.'));
    const query = parseWith(
      spec.query,
      event.queryStringParameters ?? {},
      (error) => new AppError('validation_failed', 'The query string is not valid.', fieldErrorsOf(error)),
    );
    parseWith(spec.headers, headers, (error) => {
      // A header is named as it is written (Idempotency-Key), whatever case it arrived in.
      const fields = fieldErrorsOf(error).map((field) => ({
        ...field,
        path: field.path.replace(/(^|-)([a-z])/g, (_, dash: string, letter: string) => dash + letter.toUpperCase()),
      }));
      return new AppError('validation_failed', 'A request header is not valid.', fields);
    });
    const body = parseWith(spec.body, event.body, (error) => new AppError('validation_failed', 'The request body is not valid.', fieldErrorsOf(error)));
    const result = await spec.handle({ params, query, body, user, headers, event });
    // What a signed-in user reads is theirs alone: no browser or proxy may keep it.
    const resultHeaders = spec.auth === 'public' ? result.headers : { ...result.headers, 'cache-control': 'no-store' };
    const response: APIGatewayProxyStructuredResultV2 = result.content
      ? {
          statusCode: result.status,
          headers: { 'content-type': result.content.type, ...resultHeaders },
          ...('bytes' in result.content
            ? { body: Buffer.from(result.content.bytes).toString('base64'), isBase64Encoded: true }
            : { body: result.content.text }),
        }
      : result.body === undefined
        ? { statusCode: result.status, headers: resultHeaders }
        : (json(result.status, result.body, resultHeaders) as APIGatewayProxyStructuredResultV2);
    return event.requestContext.http.method === 'HEAD' ? { ...response, body: '' } : response;
  };
  const middlewares = spec.body ? [authentication, httpJsonBodyParser() as typeof authentication] : [authentication];
  const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2>().use(middlewares).handler(serve);
  return { method: spec.method, path: spec.path, handler: handler as TRouterHandler };
};

/** Router entries for a route; a GET also answers HEAD, with the same headers and no body. */
export const toRouterRoutes = (spec: TRouteSpec, authenticate: TAuthenticate) => {
  const route = toRouterRoute(spec, authenticate);
  return spec.method === 'GET' ? [route, { ...route, method: 'HEAD' as const }] : [route];
};
