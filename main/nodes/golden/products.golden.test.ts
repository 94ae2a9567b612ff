import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LIST_AFTER_LOOKUPS } from '../teamleader/products-by-code';
import { TwinHarness } from './harness';
import { byId, type TlProduct, type WireArticle, type WireGroup, type WireStock } from './twin-records';

let h: TwinHarness;
beforeAll(async () => {
  h = await TwinHarness.start();
}, 120_000);
afterAll(async () => h?.close());
beforeEach(async () => h.reset());

/** The template's table: Teamleader tax rate (percent) → MplusKASSA VAT code. */
const VAT_CODE: Record<number, number> = { 21: 2, 12: 2, 6: 1, 9: 1, 0: 3 };
/** The template's lookup: MplusKASSA rate → Teamleader rate. */
const TL_RATE: Record<number, number> = { 21: 21, 9: 6, 0: 0 };

async function eanFieldId(): Promise<string> {
  const fields = await h.teamleaderEntities<{ id: string; context: string; label: string }>(
    'customFieldDefinitions',
  );
  return fields.find((f) => f.context === 'product' && f.label === 'EAN')?.id ?? '';
}

const freeStock = (stock: readonly WireStock[], articleNumber: number) => {
  const level = stock.find((s) => s.branchNumber === 1 && s.articleNumber === articleNumber);
  return level ? level.amountFree / 10 ** (level.decimalPlacesFree ?? 0) : undefined;
};

describe('template products-teamleader-to-mplus', () => {
  it('makes each product the article numbered by its code, with price, VAT code, stock and long description', async () => {
    const products = await h.teamleaderEntities<TlProduct>('products');
    const rates = byId(await h.teamleaderEntities<{ id: string; rate: number }>('taxRates'));
    const result = await h.run('products-teamleader-to-mplus');
    expect(result.counts).toEqual({
      total: products.length,
      succeeded: products.length,
      skipped: 0,
      failed: 0,
    });
    const articles = new Map(
      (await h.mplusEntities<WireArticle>('articles')).map((a) => [a.articleNumber, a]),
    );
    const stock = await h.mplusEntities<WireStock>('stock');
    for (const product of products) {
      const number = Number(product.code?.replace(/^SKU-/, ''));
      const article = articles.get(number);
      expect(article, product.code ?? '').toBeDefined();
      expect(article?.description).toBe(product.name);
      expect(article?.extArticleId).toBe(product.code);
      expect(article?.priceExcl).toBe(Math.round((product.selling_price?.amount ?? 0) * 100));
      expect(article?.vatCode).toBe(
        VAT_CODE[Math.round((rates.get(product.tax?.id ?? '')?.rate ?? 0) * 100)],
      );
      expect(article?.extraText).toBe(product.description ?? undefined);
      expect(freeStock(stock, number)).toBe(product.stock?.amount);
    }
    expect(
      h
        .items(result.runId)
        .map((item) => item.businessKeys.sku)
        .sort(),
    ).toEqual(products.map((p) => p.code).sort());
  });

  it('updates a changed product except its create-only long description and stock; a second run writes nothing', async () => {
    await h.run('products-teamleader-to-mplus');
    const product = (await h.teamleaderEntities<TlProduct>('products')).find(
      (p) => p.description,
    ) as TlProduct;
    await h.teamleader.products.update({
      id: product.id,
      name: 'Nieuwe naam',
      description: 'Nieuwe omschrijving',
      selling_price: { amount: 12.5, currency: 'EUR' },
      // The till counts its stock once the article exists (the stock flow brings it to Teamleader).
      stock: { amount: 999 },
    });
    const result = await h.run('products-teamleader-to-mplus');
    expect(result.counts).toEqual({ total: 1, succeeded: 1, skipped: 0, failed: 0 });
    const article = (await h.mplusEntities<WireArticle>('articles')).find(
      (a) => a.articleNumber === Number(product.code?.replace(/^SKU-/, '')),
    );
    expect(article?.priceExcl).toBe(1250);
    // The texts that were the name follow it.
    expect([article?.description, article?.invoiceText]).toEqual(['Nieuwe naam', 'Nieuwe naam']);
    expect(article?.extraText).toBe(product.description);
    expect(freeStock(await h.mplusEntities<WireStock>('stock'), article?.articleNumber ?? 0)).toBe(
      product.stock?.amount,
    );
    expect((await h.run('products-teamleader-to-mplus')).counts.total).toBe(0);
  });
});

