import type { ConditionOperator } from '../../nodes/conditions';
import type { TextLanguage } from '../wording';

/**
 * How the filter and branch nodes' operators read: in the inspector's drop-down, in a skip reason
 * ("email contains …") and in a check's message ("“is one of” needs a list of values").
 */
export const operatorWords: Record<ConditionOperator, Record<TextLanguage, string>> = {
  equals: { en: 'equals', nl: 'is gelijk aan' },
  notEquals: { en: 'does not equal', nl: 'is niet gelijk aan' },
  greaterThan: { en: 'is greater than', nl: 'is groter dan' },
  greaterOrEqual: { en: 'is at least', nl: 'is minstens' },
  lessThan: { en: 'is less than', nl: 'is kleiner dan' },
  lessOrEqual: { en: 'is at most', nl: 'is hoogstens' },
  contains: { en: 'contains', nl: 'bevat' },
  notContains: { en: 'does not contain', nl: 'bevat niet' },
  startsWith: { en: 'starts with', nl: 'begint met' },
  endsWith: { en: 'ends with', nl: 'eindigt op' },
  exists: { en: 'exists', nl: 'bestaat' },
  notExists: { en: 'does not exist', nl: 'bestaat niet' },
  isEmpty: { en: 'is empty', nl: 'is leeg' },
  isNotEmpty: { en: 'is not empty', nl: 'is niet leeg' },
  in: { en: 'is one of', nl: 'is een van' },
  notIn: { en: 'is none of', nl: 'is geen van' },
  matches: { en: 'matches the pattern', nl: 'past op het patroon' },
};

/** An operator in `language`; a stored one this version does not know reads as itself. */
export function operatorWord(operator: string, language: TextLanguage): string {
  return Object.hasOwn(operatorWords, operator)
    ? operatorWords[operator as ConditionOperator][language]
    : operator;
}
