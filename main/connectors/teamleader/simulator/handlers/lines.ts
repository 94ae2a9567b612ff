import { isCurrencyCode, type CurrencyCode } from '../../currency-codes';
import { ApiFailure, findOr400, ref, type TwinContext } from '../context';
import {
  documentTotals,
  lineTotals,
  money,
  type GroupInput,
  type LineInput,
  type MoneyValue,
  type Periodicity,
} from '../money';

/** Line groups as the write operations type them (every key optional in the generated types). */
export interface LooseGroup {
  section?: { title?: string };
  line_items?: readonly LooseLine[];
}

export interface LooseLine {
  quantity?: number;
  description?: string;
  extended_description?: string | null;
  unit_of_measure_id?: string | null;
  unit_price?: { amount?: number; tax?: string };
  tax_rate_id?: string;
  discount?: { value?: number; type?: string };
  product_id?: string;
  product_category_id?: string;
  withholding_tax_rate_id?: string;
  purchase_price?: MoneyValue | null;
  periodicity?: Periodicity | null;
}

/**
 * Checks every line against the account: tax rates must exist and belong to the document's
 * department (tax rates are per department), referenced products, units and categories must exist.
 */
export function checkLines(
  ctx: TwinContext,
  groups: readonly LooseGroup[],
  departmentId: string | undefined,
  options: { requireUnitPrice: boolean },
): GroupInput[] {
  return groups.map((group, g) => ({
    ...(group.section?.title !== undefined ? { section: { title: group.section.title } } : {}),
    line_items: (group.line_items ?? []).map((line, l): LineInput => {
      const at = `grouped_lines.${g}.line_items.${l}`;
      if (typeof line.quantity !== 'number')
        throw new ApiFailure(400, `${at}.quantity is required`, `${at}.quantity`);
      if (typeof line.description !== 'string')
        throw new ApiFailure(400, `${at}.description is required`, `${at}.description`);
      if (!line.tax_rate_id) throw new ApiFailure(400, `${at}.tax_rate_id is required`, `${at}.tax_rate_id`);
      const rate = findOr400(ctx, 'taxRates', line.tax_rate_id, `${at}.tax_rate_id`);
      if (departmentId && rate.department?.id !== departmentId) {
        throw new ApiFailure(400, `${at}.tax_rate_id belongs to another department`, `${at}.tax_rate_id`);
      }
      if (options.requireUnitPrice && !line.unit_price) {
        throw new ApiFailure(400, `${at}.unit_price is required`, `${at}.unit_price`);
      }
      if (line.discount?.value !== undefined) checkPercentage(line.discount.value, `${at}.discount.value`);
      if (line.product_id) findOr400(ctx, 'products', line.product_id, `${at}.product_id`);
      if (line.unit_of_measure_id)
        findOr400(ctx, 'unitsOfMeasure', line.unit_of_measure_id, `${at}.unit_of_measure_id`);
      if (line.product_category_id) {
        findOr400(ctx, 'productCategories', line.product_category_id, `${at}.product_category_id`);
      }
      if (line.withholding_tax_rate_id) {
        findOr400(ctx, 'withholdingTaxRates', line.withholding_tax_rate_id, `${at}.withholding_tax_rate_id`);
      }
      return {
        quantity: line.quantity,
        description: line.description,
        ...(line.extended_description !== undefined
          ? { extended_description: line.extended_description }
          : {}),
        ...(line.unit_of_measure_id ? { unit_of_measure_id: line.unit_of_measure_id } : {}),
        unit_price: { amount: line.unit_price?.amount ?? 0, tax: 'excluding' },
        tax_rate_id: line.tax_rate_id,
        ...(line.discount ? { discount: { value: line.discount.value ?? 0, type: 'percentage' } } : {}),
        ...(line.product_id ? { product_id: line.product_id } : {}),
        ...(line.product_category_id ? { product_category_id: line.product_category_id } : {}),
        ...(line.withholding_tax_rate_id ? { withholding_tax_rate_id: line.withholding_tax_rate_id } : {}),
        ...(line.purchase_price ? { purchase_price: line.purchase_price } : {}),
        ...(line.periodicity ? { periodicity: line.periodicity } : {}),
      };
    }),
  }));
}

export function rateOf(ctx: TwinContext): (taxRateId: string) => number {
  return (id) => ctx.state.records.taxRates[id]?.rate ?? 0;
}

