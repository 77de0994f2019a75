import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeScopePages, type TScopePage } from '../../../shared/db/page-merge';

/** Simulates DynamoDB: a Query over one sorted partition, Limit items from past the cursor. */
const queryPartition = (keys: string[], after: string | null, limit: number): TScopePage<string> => {
  const remaining = keys.filter((key) => after === null || key < after);
  const page = remaining.slice(0, limit);
  return {
    items: page.map((key) => ({ sortKey: key, value: key })),
    lastEvaluatedSortKey: remaining.length > limit ? page.at(-1)! : null,
  };
};

describe('merging the list pages of several agencies', () => {
  it('shows an agreement shared by two agencies once', () => {
    const merged = mergeScopePages(
      [queryPartition(['c', 'b', 'a'], null, 10), queryPartition(['c', 'a'], null, 10)],
      { limit: 10, descending: true },
    );
    expect(merged).toEqual({ items: ['c', 'b', 'a'], after: null });
  });

  it('pages through the union of any partitions, in order, losing and repeating nothing', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 25 }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 7 }),
        (partitions, limit) => {
          const sorted = partitions.map((keys) => keys.map((k) => k.toString().padStart(3, '0')).sort().reverse());
          const expected = [...new Set(sorted.flat())].sort().reverse();
          const seen: string[] = [];
          let after: string | null = null;
          for (let page = 0; page < 200; page += 1) {
            const merged = mergeScopePages(
              sorted.map((keys) => queryPartition(keys, after, limit)),
              { limit, descending: true },
            );
            expect(merged.items.length).toBeLessThanOrEqual(limit);
            seen.push(...merged.items);
            after = merged.after;
            if (after === null) break;
          }
          expect(seen).toEqual(expected);
        },
      ),
    );
  });
});
