import { z } from 'zod';
import { ConnectionKind, LocalizedText } from './node-definition';

/**
 * How the inspector renders a config field. Without a widget the renderer picks one from the
 * field's type (string → text, number → number, boolean → switch, enum → select).
 *
 * - `connection`: a connection picker for `connectionKind`.
 * - `mapping`: the drag-and-drop field mapper (core.transform.map's `fields`).
 * - `code`: the code editor; `language` says which.
 * - `lookupTable`: a two-column key → value table.
 * - `select`: a drop-down over `options` (for enums the options give the labels).
 * - `fieldPath`: a record field, picked from the upstream sample (`fieldSource: 'input'`) or from
 *   the downstream target's schema (`fieldSource: 'output'`).
 * - `conditions` / `rules`: the filter/branch condition list and the validate rule list.
 * - `keyValue`: a list of path → value pairs (defaults).
 * - `json`: free JSON (a constant value).
 * - `cron`: a cron expression with a preview of the next times.
 */
export const UiWidget = z.enum([
  'text',
  'textarea',
  'number',
  'switch',
  'select',
  'date',
  'dateTime',
  'connection',
  'mapping',
  'code',
  'lookupTable',
  'fieldPath',
  'conditions',
  'rules',
  'keyValue',
  'json',
  'cron',
  'hidden',
]);
export type UiWidget = z.infer<typeof UiWidget>;

/**
 * The list of a connected system a field's value comes from, so the inspector can offer the
 * account's own entries (read through the flow's connection) instead of a bare number or name.
 * `targetTax` and `revenueAccount` depend on the flow's target system: Teamleader's tax rates (of
 * the target's department) or MplusKASSA's VAT codes; Teamleader's product categories or
 * MplusKASSA's turnover groups. The payment and delivery methods follow the flow's source
 * (`source…`) or its target (`target…`); Teamleader has no delivery methods (typed there).
 */
export const ChoiceList = z.enum([
  'teamleader.departments',
  'teamleader.categories',
  'mplus.employees',
  'mplus.branches',
  'mplus.vatCodes',
  'mplus.turnoverGroups',
  'mplus.paymentMethods',
  'mplus.deliveryMethods',
  'targetTax',
  'revenueAccount',
  'sourcePaymentMethod',
  'targetPaymentMethod',
  'sourceDeliveryMethod',
  'targetDeliveryMethod',
  /** The statuses the flow's source gives its documents (a fixed list per system, not read). */
  'sourceStatus',
  /** Koppel's own status words (draft, open, paid, cancelled). */
  'koppelStatus',
]);
export type ChoiceList = z.infer<typeof ChoiceList>;

export const UiOption = z.object({ value: z.union([z.string(), z.number()]), label: LocalizedText });
export type UiOption = z.infer<typeof UiOption>;

/** The `ui` entry of a config field's metadata (and of its JSON Schema). */
export const UiHint = z
  .object({
    widget: UiWidget.optional(),
    options: z.array(UiOption).optional(),
    /** The system list the value is picked from (see {@link ChoiceList}). */
    choices: ChoiceList.optional(),
    connectionKind: ConnectionKind.optional(),
    language: z.enum(['javascript']).optional(),
    fieldSource: z.enum(['input', 'output']).optional(),
    placeholder: LocalizedText.optional(),
    /** Unit shown after a number, e.g. ms. */
    unit: z.string().optional(),
    /** Fields sharing a group are shown together under that heading. */
    group: LocalizedText.optional(),
    /** Shown under "Advanced" (collapsed). */
    advanced: z.boolean().optional(),
    /** What one row of a list is called on its card ("Condition 2"); without it, "Row 2". */
    itemTitle: LocalizedText.optional(),
    /**
     * Shown only while a sibling field (same object or row) holds one of these values: a
     * condition's value is not asked for "is empty", a payment term's days not for cash.
     */
    shownWhen: z
      .object({ field: z.string(), oneOf: z.array(z.union([z.string(), z.number()])).min(1) })
      .strict()
      .optional(),
    /** The Dutch title and description (the English ones are the standard `title`/`description`). */
    nl: z.object({ title: z.string(), description: z.string().optional() }).optional(),
  })
  .strict();
export type UiHint = z.infer<typeof UiHint>;

/** What a definition writes for one config field. */
export interface FieldDoc extends Omit<UiHint, 'nl'> {
  title: LocalizedText;
  description?: LocalizedText;
}

/**
 * Attaches a title, description and rendering hint to a config field:
 * `field(z.string(), { title: { en: 'Path', nl: 'Pad' }, widget: 'fieldPath', fieldSource: 'input' })`.
 * The English texts become the standard `title`/`description`; the Dutch ones go under `ui.nl`.
 */
export function field<T extends z.ZodType>(schema: T, doc: FieldDoc): T {
  const { title, description, ...hint } = doc;
  const ui: UiHint = {
    ...hint,
    nl: { title: title.nl, ...(description ? { description: description.nl } : {}) },
  };
  return schema.meta({ title: title.en, ...(description ? { description: description.en } : {}), ui });
}

/** Reads the hint of a config field (a schema passed through {@link field}), or undefined. */
export function uiHintOf(schema: z.ZodType): UiHint | undefined {
  const meta = z.globalRegistry.get(schema);
  const parsed = UiHint.safeParse(meta?.ui);
  return parsed.success ? parsed.data : undefined;
}
