import { nodeCatalog as sharedCatalog } from '../../shared/nodes/all-nodes';
import { NodeCatalog } from '../../shared/nodes/catalog';
import { kindRef } from '../../shared/nodes/node-definition';
import type { NodeExecutor, NodeModule } from '../engine/executor';

/**
 * Maps `kind@version` to exactly one executor. Built from node modules (definition + executor);
 * its catalogue is what validation and `catalog.list` read, so a kind without an executor cannot
 * appear in it.
 */
export class NodeRegistry {
  private readonly modules = new Map<string, NodeModule>();
  readonly catalog: NodeCatalog;

  constructor(modules: readonly NodeModule[]) {
    for (const module of modules) {
      const ref = kindRef(module.definition.kind, module.definition.version);
      if (this.modules.has(ref)) throw new Error(`Two executors for ${ref}.`);
      this.modules.set(ref, module);
    }
    this.catalog = new NodeCatalog(
      modules.map((module) => module.definition),
      sharedCatalog.recordTypes(),
    );
  }

  get(kind: string, version: number): NodeModule | undefined {
    return this.modules.get(kindRef(kind, version));
  }

  /** Runs every executor's one-time `warmUp` (a function shared by several kinds once). */
  async warmUp(): Promise<void> {
    const steps = new Map<() => Promise<void>, NodeExecutor<unknown>>();
    for (const { executor } of this.modules.values()) {
      if (executor.warmUp && !steps.has(executor.warmUp)) steps.set(executor.warmUp, executor);
    }
    await Promise.all([...steps].map(([step, executor]) => step.call(executor)));
  }

  /** A registry with more modules (tests add their own kinds). */
  with(extra: readonly NodeModule[]): NodeRegistry {
    return new NodeRegistry([...this.modules.values(), ...extra]);
  }
}
