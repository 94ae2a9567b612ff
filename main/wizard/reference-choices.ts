import type {
  MplusChoices,
  MplusLists,
  TeamleaderChoices,
  TeamleaderLists,
  WizardChoices,
  WizardOption,
} from '../../shared/api/calls/wizard';
import type { PaymentTerm } from '../../shared/domain/sales-order';
import { describeFailure } from '../connections/connection-tests';
import type { ConnectionRegistry } from '../connections/registry';
import type { TeamleaderClient } from '../connectors/teamleader';
import { TEAMLEADER_PAYMENT_METHODS } from './question-bindings';

const percent = (rate: number) => Math.round(rate * 10000) / 100;

/** Options by name: flows refer to Teamleader's departments, categories and methods by name. */
function named<T extends { name?: string | null }>(
  items: readonly T[],
  hint?: (item: T) => string | undefined,
) {
  return items.flatMap((item): WizardOption[] => {
    const name = item.name?.trim();
    if (!name) return [];
    const extra = hint?.(item);
    return [{ value: name, label: name, ...(extra ? { hint: extra } : {}) }];
  });
}

/** Teamleader's `paymentTerms.list` type as Koppel's payment term (unknown types are left out). */
export function toPaymentTerm(
  type: string | undefined,
  days: number | null | undefined,
): PaymentTerm | undefined {
  if (type === 'cash') return { type: 'cash' };
  if (type === 'after_invoice_date') return { type: 'afterInvoiceDate', days: days ?? 0 };
  if (type === 'end_of_month') return { type: 'endOfMonth', days: days ?? 0 };
  return undefined;
}

/** An API's words for a failure, its connection's secrets blanked out. */
type Describe = (error: unknown) => Promise<string>;

/** Each of a system's reads on its own: a value, or the reason it failed. */
type Settled<T> = { [K in keyof T]: Entry<T[K]> };

/**
 * Runs a system's reads side by side. One that fails (a missing OAuth scope, a list the account
 * lacks) leaves the others offered; when every one fails the system itself cannot be read (offline,
 * a wrong secret) and that failure is thrown, for the caller to report as the system's.
 */
async function settle<T extends Record<string, unknown>>(reads: {
  [K in keyof T]: () => Promise<T[K]>;
}): Promise<Settled<T>> {
  const keys = Object.keys(reads) as (keyof T)[];
  const results = await Promise.allSettled(keys.map((key) => reads[key]()));
  const settled = {} as Settled<T>;
  keys.forEach((key, i) => {
    const result = results[i];
    settled[key] =
      result?.status === 'fulfilled'
        ? { ok: true, value: result.value }
        : { ok: false, error: result?.reason };
  });
  const entries = Object.values(settled) as Settled<T>[keyof T][];
  const first = entries.find((entry) => !entry.ok);
  if (first && !first.ok && entries.every((entry) => !entry.ok)) throw first.error;
  return settled;
}

type Entry<T> = { ok: true; value: T } | { ok: false; error: unknown };
type List<T> = { ok: true; value: T } | { ok: false; error: unknown; empty: T };

/** A read made into the list offered; a failed one stays failed, offered as `empty`. */
function converted<T, U>(entry: Entry<T>, convert: (value: T) => U, empty: U): List<U> {
  return entry.ok ? { ok: true, value: convert(entry.value) } : { ...entry, empty };
}

/** Two reads as one: both values, or the first one's failure. */
function both<A, B>(a: Entry<A>, b: Entry<B>): Entry<[A, B]> {
  if (!a.ok) return a;
  return b.ok ? { ok: true, value: [a.value, b.value] } : b;
}

/** The lists read, an unread one empty, and why each unread one could not be read. */
async function listsFrom<L extends Record<string, unknown>>(
  lists: { [K in keyof L]: List<L[K]> },
  describe: Describe,
): Promise<L & { unread?: Partial<Record<keyof L, string>> }> {
  const data = {} as L;
  const unread: Partial<Record<keyof L, string>> = {};
  for (const key of Object.keys(lists) as (keyof L)[]) {
    const list = lists[key];
    if (list.ok) data[key] = list.value;
    else {
      data[key] = list.empty;
      unread[key] = await describe(list.error);
    }
  }
  return Object.keys(unread).length > 0 ? { ...data, unread } : data;
}

