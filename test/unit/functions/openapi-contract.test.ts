import { createConfig, lintFromString } from '@redocly/openapi-core';
import { describe, expect, it } from 'vitest';
import { routes } from '../../../functions/api/handler';
import { buildOpenApiDocument } from '../../../shared/http/openapi';

/** The document as a deployment serves it, at a real address. */
const document = buildOpenApiDocument(routes, 'https://accord.warwickshire.police.uk');

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
