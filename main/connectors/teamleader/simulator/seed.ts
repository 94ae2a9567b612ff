import type { TwinContext } from './context';
import { ref } from './context';
import { addCompany } from './handlers/companies';
import { addContact, linkContact } from './handlers/contacts';
import { createDeal } from './handlers/deals';
import { bookInvoice, draftInvoice, registerPayment } from './handlers/invoices';
import { checkLines, invoiceLinesRead } from './handlers/lines';
import { addProduct } from './handlers/products';
import { createQuotation } from './handlers/quotations';
import { documentTotals } from './money';
import { Prng } from './prng';
import {
  COMPANY_WORDS,
  COUNTRIES,
  DEAL_PHASES,
  FIRST_NAMES,
  LANGUAGE,
  LAST_NAMES,
  LEGAL_FORMS,
  PLACES,
  PRODUCT_ADJECTIVES,
  PRODUCT_CATEGORIES,
  PRODUCT_NOUNS,
  VAT_PREFIX,
  type SeedCountry,
} from './seed-data';
import { emptyRecords, type TwinSize, type TwinState } from './state';
import { isoDate, isoDateTime } from './time';

/** Records per type for each size: small is the default and fast; large has thousands. */
export const SIZES: Record<
  TwinSize,
  Record<
    | 'users'
    | 'categories'
    | 'products'
    | 'companies'
    | 'contacts'
    | 'deals'
    | 'quotations'
    | 'invoices'
    | 'orders',
    number
  >
> = {
  small: {
    users: 3,
    categories: 8,
    products: 40,
    companies: 20,
    contacts: 40,
    deals: 15,
    quotations: 10,
    invoices: 30,
    orders: 5,
  },
  medium: {
    users: 8,
    categories: 20,
    products: 400,
    companies: 200,
    contacts: 400,
    deals: 150,
    quotations: 100,
    invoices: 300,
    orders: 30,
  },
  large: {
    users: 20,
    categories: 40,
    products: 4000,
    companies: 2000,
    contacts: 4000,
    deals: 1500,
    quotations: 1000,
    invoices: 3000,
    orders: 200,
  },
};

/** Seeded records are dated from here on, so the same seed gives the same data on any day. */
const SEED_EPOCH = Date.UTC(2025, 0, 6, 8, 0, 0);
const SEED_SPAN_MS = 300 * 86_400_000;

export type GeneratedType = 'contacts' | 'companies' | 'products' | 'deals' | 'quotations' | 'invoices';
export const GENERATED_TYPES: readonly GeneratedType[] = [
  'contacts',
  'companies',
  'products',
  'deals',
  'quotations',
  'invoices',
];

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

