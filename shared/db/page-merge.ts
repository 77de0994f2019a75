/**
 * Merging the pages of several scopes (a user in two agencies) into one page.
 * Every scope's entries share one sort-key format, so a single sort key is a cursor for all of them.
 */
export type TScopePage<T> = {
  items: { sortKey: string; value: T }[];
  /** Sort key of the last item DynamoDB evaluated when it stopped early; null when the scope is exhausted. */
  lastEvaluatedSortKey: string | null;
};

export const mergeScopePages = <T>(
  pages: TScopePage<T>[],
  { limit, descending }: { limit: number; descending: boolean },
): { items: T[]; after: string | null } => {
  const before = (a: string, b: string) => (descending ? a > b : a < b);
  const unfinished = pages.flatMap((page) => (page.lastEvaluatedSortKey ? [page.lastEvaluatedSortKey] : []));
  // Past the boundary some scope has not been read yet, so nothing there can be shown in order.
  const boundary = unfinished.reduce<string | null>(
    (edge, key) => (edge === null || before(key, edge) ? key : edge),
    null,
  );
  const complete = new Map<string, T>();
  for (const page of pages) {
    for (const item of page.items) {
      if (boundary === null || !before(boundary, item.sortKey)) complete.set(item.sortKey, item.value);
    }
  }
  const sortKeys = [...complete.keys()].sort((a, b) => (a === b ? 0 : before(a, b) ? -1 : 1));
  const taken = sortKeys.slice(0, limit);
  const cutShort = sortKeys.length > limit || (taken.length === limit && boundary !== null);
  const after = cutShort ? (taken.at(-1) ?? null) : boundary;
  return { items: taken.map((key) => complete.get(key) as T), after };
};
