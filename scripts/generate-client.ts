/**
 * `npm run generate:client`: writes the OpenAPI document the API serves and the API's types for
 * the generated client, both from the route specs and zod schemas.
 */
import { writeFile } from 'node:fs/promises';
import { CLIENT_TYPES_FILE, OPENAPI_DOCUMENT_FILE, renderClientTypes, renderOpenApiDocument } from '../client/generate';

await writeFile(OPENAPI_DOCUMENT_FILE, await renderOpenApiDocument());
await writeFile(CLIENT_TYPES_FILE, await renderClientTypes());
console.log(`Wrote ${OPENAPI_DOCUMENT_FILE} and ${CLIENT_TYPES_FILE}`);
