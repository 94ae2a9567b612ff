import { wireDateTime } from '../domain/clock';
import { SYNC_FAMILIES, TwinState, type SyncFamily, type TwinSize } from '../state/twin-state';
import { BRANCHES, CATALOGUE, FAMILY_NAMES, FIRST_NAMES, TURNOVER_GROUPS, VAT_RATES } from './dutch-data';
import { generateInvoices, generatePosOrders, generateProducts, generateRelations } from './generators';
import { Prng } from '../../../seeded-prng';

/**
 * A Dutch shop, deterministic from a seed: branches with tills, employees (incl. the API user
 * 999999), VAT codes 21/9/0 %, turnover groups, payment and delivery methods, an article-group
 * tree, articles with EAN, prices and stock per branch, relations (persons and companies in NL, BE
 * and DE) and the POS orders and invoices of the last 30 days.
 */

interface SizeProfile {
  branches: number;
  employees: number;
  relations: number;
  products: number;
  orders: number;
  invoices: number;
}

export const SIZE_PROFILES: Record<TwinSize, SizeProfile> = {
  small: { branches: 2, employees: 5, relations: 30, products: 24, orders: 30, invoices: 8 },
  medium: { branches: 3, employees: 12, relations: 300, products: 240, orders: 300, invoices: 60 },
  large: { branches: 5, employees: 25, relations: 3000, products: 2400, orders: 3000, invoices: 500 },
};

export interface SeedOptions {
  seed: number;
  size: TwinSize;
  /** "Today" for the last-30-days data; default now. */
  now?: number;
}

function emptyState(seed: number, size: TwinSize, profile: SizeProfile): TwinState {
  const markers = Object.fromEntries(SYNC_FAMILIES.map((family) => [family, 0])) as Record<
    SyncFamily,
    number
  >;
  const branches = BRANCHES.slice(0, profile.branches);
  return new TwinState({
    format: 'koppel-mplus-twin@1',
    seed,
    size,
    counters: {
      markers,
      stockId: 0,
      productNumber: 1000,
      articleNumber: 10000,
      relationNumber: 5000,
      groupNumber: 0,
      id: 0,
      orderNumbers: {},
      invoiceNumbers: {},
    },
    branches: branches.map((branch) => ({
      ...branch,
      workplaces: {
        workplace: [
          { workplaceNumber: 1, workplaceName: 'Kassa 1', isMobile: false, workplaceType: 'STANDARD' },
          { workplaceNumber: 2, workplaceName: 'Kassa 2', isMobile: false, workplaceType: 'STANDARD' },
          { workplaceNumber: 9, workplaceName: 'Handheld', isMobile: true, workplaceType: 'MOBILE' },
        ],
      },
      countryCode: 528,
      countryIso3: 'NLD',
      countryName: 'Nederland',
    })),
    employees: [],
    vatGroups: branches.flatMap((branch) =>
      VAT_RATES.map((rate) => ({ branchNumber: branch.branchNumber, countryIso3: 'NLD', ...rate })),
    ),
    turnoverGroups: TURNOVER_GROUPS.map((group) => ({
      turnoverGroupType: 'TURNOVER-GROUP-TYPE-TURNOVER',
      ...group,
      allowDiscount: group.turnoverGroup !== 4,
    })),
    paymentMethods: [
      {
        method: 'CONTANT',
        description: 'Contant',
        buttonText: 'Contant',
        allowNegativeAmount: true,
        active: true,
        type: 'PAYMENT-METHOD-TYPE-PAYMENT',
        accountNumber: 1000,
      },
      {
        method: 'PIN',
        description: 'Pinbetaling',
        buttonText: 'PIN',
        allowNegativeAmount: true,
        active: true,
        type: 'PAYMENT-METHOD-TYPE-EFT',
        accountNumber: 1100,
      },
      {
        method: 'IDEAL',
        description: 'iDEAL',
        buttonText: 'iDEAL',
        allowNegativeAmount: false,
        active: true,
        type: 'PAYMENT-METHOD-TYPE-PAYMENT',
        accountNumber: 1110,
      },
      {
        method: 'OP-REKENING',
        description: 'Op rekening',
        buttonText: 'Op rekening',
        allowNegativeAmount: true,
        active: true,
        type: 'PAYMENT-METHOD-TYPE-PAYMENT',
        accountNumber: 1300,
      },
    ],
    deliveryMethods: [
      {
        deliveryMethod: 'AFHALEN',
        description: 'Afhalen in de winkel',
        buttonText: 'Afhalen',
        enabled: true,
      },
      {
        deliveryMethod: 'BEZORGEN',
        description: 'Bezorgen door de winkel',
        buttonText: 'Bezorgen',
        enabled: true,
      },
      { deliveryMethod: 'POSTNL', description: 'Verzenden met PostNL', buttonText: 'PostNL', enabled: true },
    ],
    orderCategories: [
      {
        orderCategoryNumber: 1,
        orderCategoryDescription: 'Winkel',
        orderCategoryDependencyNumbers: [],
        allowCancel: true,
        allowProcess: true,
      },
      {
        orderCategoryNumber: 2,
        orderCategoryDescription: 'Webshop',
        orderCategoryDependencyNumbers: [],
        allowCancel: true,
        allowProcess: true,
      },
      {
        orderCategoryNumber: 3,
        orderCategoryDescription: 'Zakelijk',
        orderCategoryDependencyNumbers: [1],
        allowCancel: false,
        allowProcess: true,
      },
    ],
    articleGroups: [],
    products: [],
    stock: [],
    relations: [],
    orders: [],
    invoices: [],
    idempotency: [],
  });
}

