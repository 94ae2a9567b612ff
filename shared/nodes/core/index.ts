import type { AnyNodeDefinition } from '../node-definition';
import { codeTransform } from './code';
import { defaultsTransform } from './defaults';
import { branchTransform, filterTransform } from './filter';
import { lookupTransform } from './lookup';
import { mapTransform } from './map';
import { manualTrigger, scheduleTrigger } from './triggers';
import { validateTransform } from './validate';

export * from './code';
export * from './defaults';
export * from './filter';
export * from './lookup';
export * from './map';
export * from './triggers';
export * from './validate';

/** The generic node kinds, talking to no system. */
export const coreNodeDefinitions: readonly AnyNodeDefinition[] = [
  manualTrigger,
  scheduleTrigger,
  mapTransform,
  lookupTransform,
  defaultsTransform,
  filterTransform,
  branchTransform,
  codeTransform,
  validateTransform,
];
