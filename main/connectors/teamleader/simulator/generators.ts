import { ref, type TwinContext } from './context';
import { addCompany } from './handlers/companies';
import { addContact, linkContact } from './handlers/contacts';
import { createDeal } from './handlers/deals';
import { bookInvoice, draftInvoice, registerPayment } from './handlers/invoices';
import { checkLines, invoiceLinesRead } from './handlers/lines';
import { addProduct } from './handlers/products';
import { createQuotation } from './handlers/quotations';
import { documentTotals } from './money';
import type { Prng } from '../../seeded-prng';
import {
  COMPANY_WORDS,
  COUNTRIES,
  FIRST_NAMES,
  LANGUAGE,
  LAST_NAMES,
  LEGAL_FORMS,
  PLACES,
  PRODUCT_ADJECTIVES,
  PRODUCT_NOUNS,
  VAT_PREFIX,
  type SeedCountry,
} from './seed-data';
import type { EntityType, TwinState } from './state';
import { isoDate, isoDateTime } from './time';

/**
 * One record at a time, made the way the API would make it (through the same handlers), from the
 * seeded PRNG. The seed and `POST /_sandbox/generate` both use these.
 */
export type GeneratedType = 'contacts' | 'companies' | 'products' | 'deals' | 'quotations' | 'invoices';
export const GENERATED_TYPES: readonly GeneratedType[] = [
  'contacts',
  'companies',
  'products',
  'deals',
  'quotations',
  'invoices',
];

export const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export function personIn(prng: Prng, country: SeedCountry) {
  return { first: prng.pick(FIRST_NAMES[country]), last: prng.pick(LAST_NAMES[country]) };
}

function addressIn(prng: Prng, country: SeedCountry) {
  const place = prng.pick(PLACES[country]);
  return {
    line_1: `${prng.pick(place.streets)} ${prng.int(1, 180)}`,
    postal_code: place.postal,
    city: place.city,
    country,
  };
}

