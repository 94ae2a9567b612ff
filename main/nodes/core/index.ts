import type { NodeModule } from '../../engine/executor';
import { codeModule } from './code';
import { branchModule, filterModule } from './conditions';
import { defaultsModule } from './defaults';
import { lookupModule } from './lookup';
import { mapModule } from './map';
import { manualTriggerModule, scheduleTriggerModule } from './triggers';
import { validateModule } from './validate';

export { lookupValue } from './lookup-table';

/** Executors of the generic node kinds. */
export const coreNodeModules: readonly NodeModule[] = [
  manualTriggerModule,
  scheduleTriggerModule,
  mapModule,
  lookupModule,
  defaultsModule,
  filterModule,
  branchModule,
  codeModule,
  validateModule,
];
