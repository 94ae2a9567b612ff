import type { CustomFieldDefinition } from '../../schemas';
import { ApiFailure, ref, type TwinContext } from '../context';

/** Address as written by `*.add` / `*.update` (the spec marks the keys required; types are loose). */
export interface AddressInput {
  type?: string;
  address?: {
    line_1?: string | null;
    postal_code?: string | null;
    city?: string | null;
    country?: string;
    area_level_two_id?: string;
    addressee?: string;
  };
}

export interface AddressRead {
  type: string;
  address: {
    line_1: string | null;
    postal_code: string | null;
    city: string | null;
    country: string;
    area_level_two: { type: string; id: string } | null;
    addressee?: string;
  };
}

export function readAddresses(addresses: readonly AddressInput[] | undefined): AddressRead[] {
  return (addresses ?? []).map(({ type = 'primary', address = {} }, index) => {
    if (!address.country || !/^[A-Z]{2}$/.test(address.country)) {
      throw new ApiFailure(
        400,
        `addresses.${index}.address.country must be an ISO 3166-1 alpha-2 code`,
        `addresses.${index}.address.country`,
      );
    }
    return {
      type,
      address: {
        line_1: address.line_1 ?? null,
        postal_code: address.postal_code ?? null,
        city: address.city ?? null,
        country: address.country,
        area_level_two: address.area_level_two_id ? ref('area_level_two', address.area_level_two_id) : null,
        ...(address.addressee !== undefined ? { addressee: address.addressee } : {}),
      },
    };
  });
}

/** `.list` shows only the primary address, flat and without type or addressee. */
interface LooseAddress {
  line_1?: string | null;
  postal_code?: string | null;
  city?: string | null;
  country?: string | null;
  area_level_two?: { id?: string } | null;
}

export function primaryAddress(addresses: readonly { type?: string; address?: LooseAddress }[] | undefined) {
  const found = addresses?.find((a) => a.type === 'primary') ?? addresses?.[0];
  if (!found?.address) return undefined;
  const { line_1, postal_code, city, country, area_level_two } = found.address;
  return {
    line_1: line_1 ?? null,
    postal_code: postal_code ?? null,
    city: city ?? null,
    country,
    area_level_two: area_level_two?.id ? ref('area_level_two', area_level_two.id) : null,
  };
}

export type CustomFieldContext = NonNullable<CustomFieldDefinition['context']>;

export interface CustomFieldRead {
  definition: { type: 'customFieldDefinition'; id: string };
  value: string | number | boolean | string[] | { type: string; id: string };
}

/** `custom_fields: [{id, value}]` → `[{definition: {type, id}, value}]`, checking each definition. */
export function readCustomFields(
  ctx: TwinContext,
  fields: readonly { id?: string; value?: unknown }[] | undefined,
  context: CustomFieldContext,
): CustomFieldRead[] {
  return (fields ?? []).flatMap((field, index): CustomFieldRead[] => {
    const definition = field.id ? ctx.state.records.customFieldDefinitions[field.id] : undefined;
    if (!field.id || !definition || definition.context !== context) {
      throw new ApiFailure(
        400,
        `custom_fields.${index}.id is not a ${context} custom field`,
        `custom_fields.${index}.id`,
      );
    }
    const value = field.value;
    if (value === null || value === undefined) return [];
    if (
      typeof value === 'string' ||
      typeof value === 'number' ||
      typeof value === 'boolean' ||
      (Array.isArray(value) && value.every((v) => typeof v === 'string'))
    ) {
      return [{ definition: ref('customFieldDefinition', field.id), value }];
    }
    if (
      typeof value === 'object' &&
      'type' in value &&
      'id' in value &&
      typeof value.type === 'string' &&
      typeof value.id === 'string'
    ) {
      return [
        { definition: ref('customFieldDefinition', field.id), value: { type: value.type, id: value.id } },
      ];
    }
    throw new ApiFailure(
      400,
      `custom_fields.${index}.value has an unsupported type`,
      `custom_fields.${index}.value`,
    );
  });
}

/**
 * The custom fields after an update, or undefined when the body sends none. The list sent replaces
 * them all ("collections are replaced wholesale on update"), unless the body says
 * `"custom_fields_update_strategy": "partial"` (reference §2.6): then only the fields sent change
 * and the others stay as they were.
 */
export function updatedCustomFields<Stored extends { definition?: { id?: string } }>(
  ctx: TwinContext,
  current: readonly Stored[] | undefined,
  body: { custom_fields?: readonly { id?: string; value?: unknown }[] },
  context: CustomFieldContext,
): (Stored | CustomFieldRead)[] | undefined {
  if (!body.custom_fields) return undefined;
  const sent = readCustomFields(ctx, body.custom_fields, context);
  // Not in the spec's request schemas (the design guidelines name it), so not in the body's type.
  if ((body as { custom_fields_update_strategy?: unknown }).custom_fields_update_strategy !== 'partial')
    return sent;
  const named = new Set(body.custom_fields.map((field) => field.id));
  const bySent = new Map(sent.map((field) => [field.definition.id, field]));
  const kept = (current ?? []).flatMap((field): (Stored | CustomFieldRead)[] => {
    const id = field.definition?.id;
    if (!named.has(id)) return [field];
    const replaced = id === undefined ? undefined : bySent.get(id);
    if (id !== undefined) bySent.delete(id);
    return replaced ? [replaced] : [];
  });
  return [...kept, ...bySent.values()];
}

export function addTags(current: readonly string[] | undefined, tags: readonly string[]): string[] {
  return [...new Set([...(current ?? []), ...tags])];
}

export function removeTags(current: readonly string[] | undefined, tags: readonly string[]): string[] {
  const drop = new Set(tags);
  return (current ?? []).filter((t) => !drop.has(t));
}

export function normaliseVat(value: string | null | undefined): string {
  return (value ?? '').replace(/[^0-9A-Za-z]/g, '').toUpperCase();
}