export function createSeededState(options: SeedOptions): TwinState {
  const now = options.now ?? Date.now();
  const profile = SIZE_PROFILES[options.size];
  const rng = new Prng(options.seed);
  const state = emptyState(options.seed, options.size, profile);
  const stamp = wireDateTime(now - 400 * 86_400_000);

  state.putEmployee({
    employeeNumber: 999999,
    name: 'API gebruiker',
    username: 'api',
    active: true,
    createTimestamp: stamp,
    changeTimestamp: stamp,
    syncMarker: state.nextMarker('employee'),
  });
  for (let number = 1; number <= profile.employees; number++) {
    const first = rng.pick(FIRST_NAMES);
    const [prefix, last] = rng.pick(FAMILY_NAMES);
    state.putEmployee({
      employeeNumber: number,
      name: [first, prefix, last].filter(Boolean).join(' '),
      username: first.toLowerCase(),
      email: `${first.toLowerCase()}@winkel.example.com`,
      active: true,
      createTimestamp: stamp,
      changeTimestamp: stamp,
      syncMarker: state.nextMarker('employee'),
    });
  }

  CATALOGUE.forEach((top, topIndex) => {
    state.counters.groupNumber += 1;
    const parent = state.counters.groupNumber;
    state.putGroup({
      groupNumber: parent,
      parentGroupNumber: 0,
      syncMarker: state.nextMarker('articleGroup'),
      name: top.name,
      text: top.text,
      sortOrder: topIndex + 1,
      productNumbers: { number: [] },
      isDeleted: false,
    });
    top.children.forEach((child, childIndex) => {
      state.counters.groupNumber += 1;
      state.putGroup({
        groupNumber: state.counters.groupNumber,
        parentGroupNumber: parent,
        syncMarker: state.nextMarker('articleGroup'),
        name: child.name,
        text: child.text,
        sortOrder: childIndex + 1,
        productNumbers: { number: [] },
        isDeleted: false,
      });
    });
  });

  generateProducts(state, rng, { products: profile.products }, now);
  generateRelations(state, rng, profile.relations, now);
  generatePosOrders(state, rng, profile.orders, now);
  generateInvoices(state, rng, profile.invoices, now);
  return state;
}