/** Invoice lines as `invoices.info` shows them. */
export function invoiceLinesRead(ctx: TwinContext, groups: readonly GroupInput[], currency: CurrencyCode) {
  return groups.map((group) => ({
    section: { title: group.section?.title ?? '' },
    line_items: group.line_items.map((line) => ({
      product: line.product_id ? ref('product', line.product_id) : null,
      quantity: line.quantity,
      description: line.description,
      extended_description: line.extended_description ?? null,
      unit: line.unit_of_measure_id ? ref('unitOfMeasure', line.unit_of_measure_id) : null,
      unit_price: { amount: line.unit_price?.amount ?? 0, tax: 'excluding' as const },
      tax: ref('taxRate', line.tax_rate_id),
      discount: line.discount ? { value: line.discount.value, type: 'percentage' as const } : null,
      total: lineTotals(line, rateOf(ctx)(line.tax_rate_id), currency),
      product_category: line.product_category_id ? ref('productCategory', line.product_category_id) : null,
      withheld_tax: line.withholding_tax_rate_id
        ? ref('withholdingTaxRate', line.withholding_tax_rate_id)
        : null,
    })),
  }));
}

/** Quotation lines as `quotations.info` shows them (unit price as Money there). */
export function quotationLinesRead(ctx: TwinContext, groups: readonly GroupInput[], currency: CurrencyCode) {
  return groups.map((group) => ({
    section: { title: group.section?.title ?? '' },
    line_items: group.line_items.map((line) => ({
      product: line.product_id ? ref('product', line.product_id) : null,
      quantity: line.quantity,
      description: line.description,
      ...(line.extended_description ? { extended_description: line.extended_description } : {}),
      unit: line.unit_of_measure_id ? ref('unitOfMeasure', line.unit_of_measure_id) : null,
      unit_price: money(line.unit_price?.amount ?? 0, currency),
      tax: ref('taxRate', line.tax_rate_id),
      discount: line.discount ? { value: line.discount.value, type: 'percentage' as const } : null,
      total: lineTotals(line, rateOf(ctx)(line.tax_rate_id), currency),
      purchase_price: line.purchase_price ?? null,
      periodicity: line.periodicity ?? null,
    })),
  }));
}

/** Read lines back to write lines, to recompute totals after a change. */
export function linesFromRead(
  groups:
    | readonly {
        section?: { title?: string | null };
        line_items?: readonly {
          quantity?: number | null;
          description?: string | null;
          extended_description?: string | null;
          unit?: { id?: string } | null;
          unit_price?: { amount?: number };
          tax?: { id?: string };
          discount?: { value?: number | null } | null;
          product?: { id?: string } | null;
          product_category?: { id?: string } | null;
          withheld_tax?: { id?: string } | null;
          purchase_price?: { amount?: number; currency?: string } | null;
          periodicity?: Periodicity | null;
        }[];
      }[]
    | undefined,
): GroupInput[] {
  return (groups ?? []).map((group) => ({
    section: { title: group.section?.title ?? '' },
    line_items: (group.line_items ?? []).map((line) => ({
      quantity: line.quantity ?? 0,
      description: line.description ?? '',
      ...(line.extended_description ? { extended_description: line.extended_description } : {}),
      ...(line.unit?.id ? { unit_of_measure_id: line.unit.id } : {}),
      unit_price: { amount: line.unit_price?.amount ?? 0, tax: 'excluding' },
      tax_rate_id: line.tax?.id ?? '',
      ...(line.discount ? { discount: { value: line.discount.value ?? 0, type: 'percentage' } } : {}),
      ...(line.product?.id ? { product_id: line.product.id } : {}),
      ...(line.product_category?.id ? { product_category_id: line.product_category.id } : {}),
      ...(line.withheld_tax?.id ? { withholding_tax_rate_id: line.withheld_tax.id } : {}),
      // A quotation's own (an invoice line has neither): an update that keeps the lines keeps them.
      ...(line.purchase_price?.amount !== undefined && isCurrencyCode(line.purchase_price.currency)
        ? { purchase_price: money(line.purchase_price.amount, line.purchase_price.currency) }
        : {}),
      ...(line.periodicity ? { periodicity: line.periodicity } : {}),
    })),
  }));
}

export { documentTotals };

/**
 * A document's discounts as stored: percentages "between 0 and 100" (the spec, as for a line's
 * discount), checked before the caller changes anything.
 */
export function discountsOf(
  discounts: readonly { value?: number | null; description?: string | null }[] | undefined,
) {
  return (discounts ?? []).map((d, index) => {
    const value = d.value ?? 0;
    checkPercentage(value, `discounts.${index}.value`);
    return { type: 'percentage', value, description: d.description ?? '' };
  });
}

/** A discount percentage: "Values between 0 and 100" (the spec, for lines and documents alike). */
function checkPercentage(value: number, field: string): void {
  if (value < 0 || value > 100) throw new ApiFailure(400, `${field} must be between 0 and 100`, field);
}
