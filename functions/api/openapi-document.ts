import { readFile } from 'node:fs/promises';

/**
 * The OpenAPI document, generated from the routes and schemas at build time (`npm run
 * generate:client`; a test fails when it is out of date) rather than in the function: the
 * generator and its JSON Schema writer stay out of the bundle, and the first request for the
 * document does not wait for it. It sits beside this module, and beside the bundle once deployed
 * (FUNCTIONS.api.shipsBeside).
 */
const DOCUMENT_FILE = new URL('./openapi.json', import.meta.url);

let document: Promise<Record<string, unknown>> | undefined;

/** The document, naming the API's own public address as its server. Read once, on first request. */
export const openApiDocument = (serverUrl: string) =>
  (document ??= readFile(DOCUMENT_FILE, 'utf8').then((text) => ({ ...(JSON.parse(text) as Record<string, unknown>), servers: [{ url: serverUrl }] })));
