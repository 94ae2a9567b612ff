import { describe, expect, it } from 'vitest';
import { nodeCatalog, nodeDefinitions } from '../../shared/nodes/all-nodes';
import { kindRef } from '../../shared/nodes/node-definition';
import { builtInNodeModules, createNodeRegistry } from './index';
import { NodeRegistry } from './registry';

describe('NodeRegistry', () => {
  it('has exactly one executor for every kind@version of the catalogue, and no others', () => {
    const registry = createNodeRegistry();
    const missing = nodeDefinitions.filter(
      (definition) => !registry.get(definition.kind, definition.version),
    );
    expect(missing.map((definition) => kindRef(definition.kind, definition.version))).toEqual([]);
    const extra = builtInNodeModules.filter(
      (module) => !nodeCatalog.get(module.definition.kind, module.definition.version),
    );
    expect(extra.map((module) => kindRef(module.definition.kind, module.definition.version))).toEqual([]);
    expect(registry.catalog.list({ includeHidden: true })).toHaveLength(nodeDefinitions.length);
  });

  it('maps each executor to the category of its definition', () => {
    for (const module of builtInNodeModules)
      expect(module.executor.category).toBe(module.definition.category);
  });

  it("warms up each executor's warmUp once, on its executor, even when kinds share it", async () => {
    const [first, second, third] = builtInNodeModules;
    if (!first || !second || !third) throw new Error('no modules');
    const calls: unknown[] = [];
    async function shared(this: unknown): Promise<void> {
      calls.push(this);
    }
    const own = { ...third.executor, warmUp: async () => void calls.push('own') };
    const sharedByFirst = { ...first.executor, warmUp: shared };
    const registry = new NodeRegistry([
      { definition: first.definition, executor: sharedByFirst },
      { definition: second.definition, executor: { ...second.executor, warmUp: shared } },
      { definition: third.definition, executor: own },
    ]);
    await registry.warmUp();
    expect(calls).toHaveLength(2);
    expect(calls).toContain('own');
    expect(calls).toContain(sharedByFirst);
  });

  it('refuses two executors for one kind@version', () => {
    const [first] = builtInNodeModules;
    if (!first) throw new Error('no modules');
    expect(() => new NodeRegistry([first, first])).toThrow(/Two executors for/);
  });
});
