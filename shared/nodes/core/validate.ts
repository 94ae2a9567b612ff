import { z } from 'zod';
import { defineNode, ports } from '../node-definition';
import { field } from '../ui-hints';
import { schemaIssue, schemaMessage } from '../../flow/schema-message';

/** What a validation rule checks. `numeric` = digits only (MplusKASSA article numbers). */
export const ValidationRuleKind = z.enum([
  'required',
  'numeric',
  'integer',
  'number',
  'email',
  'regex',
  'minLength',
  'maxLength',
  'oneOf',
]);
export type ValidationRuleKind = z.infer<typeof ValidationRuleKind>;

/** The rules that read the rule's value; the others have none to ask for. */
const RULES_WITH_A_VALUE: ValidationRuleKind[] = ['regex', 'minLength', 'maxLength', 'oneOf'];

export const ValidationRule = z
  .object({
    path: field(z.string().min(1, schemaMessage('chooseField')), { title: { en: 'Field', nl: 'Veld' } }),
    rule: field(ValidationRuleKind, {
      title: { en: 'Rule', nl: 'Regel' },
      widget: 'select',
      options: [
        { value: 'required', label: { en: 'Required', nl: 'Verplicht' } },
        { value: 'numeric', label: { en: 'Digits only', nl: 'Alleen cijfers' } },
        { value: 'integer', label: { en: 'Whole number', nl: 'Geheel getal' } },
        { value: 'number', label: { en: 'Number', nl: 'Getal' } },
        { value: 'email', label: { en: 'E-mail address', nl: 'E-mailadres' } },
        { value: 'regex', label: { en: 'Matches the pattern (value)', nl: 'Past op het patroon (waarde)' } },
        { value: 'minLength', label: { en: 'At least (value) characters', nl: 'Minstens (waarde) tekens' } },
        { value: 'maxLength', label: { en: 'At most (value) characters', nl: 'Hoogstens (waarde) tekens' } },
        { value: 'oneOf', label: { en: 'One of the values (a list)', nl: 'Een van de waarden (een lijst)' } },
      ] satisfies { value: ValidationRuleKind; label: { en: string; nl: string } }[],
    }),
    /** The pattern (regex), the length (min/maxLength) or the allowed values (oneOf). */
    value: field(z.json().optional(), {
      title: { en: 'Value', nl: 'Waarde' },
      shownWhen: { field: 'rule', oneOf: RULES_WITH_A_VALUE },
    }),
    /** Replaces the standard message; `{field}` and `{value}` are filled in. */
    message: field(z.string().optional(), { title: { en: 'Message', nl: 'Melding' } }),
  })
  .superRefine((rule, ctx) => {
    const needs = (ok: boolean, issue: ReturnType<typeof schemaIssue>) => {
      if (!ok) ctx.addIssue({ code: 'custom', path: ['value'], ...issue });
    };
    if (rule.rule === 'regex') {
      needs(typeof rule.value === 'string', schemaIssue('regexNeedsPattern'));
      if (typeof rule.value === 'string') {
        try {
          new RegExp(rule.value);
        } catch (error) {
          needs(false, schemaIssue('invalidPattern', { error: String(error) }));
        }
      }
    }
    if (rule.rule === 'minLength' || rule.rule === 'maxLength') {
      needs(
        typeof rule.value === 'number' && Number.isInteger(rule.value) && rule.value >= 0,
        schemaIssue('lengthNeeded'),
      );
    }
    if (rule.rule === 'oneOf')
      needs(Array.isArray(rule.value) && rule.value.length > 0, schemaIssue('listAllowedValues'));
  });
export type ValidationRule = z.infer<typeof ValidationRule>;

export const ValidateConfig = z.object({
  rules: field(z.array(ValidationRule).min(1, schemaMessage('atLeastOneRule')), {
    title: { en: 'Rules', nl: 'Regels' },
    widget: 'rules',
    itemTitle: { en: 'Rule', nl: 'Regel' },
  }),
});
export type ValidateConfig = z.infer<typeof ValidateConfig>;

/** Fails records that break a rule, naming the field and the value. */
export const validateTransform = defineNode({
  kind: 'core.transform.validate',
  version: 1,
  label: { en: 'Validate', nl: 'Controleren' },
  description: {
    en: 'Checks fields (required, digits only, pattern, length); a record that breaks a rule fails with the field named.',
    nl: 'Controleert velden (verplicht, alleen cijfers, patroon, lengte); een record dat een regel breekt mislukt met het veld erbij.',
  },
  category: 'transform',
  system: 'core',
  icon: 'shield-check',
  inputs: [ports.in()],
  outputs: [ports.out('$input')],
  config: ValidateConfig,
  defaultConfig: { rules: [] },
  connection: 'none',
  output: z.record(z.string(), z.unknown()),
});
