import { manualTrigger, scheduleTrigger } from '../../../shared/nodes/core/triggers';
import { defineExecutor } from '../../engine/executor';

/** Both triggers start the run with the trigger record itself. */
export const manualTriggerModule = defineExecutor(manualTrigger, {
  category: 'trigger',
  fire: (_ctx, trigger) => ({ ...trigger }),
});

export const scheduleTriggerModule = defineExecutor(scheduleTrigger, {
  category: 'trigger',
  fire: (_ctx, trigger) => ({ ...trigger }),
});
