import type { Wording } from '../../flow/wording';

/** What calls about the setup wizard (main/wizard, main/services/wizard-service.ts) answer when they fail, in English and Dutch. */
export const wizardMessages = {} satisfies Record<string, Wording<never>>;
