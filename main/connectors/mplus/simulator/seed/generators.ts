import type {
  WireArticle,
  WireInvoice,
  WireLine,
  WireProduct,
  WireRelation,
} from '../../generated/wire-types';
import { amsterdamWallClock, amsterdamWallClockToEpoch } from '../../conversions';
import { withBalance } from '../domain/balance';
import { wireDate, wireDateTime } from '../domain/clock';
import { createInvoice, invoiceOrder } from '../domain/invoicing';
import { createOrder, payOrder, vatRate } from '../domain/sales';
import { changeStock } from '../domain/stock';
import type { TwinState } from '../state/twin-state';
import {
  CATALOGUE,
  COMPANY_WORDS,
  COUNTRIES,
  FAMILY_NAMES,
  FIRST_NAMES,
  type CountryCode,
} from './dutch-data';
import type { Prng } from '../../../seeded-prng';

/**
 * Record generators shared by the seed and `POST /_sandbox/generate`. They build through the same
 * domain rules as the SOAP handlers (totals, stock, numbering), so generated data is consistent.
 */

const DAY_MS = 86_400_000;

/** EAN-13 with the Dutch GS1 prefix 87 and a valid check digit. */
export function ean13(serial: number): string {
  const body = `87${String(serial % 1e10).padStart(10, '0')}`;
  const sum = [...body].reduce((total, digit, index) => total + Number(digit) * (index % 2 === 0 ? 1 : 3), 0);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

function leafGroups(
  state: TwinState,
): { groupNumber: number; template: (typeof CATALOGUE)[number]['children'][number] }[] {
  const leaves: { groupNumber: number; template: (typeof CATALOGUE)[number]['children'][number] }[] = [];
  for (const top of CATALOGUE) {
    for (const child of top.children) {
      const group = [...state.groups.values()].find((g) => g.name === child.name && !g.isDeleted);
      if (group) leaves.push({ groupNumber: group.groupNumber, template: child });
    }
  }
  return leaves;
}

/** Creates products (with their variant articles) until `articles` articles or `products` products exist. */
export function generateProducts(
  state: TwinState,
  rng: Prng,
  count: { products?: number; articles?: number },
  now: number,
): number[] {
  const leaves = leafGroups(state);
  if (leaves.length === 0) throw new Error('the twin has no article groups to put products in');
  const created: number[] = [];
  let articleCount = 0;
  const stamp = wireDateTime(now);
  const branches = [...state.branches.keys()];
  const bulk = (count.articles ?? 0) > 5000 || (count.products ?? 0) > 5000;
  while (
    (count.products !== undefined && created.length < count.products) ||
    (count.articles !== undefined && articleCount < count.articles)
  ) {
    const { groupNumber, template } = leaves[created.length % leaves.length] ?? rng.pick(leaves);
    const base =
      template.items[Math.floor(created.length / leaves.length) % template.items.length] ?? template.name;
    const series = Math.floor(created.length / (leaves.length * template.items.length));
    const description = series === 0 ? base : `${base} ${series + 1}`;
    const remaining = count.articles === undefined ? Infinity : count.articles - articleCount;
    const variants = template.variants.slice(0, Math.max(1, Math.min(template.variants.length, remaining)));
    state.counters.productNumber += 1;
    const productNumber = state.counters.productNumber;
    const rate = vatRate(state, branches[0] ?? 1, template.vatCode) ?? 21;
    const basePrice = rng.int(Math.ceil(template.price[0] / 5), Math.floor(template.price[1] / 5)) * 5;
    const articles: WireArticle[] = variants.map((variant, index) => {
      state.counters.articleNumber += 1;
      const articleNumber = state.counters.articleNumber;
      const giftValue = variant.size?.startsWith('€')
        ? Number(variant.size.replace(/\D/g, '')) * 100
        : undefined;
      // Shelf prices end in ,95 (and a bigger variant costs more).
      const priceIncl = giftValue ?? Math.floor((basePrice * (1 + index * 0.6)) / 100) * 100 + 95;
      const label = [description, variant.size, variant.colour].filter(Boolean).join(' ');
      return {
        articleNumber,
        pluNumber: String(articleNumber),
        createTimestamp: stamp,
        changeTimestamp: stamp,
        active: true,
        description,
        ...(variant.colour ? { colour: variant.colour } : {}),
        ...(variant.size ? { size: variant.size } : {}),
        invoiceText: label,
        receiptText: label.slice(0, 30),
        displayText: label.slice(0, 20),
        barcode: ean13(articleNumber),
        turnoverGroup: template.turnoverGroup,
        vatCode: template.vatCode,
        vatPercentage: rate,
        purchasePrice: giftValue ?? Math.round(priceIncl * 0.45),
        priceIncl,
        priceExcl: Math.round((priceIncl * 100) / (100 + rate)),
        webshop: rng.chance(0.7),
        stockArticle: template.stockArticle,
      };
    });
    const product: WireProduct = {
      productNumber,
      description,
      articleList: { article: articles },
      groupNumbers: [groupNumber],
    };
    state.products.set(productNumber, product);
    for (const article of articles) state.touchArticle(product, article);
    const group = state.groups.get(groupNumber);
    if (group && !bulk) {
      group.productNumbers.number.push(productNumber);
      group.syncMarker = state.nextMarker('articleGroup');
      state.putGroup(group);
    } else if (group) {
      group.productNumbers.number.push(productNumber);
    }
    if (!bulk) {
      for (const article of articles) {
        if (!article.stockArticle) continue;
        for (const branch of branches)
          changeStock(state, branch, article.articleNumber ?? 0, { setFree: rng.int(0, 40) }, now);
      }
    }
    created.push(productNumber);
    articleCount += articles.length;
  }
  if (bulk) {
    // One group change per bulk run rather than one per product.
    for (const { groupNumber } of leaves) {
      const group = state.groups.get(groupNumber);
      if (!group) continue;
      group.syncMarker = state.nextMarker('articleGroup');
      state.putGroup(group);
    }
  }
  return created;
}

function personName(rng: Prng): { first: string; full: string; last: string } {
  const first = rng.pick(FIRST_NAMES);
  const [prefix, last] = rng.pick(FAMILY_NAMES);
  return { first, last, full: [first, prefix, last].filter(Boolean).join(' ') };
}

const emailLocal = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '');

