import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMplusClient, type MplusClient } from '../client';
import { startMplusTwin, type MplusTwin } from './twin';

/** Products, articles, article groups and stock, client ↔ twin (answers checked against the XSD). */

let twin: MplusTwin;
let client: MplusClient;

beforeAll(async () => {
  twin = await startMplusTwin({ seed: 11, validateResponses: true });
  client = createMplusClient({ url: twin.url, ident: twin.ident, secret: twin.secret, maxRetries: 0 });
});

afterAll(async () => {
  await twin.close();
});

describe('products and articles', () => {
  it('creates a product with numeric article numbers, computing the price excl. VAT', async () => {
    const created = await client.createProduct({
      description: 'Kaasschaaf',
      articleList: {
        article: [
          {
            description: 'Kaasschaaf RVS',
            priceIncl: 12.1,
            vatCode: 2,
            turnoverGroup: 1,
            barcode: '8711111111113',
          },
        ],
      },
    });
    if (created.kind !== 'created') throw new Error(`not created: ${JSON.stringify(created)}`);
    expect(created.articleNumbers).toHaveLength(1);
    const [product] = await client.getProductsByArticleNumbers(created.articleNumbers);
    const article = product?.articleList?.article?.[0];
    expect(product?.productNumber).toBe(created.productNumber);
    expect(article).toMatchObject({
      articleNumber: created.articleNumbers[0],
      priceIncl: 12.1,
      priceExcl: 10,
      vatPercentage: 21,
      active: true,
    });
    expect(article?.syncMarker).toBe(created.syncMarker);
  });

  it('refuses a taken article number and an unconfigured VAT code without storing anything', async () => {
    const [existing] = await client.getProducts({ syncMarker: 0, syncMarkerLimit: 1 });
    const taken = existing?.articleList?.article?.[0]?.articleNumber ?? 0;
    const markers = await client.getCurrentSyncMarkers();
    const clash = await client.createProduct({
      articleList: { article: [{ articleNumber: 123456 }, { articleNumber: taken }] },
    });
    expect(clash).toMatchObject({
      kind: 'article_number_taken',
      message: `article number ${taken} is already taken`,
    });
    const vat = await client.createProduct({ articleList: { article: [{ description: 'x', vatCode: 5 }] } });
    expect(vat).toMatchObject({
      kind: 'rejected',
      message: expect.stringContaining('The rate for VAT-code 5 is not properly configured'),
    });
    expect(await client.getProductsByArticleNumbers([123456])).toEqual([]);
    expect((await client.getCurrentSyncMarkers()).articleSyncMarker).toBe(markers.articleSyncMarker);
  });

  it('updates articles, adds new ones, and gives changed articles new syncMarkers', async () => {
    const created = await client.createProduct({
      description: 'Vaas',
      articleList: { article: [{ description: 'Vaas klein', priceIncl: 20 }] },
    });
    if (created.kind !== 'created') throw new Error('not created');
    const [articleNumber] = created.articleNumbers;
    const updated = await client.updateProduct({
      productNumber: created.productNumber,
      articleList: {
        article: [
          { articleNumber, priceIncl: 24.2 },
          { description: 'Vaas groot', priceIncl: 30.25 },
        ],
      },
    });
    if (updated.kind !== 'updated') throw new Error(`not updated: ${JSON.stringify(updated)}`);
    expect(updated.existingArticleNumbers).toEqual([articleNumber]);
    expect(updated.newArticleNumbers).toHaveLength(1);
    const [product] = await client.getProducts({ productNumbers: [created.productNumber] });
    expect(product?.articleList?.article?.map((a) => [a.description, a.priceIncl, a.priceExcl])).toEqual([
      ['Vaas klein', 24.2, 20],
      ['Vaas groot', 30.25, 25],
    ]);
    expect(product?.articleList?.article?.[0]?.syncMarker ?? 0).toBeGreaterThan(created.syncMarker ?? 0);
    expect((await client.updateProduct({ productNumber: 424242 })).kind).toBe('not_found');
  });

  it('pages every article exactly once by syncMarker, with limit counting articles of whole products', async () => {
    const products = await client.getProducts();
    const all = products.flatMap((p) => p.articleList?.article ?? []);
    const articlesOf = new Map(products.map((p) => [p.productNumber, p.articleList?.article ?? []]));
    const seen: number[] = [];
    const sizes: number[] = [];
    let pages = 0;
    for await (const page of client.iterateProducts({ limit: 5 })) {
      pages++;
      const articles = page.records.flatMap((r) => r.record.articleList?.article ?? []);
      sizes.push(articles.length);
      // A product comes whole: every article of it from the requested marker on.
      for (const { record } of page.records) {
        const whole = (articlesOf.get(record.productNumber) ?? []).filter(
          (a) => (a.syncMarker ?? 0) >= page.syncMarker,
        );
        expect(record.articleList?.article?.map((a) => a.articleNumber)).toEqual(
          whole.map((a) => a.articleNumber),
        );
      }
      seen.push(...articles.map((a) => a.articleNumber ?? 0));
      // Per-record cursors only move forward and end at the page cursor.
      const cursors = page.records.map((r) => r.resumeSyncMarker);
      expect([...cursors].sort((a, b) => a - b)).toEqual(cursors);
      expect(cursors.at(-1)).toBe(page.nextSyncMarker);
    }
    // A page ends once it holds the limit (5 articles) or more, unless nothing is left.
    expect(sizes.slice(0, -1).every((size) => size >= 5)).toBe(true);
    expect(pages).toBeGreaterThan(1);
    expect(seen.sort((a, b) => a - b)).toEqual(all.map((a) => a.articleNumber ?? 0).sort((a, b) => a - b));
  });
});

