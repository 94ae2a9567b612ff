import { describe, expect, it } from 'vitest';
import {
  availableFamilies,
  chooseDirection,
  defaultSelection,
  directionOf,
  FLOW_FAMILIES,
  selectedTemplateIds,
  toggleFamily,
} from './flow-families';

const all = FLOW_FAMILIES.flatMap((family) => family.directions.map((d) => d.templateId));

describe('flow families', () => {
  it('covers the six families and the nine templates, each template once', () => {
    expect(FLOW_FAMILIES.map((f) => f.id)).toEqual([
      'salesOrders',
      'customers',
      'products',
      'categories',
      'stock',
      'orderStatus',
    ]);
    expect(new Set(all).size).toBe(9);
  });

  it('offers only directions whose template is installed, and drops families without any', () => {
    const families = availableFamilies(['orders-teamleader-to-mplus', 'stock-mplus-to-teamleader']);
    expect(families.map((f) => [f.id, f.directions.map((d) => d.templateId)])).toEqual([
      ['salesOrders', ['orders-teamleader-to-mplus']],
      ['stock', ['stock-mplus-to-teamleader']],
    ]);
  });

  it('proposes POS orders into Teamleader on a first start, or the first thing installed', () => {
    expect(defaultSelection(availableFamilies(all))).toEqual({ salesOrders: 'orders-mplus-to-teamleader' });
    expect(defaultSelection(availableFamilies(['stock-mplus-to-teamleader']))).toEqual({
      stock: 'stock-mplus-to-teamleader',
    });
    expect(defaultSelection([])).toEqual({});
  });

  it('turns families on with their first direction, keeps a chosen direction, and turns them off', () => {
    const products = FLOW_FAMILIES.find((f) => f.id === 'products');
    if (!products) throw new Error('no products family');
    let selection = toggleFamily({}, products, true);
    expect(selection).toEqual({ products: 'products-teamleader-to-mplus' });
    selection = chooseDirection(selection, products, 'products-mplus-to-teamleader');
    expect(selectedTemplateIds(selection)).toEqual(['products-mplus-to-teamleader']);
    expect(chooseDirection(selection, products, 'stock-mplus-to-teamleader')).toBe(selection);
    expect(toggleFamily(selection, products, false)).toEqual({});
  });

  it('lists chosen templates in family order and knows their direction', () => {
    expect(
      selectedTemplateIds({ stock: 'stock-mplus-to-teamleader', salesOrders: 'orders-mplus-to-teamleader' }),
    ).toEqual(['orders-mplus-to-teamleader', 'stock-mplus-to-teamleader']);
    expect(directionOf('categories-teamleader-to-mplus')).toMatchObject({ from: 'teamleader', to: 'mplus' });
    expect(directionOf('nope')).toBeUndefined();
  });
});
