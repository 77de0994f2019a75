import { createConfig, lintFromString } from '@redocly/openapi-core';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { OpenAPI3 } from 'openapi-typescript';
import { OPENAPI_DOCUMENT_FILE } from '../../../client/generate';

/** The document as a deployment serves it, at a real address. */
const document = { ...(JSON.parse(readFileSync(OPENAPI_DOCUMENT_FILE, 'utf8')) as OpenAPI3), servers: [{ url: 'https://accord.warwickshire.police.uk' }] };

describe('the OpenAPI document', () => {
  it('passes Redocly’s recommended rules with no error and no warning', async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source: JSON.stringify(document), config, absoluteRef: 'openapi.json' });
    expect(problems.map((problem) => `${problem.severity} ${problem.ruleId}: ${problem.message} ${problem.location[0]?.pointer ?? ''}`)).toEqual([]);
  });

  it('names every operation for generated clients, once, and says which need no credentials', () => {
    const operations = Object.values(document.paths ?? {}).flatMap((path) =>
      Object.values(path as Record<string, { operationId?: string; security?: unknown[] }>).filter((operation) => typeof operation === 'object' && operation !== null),
    );
    const ids = operations.map((operation) => operation.operationId);
    expect(ids.every((id) => typeof id === 'string' && /^[a-z][A-Za-z]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    const health = (document.paths?.['/health'] as { get: { security?: unknown[] } }).get;
    expect(health.security).toEqual([]);
  });
});
