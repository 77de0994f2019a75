import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './accord-api';

export type { paths } from './accord-api';

/**
 * A typed client for Accord's API, from the types generated from its OpenAPI document: the seed
 * script and the end-to-end tests call the API through it, as an integrator would.
 * `token` is read for each request, so a caller can sign in after creating the client.
 */
export const createAccordClient = (options: { baseUrl: string; token?: () => string | undefined; middleware?: Middleware[] }) => {
  const client = createClient<paths>({ baseUrl: options.baseUrl.replace(/\/+$/, '') });
  client.use({
    onRequest: ({ request }) => {
      const token = options.token?.();
      if (token) request.headers.set('authorization', `Bearer ${token}`);
      return request;
    },
  });
  for (const middleware of options.middleware ?? []) client.use(middleware);
  return client;
};

export type TAccordClient = ReturnType<typeof createAccordClient>;

/** The data of a successful call, or an error naming the operation and the problem the API gave. */
export const must = async <T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> => {
  const { data, error, response } = await call;
  if (!response.ok) throw new Error(`${response.url.replace(/^https?:\/\/[^/]+/, '')}: ${response.status} ${JSON.stringify(error)}`);
  return data as T;
};