describe('template products-mplus-to-teamleader', () => {
  it('makes each article a product coded by its number, with net price, mapped tax rate, stock and EAN', async () => {
    const articles = await h.mplusEntities<WireArticle>('articles');
    const stock = await h.mplusEntities<WireStock>('stock');
    const result = await h.run('products-mplus-to-teamleader');
    expect(result.counts).toEqual({
      total: articles.length,
      succeeded: articles.length,
      skipped: 0,
      failed: 0,
    });
    const products = await h.teamleaderEntities<TlProduct>('products');
    const rates = byId(await h.teamleaderEntities<{ id: string; rate: number }>('taxRates'));
    const ean = await eanFieldId();
    for (const article of articles) {
      const mine = products.filter((p) => p.code === String(article.articleNumber));
      expect(mine, String(article.articleNumber)).toHaveLength(1);
      const product = mine[0] as TlProduct;
      expect(product.name).toBe(article.invoiceText);
      expect(product.selling_price?.amount).toBeCloseTo((article.priceExcl ?? 0) / 100, 4);
      expect(Math.round((rates.get(product.tax?.id ?? '')?.rate ?? -1) * 100)).toBe(
        TL_RATE[article.vatPercentage ?? -1],
      );
      const free = freeStock(stock, article.articleNumber);
      if (free !== undefined) expect(product.stock?.amount).toBe(Math.max(0, free));
      expect(product.custom_fields.find((f) => f.definition.id === ean)?.value).toBe(article.barcode);
    }
  });

  it('warns once a run of each article group Teamleader has no product category for; the products go in without one', async () => {
    const groups = new Map(
      (await h.mplusEntities<WireGroup>('articleGroups')).map((g) => [g.groupNumber, g.name]),
    );
    const products = await h.mplusEntities<{ productNumber: number; groupNumbers?: number[] }>('products');
    const categories = new Set(
      (await h.teamleaderEntities<{ name: string }>('productCategories')).map((c) => c.name),
    );
    // The sandbox's till has article groups its Teamleader has no category for (no flow makes them).
    const missing = new Set(
      products.flatMap((p) => {
        const name = groups.get(p.groupNumbers?.[0] ?? -1);
        return name !== undefined && !categories.has(name) ? [name] : [];
      }),
    );
    expect(missing.size).toBeGreaterThan(0);
    for (const dryRun of [true, false]) {
      const result = await h.run('products-mplus-to-teamleader', undefined, { dryRun });
      expect(result.counts.failed).toBe(0);
      const warnings = h.logLines(result.runId, 'teamleaderCategoryLeftOut');
      expect(warnings.map((w) => w.text?.params.category).sort()).toEqual([...missing].sort());
      expect(warnings.every((w) => w.level === 'warn' && w.key?.startsWith('mplus:article:'))).toBe(true);
      expect(warnings[0]?.message).toMatch(
        /^Product "\d+": Teamleader has no product category "[^"]+"; left out\. Told once a run for "[^"]+"\.$/,
      );
    }
    // The articles of those groups are in Teamleader, without a category.
    const inMissingGroup = new Set(
      products.flatMap((p) =>
        missing.has(groups.get(p.groupNumbers?.[0] ?? -1) ?? '') ? [p.productNumber] : [],
      ),
    );
    const codes = new Set(
      (await h.mplusEntities<WireArticle>('articles')).flatMap((a) =>
        inMissingGroup.has(a.productNumber) ? [String(a.articleNumber)] : [],
      ),
    );
    const made = (await h.teamleaderEntities<TlProduct>('products')).filter((p) => codes.has(p.code ?? ''));
    expect(made).toHaveLength(codes.size);
    expect(made.every((p) => (p.product_category ?? null) === null)).toBe(true);
  });

  it('updates a changed article except its create-only long description', async () => {
    const article = (await h.mplusEntities<WireArticle>('articles'))[0] as WireArticle;
    const firstExtra = 'Eerste omschrijving';
    await h.mplus.updateProduct({
      productNumber: article.productNumber,
      articleList: { article: [{ articleNumber: article.articleNumber, extraText: firstExtra }] },
    });
    await h.run('products-mplus-to-teamleader');
    await h.mplus.updateProduct({
      productNumber: article.productNumber,
      articleList: {
        article: [{ articleNumber: article.articleNumber, extraText: 'Tweede omschrijving', priceExcl: 20 }],
      },
    });
    const result = await h.run('products-mplus-to-teamleader');
    expect(result.counts.failed).toBe(0);
    const product = (await h.teamleaderEntities<TlProduct>('products')).find(
      (p) => p.code === String(article.articleNumber),
    );
    expect(product?.selling_price?.amount).toBe(20);
    expect(product?.description).toBe(firstExtra);
  });
});

