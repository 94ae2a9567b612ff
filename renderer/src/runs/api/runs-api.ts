import type { z } from 'zod';
import type { runsCalls } from '../../../../shared/api/calls/runs';
import { api } from '../../api/api';

type RunsCalls = typeof runsCalls;
type Verb<K> = K extends `runs.${infer V}` ? V : never;

/** The `runs.*` calls as the run stores use them (a fake stands in for it in unit tests). */
export type RunsApi = {
  [K in keyof RunsCalls as Verb<K>]: (
    input: z.input<RunsCalls[K]['input']>,
  ) => Promise<z.output<RunsCalls[K]['output']>>;
};

/** The app's connection. */
export const liveRunsApi = (): RunsApi => api().runs;
