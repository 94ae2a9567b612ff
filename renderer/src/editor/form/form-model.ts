import { type z } from 'zod';
import type { LocalizedText } from '../../../../shared/nodes/node-definition';
import { UiHint, type ChoiceList, type UiOption, type UiWidget } from '../../../../shared/nodes/ui-hints';
import { issueWords } from '../../../../shared/flow/issue-words';
import type { TextLanguage } from '../../../../shared/flow/wording';

/** A JSON Schema node as `z.toJSONSchema` writes it (only the parts the form reads). */
export type JsonSchema = { [key: string]: unknown };

/** One input of a generated form. */
export interface FormField {
  key: string;
  title: LocalizedText;
  description?: LocalizedText;
  widget: UiWidget;
  required: boolean;
  hint: UiHint;
  /** The property's schema, `$ref`s resolved at the top. */
  schema: JsonSchema;
  options: UiOption[];
  defaultValue?: unknown;
  minimum?: number;
  maximum?: number;
  group?: LocalizedText;
  advanced: boolean;
}

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Follows a local `$ref` (`#/$defs/x`) against the root document. */
export function resolveRef(schema: JsonSchema, root: JsonSchema): JsonSchema {
  const ref = schema.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return schema;
  let target: unknown = root;
  for (const part of ref.slice(2).split('/')) target = isSchema(target) ? target[part] : undefined;
  if (!isSchema(target)) return schema;
  const { $ref: _ref, ...rest } = schema;
  return { ...target, ...rest };
}

/** `deliveryAddress` → `Delivery address`, for fields without a title. */
export function humanise(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_.-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function typeOf(schema: JsonSchema): string | undefined {
  if (typeof schema.type === 'string') return schema.type;
  if (Array.isArray(schema.type)) return schema.type.find((type) => type !== 'null');
  return undefined;
}

/** The widget a field gets when its hint names none: from its JSON type and format. */
export function defaultWidget(schema: JsonSchema): UiWidget {
  if (Array.isArray(schema.enum)) return 'select';
  switch (typeOf(schema)) {
    case 'boolean':
      return 'switch';
    case 'number':
    case 'integer':
      return 'number';
    case 'string':
      if (schema.format === 'date') return 'date';
      if (schema.format === 'date-time') return 'dateTime';
      return 'text';
    default:
      return 'json';
  }
}

/** Options of a select: the hint's labelled ones, else the enum's values as their own labels. */
function optionsOf(schema: JsonSchema, hint: UiHint): UiOption[] {
  if (hint.options) return hint.options;
  if (!Array.isArray(schema.enum)) return [];
  return schema.enum
    .filter((value): value is string | number => typeof value === 'string' || typeof value === 'number')
    .map((value) => ({ value, label: { en: String(value), nl: String(value) } }));
}

/** One property of an object schema as a form field. */
export function describeField(key: string, raw: JsonSchema, root: JsonSchema, required: boolean): FormField {
  const schema = resolveRef(raw, root);
  const parsedHint = UiHint.safeParse(schema.ui ?? {});
  const hint: UiHint = parsedHint.success ? parsedHint.data : {};
  const titleEn = typeof schema.title === 'string' ? schema.title : humanise(key);
  const descriptionEn = typeof schema.description === 'string' ? schema.description : undefined;
  return {
    key,
    title: { en: titleEn, nl: hint.nl?.title ?? titleEn },
    ...(descriptionEn
      ? { description: { en: descriptionEn, nl: hint.nl?.description ?? descriptionEn } }
      : {}),
    widget: hint.widget ?? defaultWidget(schema),
    required,
    hint,
    schema,
    options: optionsOf(schema, hint),
    ...('default' in schema ? { defaultValue: schema.default } : {}),
    ...(typeof schema.minimum === 'number' ? { minimum: schema.minimum } : {}),
    ...(typeof schema.maximum === 'number' ? { maximum: schema.maximum } : {}),
    ...(hint.group ? { group: hint.group } : {}),
    advanced: hint.advanced === true,
  };
}

/**
 * A field drawn as its own fields (a default debtor, a payment term): an object with properties and
 * no widget of its own (see WidgetFor).
 */
export function drawnAsObject(field: FormField): boolean {
  const { properties } = field.schema;
  return (
    field.widget === 'json' &&
    !field.hint.widget &&
    field.schema.type === 'object' &&
    typeof properties === 'object' &&
    properties !== null
  );
}

/**
 * Whether a field is shown, given the object it sits in (its `shownWhen` hint): a condition's
 * value is not asked for "is empty". One with `problems` stays in sight, or they could not be seen.
 * A hidden field keeps what it held, so switching back restores it.
 */
export function shownIn(
  field: FormField,
  data: Readonly<Record<string, unknown>>,
  problems: readonly unknown[],
): boolean {
  const when = field.hint.shownWhen;
  if (!when || problems.length > 0) return true;
  const current = data[when.field];
  return (typeof current === 'string' || typeof current === 'number') && when.oneOf.includes(current);
}

/**
 * A new row of a list: each item field's default, the first choice of a required select, empty
 * text for required text, and a nested object (a payment term) filled the same way, so a new
 * payment-term rule starts as "cash" instead of two "required" messages.
 */
export function emptyRow(fields: readonly FormField[], root: JsonSchema): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const item of fields) {
    if (item.defaultValue !== undefined) row[item.key] = item.defaultValue;
    else if (item.widget === 'select' && item.required && item.options[0])
      row[item.key] = item.options[0].value;
    else if (item.required && (item.widget === 'text' || item.widget === 'fieldPath')) row[item.key] = '';
    else if (item.required && drawnAsObject(item))
      row[item.key] = emptyRow(describeObject(item.schema, root), root);
  }
  return row;
}