describe('products both ways', () => {
  it('keeps one product per SKU: articles made from Teamleader products come back to the same products', async () => {
    await h.run('products-teamleader-to-mplus');
    const before = await h.teamleaderEntities<TlProduct>('products');
    const articles = await h.mplusEntities<WireArticle>('articles');
    const result = await h.run('products-mplus-to-teamleader');
    expect(result.counts).toMatchObject({ total: articles.length, failed: 0 });
    const after = await h.teamleaderEntities<TlProduct>('products');
    // Only the articles that did not come from Teamleader are new there.
    const fromTeamleader = articles.filter((a) => a.extArticleId?.startsWith('SKU-')).length;
    expect(fromTeamleader).toBe(before.length);
    expect(after).toHaveLength(before.length + articles.length - fromTeamleader);
    const codes = after.map((p) => p.code);
    expect(new Set(codes).size).toBe(codes.length);
    // Nothing goes back: the products the articles came from keep their values, tax rate included
    // (the seed gives some the 6% rate of its other department, which the flow's department also has).
    const afterById = byId(after);
    const taxRates = await h.teamleaderEntities<{ id: string; department: { id: string } }>('taxRates');
    const departmentOf = (id: string | undefined) => taxRates.find((rate) => rate.id === id)?.department.id;
    expect(new Set(before.map((p) => departmentOf(p.tax?.id))).size).toBe(2);
    for (const product of before) expect(afterById.get(product.id)).toEqual(product);

    // A real change of VAT code in the till does reach Teamleader: a 12% product (code 2) set to
    // code 1 there becomes 6%.
    const rates = byId(await h.teamleaderEntities<{ id: string; rate: number }>('taxRates'));
    const percentOf = (product: TlProduct | undefined) =>
      Math.round((rates.get(product?.tax?.id ?? '')?.rate ?? -1) * 100);
    const twelve = before.find((p) => percentOf(p) === 12);
    const article = articles.find((a) => a.extArticleId === twelve?.code);
    expect(article).toBeDefined();
    await h.mplus.updateProduct({
      productNumber: article?.productNumber,
      articleList: { article: [{ articleNumber: article?.articleNumber, vatCode: 1 }] },
    });
    expect((await h.run('products-mplus-to-teamleader')).counts).toMatchObject({ succeeded: 1, failed: 0 });
    const changed = (await h.teamleaderEntities<TlProduct>('products')).find((p) => p.id === twelve?.id);
    expect(percentOf(changed)).toBe(6);
  });
});

describe('products both ways, from the till first', () => {
  it("leaves the till's articles as they are when their products come back from Teamleader", async () => {
    const tillProducts = await h.mplus.getProducts({ includeAllArticlesOfSelectedProducts: true });
    expect(tillProducts.length).toBeGreaterThan(0);
    await h.run('products-mplus-to-teamleader');
    const articles = await h.mplusEntities<WireArticle>('articles');
    const result = await h.run('products-teamleader-to-mplus');
    // Teamleader's own products are made; the ones that came from the till are up to date. They
    // were written back once before: an extArticleId equal to the article number, and the
    // Teamleader name ("Earl Grey 100 g") as the product's description ("Earl Grey").
    const items = h.items(result.runId);
    const fromTill = items.filter((item) =>
      articles.some((a) => String(a.articleNumber) === item.businessKeys.sku),
    );
    expect(fromTill).toHaveLength(articles.length);
    for (const item of fromTill)
      expect(item, item.businessKeys.sku).toMatchObject({
        status: 'skipped',
        reasons: [{ code: 'mplusArticleUpToDate' }],
      });
    expect(result.counts.failed).toBe(0);
    expect(await h.mplus.getProducts({ includeAllArticlesOfSelectedProducts: true })).toEqual(
      expect.arrayContaining(tillProducts),
    );
  });
});