export function slug(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

function next(ctx: TwinContext, name: string): number {
  const n = (ctx.state.counters[`seed/${name}`] ?? 0) + 1;
  ctx.state.counters[`seed/${name}`] = n;
  return n;
}

/**
 * Ids per type, listed once per batch of generated records: listing the keys of a map of thousands
 * for every generated record made the large seed quadratic.
 */
export interface Pool {
  ids(type: EntityType): string[];
  add(type: EntityType, id: string): void;
}

export function createPool(state: TwinState): Pool {
  const cache = new Map<EntityType, string[]>();
  return {
    ids(type) {
      let list = cache.get(type);
      if (!list) {
        list = Object.keys(state.records[type]);
        cache.set(type, list);
      }
      return list;
    },
    add(type, id) {
      cache.get(type)?.push(id);
    },
  };
}

export function generateContact(ctx: TwinContext, pool: Pool): string {
  const { prng } = ctx;
  const country = prng.pick(COUNTRIES);
  const person = personIn(prng, country);
  const n = next(ctx, 'contact');
  const contact = addContact(ctx, {
    first_name: person.first,
    last_name: person.last,
    emails: [
      {
        type: 'primary',
        email: `${slug(person.first)}.${slug(person.last)}${n}@example.${country.toLowerCase()}`,
      },
    ],
    telephones: prng.chance(0.7)
      ? [{ type: 'mobile', number: `+32 47${prng.int(0, 9)} ${pad(prng.int(0, 999999), 6)}` }]
      : [],
    addresses: [{ type: 'primary', address: addressIn(prng, country) }],
    language: LANGUAGE[country],
    tags: prng.chance(0.3) ? ['pos'] : [],
    marketing_mails_consent: prng.chance(0.4),
  });
  pool.add('contacts', contact.id);
  const companies = pool.ids('companies');
  if (companies.length > 0 && prng.chance(0.35)) {
    linkContact(
      ctx,
      {
        id: contact.id,
        company_id: prng.pick(companies),
        position: prng.pick(['Zaakvoerder', 'Boekhouding', 'Aankoop']),
        decision_maker: prng.chance(0.5),
      },
      false,
    );
  }
  return contact.id;
}

export function generateCompany(ctx: TwinContext, pool: Pool): string {
  const { prng } = ctx;
  const country = prng.pick(COUNTRIES);
  const owner = personIn(prng, country);
  const n = next(ctx, 'company');
  const form = prng.pick(LEGAL_FORMS[country]);
  const name = `${prng.pick(COMPANY_WORDS)} ${owner.last} ${form}`;
  const businessType = Object.values(ctx.state.records.businessTypes).find(
    (b) => b.country === country && b.name === form,
  );
  const company = addCompany(ctx, {
    name,
    ...(businessType ? { business_type_id: businessType.id } : {}),
    vat_number: `${VAT_PREFIX[country]}${pad(prng.int(100_000_000, 999_999_999), 9)}`,
    emails: [
      { type: 'primary', email: `info${n}@${slug(name)}.example` },
      ...(prng.chance(0.5)
        ? [{ type: 'invoicing' as const, email: `facturen${n}@${slug(name)}.example` }]
        : []),
    ],
    telephones: [{ type: 'phone', number: `+32 9 ${pad(prng.int(0, 9_999_999), 7)}` }],
    addresses: [{ type: 'invoicing', address: addressIn(prng, country) }],
    language: LANGUAGE[country],
    responsible_user_id: prng.pick(pool.ids('users')),
    preferred_currency: 'EUR',
    tags: prng.chance(0.25) ? ['horeca'] : [],
  });
  pool.add('companies', company.id);
  return company.id;
}

export function generateProduct(ctx: TwinContext, pool: Pool): string {
  const { prng } = ctx;
  const n = next(ctx, 'product');
  const department = prng.pick(pool.ids('departments'));
  const rates = Object.values(ctx.state.records.taxRates).filter((t) => t.department?.id === department);
  const rate = prng.chance(0.6) ? rates.find((r) => r.rate === 0.06) : prng.pick(rates);
  const price = prng.int(50, 25_000) / 100;
  const product = addProduct(ctx, {
    name: `${prng.pick(PRODUCT_ADJECTIVES)} ${prng.pick(PRODUCT_NOUNS)}`,
    code: `SKU-${pad(n, 5)}`,
    description: prng.chance(0.5) ? 'Dagelijks **vers**.' : undefined,
    selling_price: { amount: price, currency: 'EUR' },
    purchase_price: { amount: Math.round(price * 45) / 100, currency: 'EUR' },
    unit_of_measure_id: prng.pick(pool.ids('unitsOfMeasure')),
    department_id: department,
    product_category_id: prng.pick(pool.ids('productCategories')),
    ...(rate ? { tax_rate_id: rate.id } : {}),
    stock: { amount: prng.int(0, 250) },
  });
  pool.add('products', product.id);
  return product.id;
}

function randomCustomer(ctx: TwinContext, pool: Pool): { type: 'contact' | 'company'; id: string } {
  const companies = pool.ids('companies');
  const contacts = pool.ids('contacts');
  if (companies.length > 0 && (contacts.length === 0 || ctx.prng.chance(0.5)))
    return ref('company', ctx.prng.pick(companies));
  return ref('contact', ctx.prng.pick(contacts));
}

function randomLines(ctx: TwinContext, pool: Pool, departmentId: string) {
  const { prng } = ctx;
  const productIds = pool.ids('products');
  const rates = Object.values(ctx.state.records.taxRates).filter((t) => t.department?.id === departmentId);
  return [
    {
      section: { title: '' },
      line_items: Array.from({ length: prng.int(1, 4) }, () => {
        const product = ctx.state.records.products[prng.pick(productIds)];
        if (!product) throw new Error('product pool out of date');
        const rate = rates.find((r) => r.id === product.tax?.id) ?? prng.pick(rates);
        return {
          quantity: prng.int(1, 12),
          description: product.name ?? product.code ?? 'Artikel',
          unit_price: { amount: product.selling_price?.amount ?? 1, tax: 'excluding' as const },
          tax_rate_id: rate.id,
          product_id: product.id,
          ...(prng.chance(0.15)
            ? { discount: { value: prng.pick([5, 10, 15]), type: 'percentage' as const } }
            : {}),
        };
      }),
    },
  ];
}

export function generateDeal(ctx: TwinContext, pool: Pool): string {
  const { prng } = ctx;
  const phases = pool
    .ids('dealPhases')
    .filter((p) => ctx.state.dealPhasePipelines[p] === ctx.state.defaultPipelineId);
  const deal = createDeal(ctx, {
    lead: { customer: randomCustomer(ctx, pool) },
    title: `Bestelling ${pad(next(ctx, 'deal'), 4)}`,
    phase_id: prng.pick(phases),
    estimated_value: { amount: prng.int(100, 20_000), currency: 'EUR' },
    estimated_closing_date: isoDate(ctx.now() + prng.int(5, 90) * 86_400_000),
    source_id: prng.pick(pool.ids('dealSources')),
  });
  pool.add('deals', deal.id);
  return deal.id;
}

export function generateQuotation(ctx: TwinContext, pool: Pool): string {
  const deals = pool.ids('deals');
  const deal = ctx.state.records.deals[deals.length > 0 ? ctx.prng.pick(deals) : generateDeal(ctx, pool)];
  if (!deal) throw new Error('no deal to quote');
  return createQuotation(ctx, {
    deal_id: deal.id,
    grouped_lines: randomLines(ctx, pool, deal.department?.id ?? ''),
    text: 'Met dank voor uw vertrouwen.',
  }).id;
}

/** A draft, booked (outstanding) or paid (matched) invoice, from a random customer. */
export function generateInvoice(
  ctx: TwinContext,
  pool: Pool,
  status?: 'draft' | 'outstanding' | 'matched',
): string {
  const { prng } = ctx;
  const departmentId = prng.pick(pool.ids('departments'));
  const terms = Object.values(ctx.state.records.paymentTerms);
  const term = prng.pick(terms);
  const invoice = draftInvoice(ctx, {
    invoicee: { customer: randomCustomer(ctx, pool) },
    department_id: departmentId,
    payment_term:
      term.type === 'cash'
        ? { type: 'cash' }
        : {
            type: term.type === 'end_of_month' ? 'end_of_month' : 'after_invoice_date',
            days: term.days ?? 30,
          },
    currency: { code: 'EUR', exchange_rate: 1 },
    purchase_order_number: `POS-${pad(next(ctx, 'invoice'), 6)}`,
    grouped_lines: randomLines(ctx, pool, departmentId),
  });
  const target = status ?? (prng.chance(0.2) ? 'draft' : prng.chance(0.6) ? 'outstanding' : 'matched');
  if (target === 'draft') return invoice.id;
  bookInvoice(ctx, { id: invoice.id, on: isoDate(ctx.now()) });
  if (target === 'matched') {
    registerPayment(ctx, {
      id: invoice.id,
      payment: { amount: invoice.total?.payable?.amount ?? 0, currency: 'EUR' },
      paid_at: isoDateTime(ctx.now()),
      payment_method_id: prng.pick(pool.ids('paymentMethods')),
    });
  }
  return invoice.id;
}

export const GENERATORS: Record<GeneratedType, (ctx: TwinContext, pool: Pool) => string> = {
  contacts: generateContact,
  companies: generateCompany,
  products: generateProduct,
  deals: generateDeal,
  quotations: generateQuotation,
  invoices: (ctx, pool) => generateInvoice(ctx, pool),
};

/** A read-only supplier order (the API has no way to create one). */
export function seedOrder(ctx: TwinContext, pool: Pool, number: number): void {
  const { prng, state } = ctx;
  const departmentId = prng.pick(pool.ids('departments'));
  const groups = checkLines(ctx, randomLines(ctx, pool, departmentId), departmentId, {
    requireUnitPrice: true,
  });
  const totals = documentTotals(groups, (id) => state.records.taxRates[id]?.rate ?? 0, [], 'EUR');
  const id = ctx.newId();
  const supplier = pool.ids('companies');
  state.records.orders[id] = {
    id,
    name: `Aankooporder ${number}`,
    order_date: isoDate(ctx.now()),
    order_number: number,
    delivery_date: isoDate(ctx.now() + 7 * 86_400_000),
    payment_term: { type: 'after_invoice_date', days: 30 },
    grouped_lines: invoiceLinesRead(ctx, groups, 'EUR').map((g) => ({
      section: g.section,
      line_items: g.line_items.map(({ withheld_tax: _w, ...line }) => line),
    })),
    total: {
      tax_exclusive: totals.tax_exclusive,
      tax_inclusive: totals.tax_inclusive,
      purchase_price_tax_exclusive: null,
      purchase_price_tax_inclusive: null,
      taxes: totals.taxes,
    },
    web_url: `https://focus.teamleader.eu/order_detail.php?id=${id}`,
    supplier: supplier.length > 0 ? ref('company', prng.pick(supplier)) : null,
    department: ref('department', departmentId),
    deal: null,
    project: null,
    assignee: ref('user', state.currentUserId),
    custom_fields: [],
  };
}
