import { z } from 'zod';

/** What a record is, in a few words: enough to recognise it in a list of what a run would do. */
export type RecordGist =
  | { kind: 'sale'; customer: string | null; lines: number; total: number; currency: string }
  | { kind: 'customer'; name: string; email: string | null }
  | { kind: 'product'; name: string; price: number | null; currency: string }
  | { kind: 'stock'; quantity: number }
  | { kind: 'category'; name: string };

const Sale = z.object({
  lines: z.array(z.unknown()),
  totals: z.object({ incl: z.number() }),
  currency: z.string().default('EUR'),
  customer: z.object({ name: z.string() }).nullish(),
});
const Product = z.object({
  sku: z.string(),
  name: z.string(),
  priceIncl: z.number().optional(),
  priceExcl: z.number().optional(),
  currency: z.string().default('EUR'),
});
const Stock = z.object({ sku: z.string(), quantity: z.number() });
const Customer = z.object({
  name: z.string(),
  email: z.string().optional(),
  kind: z.enum(['company', 'person']),
});
const Category = z.object({ name: z.string(), source: z.object({ entity: z.string() }) });

/** The gist of a canonical record (the run's mapped record), or null when it is none Koppel knows. */
export function recordGist(record: unknown): RecordGist | null {
  const sale = Sale.safeParse(record);
  if (sale.success)
    return {
      kind: 'sale',
      customer: sale.data.customer?.name ?? null,
      lines: sale.data.lines.length,
      total: sale.data.totals.incl,
      currency: sale.data.currency,
    };
  const product = Product.safeParse(record);
  if (product.success)
    return {
      kind: 'product',
      name: product.data.name,
      price: product.data.priceIncl ?? product.data.priceExcl ?? null,
      currency: product.data.currency,
    };
  const stock = Stock.safeParse(record);
  if (stock.success) return { kind: 'stock', quantity: stock.data.quantity };
  const customer = Customer.safeParse(record);
  if (customer.success)
    return { kind: 'customer', name: customer.data.name, email: customer.data.email ?? null };
  const category = Category.safeParse(record);
  if (category.success) return { kind: 'category', name: category.data.name };
  return null;
}

/** The API operation a target would call (`invoices.draft`, `createRelation`), from the stored request. */
export function requestOperation(request: unknown): string | null {
  const parsed = z.object({ operation: z.string() }).safeParse(request);
  return parsed.success ? parsed.data.operation : null;
}