export function generateRelations(state: TwinState, rng: Prng, count: number, now: number): number[] {
  const created: number[] = [];
  for (let i = 0; i < count; i++) {
    const code: CountryCode = rng.chance(0.6) ? 'NL' : rng.chance(0.6) ? 'BE' : 'DE';
    const country = COUNTRIES[code];
    const person = personName(rng);
    const isCompany = rng.chance(0.3);
    const letters = String.fromCharCode(65 + rng.int(0, 25), 65 + rng.int(0, 25));
    state.counters.relationNumber += 1;
    const relationNumber = state.counters.relationNumber;
    const companyName = isCompany
      ? `${rng.pick(COMPANY_WORDS.first)} ${rng.pick(COMPANY_WORDS.second)} ${code === 'DE' ? 'GmbH' : rng.pick(COMPANY_WORDS.legal.slice(0, 4))}`
      : undefined;
    const createdAt = wireDateTime(now - rng.int(30, 900) * DAY_MS);
    const relation: WireRelation = {
      relationNumber,
      syncMarker: state.nextMarker('relation'),
      createTimestamp: createdAt,
      changeTimestamp: createdAt,
      active: true,
      name: companyName ?? person.full,
      address: `${rng.pick(country.streets)} ${rng.int(1, 180)}`,
      zipcode: country.zip(rng.digits(5), letters),
      city: rng.pick(country.cities),
      country: code,
      ...(isCompany ? { contact: person.full } : {}),
      telephone: country.phone(rng.digits(8)),
      email: isCompany
        ? `info@${emailLocal(companyName ?? 'bedrijf').replace(/\./g, '-')}.${country.emailDomain}`
        : `${emailLocal(person.first)}.${emailLocal(person.last)}${relationNumber}@${country.emailDomain}`,
      ...(isCompany
        ? {
            companyName,
            vatNumber: country.vat(rng.digits(9)),
            ...(code === 'NL' ? { commerceNumber: rng.digits(8) } : {}),
            paymentWithinDays: 30,
          }
        : {}),
    };
    state.putRelation(withBalance(relation));
    created.push(relationNumber);
  }
  return created;
}

