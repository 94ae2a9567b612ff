import { z } from 'zod';
import { defineNode } from '../node-definition';
import { TriggerRecord } from '../record-types';

const triggerOut = [{ id: 'out', label: { en: 'Start', nl: 'Start' }, recordType: 'trigger' }] as const;

/** Starts a run when someone presses Run (or `koppel run`). */
export const manualTrigger = defineNode({
  kind: 'core.trigger.manual',
  version: 1,
  label: { en: 'Run by hand', nl: 'Handmatig starten' },
  description: {
    en: 'Starts the flow when you press Run, or from the command line.',
    nl: 'Start de flow wanneer u op Starten drukt, of vanaf de opdrachtregel.',
  },
  category: 'trigger',
  system: 'core',
  icon: 'play',
  inputs: [],
  outputs: triggerOut,
  config: z.object({}).strict(),
  defaultConfig: {},
  connection: 'none',
  output: TriggerRecord,
});

/**
 * Starts a run on the flow's schedule. The schedule itself (interval or cron, time zone) is part of
 * the flow document (`flow.schedule`), so the inspector shows the flow's schedule for this node.
 */
export const scheduleTrigger = defineNode({
  kind: 'core.trigger.schedule',
  version: 1,
  label: { en: 'On a schedule', nl: 'Volgens schema' },
  description: {
    en: "Starts the flow on the flow's schedule: every N minutes or a cron expression.",
    nl: 'Start de flow volgens het schema van de flow: elke N minuten of een cron-expressie.',
  },
  category: 'trigger',
  system: 'core',
  icon: 'clock',
  inputs: [],
  outputs: triggerOut,
  config: z.object({}).strict(),
  defaultConfig: {},
  connection: 'none',
  output: TriggerRecord,
});
