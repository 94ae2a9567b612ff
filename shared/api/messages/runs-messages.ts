import type { Wording } from '../../flow/wording';

/** What calls about runs and records (main/services/runs-service.ts) answer when they fail, in English and Dutch. */
export const runsMessages = {} satisfies Record<string, Wording<never>>;
