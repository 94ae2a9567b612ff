import { AsyncEntry, type EntryOptions } from '@napi-rs/keyring';
import { apiMessage, englishApiMessage } from '../../shared/api/api-messages';
import { KoppelError } from '../../shared/api/errors';

/** The service name every Koppel secret is filed under in the OS keychain. */
export const KEYCHAIN_SERVICE = 'Koppel';

/** The OS keychain as the vault uses it: one password per account name under one service. */
export interface Keychain {
  get(account: string): Promise<string | null>;
  set(account: string, value: string): Promise<void>;
  /** True when something was deleted. */
  delete(account: string): Promise<boolean>;
}

// On Linux the library silently falls back to the kernel keyring, which forgets everything at reboot:
// pin the Secret Service so a missing keyring is an error the user sees, never a quiet data loss.
const entryOptions: EntryOptions = { linux: { store: 'secret-service' } };

/** What the user can do about an unreachable keychain on this platform, in English (the `keychainHint` code). */
export function keychainHint(platform: NodeJS.Platform = process.platform): string {
  return englishApiMessage(apiMessage('keychainHint', { platform }));
}

/** The one error for every keychain failure: the library's own words plus what to do on `platform`. */
export function keychainUnavailable(
  cause: unknown,
  platform: NodeJS.Platform = process.platform,
): KoppelError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new KoppelError('keychain_unavailable', apiMessage('keychainUnavailable', { reason, platform }), {
    reason,
    hint: keychainHint(platform),
  });
}

/** The real OS keychain through @napi-rs/keyring (macOS Keychain, Windows Credential Manager, libsecret). */
export function createOsKeychain(service: string = KEYCHAIN_SERVICE): Keychain {
  const entry = (account: string) => guard(() => new AsyncEntry(service, account, entryOptions));
  return {
    get: (account) => guardAsync(() => entry(account).getPassword()),
    set: (account, value) => guardAsync(() => entry(account).setPassword(value)),
    delete: (account) => guardAsync(() => entry(account).deleteCredential()),
  };
}

function guard<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw keychainUnavailable(error);
  }
}

async function guardAsync<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof KoppelError) throw error;
    throw keychainUnavailable(error);
  }
}
