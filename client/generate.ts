import openapiTS, { astToString } from 'openapi-typescript';

export const CLIENT_TYPES_FILE = 'client/accord-api.ts';

const HEADER = `/**
 * Accord's API as TypeScript types, generated from its OpenAPI document by openapi-typescript.
 * Do not edit: run \`npm run generate:client\` (a test fails when this file is out of date).
 */

`;

/** The types of every path, operation and schema of the OpenAPI document the API serves. */
export const renderClientTypes = async (): Promise<string> => {
  // The API module reads its configuration as it loads; the tests' placeholder values serve.
  await import('../test/setup/environment');
  const { routes } = await import('../functions/api/handler');
  const { buildOpenApiDocument } = await import('../shared/http/openapi');
  const document = buildOpenApiDocument(routes, 'http://localhost:3000');
  return HEADER + astToString(await openapiTS(JSON.parse(JSON.stringify(document)))).replace(/\s*$/, '\n');
};
