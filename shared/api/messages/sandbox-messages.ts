import type { Wording } from '../../flow/wording';

/** What calls about the sandbox (main/sandbox) answer when they fail, in English and Dutch. */
export const sandboxMessages = {} satisfies Record<string, Wording<never>>;
