import { MPLUS_SCHEMA } from '../generated/schema';
import type { ComplexTypeModel, FieldModel, OperationModel } from './schema-model';
import type { MplusOperationName } from '../generated/operations';

/** Fast lookups over the generated schema model (field by name per type, enum value sets). */

const fieldMaps = new Map<string, ReadonlyMap<string, FieldModel>>();
const enumSets = new Map<string, ReadonlySet<string>>();

export function complexType(key: string): ComplexTypeModel {
  const type = MPLUS_SCHEMA.types[key];
  if (!type) throw new Error(`The Mplus schema model has no type ${key}; regenerate with npm run gen:mplus.`);
  return type;
}

export function fieldsByName(key: string): ReadonlyMap<string, FieldModel> {
  let map = fieldMaps.get(key);
  if (!map) {
    map = new Map(complexType(key).fields.map((field) => [field.name, field]));
    fieldMaps.set(key, map);
  }
  return map;
}

export function enumValues(name: string): ReadonlySet<string> {
  let set = enumSets.get(name);
  if (!set) {
    set = new Set(MPLUS_SCHEMA.enums[name] ?? []);
    enumSets.set(name, set);
  }
  return set;
}

export function operationModel(name: MplusOperationName): OperationModel {
  const op = MPLUS_SCHEMA.operations[name];
  if (!op) throw new Error(`The Mplus schema model has no operation ${name}.`);
  return op;
}

/** Operation by request element name, for a server dispatching on the Body's first child. */
export function findOperation(elementName: string): OperationModel | undefined {
  return MPLUS_SCHEMA.operations[elementName];
}

/** A type whose every field is optional or a list: a required element of it may be sent empty. */
export function isEmptiable(key: string): boolean {
  return complexType(key).fields.every((field) => !field.required || field.list);
}
