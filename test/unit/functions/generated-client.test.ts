import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLIENT_TYPES_FILE, OPENAPI_DOCUMENT_FILE, renderClientTypes, renderOpenApiDocument } from '../../../client/generate';

describe('what is generated from the schemas (npm run generate:client)', () => {
  it('the OpenAPI document the API serves is that of its routes and schemas as they are now', async () => {
    expect(readFileSync(OPENAPI_DOCUMENT_FILE, 'utf8')).toBe(await renderOpenApiDocument());
  });

  it('the generated client is generated from that document', async () => {
    expect(readFileSync(CLIENT_TYPES_FILE, 'utf8')).toBe(await renderClientTypes());
  });
});