function personIn(prng: Prng, country: SeedCountry) {
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

function slug(value: string): string {
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

const ids = <T extends { id: string }>(records: Record<string, T>): string[] => Object.keys(records);

export function generateContact(ctx: TwinContext): string {
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
  const companies = ids(ctx.state.records.companies);
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

export function generateCompany(ctx: TwinContext): string {
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
    responsible_user_id: prng.pick(ids(ctx.state.records.users)),
    preferred_currency: 'EUR',
    tags: prng.chance(0.25) ? ['horeca'] : [],
  });
  return company.id;
}

export function generateProduct(ctx: TwinContext): string {
  const { prng } = ctx;
  const n = next(ctx, 'product');
  const department = prng.pick(ids(ctx.state.records.departments));
  const rates = Object.values(ctx.state.records.taxRates).filter((t) => t.department?.id === department);
  const rate = prng.chance(0.6) ? rates.find((r) => r.rate === 0.06) : prng.pick(rates);
  const price = prng.int(50, 25_000) / 100;
  const product = addProduct(ctx, {
    name: `${prng.pick(PRODUCT_ADJECTIVES)} ${prng.pick(PRODUCT_NOUNS)}`,
    code: `SKU-${pad(n, 5)}`,
    description: prng.chance(0.5) ? 'Dagelijks **vers**.' : undefined,
    selling_price: { amount: price, currency: 'EUR' },
    purchase_price: { amount: Math.round(price * 45) / 100, currency: 'EUR' },
    unit_of_measure_id: prng.pick(ids(ctx.state.records.unitsOfMeasure)),
    department_id: department,
    product_category_id: prng.pick(ids(ctx.state.records.productCategories)),
    ...(rate ? { tax_rate_id: rate.id } : {}),
    stock: { amount: prng.int(0, 250) },
  });
  return product.id;
}

function randomCustomer(ctx: TwinContext): { type: 'contact' | 'company'; id: string } {
  const companies = ids(ctx.state.records.companies);
  const contacts = ids(ctx.state.records.contacts);
  if (companies.length > 0 && (contacts.length === 0 || ctx.prng.chance(0.5)))
    return ref('company', ctx.prng.pick(companies));
  return ref('contact', ctx.prng.pick(contacts));
}

function randomLines(ctx: TwinContext, departmentId: string) {
  const { prng } = ctx;
  const products = Object.values(ctx.state.records.products);
  const rates = Object.values(ctx.state.records.taxRates).filter((t) => t.department?.id === departmentId);
  return [
    {
      section: { title: '' },
      line_items: Array.from({ length: prng.int(1, 4) }, () => {
        const product = prng.pick(products);
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

export function generateDeal(ctx: TwinContext): string {
  const { prng } = ctx;
  const phases = ids(ctx.state.records.dealPhases).filter(
    (p) => ctx.state.dealPhasePipelines[p] === ctx.state.defaultPipelineId,
  );
  const deal = createDeal(ctx, {
    lead: { customer: randomCustomer(ctx) },
    title: `Bestelling ${pad(next(ctx, 'deal'), 4)}`,
    phase_id: prng.pick(phases),
    estimated_value: { amount: prng.int(100, 20_000), currency: 'EUR' },
    estimated_closing_date: isoDate(ctx.now() + prng.int(5, 90) * 86_400_000),
    source_id: prng.pick(ids(ctx.state.records.dealSources)),
  });
  return deal.id;
}

export function generateQuotation(ctx: TwinContext): string {
  const deals = Object.values(ctx.state.records.deals);
  const deal = deals.length > 0 ? ctx.prng.pick(deals) : ctx.state.records.deals[generateDeal(ctx)];
  if (!deal) throw new Error('no deal to quote');
  return createQuotation(ctx, {
    deal_id: deal.id,
    grouped_lines: randomLines(ctx, deal.department?.id ?? ''),
    text: 'Met dank voor uw vertrouwen.',
  }).id;
}

/** A draft, booked (outstanding) or paid (matched) invoice, from a random customer. */
export function generateInvoice(ctx: TwinContext, status?: 'draft' | 'outstanding' | 'matched'): string {
  const { prng } = ctx;
  const departmentId = prng.pick(ids(ctx.state.records.departments));
  const terms = Object.values(ctx.state.records.paymentTerms);
  const term = prng.pick(terms);
  const invoice = draftInvoice(ctx, {
    invoicee: { customer: randomCustomer(ctx) },
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
    grouped_lines: randomLines(ctx, departmentId),
  });
  const target = status ?? (prng.chance(0.2) ? 'draft' : prng.chance(0.6) ? 'outstanding' : 'matched');
  if (target === 'draft') return invoice.id;
  bookInvoice(ctx, { id: invoice.id, on: isoDate(ctx.now()) });
  if (target === 'matched') {
    registerPayment(ctx, {
      id: invoice.id,
      payment: { amount: invoice.total?.payable?.amount ?? 0, currency: 'EUR' },
      paid_at: isoDateTime(ctx.now()),
      payment_method_id: prng.pick(ids(ctx.state.records.paymentMethods)),
    });
  }
  return invoice.id;
}

export const GENERATORS: Record<GeneratedType, (ctx: TwinContext) => string> = {
  contacts: generateContact,
  companies: generateCompany,
  products: generateProduct,
  deals: generateDeal,
  quotations: generateQuotation,
  invoices: (ctx) => generateInvoice(ctx),
};

function seedLookups(state: TwinState, prng: Prng): void {
  const r = state.records;
  const departments = [
    { name: 'Koppel Demo BV', vat: 'BE0899623035', city: 'Gent', postal: '9000', street: 'Dok Noord 3A' },
    {
      name: 'Koppel Demo Horeca BV',
      vat: 'BE0712345678',
      city: 'Antwerpen',
      postal: '2000',
      street: 'Meir 12',
    },
  ];
  for (const d of departments) {
    const id = prng.uuid();
    r.departments[id] = {
      id,
      name: d.name,
      vat_number: d.vat,
      address: { line_1: d.street, postal_code: d.postal, city: d.city, country: 'BE', area_level_two: null },
      emails: [
        { type: 'primary', email: `info@${slug(d.name)}.example` },
        { type: 'invoicing', email: `facturen@${slug(d.name)}.example` },
      ],
      telephones: [{ type: 'phone', number: '+32 9 123 45 67' }],
      website: `https://${slug(d.name)}.example`,
      currency: 'EUR',
      iban: `BE${pad(prng.int(10, 99), 2)}${pad(prng.int(0, 999_999_999), 12)}`,
      bic: 'GKCCBEBB',
      fiscal_regime: null,
      status: 'active',
    };
    for (const rate of [0.21, 0.12, 0.06, 0]) {
      const rateId = prng.uuid();
      r.taxRates[rateId] = {
        id: rateId,
        description: `${Math.round(rate * 100)}%`,
        rate,
        department: ref('department', id),
      };
    }
  }
  const users = Array.from({ length: SIZES[state.size].users }, () => personIn(prng, 'BE'));
  users.forEach((person, index) => {
    const id = prng.uuid();
    r.users[id] = {
      id,
      account: ref('account', state.accountId),
      first_name: person.first,
      last_name: person.last,
      email: `${slug(person.first)}.${slug(person.last)}@koppel-demo.example`,
      telephones: [{ type: 'mobile', number: `+32 470 ${pad(index, 6)}` }],
      language: 'nl',
      function: index === 0 ? 'Zaakvoerder' : prng.pick(['Verkoop', 'Boekhouding', 'Winkel']),
      time_zone: 'Europe/Brussels',
      status: 'active',
      teams: [],
    };
    if (index === 0) state.currentUserId = id;
  });
  const terms = [
    { type: 'cash' as const },
    { type: 'after_invoice_date' as const, days: 14 },
    { type: 'after_invoice_date' as const, days: 30 },
    { type: 'end_of_month' as const, days: 30 },
  ];
  for (const term of terms) {
    const id = prng.uuid();
    r.paymentTerms[id] = { id, ...term };
    if (term.type === 'after_invoice_date' && term.days === 30) state.defaultPaymentTermId = id;
  }
  for (const [name, status] of [
    ['Contant', 'active'],
    ['Bancontact', 'active'],
    ['Overschrijving', 'active'],
    ['Cadeaubon', 'active'],
    ['Cheque', 'archived'],
  ] as const) {
    const id = prng.uuid();
    r.paymentMethods[id] = { id, name, status };
  }
  for (const name of ['stuk', 'kg', 'uur', 'liter']) {
    const id = prng.uuid();
    r.unitsOfMeasure[id] = { id, name };
  }
  const priceList = prng.uuid();
  r.priceLists[priceList] = { id: priceList, name: 'Groothandel', calculation_method: 'manual' };
  for (const [country, forms] of Object.entries({
    BE: [...LEGAL_FORMS.BE, 'VZW'],
    NL: LEGAL_FORMS.NL,
    FR: LEGAL_FORMS.FR,
    DE: LEGAL_FORMS.DE,
  })) {
    for (const name of forms) {
      const id = prng.uuid();
      r.businessTypes[id] = { id, name, country };
    }
  }
  const departmentIds = ids(r.departments);
  PRODUCT_CATEGORIES.slice(0, SIZES[state.size].categories).forEach((name, index) => {
    const id = prng.uuid();
    r.productCategories[id] = {
      id,
      name,
      ledgers: departmentIds.map((d) => ({
        department: ref('department', d),
        ledger_account_number: String(700000 + index * 10),
      })),
    };
  });
  const definitions = [
    { context: 'contact', type: 'single_line', label: 'POS-klantnummer' },
    {
      context: 'company',
      type: 'single_select',
      label: 'Klantgroep',
      options: ['Particulier', 'Horeca', 'Groothandel'],
    },
    { context: 'product', type: 'single_line', label: 'EAN' },
    { context: 'invoice', type: 'single_line', label: 'Kassaticket' },
    { context: 'deal', type: 'single_line', label: 'Verkoopkanaal' },
  ] as const;
  for (const d of definitions) {
    const id = prng.uuid();
    r.customFieldDefinitions[id] = {
      id,
      context: d.context,
      type: d.type,
      label: d.label,
      group: 'Koppel',
      required: false,
      configuration: {
        ...('options' in d ? { options: d.options.map((value) => ({ id: prng.uuid(), value })) } : {}),
        extra_option_allowed: false,
      },
    };
  }
  for (const pipelineName of ['Verkoop', 'Evenementen']) {
    const pipeline = prng.uuid();
    r.dealPipelines[pipeline] = { id: pipeline, name: pipelineName };
    state.defaultPipelineId ||= pipeline;
    for (const phase of DEAL_PHASES) {
      const id = prng.uuid();
      r.dealPhases[id] = {
        id,
        name: phase.name,
        actions: [],
        requires_attention_after: { amount: 7, unit: 'days' },
        probability: phase.probability,
      };
      state.dealPhasePipelines[id] = pipeline;
    }
  }
  for (const name of ['Website', 'Winkel', 'Doorverwijzing', 'Beurs']) {
    const id = prng.uuid();
    r.dealSources[id] = { id, name };
  }
  for (const name of ['Te duur', 'Geen budget', 'Koos concurrent']) {
    const id = prng.uuid();
    r.lostReasons[id] = { id, name };
  }
}

function seedOrder(ctx: TwinContext, number: number): void {
  const { prng, state } = ctx;
  const departmentId = prng.pick(ids(state.records.departments));
  const groups = checkLines(ctx, randomLines(ctx, departmentId), departmentId, { requireUnitPrice: true });
  const totals = documentTotals(groups, (id) => state.records.taxRates[id]?.rate ?? 0, [], 'EUR');
  const id = ctx.newId();
  const supplier = ids(state.records.companies);
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

/** A fresh account, the same for the same seed and size. */
export function seedState(seed: number, size: TwinSize): TwinState {
  const prng = new Prng(seed);
  const state: TwinState = {
    version: 1,
    seed,
    size,
    accountId: prng.uuid(),
    currentUserId: '',
    defaultPaymentTermId: '',
    defaultPipelineId: '',
    dealPhasePipelines: {},
    prngPosition: 0,
    counters: {},
    records: emptyRecords(),
    webhooks: [],
    auth: { codes: {}, accessTokens: {}, refreshTokens: {} },
  };
  seedLookups(state, prng);
  const counts = SIZES[size];
  const total =
    counts.companies +
    counts.contacts +
    counts.products +
    counts.deals +
    counts.quotations +
    counts.invoices +
    counts.orders;
  let clock = SEED_EPOCH;
  const ctx: TwinContext = {
    state,
    prng,
    now: () => clock,
    newId: () => prng.uuid(),
    emit: () => undefined,
  };
  const step = (): void => {
    clock += Math.floor(SEED_SPAN_MS / total) + prng.int(0, 60_000);
  };
  const run = (count: number, make: () => unknown): void => {
    for (let i = 0; i < count; i++) {
      step();
      make();
    }
  };
  run(counts.companies, () => generateCompany(ctx));
  run(counts.contacts, () => generateContact(ctx));
  run(counts.products, () => generateProduct(ctx));
  run(counts.deals, () => generateDeal(ctx));
  run(counts.quotations, () => generateQuotation(ctx));
  run(counts.invoices, () => generateInvoice(ctx));
  let orderNumber = 0;
  run(counts.orders, () => seedOrder(ctx, ++orderNumber));
  state.prngPosition = prng.position;
  return state;
}