describe('two flows making products at once', () => {
  it('makes each new code once when two flows make the same products together', async () => {
    // Making a product takes a while, as on a real account where calls wait for the rate limit:
    // one flow looks a code up while the other's add of it is on its way (without the lock of
    // making-lock.ts this made one or two products twice here).
    await h.faults('teamleader', {
      rateLimitPerMinute: 100_000,
      operationLatencyMs: { 'products.add': 300 },
    });
    const [first, second] = await Promise.all([
      h.run('products-mplus-to-teamleader'),
      // A copy of the flow (another branch's till, say): the same articles at the same time.
      h.run('products-mplus-to-teamleader', (flow) => {
        flow.id = 'products-copy';
      }),
    ]);
    const articles = await h.mplusEntities<WireArticle>('articles');
    for (const result of [first, second])
      expect(result.counts).toMatchObject({ total: articles.length, failed: 0 });
    const calls = (await h.stats('teamleader')).calls;
    const made = await h.teamleaderEntities<TlProduct>('products');
    expect(
      made.filter((product) => articles.some((a) => String(a.articleNumber) === product.code)),
    ).toHaveLength(articles.length);
    // Each article was made once; the flow that came second found it (and updated it, or found
    // it up to date).
    expect(calls['products.add']).toBe(articles.length);
    for (const article of articles) {
      const product = made.find((p) => p.code === String(article.articleNumber));
      expect(product?.name, String(article.articleNumber)).toBe(article.invoiceText);
    }
  });
});

describe('two flows making articles at once', () => {
  it('updates an article another flow made meanwhile instead of failing the record', async () => {
    // Each SOAP answer takes a while: one flow's look-up misses an article the other is making.
    await h.faults('mplus', { latencyMs: 20 });
    const [first, second] = await Promise.all([
      h.run('products-teamleader-to-mplus'),
      h.run('products-teamleader-to-mplus', (flow) => {
        flow.id = 'products-copy';
      }),
    ]);
    await h.faults('mplus', {});
    const products = await h.teamleaderEntities<TlProduct>('products');
    for (const result of [first, second])
      expect(result.counts).toMatchObject({ total: products.length, failed: 0 });
    const articles = await h.mplusEntities<WireArticle>('articles');
    for (const product of products) {
      const number = Number(product.code?.replace(/^SKU-/, ''));
      expect(articles.filter((a) => a.articleNumber === number)).toHaveLength(1);
      expect(articles.find((a) => a.articleNumber === number)?.description).toBe(product.name);
    }
  });
});

describe('products both ways, tax rates', () => {
  it("keeps a product's rate of another department with the same percentage, without the till's table", async () => {
    await h.run('products-teamleader-to-mplus');
    const before = await h.teamleaderEntities<TlProduct>('products');
    const result = await h.run('products-mplus-to-teamleader', (flow) => {
      for (const node of flow.nodes)
        if (node.kind === 'teamleader.target.product') node.config = { ...node.config, tillVatCodes: [] };
    });
    expect(result.counts.failed).toBe(0);
    const rates = byId(
      await h.teamleaderEntities<{ id: string; rate: number; department: { id: string } }>('taxRates'),
    );
    const after = byId(await h.teamleaderEntities<TlProduct>('products'));
    // 12% comes back as 21% without the table (the till has no 12%); every other rate is kept as it
    // was, of whichever department: the seed uses both.
    const kept = before.filter((p) => Math.round((rates.get(p.tax?.id ?? '')?.rate ?? 0) * 100) !== 12);
    expect(new Set(kept.map((p) => rates.get(p.tax?.id ?? '')?.department.id)).size).toBe(2);
    for (const product of kept) expect(after.get(product.id)?.tax?.id).toBe(product.tax?.id);
  });
});

