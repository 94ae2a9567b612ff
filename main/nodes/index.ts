import type { NodeModule } from '../engine/executor';
import { coreNodeModules } from './core';
import { integrationNodeModules } from './integration-modules';
import { NodeRegistry } from './registry';
import { memorySourceModule, memoryTargetModule } from './testing/memory-nodes';

export { NodeRegistry } from './registry';
export { coreNodeModules } from './core';

/**
 * Every node kind with its executor. System node kinds (Teamleader, MplusKASSA) add their modules
 * here, next to their definitions in shared/nodes/all-nodes.ts.
 */
export const builtInNodeModules: readonly NodeModule[] = [
  ...coreNodeModules,
  ...integrationNodeModules,
  memorySourceModule,
  memoryTargetModule,
];

/** The registry the app uses; tests pass extra modules. */
export function createNodeRegistry(extra: readonly NodeModule[] = []): NodeRegistry {
  return new NodeRegistry([...builtInNodeModules, ...extra]);
}