/** The fields of an object schema, in declaration order. */
export function describeObject(schema: JsonSchema, root: JsonSchema = schema): FormField[] {
  const resolved = resolveRef(schema, root);
  const properties = isSchema(resolved.properties) ? resolved.properties : {};
  const required = new Set(Array.isArray(resolved.required) ? resolved.required : []);
  return Object.entries(properties)
    .filter((entry): entry is [string, JsonSchema] => isSchema(entry[1]))
    .map(([key, property]) => describeField(key, property, root, required.has(key)));
}

/** The fields of the items of an array field (conditions, rules, key/value rows). */
export function describeItems(field: FormField, root: JsonSchema): FormField[] {
  const items = field.schema.items;
  return isSchema(items) ? describeObject(items, root) : [];
}

/** The system lists a form's fields pick from, a table's columns included, in field order. */
export function choiceListsOf(fields: readonly FormField[], root: JsonSchema): ChoiceList[] {
  const lists: ChoiceList[] = [];
  const add = (list: ChoiceList | undefined) => {
    if (list && !lists.includes(list)) lists.push(list);
  };
  for (const field of fields) {
    if (field.widget === 'hidden') continue;
    add(field.hint.choices);
    if (field.schema.type === 'array') for (const item of describeItems(field, root)) add(item.hint.choices);
  }
  return lists;
}

export interface FormSection {
  /** Undefined: the ungrouped fields at the top. */
  group?: LocalizedText;
  fields: FormField[];
}

/**
 * Fields in the order the inspector shows them: ungrouped first, then each group in order of first
 * appearance; advanced fields (and hidden ones) go to `advanced`.
 */
export function layoutForm(fields: readonly FormField[]): { sections: FormSection[]; advanced: FormField[] } {
  const sections: FormSection[] = [{ fields: [] }];
  const advanced: FormField[] = [];
  for (const field of fields) {
    if (field.widget === 'hidden') continue;
    if (field.advanced) {
      advanced.push(field);
      continue;
    }
    const key = field.group?.en;
    let section = sections.find((candidate) => candidate.group?.en === key);
    if (!section) {
      section = { ...(field.group ? { group: field.group } : {}), fields: [] };
      sections.push(section);
    }
    section.fields.push(field);
  }
  return { sections: sections.filter((section) => section.fields.length > 0), advanced };
}

/** Validation issues under one field: `conditions.0.value` belongs to `conditions`. */
export interface FieldIssue {
  /** The path inside the field (`0.value`), empty for the field itself. */
  path: string;
  message: string;
}

/**
 * Groups zod issues of a whole config by top-level field, worded in `language` (parse with
 * `reportInput`: see issueWords).
 */
export function issuesByField(
  issues: readonly z.core.$ZodIssue[],
  language: TextLanguage,
): Map<string, FieldIssue[]> {
  const byField = new Map<string, FieldIssue[]>();
  for (const issue of issues) {
    const [head, ...rest] = issue.path.map(String);
    const key = head ?? '';
    const words = issueWords(issue);
    const message = language === 'nl' ? words.issueNl : words.issue;
    byField.set(key, [...(byField.get(key) ?? []), { path: rest.join('.'), message }]);
  }
  return byField;
}

/** A copy of `record` with `key` set to `value`, or without `key` when `value` is undefined. */
export function withField(
  record: Readonly<Record<string, unknown>>,
  key: string,
  value: unknown,
): Record<string, unknown> {
  const rest = Object.fromEntries(Object.entries(record).filter(([name]) => name !== key));
  return value === undefined ? rest : { ...rest, [key]: value };
}
