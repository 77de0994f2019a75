/**
 * Runs `work` on every item of `items` with at most `limit` running at once, pulling items only
 * as workers free up. Resolves when all are done; the first failure rejects (the others finish).
 */
export const forEachConcurrently = async <T>(items: AsyncIterable<T>, limit: number, work: (item: T) => Promise<void>): Promise<void> => {
  const iterator = items[Symbol.asyncIterator]();
  let failure: unknown;
  const worker = async () => {
    for (;;) {
      if (failure !== undefined) return;
      const next = await iterator.next();
      if (next.done) return;
      try {
        await work(next.value);
      } catch (error) {
        failure ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  if (failure !== undefined) throw failure;
};
