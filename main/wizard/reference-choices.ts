import type {
  MplusChoices,
  TeamleaderChoices,
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
function named<T extends { name?: string | undefined }>(
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
export function toPaymentTerm(type: string | undefined, days: number | undefined): PaymentTerm | undefined {
  if (type === 'cash') return { type: 'cash' };
  if (type === 'after_invoice_date') return { type: 'afterInvoiceDate', days: days ?? 0 };
  if (type === 'end_of_month') return { type: 'endOfMonth', days: days ?? 0 };
  return undefined;
}

async function teamleaderChoices(client: TeamleaderClient): Promise<TeamleaderChoices> {
  const [departments, rates, categories, terms] = await Promise.all([
    client.departments.list({ filter: { status: ['active'] } }),
    (async () => {
      const all = [];
      for await (const rate of client.taxRates.iterate({})) all.push(rate);
      return all;
    })(),
    client.productCategories.list({}),
    client.call('paymentTerms.list', {}),
  ]);
  const departmentName = new Map(departments.map((d) => [d.id, d.name?.trim()]));
  const taxRates: Record<string, WizardOption[]> = {};
  for (const rate of rates) {
    const name = departmentName.get(rate.department?.id);
    if (!name || rate.rate === undefined) continue;
    const value = percent(rate.rate);
    (taxRates[name] ??= []).push({ value, label: rate.description ?? `${value} %` });
  }
  const defaultTerm = terms.meta?.default;
  return {
    departments: named(departments),
    taxRates,
    categories: named(categories, (category) => {
      const ledgers = new Set((category.ledgers ?? []).map((l) => l.ledger_account_number).filter(Boolean));
      return ledgers.size ? [...ledgers].join(', ') : undefined;
    }),
    // Documents carry one of the spec's expected payment methods, not the account's named ones.
    paymentMethods: TEAMLEADER_PAYMENT_METHODS.map((method) => ({ ...method, hint: method.value })),
    paymentTerms: (terms.data ?? []).flatMap((term) => {
      const converted = toPaymentTerm(term.type, term.days);
      return converted ? [{ term: converted, isDefault: term.id === defaultTerm }] : [];
    }),
  };
}

async function mplusChoices(registry: ConnectionRegistry, connectionId: string): Promise<MplusChoices> {
  const client = await registry.mplus(connectionId);
  const [employees, vatGroups, turnoverGroups, branches, paymentMethods, deliveryMethods] = await Promise.all(
    [
      client.getEmployees(),
      client.getVatGroupList(),
      client.getTurnoverGroups({ onlyActive: true }),
      client.getBranches(),
      client.getPaymentMethods(),
      client.getDeliveryMethods(),
    ],
  );
  const vatCodes = new Map<number, WizardOption>();
  for (const group of vatGroups) {
    if (!vatCodes.has(group.vatCode))
      vatCodes.set(group.vatCode, {
        value: group.vatCode,
        label: `${group.vatPercentage} %`,
        rate: group.vatPercentage,
      });
  }
  return {
    employees: employees
      .filter((e) => e.employeeNumber !== undefined && e.active !== false)
      .map((e) => ({ value: e.employeeNumber ?? 0, label: e.name ?? String(e.employeeNumber) })),
    vatCodes: [...vatCodes.values()].sort((a, b) => Number(a.value) - Number(b.value)),
    turnoverGroups: turnoverGroups.map((group) => ({
      value: String(group.turnoverGroup),
      label: group.turnoverGroupName,
      hint: `#${group.turnoverGroup}`,
    })),
    branches: branches.map((b) => ({ value: b.branchNumber, label: b.branchName })),
    paymentMethods: paymentMethods
      .filter((method) => method.active !== false)
      .map((method) => ({ value: method.method, label: method.description || method.method })),
    deliveryMethods: deliveryMethods
      .filter((method) => method.enabled !== false)
      .map((method) => ({
        value: method.deliveryMethod,
        label: method.description || method.deliveryMethod,
      })),
  };
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
  read: (connectionId: string) => Promise<T>,
): Promise<Read<T>> {
  let id = connectionId;
  try {
    const connection =
      kind === 'teamleader'
        ? await registry.resolve('teamleader', connectionId)
        : await registry.resolve('mplus', connectionId);
    id = connection.id;
    return { ok: true, connectionId: id, data: await read(id) };
  } catch (error) {
    const secrets = id ? await secretsOf(registry, kind, id) : [];
    return {
      ok: false,
      ...(id ? { connectionId: id } : {}),
      message: describeFailure(error, secrets).message,
    };
  }
}

/** Teamleader's reference data (see {@link readThrough}). */
export function readTeamleaderChoices(
  registry: ConnectionRegistry,
  connectionId?: string,
): Promise<WizardChoices['teamleader']> {
  return readThrough(registry, 'teamleader', connectionId, async (id) =>
    teamleaderChoices(await registry.teamleader(id)),
  );
}

/** MplusKASSA's reference data (see {@link readThrough}). */
export function readMplusChoices(
  registry: ConnectionRegistry,
  connectionId?: string,
): Promise<WizardChoices['mplus']> {
  return readThrough(registry, 'mplus', connectionId, (id) => mplusChoices(registry, id));
}

/**
 * The reference data of both systems, read in parallel. A system that cannot be read gives its
 * reason instead (in the API's own words), so the wizard still works with typed values.
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