async function teamleaderChoices(client: TeamleaderClient, describe: Describe): Promise<TeamleaderChoices> {
  const read = await settle({
    departments: () => client.departments.list({ filter: { status: ['active'] } }),
    rates: async () => {
      const all = [];
      for await (const rate of client.taxRates.iterate({})) all.push(rate);
      return all;
    },
    categories: () => client.productCategories.list({}),
    terms: () => client.call('paymentTerms.list', {}),
  });
  return listsFrom<TeamleaderLists>(
    {
      departments: converted(read.departments, (departments) => named(departments), []),
      // Rates are offered per department name: without the departments there is none to file them under.
      taxRates: converted(
        both(read.departments, read.rates),
        ([departments, rates]) => ratesByDepartment(departments, rates),
        {},
      ),
      categories: converted(
        read.categories,
        (categories) =>
          named(categories, (category) => {
            const ledgers = new Set(
              (category.ledgers ?? []).map((l) => l.ledger_account_number).filter(Boolean),
            );
            return ledgers.size ? [...ledgers].join(', ') : undefined;
          }),
        [],
      ),
      // Documents carry one of the spec's expected payment methods, not the account's named ones.
      paymentMethods: {
        ok: true,
        value: TEAMLEADER_PAYMENT_METHODS.map((method) => ({ ...method, hint: method.value })),
      },
      paymentTerms: converted(
        read.terms,
        (terms) =>
          (terms.data ?? []).flatMap((term) => {
            const known = toPaymentTerm(term.type, term.days);
            return known ? [{ term: known, isDefault: term.id === terms.meta?.default }] : [];
          }),
        [],
      ),
    },
    describe,
  );
}

/** Tax rates in percent, per active department's name. */
function ratesByDepartment(
  departments: readonly { id?: string | undefined; name?: string | null }[],
  rates: readonly {
    rate?: number | null;
    description?: string | null;
    department?: { id?: string | undefined } | undefined;
  }[],
): Record<string, WizardOption[]> {
  const departmentName = new Map(departments.map((d) => [d.id, d.name?.trim()]));
  const taxRates: Record<string, WizardOption[]> = {};
  for (const rate of rates) {
    const name = departmentName.get(rate.department?.id);
    if (!name || typeof rate.rate !== 'number') continue;
    const value = percent(rate.rate);
    (taxRates[name] ??= []).push({ value, label: rate.description ?? `${value} %` });
  }
  return taxRates;
}

async function mplusChoices(
  registry: ConnectionRegistry,
  connectionId: string,
  describe: Describe,
): Promise<MplusChoices> {
  const client = await registry.mplus(connectionId);
  const read = await settle({
    employees: () => client.getEmployees(),
    vatGroups: () => client.getVatGroupList(),
    turnoverGroups: () => client.getTurnoverGroups({ onlyActive: true }),
    branches: () => client.getBranches(),
    paymentMethods: () => client.getPaymentMethods(),
    deliveryMethods: () => client.getDeliveryMethods(),
  });
  return listsFrom<MplusLists>(
    {
      employees: converted(
        read.employees,
        (employees) =>
          employees
            .filter((e) => e.employeeNumber !== undefined && e.active !== false)
            .map((e) => ({ value: e.employeeNumber ?? 0, label: e.name ?? String(e.employeeNumber) })),
        [],
      ),
      vatCodes: converted(
        read.vatGroups,
        (vatGroups) => {
          const vatCodes = new Map<number, WizardOption>();
          for (const group of vatGroups) {
            if (!vatCodes.has(group.vatCode))
              vatCodes.set(group.vatCode, {
                value: group.vatCode,
                label: `${group.vatPercentage} %`,
                rate: group.vatPercentage,
              });
          }
          return [...vatCodes.values()].sort((a, b) => Number(a.value) - Number(b.value));
        },
        [],
      ),
      turnoverGroups: converted(
        read.turnoverGroups,
        (groups) =>
          groups.map((group) => ({
            value: String(group.turnoverGroup),
            label: group.turnoverGroupName,
            hint: `#${group.turnoverGroup}`,
          })),
        [],
      ),
      branches: converted(
        read.branches,
        (branches) => branches.map((b) => ({ value: b.branchNumber, label: b.branchName })),
        [],
      ),
      paymentMethods: converted(
        read.paymentMethods,
        (methods) =>
          methods
            .filter((method) => method.active !== false)
            .map((method) => ({ value: method.method, label: method.description || method.method })),
        [],
      ),
      deliveryMethods: converted(
        read.deliveryMethods,
        (methods) =>
          methods
            .filter((method) => method.enabled !== false)
            .map((method) => ({
              value: method.deliveryMethod,
              label: method.description || method.deliveryMethod,
            })),
        [],
      ),
    },
    describe,
  );
}