describe('products both ways, variants', () => {
  it('leaves the name of a product with several articles (variants) as it is', async () => {
    type WireProduct = { productNumber: number; description?: string; articleList: { article: unknown[] } };
    const named = async () =>
      new Map(
        (await h.mplusEntities<WireProduct>('products'))
          .filter((p) => p.articleList.article.length > 1)
          .map((p) => [p.productNumber, p.description]),
      );
    const before = await named();
    expect(before.size).toBeGreaterThan(0);
    const articles = await h.mplusEntities<WireArticle>('articles');
    const descriptions = (list: readonly WireArticle[]) =>
      new Map(list.map((a) => [a.articleNumber, a.description]));
    expect(articles.some((a) => a.description !== a.invoiceText)).toBe(true);
    await h.run('products-mplus-to-teamleader');
    const result = await h.run('products-teamleader-to-mplus');
    expect(result.counts.failed).toBe(0);
    // Each variant's product came back from Teamleader under the variant's own name; the product
    // they share keeps its name instead of taking each variant's in turn, and each variant keeps its
    // own description ("Theedoek", not its invoice text "Theedoek antraciet").
    expect(await named()).toEqual(before);
    const after = descriptions(await h.mplusEntities<WireArticle>('articles'));
    for (const [number, description] of descriptions(articles))
      expect(after.get(number), String(number)).toBe(description);
  });
});

describe('template categories-teamleader-to-mplus', () => {
  it('makes each category one article group (new ones at the top, same-named ones reused); unchanged ones are skipped after', async () => {
    const categories = await h.teamleaderEntities<{ id: string; name: string }>('productCategories');
    const existing = new Map((await h.mplusEntities<WireGroup>('articleGroups')).map((g) => [g.name, g]));
    const result = await h.run('categories-teamleader-to-mplus');
    expect(result.counts).toEqual({
      total: categories.length,
      succeeded: categories.length,
      skipped: 0,
      failed: 0,
    });
    const groups = await h.mplusEntities<WireGroup>('articleGroups');
    let reused = 0;
    for (const category of categories) {
      const mine = groups.filter((g) => g.name === category.name && !g.isDeleted);
      expect(mine, category.name).toHaveLength(1);
      const before = existing.get(category.name);
      if (before) reused++;
      expect(mine[0]?.groupNumber).toBe(before?.groupNumber ?? mine[0]?.groupNumber);
      expect(mine[0]?.parentGroupNumber).toBe(before ? before.parentGroupNumber : 0);
    }
    // The seed shares a name ("Thee"), so matching by name was exercised.
    expect(reused).toBeGreaterThan(0);
    const again = await h.run('categories-teamleader-to-mplus');
    expect(again.counts).toEqual({
      total: categories.length,
      succeeded: 0,
      skipped: categories.length,
      failed: 0,
    });
    expect(await h.mplusEntities<WireGroup>('articleGroups')).toHaveLength(groups.length);
  });
});

