import type { TeamleaderClient } from '../../connectors/teamleader/client';
import type {
  CustomFieldDefinition,
  Department,
  ProductCategory,
  TaxRate,
} from '../../connectors/teamleader/schemas';
import type { TeamleaderPlace } from '../../../shared/flow/messages/teamleader-messages';
import { runMessage } from '../../../shared/flow/run-messages';
import { permanentError } from '../../engine/errors';
import { RunSharedKey } from '../../engine/run-shared';
import { api } from '../steps/support/api-errors';

/**
 * `read` once: its answer is kept for every later call; a failure is not, so a later call (a
 * record's retry) reads again. Callers waiting at the same time share one read.
 */
function readOnce<T>(read: () => Promise<T>): () => Promise<T> {
  let kept: Promise<T> | undefined;
  return () => {
    kept ??= read().catch((error: unknown) => {
      kept = undefined;
      throw error;
    });
    return kept;
  };
}

const percentText = (rate: number) => `${Math.round(rate * 10000) / 100} %`;

/**
 * The account's settings a sync needs (departments, tax rates, categories, custom fields), read
 * once per run and looked up by name or rate, so flows hold names ("21 %", "Koppel Demo BV")
 * rather than account-specific ids.
 */
export class TeamleaderReference {
  // A failed read is not kept: the next record's retry (the flow's policy) reads again.
  private readonly departmentsList = readOnce(() =>
    api(() => this.client.departments.list({ filter: { status: ['active'] } }, this.options)),
  );
  private readonly taxRatesList = readOnce(() =>
    api(async () => {
      const rates: TaxRate[] = [];
      for await (const rate of this.client.taxRates.iterate({}, this.options)) rates.push(rate);
      return rates;
    }),
  );
  private readonly categoriesList = readOnce(() =>
    api(() => this.client.productCategories.list({}, this.options)),
  );
  private readonly fieldsList = readOnce(() =>
    api(async () => {
      const fields: CustomFieldDefinition[] = [];
      for await (const field of this.client.customFieldDefinitions.iterate({}, this.options))
        fields.push(field);
      return fields;
    }),
  );

  constructor(
    private readonly client: TeamleaderClient,
    private readonly signal?: AbortSignal,
  ) {}

  private get options() {
    return this.signal ? { signal: this.signal } : undefined;
  }

  departments(): Promise<Department[]> {
    return this.departmentsList();
  }

  /** The department by name (case-insensitive); empty name: the first active one. */
  async departmentId(name: string): Promise<string> {
    const departments = await this.departments();
    const wanted = name.trim().toLowerCase();
    const found =
      wanted === '' ? departments[0] : departments.find((d) => d.name?.trim().toLowerCase() === wanted);
    if (!found?.id) {
      throw permanentError(
        wanted === ''
          ? runMessage('teamleaderNoDepartment')
          : runMessage('teamleaderUnknownDepartment', {
              name,
              departments: departments.map((d) => `"${d.name ?? ''}"`).join(', '),
            }),
        { code: 'unknown_department', field: 'department', value: name },
      );
    }
    return found.id;
  }

  taxRates(): Promise<TaxRate[]> {
    return this.taxRatesList();
  }

  /** The tax rate of a department with `percent` %; fails naming the rate, the department and `where`. */
  async taxRateId(departmentId: string, percent: number, where: TeamleaderPlace): Promise<string> {
    const rates = (await this.taxRates()).filter((rate) => rate.department?.id === departmentId);
    const found = rates.find(
      (rate) => typeof rate.rate === 'number' && Math.abs(rate.rate * 100 - percent) < 0.001,
    );
    if (!found?.id) {
      const department = (await this.departments()).find((d) => d.id === departmentId)?.name ?? departmentId;
      throw permanentError(
        runMessage('teamleaderUnknownTaxRate', {
          ...where,
          percent,
          department,
          rates: rates.map((r) => percentText(r.rate ?? 0)).join(', '),
        }),
        { code: 'unknown_tax_rate', field: 'taxRate', value: percent },
      );
    }
    return found.id;
  }

  /** The rate of a tax rate id, in percent (undefined when unknown). */
  async taxPercent(taxRateId: string | undefined): Promise<number | undefined> {
    if (!taxRateId) return undefined;
    return (await this.taxPercents()).get(taxRateId);
  }

  /** Every tax rate's rate in percent, by id (a rate the account left empty is not in it). */
  async taxPercents(): Promise<ReadonlyMap<string, number>> {
    const percents = new Map<string, number>();
    for (const { id, rate } of await this.taxRates()) {
      // The API gives a fraction (0.21); two decimals of percent keep 5.5 % exact.
      if (id && typeof rate === 'number') percents.set(id, Math.round(rate * 10000) / 100);
    }
    return percents;
  }

  categories(): Promise<ProductCategory[]> {
    return this.categoriesList();
  }

  async categoryId(name: string | undefined): Promise<string | undefined> {
    if (!name) return undefined;
    const wanted = name.trim().toLowerCase();
    return (await this.categories()).find((c) => c.name?.trim().toLowerCase() === wanted)?.id;
  }

  async categoryName(id: string | undefined): Promise<string | undefined> {
    if (!id) return undefined;
    return (await this.categories()).find((c) => c.id === id)?.name ?? undefined;
  }

  customFields(): Promise<CustomFieldDefinition[]> {
    return this.fieldsList();
  }

  /** The custom field of a context by label (case-insensitive). */
  async customFieldId(context: string, label: string): Promise<string | undefined> {
    if (!label.trim()) return undefined;
    const wanted = label.trim().toLowerCase();
    return (await this.customFields()).find(
      (f) => f.context === context && f.label?.trim().toLowerCase() === wanted,
    )?.id;
  }
}

/** One {@link TeamleaderReference} per client and run: every node of the run reads the lists once. */
export const TEAMLEADER_REFERENCE = new RunSharedKey(
  'Teamleader reference',
  (client: TeamleaderClient, signal: AbortSignal) => new TeamleaderReference(client, signal),
);
