import type { TeamleaderClient } from '../../connectors/teamleader/client';
import type { ProductListItem } from '../../connectors/teamleader/schemas';
import { api } from '../steps/support/api-errors';
import { LIST_AFTER_LOOKUPS, ListedLookup } from './listed-lookup';

export { LIST_AFTER_LOOKUPS, LIST_TRUSTED_MS } from './listed-lookup';

/**
 * Teamleader products by code, for one run of one node (see {@link ListedLookup}). Teamleader has
 * no filter by code: a code is found with `products.list` by term (name or code) and an exact
 * match on `code`.
 */
export class ProductsByCode extends ListedLookup<ProductListItem> {
  constructor(client: TeamleaderClient, signal: AbortSignal, now: () => number = Date.now) {
    super(
      {
        lookUp: async (code, signal) => {
          const listed = await client.products.list(
            { filter: { term: code }, page: { size: 100, number: 1 } },
            { signal },
          );
          return listed.find((entry) => entry.code === code) ?? null;
        },
        readAll: (signal) => readProductList(client, signal),
        keysOf: (product) => (product.code ? [product.code] : []),
      },
      signal,
      now,
    );
  }
}

/** Every product's list entry, 100 a call. */
async function readProductList(client: TeamleaderClient, signal: AbortSignal): Promise<ProductListItem[]> {
  const products: ProductListItem[] = [];
  for await (const product of client.products.iterate({}, { signal })) products.push(product);
  return products;
}

/**
 * Product id → code, for one run: the ids a document names are read in batches of 100
 * (`products.list filter.ids`); after {@link LIST_AFTER_LOOKUPS} such reads the whole list is read
 * once instead (a run over hundreds of invoices asked again for nearly every one).
 */
export class ProductCodes {
  private readonly codes = new Map<string, string | undefined>();
  private reads = 0;
  private listing: Promise<void> | undefined;

  constructor(
    private readonly client: TeamleaderClient,
    private readonly signal: AbortSignal,
  ) {}

  async load(ids: readonly (string | undefined)[]): Promise<void> {
    const unknown = () => [
      ...new Set(ids.filter((id): id is string => Boolean(id) && !this.codes.has(id ?? ''))),
    ];
    if (unknown().length === 0) return;
    if (this.listing || ++this.reads > LIST_AFTER_LOOKUPS) await this.listAll();
    // Not in the list (made since it was read), or before it: asked by id.
    const missing = unknown();
    for (let offset = 0; offset < missing.length; offset += 100) {
      const batch = missing.slice(offset, offset + 100);
      const products = await api(() =>
        this.client.products.list(
          { filter: { ids: batch }, page: { size: 100, number: 1 } },
          { signal: this.signal },
        ),
      );
      for (const id of batch) this.codes.set(id, products.find((p) => p.id === id)?.code ?? undefined);
    }
  }

  codeOf(id: string | undefined): string | undefined {
    return id ? this.codes.get(id) : undefined;
  }

  /** Reads every product's code once (shared by the documents asking meanwhile). */
  private listAll(): Promise<void> {
    this.listing ??= api(async () => {
      for (const product of await readProductList(this.client, this.signal))
        if (product.id) this.codes.set(product.id, product.code ?? undefined);
    }).catch((error: unknown) => {
      // Tried again by the next document; this one fails as a read by id would.
      this.listing = undefined;
      throw error;
    });
    return this.listing;
  }
}