describe('template stock-mplus-to-teamleader', () => {
  it('offers the stock of products Teamleader lacked again on the next runs, until they are there', async () => {
    const first = await h.run('stock-mplus-to-teamleader');
    const waiting = h.items(first.runId);
    expect(waiting.length).toBeGreaterThan(2);
    expect(first.counts).toMatchObject({ skipped: waiting.length, failed: 0 });
    const stock = await h.mplusEntities<WireStock>('stock');
    const levels = stock.filter((level) => level.branchNumber === 1);
    expect(waiting).toHaveLength(levels.length);
    const [made, changed] = levels as [WireStock, WireStock];
    // A person makes one product by hand; the till's stock of another article changes.
    await h.teamleader.products.add({ name: 'Made by hand', code: String(made.articleNumber) });
    expect(
      await h.mplus.setStock({ branchNumber: 1, articleNumber: changed.articleNumber, amount: 12 }),
    ).toMatchObject({ kind: 'ok' });

    const second = await h.run('stock-mplus-to-teamleader');
    // The changed article comes from the source (its newer level), the others are offered again:
    // each once.
    const items = h.items(second.runId);
    expect(items).toHaveLength(levels.length);
    expect(new Set(items.map((item) => item.key)).size).toBe(levels.length);
    expect(second.counts).toMatchObject({ succeeded: 1, skipped: levels.length - 1, failed: 0 });
    const product = (await h.teamleaderEntities<TlProduct>('products')).find(
      (p) => p.code === String(made.articleNumber),
    );
    expect(product?.stock?.amount).toBe(Math.max(0, freeStock(stock, made.articleNumber) ?? 0));
    const log = h
      .runStore()
      .events.page(second.runId, 0, 1000)
      .flatMap((event) => (event.type === 'log' ? [event.message] : []));
    expect(log).toContain(
      `Offering ${levels.length - 1} records of "MplusKASSA stock (branch 1)" again that waited for another record (a product, an order) in earlier runs.`,
    );
    const stillWaiting = h.runStore().waiting.ofSource('stock-mplus-to-teamleader', 'stock');
    expect(stillWaiting.map((record) => record.itemKey).sort()).toEqual(
      items
        .filter((item) => item.status === 'skipped')
        .map((item) => item.key)
        .sort(),
    );
    const changedKey = `mplus:stock:1:${changed.articleNumber}`;
    expect(stillWaiting.find((record) => record.itemKey === changedKey)?.record.quantity).toBe(12);

    // Two weeks on, the rest are let go (with a line in the log), and the next run has nothing.
    h.runStore()
      .db.prepare('UPDATE waiting SET since = since - ?')
      .run(15 * 24 * 60 * 60 * 1000);
    const third = await h.run('stock-mplus-to-teamleader');
    expect(third.counts.total).toBe(0);
    expect(
      h
        .runStore()
        .events.page(third.runId, 0, 1000)
        .some(
          (event) =>
            event.type === 'log' && event.message.startsWith(`Stopped offering ${levels.length - 1} records`),
        ),
    ).toBe(true);
    expect(h.runStore().waiting.ofSource('stock-mplus-to-teamleader', 'stock')).toEqual([]);
  });

  it('skips articles Teamleader does not have, then keeps the synced products’ stock in step', async () => {
    const fresh = await h.run('stock-mplus-to-teamleader');
    expect(fresh.counts.failed).toBe(0);
    expect(fresh.counts.succeeded).toBe(0);
    expect(
      h.items(fresh.runId).every((item) => item.reason?.startsWith('no Teamleader product with code')),
    ).toBe(true);

    await h.run('products-mplus-to-teamleader');
    h.freshRunDatabase();
    const article = (await h.mplusEntities<WireArticle>('articles')).find(
      (a) => a.vatCode !== 3,
    ) as WireArticle;
    const set = await h.mplus.setStock({ branchNumber: 1, articleNumber: article.articleNumber, amount: 37 });
    expect(set.kind).toBe('ok');
    const callsBefore = (await h.stats('teamleader')).calls;
    const result = await h.run('stock-mplus-to-teamleader');
    expect(result.counts.failed).toBe(0);
    // Teamleader allows 200 calls a minute: the run reads the product list (its entries have the
    // stock) after its first look-ups instead of two calls per article; only codes the list lacks
    // are asked on their own.
    const calls = (await h.stats('teamleader')).calls;
    const made = (operation: string) => (calls[operation] ?? 0) - (callsBefore[operation] ?? 0);
    const missing = h
      .items(result.runId)
      .filter((item) => item.reason?.startsWith('no Teamleader product with code')).length;
    const pages = Math.ceil((await h.teamleaderEntities<TlProduct>('products')).length / 100);
    expect(result.counts.total).toBeGreaterThan(LIST_AFTER_LOOKUPS + pages + missing);
    expect(made('products.info')).toBe(0);
    expect(made('products.list')).toBeLessThanOrEqual(LIST_AFTER_LOOKUPS + pages + missing);
    const stock = await h.mplusEntities<WireStock>('stock');
    const products = await h.teamleaderEntities<TlProduct>('products');
    for (const level of stock.filter((s) => s.branchNumber === 1)) {
      const product = products.find((p) => p.code === String(level.articleNumber));
      expect(product?.stock?.amount, String(level.articleNumber)).toBe(
        Math.max(0, freeStock(stock, level.articleNumber) ?? 0),
      );
    }
    expect(products.find((p) => p.code === String(article.articleNumber))?.stock?.amount).toBe(37);
    expect((await h.run('stock-mplus-to-teamleader')).counts.total).toBe(0);
  });
});