/** Every secret of a connection, so an error message quoting one can be blanked out. */
async function secretsOf(registry: ConnectionRegistry, kind: 'teamleader' | 'mplus', id: string) {
  try {
    if (kind === 'mplus') {
      const options = await registry.mplusOptions(await registry.resolve('mplus', id));
      return [options.ident, options.secret];
    }
    const options = await registry.teamleaderOptions(await registry.resolve('teamleader', id));
    return [options.clientSecret];
  } catch {
    return [];
  }
}

type Read<T> =
  { ok: true; connectionId: string; data: T } | { ok: false; connectionId?: string; message: string };

/**
 * A system's reference data through a connection (absent: the default one, as a node without a
 * connection id means), or why it could not be read: in the API's own words, secrets blanked.
 */
async function readThrough<T>(
  registry: ConnectionRegistry,
  kind: 'teamleader' | 'mplus',
  connectionId: string | undefined,
  read: (connectionId: string, describe: Describe) => Promise<T>,
): Promise<Read<T>> {
  let id = connectionId;
  // Read from the keychain once, however many of the system's lists fail.
  let secrets: Promise<string[]> | undefined;
  const describe: Describe = async (error) =>
    describeFailure(error, await (secrets ??= id ? secretsOf(registry, kind, id) : Promise.resolve([])))
      .message;
  try {
    const connection =
      kind === 'teamleader'
        ? await registry.resolve('teamleader', connectionId)
        : await registry.resolve('mplus', connectionId);
    id = connection.id;
    return { ok: true, connectionId: id, data: await read(id, describe) };
  } catch (error) {
    return { ok: false, ...(id ? { connectionId: id } : {}), message: await describe(error) };
  }
}

/** Teamleader's reference data (see {@link readThrough}). */
export function readTeamleaderChoices(
  registry: ConnectionRegistry,
  connectionId?: string,
): Promise<WizardChoices['teamleader']> {
  return readThrough(registry, 'teamleader', connectionId, async (id, describe) =>
    teamleaderChoices(await registry.teamleader(id), describe),
  );
}

/** MplusKASSA's reference data (see {@link readThrough}). */
export function readMplusChoices(
  registry: ConnectionRegistry,
  connectionId?: string,
): Promise<WizardChoices['mplus']> {
  return readThrough(registry, 'mplus', connectionId, (id, describe) => mplusChoices(registry, id, describe));
}

/**
 * The reference data of both systems, read in parallel. A system that cannot be read gives its
 * reason instead (in the API's own words), so the wizard still works with typed values; a list
 * that cannot be read is named in the system's `unread`, the others still offered.
 */
export async function readChoices(
  registry: ConnectionRegistry,
  ids: { teamleaderId: string; mplusId: string },
): Promise<WizardChoices> {
  const [teamleader, mplus] = await Promise.all([
    readTeamleaderChoices(registry, ids.teamleaderId),
    readMplusChoices(registry, ids.mplusId),
  ]);
  return { teamleader, mplus };
}