describe('products by syncMarker', () => {
  it('returns a product with more articles than the limit whole, and skips no article of another', async () => {
    const make = async (description: string, sizes: string[]) => {
      const created = await client.createProduct({
        description,
        articleList: {
          article: sizes.map((size) => ({ description: `${description} ${size}`, priceIncl: 5 })),
        },
      });
      if (created.kind !== 'created') throw new Error(`not created: ${JSON.stringify(created)}`);
      return created;
    };
    const shirt = await make('Shirt', ['S', 'M', 'L']);
    const cap = await make('Pet', ['one size']);
    // The shirt's S changes after the cap was made: its markers now lie on both sides of the cap's.
    const [small] = shirt.articleNumbers;
    await client.updateProduct({
      productNumber: shirt.productNumber,
      articleList: { article: [{ articleNumber: small, priceIncl: 6 }] },
    });
    const from = Math.min(
      ...(await client.getProducts({ productNumbers: [shirt.productNumber] })).flatMap(
        (p) => p.articleList?.article?.map((a) => a.syncMarker ?? 0) ?? [],
      ),
    );
    const page = await client.getProducts({ syncMarker: from, syncMarkerLimit: 2 });
    expect(page.map((p) => [p.productNumber, p.articleList?.article?.length])).toEqual([
      [shirt.productNumber, 3],
      [cap.productNumber, 1],
    ]);
    const highest = Math.max(
      ...page.flatMap((p) => p.articleList?.article?.map((a) => a.syncMarker ?? 0) ?? []),
    );
    expect(await client.getProducts({ syncMarker: highest + 1, syncMarkerLimit: 2 })).toEqual([]);
  });
});

