import { KoppelError } from '../../shared/api/errors';
import type { SettingsStore } from '../settings/settings-store';
import type { Vault } from '../vault/vault';

/**
 * Where the password came from before data folders had one each: one keychain entry for all of
 * them. Its id also names the environment variable, `KOPPEL_SECRET_EMAIL_ALERTS_PASSWORD`, which
 * stays one for every data folder on a server.
 */
const SHARED = { id: 'email-alerts', field: 'password' } as const;

/**
 * Where the password is kept and whether there is one, as the settings screen shows it;
 * `unavailable`: no keychain can be reached, so none can be kept (the rest of the form still can).
 */
export type AlertsPasswordState = 'environment' | 'stored' | 'missing' | 'unavailable';

const keychainUnavailable = (error: unknown) =>
  error instanceof KoppelError && error.code === 'keychain_unavailable';

/**
 * The e-mail alerts' password (SMTP sign-in) of one data folder: the environment's, or the
 * keychain's entry of this folder, `email-alerts/<folder id>/password`. Each folder has its own
 * entry, so a second data folder neither shows nor signs in with the first one's password.
 */
export class AlertsPassword {
  constructor(
    private readonly vault: Vault,
    private readonly settings: SettingsStore,
  ) {}

  async state(): Promise<AlertsPasswordState> {
    if (this.vault.fromEnvironment(SHARED.id, SHARED.field)) return 'environment';
    try {
      return (await this.get()) === undefined ? 'missing' : 'stored';
    } catch (error) {
      if (keychainUnavailable(error)) return 'unavailable';
      throw error;
    }
  }

  /**
   * The password to sign in to the mail server as `username`: none without a user name (a server
   * that takes mail without signing in), so such a server needs no keychain at all.
   */
  async forSignIn(username: string): Promise<string | undefined> {
    return username.trim() === '' ? undefined : this.get();
  }

  async get(): Promise<string | undefined> {
    if (this.vault.fromEnvironment(SHARED.id, SHARED.field)) return this.vault.get(SHARED.id, SHARED.field);
    const own = this.own();
    const stored = await this.vault.get(own.id, own.field);
    if (stored !== undefined) return stored;
    // Kept by a Koppel from before folders had their own entry: the first folder to look takes it.
    const shared = await this.vault.get(SHARED.id, SHARED.field);
    if (shared === undefined) return undefined;
    await this.vault.set(own.id, own.field, shared);
    await this.vault.delete(SHARED.id, SHARED.field);
    return shared;
  }

  async set(password: string): Promise<void> {
    const own = this.own();
    await this.vault.set(own.id, own.field, password);
  }

  async delete(): Promise<void> {
    const own = this.own();
    await this.vault.delete(own.id, own.field);
  }

  private own(): { id: string; field: string } {
    return { id: `${SHARED.id}/${this.settings.folderId()}`, field: SHARED.field };
  }
}
