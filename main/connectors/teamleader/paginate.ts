/** Teamleader's largest page; the API's default is 20, so a forgotten `page` silently truncates. */
export const MAX_PAGE_SIZE = 100;

export interface PageOptions {
  /** 1–100, default 100. */
  pageSize?: number;
  /** Stop after this many pages (a guard against runaway loops), default 10,000. */
  maxPages?: number;
}

export type FetchPage<Item> = (page: { size: number; number: number }) => Promise<readonly Item[]>;

function signature(items: readonly unknown[]): string {
  return items
    .map((item) =>
      typeof item === 'object' && item !== null && 'id' in item && typeof item.id === 'string'
        ? item.id
        : JSON.stringify(item),
    )
    .join('|');
}

/**
 * Streams every item of a paged list, one page in memory at a time. Stops on a short page, and guards
 * against endpoints that ignore paging: a page larger than asked, or the same page twice, ends the loop.
 */
export async function* paginate<Item>(
  fetchPage: FetchPage<Item>,
  options: PageOptions = {},
): AsyncGenerator<Item> {
  const size = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(options.pageSize ?? MAX_PAGE_SIZE)));
  const maxPages = options.maxPages ?? 10_000;
  let previous: string | undefined;
  for (let number = 1; number <= maxPages; number++) {
    const items = await fetchPage({ size, number });
    if (items.length === 0) return;
    const current = signature(items);
    if (current === previous) return;
    previous = current;
    yield* items;
    if (items.length !== size) return;
  }
}