function randomLines(state: TwinState, rng: Prng): WireLine[] {
  const articles = [...state.articles.keys()];
  const picked = rng.sample(articles, Math.min(articles.length, 50)).slice(0, rng.int(1, 4));
  return picked.map((articleNumber) => ({
    articleNumber,
    data: { quantity: rng.int(1, 3), decimalPlaces: 0 },
  }));
}

/** POS sales of the last `days` days: paid at the till (cash or pin), some walk-in, some webshop. */
export function generatePosOrders(
  state: TwinState,
  rng: Prng,
  count: number,
  now: number,
  days = 30,
): string[] {
  if (state.articles.size === 0) throw new Error('the twin has no articles to sell');
  const relations = [...state.relations.keys()];
  const branches = [...state.branches.values()];
  const employees = [...state.employees.keys()].filter((n) => n !== 999999);
  const moments = Array.from({ length: count }, () => {
    // Opening hours in Amsterdam, whatever the machine's time zone.
    const day = amsterdamWallClock(now - rng.int(0, days - 1) * DAY_MS);
    const at = amsterdamWallClockToEpoch({
      ...day,
      hour: rng.int(9, 17),
      min: rng.int(0, 59),
      sec: rng.int(0, 59),
    });
    return Math.min(at, now);
  }).sort((a, b) => a - b);
  const created: string[] = [];
  for (const moment of moments) {
    const webshop = rng.chance(0.2);
    const branch = rng.pick(branches);
    const walkIn = !webshop && rng.chance(0.35);
    const relationNumber = walkIn || relations.length === 0 ? undefined : rng.pick(relations);
    const order = createOrder(
      state,
      {
        orderId: '',
        ...(webshop ? { extOrderId: `WEB-${100000 + state.counters.id}` } : {}),
        orderType: webshop ? 'ORDER-TYPE-EXTERNAL-SALES-ORDER' : 'ORDER-TYPE-SALES-ORDER',
        entryBranchNumber: branch.branchNumber,
        employeeNumber: webshop || employees.length === 0 ? 999999 : rng.pick(employees),
        entryTimestamp: wireDateTime(moment),
        ...(relationNumber === undefined ? {} : { relationNumber }),
        financialDate: wireDate(moment),
        ...(webshop ? {} : { workplaceNumber: branch.workplaces?.workplace?.[0]?.workplaceNumber ?? 1 }),
        orderCategoryNumber: webshop ? 2 : 1,
        ...(webshop ? { deliveryMethod: 'POSTNL' } : {}),
        lineList: { line: randomLines(state, rng) },
      },
      moment,
      { allowWithoutRelation: true },
    );
    if (!order.ok) continue;
    const stored = order.value;
    created.push(stored.orderId);
    if (webshop && rng.chance(0.25)) continue; // open webshop order, not paid yet
    const method = webshop ? 'IDEAL' : rng.chance(0.7) ? 'PIN' : 'CONTANT';
    payOrder(state, stored, [{ method, amount: stored.totalInclAmount ?? 0 }], false, moment, (o, p) =>
      invoiceOrder(state, o, p, moment),
    );
  }
  return created;
}

/** Invoices on account for business relations (outstanding or partly paid). */
export function generateInvoices(
  state: TwinState,
  rng: Prng,
  count: number,
  now: number,
  days = 30,
): string[] {
  const companies = [...state.relations.values()]
    .filter((r) => r.companyName)
    .map((r) => r.relationNumber ?? 0);
  const relations = companies.length > 0 ? companies : [...state.relations.keys()];
  const created: string[] = [];
  for (let i = 0; i < count; i++) {
    const moment = now - rng.int(0, days - 1) * DAY_MS;
    const invoice: WireInvoice = {
      extInvoiceId: `FACT-${state.seed}-${state.counters.id + 1}`,
      employeeNumber: 999999,
      ...(relations.length > 0 ? { relationNumber: rng.pick(relations) } : {}),
      financialDate: wireDate(moment),
      entryTimestamp: wireDateTime(moment),
      reference: `Levering week ${1 + Math.floor(amsterdamWallClock(moment).day / 7)}`,
      lineList: { line: randomLines(state, rng) },
    };
    const outcome = createInvoice(state, invoice, moment);
    if (outcome.invoice?.invoiceId) created.push(outcome.invoice.invoiceId);
  }
  return created;
}
