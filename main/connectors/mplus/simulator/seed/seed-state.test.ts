import { describe, expect, it } from 'vitest';
import { createSeededState, SIZE_PROFILES } from './seed-state';
import { ean13, generateProducts } from './generators';
import { Prng } from '../../../seeded-prng';

/** The seed is deterministic, Dutch, and sized by option. */

const NOW = Date.UTC(2026, 2, 15, 12);

describe('seeded state', () => {
  it('is the same for the same seed and different for another', () => {
    const a = createSeededState({ seed: 42, size: 'small', now: NOW }).toData();
    const b = createSeededState({ seed: 42, size: 'small', now: NOW }).toData();
    const c = createSeededState({ seed: 43, size: 'small', now: NOW }).toData();
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a.relations)).not.toBe(JSON.stringify(c.relations));
  });

  it('holds a Dutch shop: branches with tills, 999999, EAN codes, stock per branch, last-30-day sales', () => {
    const state = createSeededState({ seed: 1, size: 'small', now: NOW });
    expect(state.branches.size).toBe(SIZE_PROFILES.small.branches);
    expect([...state.branches.values()].every((b) => (b.workplaces?.workplace ?? []).length > 0)).toBe(true);
    expect(state.employees.get(999999)?.name).toBe('API gebruiker');
    const articles = [...state.articles.values()].map((e) => e.article);
    expect(articles.every((a) => a.barcode === ean13(a.articleNumber ?? 0))).toBe(true);
    expect(articles.every((a) => typeof a.articleNumber === 'number' && (a.priceIncl ?? 0) > 0)).toBe(true);
    const stocked = articles.find((a) => a.stockArticle);
    for (const branch of state.branches.keys())
      expect(state.stock.has(`${branch}:${stocked?.articleNumber}`)).toBe(true);

    const orders = [...state.orders.values()];
    expect(orders.length).toBe(SIZE_PROFILES.small.orders);
    expect(orders.some((o) => o.relationNumber === undefined)).toBe(true);
    const oldest = Math.min(
      ...orders.map((o) =>
        Date.UTC(o.financialDate?.year ?? 0, (o.financialDate?.mon ?? 1) - 1, o.financialDate?.day),
      ),
    );
    expect(NOW - oldest).toBeLessThan(31 * 86_400_000);
    expect(state.invoices.size).toBeGreaterThan(SIZE_PROFILES.small.invoices);
    const methods = new Set(orders.flatMap((o) => o.paymentList?.payment ?? []).map((p) => p.method));
    expect(methods).toEqual(new Set(['PIN', 'CONTANT', 'IDEAL']));
  });

  it('scales with the size option', () => {
    const medium = createSeededState({ seed: 1, size: 'medium', now: NOW });
    expect(medium.relations.size).toBe(SIZE_PROFILES.medium.relations);
    expect(medium.products.size).toBe(SIZE_PROFILES.medium.products);
  });

  it('generates exactly the requested number of articles in bulk', () => {
    const state = createSeededState({ seed: 1, size: 'small', now: NOW });
    const before = state.articles.size;
    generateProducts(state, new Prng(5), { articles: 20_001 }, NOW);
    expect(state.articles.size - before).toBe(20_001);
    const markers = [...state.sync.article.from(0)];
    expect(markers.length).toBe(state.articles.size);
  });
});

describe('ean13', () => {
  it('computes the GS1 check digit', () => {
    // 8+21+1+6+3+12+5+18+7+24+9+0 = 114 → check digit 6.
    expect(ean13(1234567890)).toBe('8712345678906');
    for (const serial of [1, 42, 10001, 9999999999]) {
      const code = ean13(serial);
      expect(code).toMatch(/^87\d{11}$/);
      const sum = [...code].reduce((total, digit, i) => total + Number(digit) * (i % 2 === 0 ? 1 : 3), 0);
      expect(sum % 10).toBe(0);
    }
  });
});
