/**
 * Runs `work` on every item of `items` with at most `limit` running at once, pulling items only
 * as workers free up. One item's failure does not stop the others: every item is worked, and the
 * failures are then reported together (an `AggregateError`), so whoever runs this still sees them.
 */
export const forEachConcurrently = async <T>(items: AsyncIterable<T> | Iterable<T>, limit: number, work: (item: T) => Promise<void>): Promise<void> => {
  const iterator = Symbol.asyncIterator in items ? items[Symbol.asyncIterator]() : items[Symbol.iterator]();
  const failures: unknown[] = [];
  const worker = async () => {
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      try {
        await work(next.value);
      } catch (error) {
        failures.push(error);
      }
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  if (failures.length > 0) throw new AggregateError(failures, `${failures.length} item(s) failed: ${String((failures[0] as Error)?.message ?? failures[0])}`);
};
