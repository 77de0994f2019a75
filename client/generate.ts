import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';

export const CLIENT_TYPES_FILE = 'client/accord-api.ts';
/** Where the API finds the document it serves at /openapi.json: beside its modules, and beside its bundle once deployed. */
export const OPENAPI_DOCUMENT_FILE = 'functions/api/openapi.json';
/** The server the committed document names; the API serves it naming its own public address. */
const DOCUMENT_SERVER_URL = 'http://localhost:3000';

const HEADER = `/**
 * Accord's API as TypeScript types, generated from its OpenAPI document by openapi-typescript.
 * Do not edit: run \`npm run generate:client\` (a test fails when this file is out of date).
 */

`;

const generateDocument = async () => {
  // The API module reads its configuration as it loads; the tests' placeholder values serve.
  await import('../test/setup/environment');
  (await import('../shared/schemas/deferred')).buildSchemasOnDefinition();
  const { routes } = await import('../functions/api/handler');
  const { buildOpenApiDocument } = await import('../shared/http/openapi');
  return JSON.parse(JSON.stringify(buildOpenApiDocument(routes, DOCUMENT_SERVER_URL))) as OpenAPI3;
};

/** The OpenAPI document, from the route specs and zod schemas the API runs on, as the file the API serves. */
export const renderOpenApiDocument = async (): Promise<string> => `${JSON.stringify(await generateDocument(), null, 2)}\n`;

/** The types of every path, operation and schema of the OpenAPI document the API serves. */
export const renderClientTypes = async (): Promise<string> => HEADER + astToString(await openapiTS(await generateDocument())).replace(/\s*$/, '\n');
