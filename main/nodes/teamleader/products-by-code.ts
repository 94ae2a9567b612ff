import type { TeamleaderClient } from '../../connectors/teamleader/client';
import type { ProductListItem } from '../../connectors/teamleader/schemas';
import { api } from '../steps/support/api-errors';

/**
 * Look-ups a run makes one by one before it reads the whole product list instead. A look-up is one
 * `products.list` call (by term); the whole list is one call per 100 products. Teamleader allows
 * 200 calls a minute, so a run that looks up hundreds of codes (a first stock or product sync,
 * a day of till orders) spends its budget on look-ups unless it reads the list once.
 */
export const LIST_AFTER_LOOKUPS = 20;

/**
 * Teamleader products by code, for one run of one node. Teamleader has no filter by code: a code is
 * found with `products.list` by term (name or code) and an exact match on `code`. The first
 * {@link LIST_AFTER_LOOKUPS} codes are looked up so; after that the whole list is read once and
 * answers. A code the list does not have (a product made since) is looked up on its own, so a
 * product is never taken for missing because the list is older than it.
 */
export class ProductsByCode {
  private lookups = 0;
  private all: Map<string, ProductListItem> | undefined;
  private listing: Promise<Map<string, ProductListItem>> | undefined;
  /** Products found by a look-up of this run (a miss is not kept: it is asked again). */
  private readonly found = new Map<string, ProductListItem>();
  /** Codes this run wrote: asked of Teamleader each time, whatever was known of them. */
  private readonly written = new Set<string>();
  /** Look-ups on their way, shared by records with the same code. */
  private readonly looking = new Map<string, Promise<ProductListItem | null>>();

  constructor(
    private readonly client: TeamleaderClient,
    private readonly signal: AbortSignal,
  ) {}

  /** The product whose code is `code` (its list entry: id, name, code, stock), or null. */
  async find(code: string): Promise<ProductListItem | null> {
    if (!this.written.has(code)) {
      const known = this.found.get(code);
      if (known) return known;
      if (this.all || this.listing || ++this.lookups > LIST_AFTER_LOOKUPS) {
        const listed = (this.all ?? (await this.list())).get(code);
        if (listed) return listed;
      }
    }
    return this.ask(code);
  }

  /**
   * Forgets what this run knew of `code`: once it wrote the product (its stock, say), the next
   * question about it is asked of Teamleader.
   */
  forget(code: string): void {
    this.written.add(code);
  }

  /** Asks Teamleader now, whatever the list said: after an attempt whose answer was lost. */
  ask(code: string): Promise<ProductListItem | null> {
    let pending = this.looking.get(code);
    if (!pending) {
      pending = api(() =>
        this.client.products.list(
          { filter: { term: code }, page: { size: 100, number: 1 } },
          { signal: this.signal },
        ),
      )
        .then((listed) => {
          const product = listed.find((entry) => entry.code === code) ?? null;
          if (product) this.found.set(code, product);
          return product;
        })
        .finally(() => this.looking.delete(code));
      this.looking.set(code, pending);
    }
    return pending;
  }

  private list(): Promise<Map<string, ProductListItem>> {
    this.listing ??= api(async () => {
      const byCode = new Map<string, ProductListItem>();
      for await (const product of this.client.products.iterate({}, { signal: this.signal })) {
        // Two products with one code: the first listed, as a look-up by term finds it.
        if (product.code && !byCode.has(product.code)) byCode.set(product.code, product);
      }
      return byCode;
    }).then(
      (byCode) => (this.all = byCode),
      (error: unknown) => {
        // A failed read is tried again by the next question; this one fails as a look-up would.
        this.listing = undefined;
        throw error;
      },
    );
    return this.listing;
  }
}
