import { z } from 'zod';
import { JsonValue } from '../flow/json';
import { getPath } from '../flow/record-path';
import { field } from './ui-hints';
import { schemaIssue, schemaMessage } from '../flow/schema-message';
import { operatorWords } from '../flow/messages/operator-words';

/** Comparison operators of the filter and branch nodes. */
export const ConditionOperator = z.enum([
  'equals',
  'notEquals',
  'greaterThan',
  'greaterOrEqual',
  'lessThan',
  'lessOrEqual',
  'contains',
  'notContains',
  'startsWith',
  'endsWith',
  'exists',
  'notExists',
  'isEmpty',
  'isNotEmpty',
  'in',
  'notIn',
  'matches',
]);
export type ConditionOperator = z.infer<typeof ConditionOperator>;

/** Operators that take no value. */
export const unaryOperators: ReadonlySet<ConditionOperator> = new Set([
  'exists',
  'notExists',
  'isEmpty',
  'isNotEmpty',
]);

export const Condition = z
  .object({
    path: field(z.string().min(1, schemaMessage('chooseField')), {
      title: { en: 'Field', nl: 'Veld' },
      widget: 'fieldPath',
      fieldSource: 'input',
    }),
    operator: field(ConditionOperator, {
      title: { en: 'Operator', nl: 'Operator' },
      widget: 'select',
      options: ConditionOperator.options.map((value) => ({ value, label: operatorWords[value] })),
    }),
    value: field(JsonValue.optional(), {
      title: { en: 'Value', nl: 'Waarde' },
      widget: 'json',
      shownWhen: {
        field: 'operator',
        oneOf: ConditionOperator.options.filter((operator) => !unaryOperators.has(operator)),
      },
    }),
  })
  .superRefine((condition, ctx) => {
    if (unaryOperators.has(condition.operator)) return;
    if (condition.value === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        ...schemaIssue('operatorNeedsValue', { operator: condition.operator }),
      });
    } else if (
      (condition.operator === 'in' || condition.operator === 'notIn') &&
      !Array.isArray(condition.value)
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        ...schemaIssue('operatorNeedsList', { operator: condition.operator }),
      });
    } else if (condition.operator === 'matches') {
      if (typeof condition.value !== 'string') {
        ctx.addIssue({ code: 'custom', path: ['value'], ...schemaIssue('matchesNeedsPattern') });
        return;
      }
      try {
        new RegExp(condition.value);
      } catch (error) {
        ctx.addIssue({
          code: 'custom',
          path: ['value'],
          ...schemaIssue('invalidPattern', { error: String(error) }),
        });
      }
    }
  });
export type Condition = z.infer<typeof Condition>;

export const MatchMode = z.enum(['all', 'any']);

/** "All conditions" / "any condition", as a form field (the filter node's and a source's filters). */
export const matchModeField = field(MatchMode.default('all'), {
  title: { en: 'Pass when', nl: 'Doorlaten als' },
  widget: 'select',
  options: [
    { value: 'all', label: { en: 'All conditions', nl: 'Alle voorwaarden' } },
    { value: 'any', label: { en: 'Any condition', nl: 'Minstens één voorwaarde' } },
  ],
});

/** The conditions' title in a form. */
export const CONDITIONS_TITLE = { en: 'Conditions', nl: 'Voorwaarden' };
/** One of them, on its card: "Condition 2". */
export const CONDITION_TITLE = { en: 'Condition', nl: 'Voorwaarde' };
export type MatchMode = z.infer<typeof MatchMode>;

function isEmptyValue(value: JsonValue | undefined): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

function asNumber(value: JsonValue | undefined): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  return undefined;
}

/** Orders two values: numerically when both are numbers (or numeric strings), else as text. */
function compare(left: JsonValue | undefined, right: JsonValue | undefined): number | undefined {
  if (left === undefined || left === null || right === undefined || right === null) return undefined;
  const a = asNumber(left);
  const b = asNumber(right);
  if (a !== undefined && b !== undefined) return a - b;
  return String(left).localeCompare(String(right));
}

function same(left: JsonValue | undefined, right: JsonValue | undefined): boolean {
  const order = compare(left, right);
  if (order !== undefined && typeof left !== 'object' && typeof right !== 'object') return order === 0;
  return JSON.stringify(left) === JSON.stringify(right);
}

const regexCache = new Map<string, RegExp>();

/** Whether `record` satisfies one condition. */
export function evaluateCondition(record: JsonValue, condition: Condition): boolean {
  const actual = getPath(record, condition.path);
  const expected = condition.value;
  switch (condition.operator) {
    case 'equals':
      return same(actual, expected);
    case 'notEquals':
      return !same(actual, expected);
    case 'greaterThan':
      return (compare(actual, expected) ?? 0) > 0;
    case 'greaterOrEqual': {
      const order = compare(actual, expected);
      return order !== undefined && order >= 0;
    }
    case 'lessThan':
      return (compare(actual, expected) ?? 0) < 0;
    case 'lessOrEqual': {
      const order = compare(actual, expected);
      return order !== undefined && order <= 0;
    }
    case 'contains':
      return Array.isArray(actual)
        ? actual.some((entry) => same(entry, expected))
        : typeof actual === 'string' && actual.includes(String(expected));
    case 'notContains':
      return !evaluateCondition(record, { ...condition, operator: 'contains' });
    case 'startsWith':
      return typeof actual === 'string' && actual.startsWith(String(expected));
    case 'endsWith':
      return typeof actual === 'string' && actual.endsWith(String(expected));
    case 'exists':
      return actual !== undefined;
    case 'notExists':
      return actual === undefined;
    case 'isEmpty':
      return isEmptyValue(actual);
    case 'isNotEmpty':
      return !isEmptyValue(actual);
    case 'in':
      return Array.isArray(expected) && expected.some((entry) => same(actual, entry));
    case 'notIn':
      return !(Array.isArray(expected) && expected.some((entry) => same(actual, entry)));
    case 'matches': {
      if (typeof actual !== 'string' && typeof actual !== 'number') return false;
      const source = String(expected);
      let regex = regexCache.get(source);
      if (!regex) {
        regex = new RegExp(source);
        regexCache.set(source, regex);
      }
      return regex.test(String(actual));
    }
  }
}

/** Whether `record` satisfies all (or any) of the conditions; an empty list is satisfied. */
export function evaluateConditions(
  record: JsonValue,
  match: MatchMode,
  conditions: readonly Condition[],
): boolean {
  if (conditions.length === 0) return true;
  return match === 'all'
    ? conditions.every((condition) => evaluateCondition(record, condition))
    : conditions.some((condition) => evaluateCondition(record, condition));
}

/** A short English sentence for logs and skip reasons: `status equals "paid"`. */
export function describeCondition(condition: Condition): string {
  return unaryOperators.has(condition.operator)
    ? `${condition.path} ${condition.operator}`
    : `${condition.path} ${condition.operator} ${JSON.stringify(condition.value)}`;
}
