import type { FieldIssue, FormField, JsonSchema } from './form-model';

/** What every inspector widget gets. `onChange(undefined)` removes the key from the config. */
export interface WidgetProps {
  field: FormField;
  value: unknown;
  onChange(value: unknown): void;
  /** The element id the field's label points at. */
  inputId: string;
  issues: readonly FieldIssue[];
  /** The whole config schema, for `$ref`s and list items. */
  root: JsonSchema;
  /** Whether the field's own value is invalid (for aria-invalid). */
  invalid: boolean;
  /** Set where no visible label points at the input (list rows). */
  ariaLabel?: string;
}
