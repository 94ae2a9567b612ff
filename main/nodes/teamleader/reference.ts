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
import { api } from '../steps/support/api-errors';

const percentText = (rate: number) => `${Math.round(rate * 10000) / 100} %`;

/**
 * The account's settings a sync needs (departments, tax rates, categories, custom fields), read
 * once per run and looked up by name or rate, so flows hold names ("21 %", "Koppel Demo BV")
 * rather than account-specific ids.
 */
export class TeamleaderReference {
  private departmentsList: Promise<Department[]> | undefined;
  private taxRatesList: Promise<TaxRate[]> | undefined;
  private categoriesList: Promise<ProductCategory[]> | undefined;
  private fieldsList: Promise<CustomFieldDefinition[]> | undefined;

  constructor(
    private readonly client: TeamleaderClient,
    private readonly signal?: AbortSignal,
  ) {}

  private get options() {
    return this.signal ? { signal: this.signal } : undefined;
  }

  departments(): Promise<Department[]> {
    this.departmentsList ??= api(() =>
      this.client.departments.list({ filter: { status: ['active'] } }, this.options),
    );
    return this.departmentsList;
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
    this.taxRatesList ??= api(async () => {
      const rates: TaxRate[] = [];
      for await (const rate of this.client.taxRates.iterate({}, this.options)) rates.push(rate);
      return rates;
    });
    return this.taxRatesList;
  }

  /** The tax rate of a department with `percent` %; fails naming the rate, the department and `where`. */
  async taxRateId(departmentId: string, percent: number, where: TeamleaderPlace): Promise<string> {
    const rates = (await this.taxRates()).filter((rate) => rate.department?.id === departmentId);
    const found = rates.find(
      (rate) => rate.rate !== undefined && Math.abs(rate.rate * 100 - percent) < 0.001,
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
    const rate = (await this.taxRates()).find((r) => r.id === taxRateId)?.rate;
    return rate === undefined ? undefined : Math.round(rate * 10000) / 100;
  }

  categories(): Promise<ProductCategory[]> {
    this.categoriesList ??= api(() => this.client.productCategories.list({}, this.options));
    return this.categoriesList;
  }

  async categoryId(name: string | undefined): Promise<string | undefined> {
    if (!name) return undefined;
    const wanted = name.trim().toLowerCase();
    return (await this.categories()).find((c) => c.name?.trim().toLowerCase() === wanted)?.id;
  }

  async categoryName(id: string | undefined): Promise<string | undefined> {
    if (!id) return undefined;
    return (await this.categories()).find((c) => c.id === id)?.name;
  }

  customFields(): Promise<CustomFieldDefinition[]> {
    this.fieldsList ??= api(async () => {
      const fields: CustomFieldDefinition[] = [];
      for await (const field of this.client.customFieldDefinitions.iterate({}, this.options))
        fields.push(field);
      return fields;
    });
    return this.fieldsList;
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
