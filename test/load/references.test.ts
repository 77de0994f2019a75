import { beforeAll, describe, expect, it } from 'vitest';
import { WARWICKSHIRE_AGENCIES } from '../fixtures/agencies';
import type { TTestUser } from '../fixtures/auth';
import { ADMIN } from '../fixtures/http';
import { api } from '../fixtures/lifecycle';

const FIRE_EDITOR: TTestUser = { email: 'drafter@warwickshire-fire.test', role: 'editor', agencies: ['warwickshire-fire'] };

beforeAll(async () => {
  for (const agency of WARWICKSHIRE_AGENCIES) await api({ method: 'POST', path: '/agencies', as: ADMIN, body: agency });
});

describe('drafts created at once', () => {
  it('gives references in sequence, never the same one twice and with no gap, when fifty drafts are created at once', async () => {
    const count = 50;
    // As a client should: a 503 says try again, and the Idempotency-Key makes the retry safe.
    const create = async (index: number) => {
      for (let attempt = 1; ; attempt += 1) {
        const reply = await api({ method: 'POST', path: '/agreements', body: { title: `Parallel draft ${index}` }, as: FIRE_EDITOR, headers: { 'idempotency-key': `parallel-draft-${index}` } });
        if (reply.status !== 503 || attempt === 3) return reply;
        await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
      }
    };
    const results = await Promise.all(Array.from({ length: count }, (_, index) => create(index)));
    expect(results.map((result) => result.status)).toEqual(Array(count).fill(201));
    const sequences = results.map((result) => Number(result.json.reference.split('-')[2])).sort((a, b) => a - b);
    expect(new Set(sequences).size).toBe(count);
    expect(sequences.at(-1)! - sequences[0]!).toBe(count - 1);
  });

});
