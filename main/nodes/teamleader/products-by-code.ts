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
 * How long a read of the list also answers "no such product". Within it a code the list lacks is
 * taken as missing (a first sync meets hundreds: each would cost a look-up); after it such a code
 * is asked of Teamleader on its own, or the list is read again once that is the cheaper way. A
 * caller about to make the product asks Teamleader itself whatever the list's age (`ask`, under
 * making-lock.ts's lock): another flow or a person may have made it since the list was read.
 */
export const LIST_TRUSTED_MS = 60_000;

/**
 * Teamleader products by code, for one run of one node. Teamleader has no filter by code: a code is
 * found with `products.list` by term (name or code) and an exact match on `code`. The first
 * {@link LIST_AFTER_LOOKUPS} codes are looked up so; after that the whole list is read and
 * answers: a product it lists at once, a missing one while the list is younger than
 * {@link LIST_TRUSTED_MS}. Codes this run wrote are always asked of Teamleader.
 */
export class ProductsByCode {
  private lookups = 0;
  private all: ProductList | undefined;
  private listing: Promise<ProductList> | undefined;
  /** Codes asked on their own since the list was read (a stale list's misses). */
  private askedSinceList = 0;
  /** Products found by a look-up of this run (a miss is not kept: it is asked again). */
  private readonly found = new Map<string, ProductListItem>();
  /** Codes this run wrote: asked of Teamleader each time, whatever was known of them. */
  private readonly written = new Set<string>();
  /** Look-ups on their way, shared by records with the same code. */
  private readonly looking = new Map<string, Promise<ProductListItem | null>>();

  constructor(
    private readonly client: TeamleaderClient,
    private readonly signal: AbortSignal,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The product whose code is `code` (its list entry: id, name, code, stock), or null. Null may be
   * the list's answer: before making the product, `ask` (see making-lock.ts).
   */
  async find(code: string): Promise<ProductListItem | null> {
    if (!this.written.has(code)) {
      const known = this.found.get(code);
      if (known) return known;
      if (this.all || this.listing || ++this.lookups > LIST_AFTER_LOOKUPS) {
        let list = this.all ?? (await this.list());
        const listed = list.byCode.get(code);
        if (listed) return listed;
        if (this.now() - list.readAt >= LIST_TRUSTED_MS && this.askedSinceList >= list.pages) {
          // As many codes asked on their own as a new read costs: read the list again.
          if (this.all === list) this.all = undefined;
          list = await this.list();
        }
        if (this.now() - list.readAt < LIST_TRUSTED_MS) return list.byCode.get(code) ?? null;
        this.askedSinceList++;
      }
    }
    return this.ask(code);
  }

  /**
   * Forgets what this run knew of `code`: once it wrote the product (made it, or set its stock),
   * the next question about it is asked of Teamleader.
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

  /** The list as last read, or a new read when there is none (one read at a time). */
  private list(): Promise<ProductList> {
    if (this.all) return Promise.resolve(this.all);
    this.listing ??= api(async () => {
      const readAt = this.now();
      const products = await readProductList(this.client, this.signal);
      const byCode = new Map<string, ProductListItem>();
      // Two products with one code: the first listed, as a look-up by term finds it.
      for (const product of products)
        if (product.code && !byCode.has(product.code)) byCode.set(product.code, product);
      return { byCode, readAt, pages: Math.max(1, Math.ceil(products.length / 100)) };
    })
      .then((list) => {
        this.all = list;
        this.askedSinceList = 0;
        return list;
      })
      .finally(() => (this.listing = undefined));
    return this.listing;
  }
}

/** Every product's list entry, 100 a call. */
async function readProductList(client: TeamleaderClient, signal: AbortSignal): Promise<ProductListItem[]> {
  const products: ProductListItem[] = [];
  for await (const product of client.products.iterate({}, { signal })) products.push(product);
  return products;
}

/** The product list as read at `readAt`, by code; `pages` is what reading it cost. */
interface ProductList {
  byCode: Map<string, ProductListItem>;
  readAt: number;
  pages: number;
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
