import { describe, expect, it } from 'vitest';
import { edge, node, testCatalog } from '../model/test-helpers';
import { nextStep } from './next-step';

describe('next step hint', () => {
  it('walks a new user through trigger, source, target and connections', () => {
    const trigger = node('t', 'core.trigger.manual');
    const source = node('s', 'test.source.memory');
    const target = node('o', 'test.target.memory');
    expect(nextStep([], [], testCatalog)).toBeNull();
    expect(nextStep([source], [], testCatalog)).toBe('addTrigger');
    expect(nextStep([trigger], [], testCatalog)).toBe('addSource');
    expect(nextStep([trigger, source], [], testCatalog)).toBe('addTarget');
    expect(nextStep([trigger, source, target], [edge('t', 's')], testCatalog)).toBe('connect');
    expect(nextStep([trigger, source, target], [edge('t', 's'), edge('s', 'o')], testCatalog)).toBeNull();
  });
});
