import type { NodeModule } from '../engine/executor';
import { mplusNodeModules } from './mplus';
import { rulesNodeModules } from './steps';
import { teamleaderNodeModules } from './teamleader';

/** Executors of the Teamleader ⇄ MplusKASSA catalogue (sources, composite steps, rules, targets). */
export const integrationNodeModules: readonly NodeModule[] = [
  ...mplusNodeModules,
  ...teamleaderNodeModules,
  ...rulesNodeModules,
];
