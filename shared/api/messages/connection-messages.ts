import type { Wording } from '../../flow/wording';

/** What calls about connections (main/connections), the keychain (main/vault) and settings (main/settings) answer when they fail, in English and Dutch. */
export const connectionMessages = {} satisfies Record<string, Wording<never>>;
