/** `npm run generate:client`: writes the API's types for the generated client from its OpenAPI document. */
import { writeFile } from 'node:fs/promises';
import { CLIENT_TYPES_FILE, renderClientTypes } from '../client/generate';

await writeFile(CLIENT_TYPES_FILE, await renderClientTypes());
console.log(`Wrote ${CLIENT_TYPES_FILE}`);
