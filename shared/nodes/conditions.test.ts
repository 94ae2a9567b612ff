import { describe, expect, it } from 'vitest';
import { Condition, describeCondition, evaluateCondition, evaluateConditions } from './conditions';

const record = { status: 'paid', total: '120.50', tags: ['vip'], email: '', lines: [{ sku: '123' }] };
const check = (condition: Condition) => evaluateCondition(record, Condition.parse(condition));

describe('conditions', () => {
  it('compares numbers numerically and text as text', () => {
    expect(check({ path: 'total', operator: 'greaterThan', value: 99 })).toBe(true);
    expect(check({ path: 'total', operator: 'lessOrEqual', value: '120.5' })).toBe(true);
    expect(check({ path: 'status', operator: 'equals', value: 'paid' })).toBe(true);
    expect(check({ path: 'missing', operator: 'greaterThan', value: 1 })).toBe(false);
  });

  it('handles lists, emptiness, existence and patterns', () => {
    expect(check({ path: 'tags', operator: 'contains', value: 'vip' })).toBe(true);
    expect(check({ path: 'status', operator: 'in', value: ['open', 'paid'] })).toBe(true);
    expect(check({ path: 'email', operator: 'isEmpty' })).toBe(true);
    expect(check({ path: 'lines.0.sku', operator: 'matches', value: '^\\d+$' })).toBe(true);
    expect(check({ path: 'nope', operator: 'notExists' })).toBe(true);
  });

  it('combines with all or any', () => {
    const conditions = [
      Condition.parse({ path: 'status', operator: 'equals', value: 'paid' }),
      Condition.parse({ path: 'status', operator: 'equals', value: 'open' }),
    ];
    expect(evaluateConditions(record, 'all', conditions)).toBe(false);
    expect(evaluateConditions(record, 'any', conditions)).toBe(true);
  });

  it('rejects a condition without its value or with a bad pattern', () => {
    expect(Condition.safeParse({ path: 'a', operator: 'equals' }).error?.issues[0]?.message).toBe(
      '"equals" needs a value.',
    );
    expect(Condition.safeParse({ path: 'a', operator: 'matches', value: '(' }).success).toBe(false);
    expect(describeCondition(Condition.parse({ path: 'a', operator: 'equals', value: 1 }))).toBe(
      'a equals 1',
    );
  });
});