describe('article groups', () => {
  it('builds a tree, renames, moves and links products; changes carry increasing markers', async () => {
    const parent = await client.newArticleGroup({
      parentGroupNumber: 0,
      name: 'Seizoen',
      text: 'Seizoensartikelen',
    });
    if (parent.kind !== 'created') throw new Error('no parent');
    const child = await client.newArticleGroup({
      parentGroupNumber: parent.groupNumber,
      name: 'Kerst',
      text: 'Kerst',
    });
    if (child.kind !== 'created') throw new Error('no child');
    expect(await client.newArticleGroup({ parentGroupNumber: 9999, name: 'x', text: 'x' })).toEqual({
      kind: 'parent_not_found',
      message: 'NEW-ARTICLE-GROUP-RESULT-PARENT-NOTFOUND',
    });
    const tree = await client.getArticleGroups({ groupNumbers: [parent.groupNumber] });
    expect(tree).toHaveLength(1);
    expect(tree[0]?.subGroupList.articleGroups?.map((g) => g.name)).toEqual(['Kerst']);
    // By syncMarker the list is flat, and the filter on top-level groups keeps their subgroups.
    const flat = await client.getArticleGroups({ syncMarker: 0, groupNumbers: [parent.groupNumber] });
    expect(flat.map((g) => g.groupNumber)).toEqual([parent.groupNumber, child.groupNumber]);
    expect(await client.getArticleGroups({ syncMarker: 0, groupNumbers: [child.groupNumber] })).toEqual([]);

    expect(
      (await client.updateArticleGroup({ groupNumber: child.groupNumber, name: 'Kerst & Oud' })).kind,
    ).toBe('updated');
    expect(
      (
        await client.updateArticleGroup({
          groupNumber: parent.groupNumber,
          parentGroupNumber: child.groupNumber,
        })
      ).kind,
    ).toBe('rejected');
    expect(
      (
        await client.updateArticleGroup({
          groupNumber: child.groupNumber,
          parentGroupNumber: child.groupNumber,
        })
      ).kind,
    ).toBe('rejected');
    expect((await client.updateArticleGroup({ groupNumber: 9999, name: 'x' })).kind).toBe('not_found');

    const [product] = await client.getProducts({ syncMarker: 0, syncMarkerLimit: 1 });
    const productNumber = product?.productNumber ?? 0;
    const added = await client.addProductsToArticleGroup({
      groupNumber: child.groupNumber,
      productNumbers: { number: [productNumber] },
    });
    expect(added).toEqual({ kind: 'added' });
    expect((await client.getProducts({ productNumbers: [productNumber] }))[0]?.groupNumbers).toContain(
      child.groupNumber,
    );
    expect(
      (
        await client.addProductsToArticleGroup({
          groupNumber: 9999,
          productNumbers: { number: [productNumber] },
        })
      ).kind,
    ).toBe('not_found');

    const changes = await client.getArticleGroupChanges({
      groupNumbers: [parent.groupNumber, child.groupNumber],
    });
    expect(changes.find((g) => g.groupNumber === child.groupNumber)).toMatchObject({
      parentGroupNumber: parent.groupNumber,
      name: 'Kerst & Oud',
      productNumbers: { number: [productNumber] },
    });
    const cursors: number[] = [];
    for await (const page of client.iterateArticleGroups({ limit: 4 }))
      cursors.push(...page.records.map((r) => r.syncMarker));
    expect(cursors).toEqual([...cursors].sort((a, b) => a - b));
    expect(new Set(cursors).size).toBe(cursors.length);
  });
});

describe('stock', () => {
  it('sets and changes stock per branch with a growing stockId, as decimals', async () => {
    const [product] = await client.getProducts({ syncMarker: 0, syncMarkerLimit: 1 });
    const articleNumber = product?.articleList?.article?.[0]?.articleNumber ?? 0;
    const set = await client.setStock({ branchNumber: 1, articleNumber, amount: 12.5 });
    expect(set.kind).toBe('ok');
    const changed = await client.updateStock({ branchNumber: 1, articleNumber, amountChanged: -0.25 });
    if (set.kind !== 'ok' || changed.kind !== 'ok') throw new Error('stock not changed');
    expect(changed.stockId ?? 0).toBeGreaterThan(set.stockId ?? 0);
    const [stock] = await client.getStock({
      branchNumber: 1,
      articleNumbers: { articleNumbers: [articleNumber] },
    });
    expect(stock).toMatchObject({
      branchNumber: 1,
      articleNumber,
      amountFree: 12.25,
      stockId: changed.stockId,
    });
    const since = await client.getStock({ branchNumber: 1, stockId: changed.stockId ?? 0 });
    expect(since.map((s) => s.articleNumber)).toEqual([articleNumber]);
  });

  it('answers branch, article and non-stock-article problems in-band', async () => {
    const articles = (await client.getProducts()).flatMap((p) => p.articleList?.article ?? []);
    const giftCard = articles.find((a) => a.stockArticle === false);
    const stocked = articles.find((a) => a.stockArticle !== false)?.articleNumber ?? 0;
    expect((await client.setStock({ branchNumber: 99, articleNumber: stocked, amount: 1 })).kind).toBe(
      'branch_not_found',
    );
    expect((await client.updateStock({ branchNumber: 1, articleNumber: 1, amountChanged: 1 })).kind).toBe(
      'article_not_found',
    );
    expect(
      (await client.setStock({ branchNumber: 1, articleNumber: giftCard?.articleNumber ?? 0, amount: 1 }))
        .kind,
    ).toBe('no_stock_article');
  });
});
