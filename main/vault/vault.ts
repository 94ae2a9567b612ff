import { randomBytes } from 'node:crypto';
import { apiMessage, englishApiMessage } from '../../shared/api/api-messages';
import { KoppelError } from '../../shared/api/errors';
import type { CodedText } from '../../shared/flow/wording';
import type { Logger } from '../app/logger';
import { silentLogger } from '../app/logger';
import { envSecret, envSecretName } from './env-secrets';
import { createOsKeychain, keychainHint, type Keychain } from './keychain';

/** Where a secret the vault returned came from. */
export type SecretSource = 'keychain' | 'environment' | 'memory';

/**
 * The answer of {@link Vault.status}: whether secrets can be stored, and if not, why and what to do
 * (each also as a code, for the UI's language).
 */
export type KeychainStatus =
  | { available: true }
  | { available: false; message: string; hint: string; text?: CodedText; hintText: CodedText };

/** What to do about an unreachable keychain on this platform, in English and as a code. */
function hint(): { hint: string; hintText: CodedText } {
  return { hint: keychainHint(), hintText: apiMessage('keychainHint', { platform: process.platform }) };
}

export interface VaultOptions {
  /** The OS keychain under service "Koppel" unless given (tests pass their own service name). */
  keychain?: Keychain;
  /** Read-only `KOPPEL_SECRET_*` variables; `process.env` unless given. */
  env?: NodeJS.ProcessEnv;
  logger?: Logger;
}

/**
 * Secrets of connections: the OS keychain (one entry per connection and field), or, on a headless
 * server, read-only environment variables. Nothing is ever written anywhere weaker: without a
 * keychain, storing fails with `keychain_unavailable`.
 */
export class Vault {
  private readonly keychain: Keychain;
  private readonly env: NodeJS.ProcessEnv;
  private readonly logger: Logger;
  /** Rotated values of environment-supplied secrets (a Teamleader refresh token), for this process only. */
  private readonly rotated = new Map<string, string>();

  constructor(options: VaultOptions = {}) {
    this.keychain = options.keychain ?? createOsKeychain();
    this.env = options.env ?? process.env;
    this.logger = options.logger ?? silentLogger;
  }

  /** Throws `keychain_unavailable` (with what to do) unless the keychain round-trips a secret. */
  async requireKeychain(): Promise<void> {
    const status = await this.status();
    if (!status.available)
      throw new KoppelError('keychain_unavailable', status.message, { hint: status.hint }, status.text);
  }

  /** Round-trips a random probe secret through the keychain: write, read back, delete. */
  async status(): Promise<KeychainStatus> {
    const account = `__probe__/${randomBytes(6).toString('hex')}`;
    const value = randomBytes(16).toString('hex');
    try {
      await this.keychain.set(account, value);
      const read = await this.keychain.get(account);
      await this.keychain.delete(account);
      if (read !== value) {
        const text = apiMessage('keychainNotReturned');
        return { available: false, message: englishApiMessage(text), text, ...hint() };
      }
      return { available: true };
    } catch (error) {
      if (error instanceof KoppelError && error.code === 'keychain_unavailable') {
        const { message, text } = error;
        return { available: false, message, ...(text ? { text } : {}), ...hint() };
      }
      throw error;
    }
  }

  /** The secret, or undefined when none is stored. Environment variables win over the keychain. */
  async get(connectionId: string, field: string): Promise<string | undefined> {
    return (await this.read(connectionId, field))?.value;
  }

  /** The secret and where it came from. */
  async read(
    connectionId: string,
    field: string,
  ): Promise<{ value: string; source: SecretSource } | undefined> {
    const rotated = this.rotated.get(accountName(connectionId, field));
    if (rotated !== undefined) return { value: rotated, source: 'memory' };
    const fromEnv = envSecret(this.env, connectionId, field);
    if (fromEnv !== undefined) return { value: fromEnv, source: 'environment' };
    const stored = await this.keychain.get(accountName(connectionId, field));
    return stored === null ? undefined : { value: stored, source: 'keychain' };
  }

  /** True when the field is supplied by a `KOPPEL_SECRET_*` variable (and so cannot be changed here). */
  fromEnvironment(connectionId: string, field: string): boolean {
    return envSecret(this.env, connectionId, field) !== undefined;
  }

  /**
   * Stores a secret in the keychain. A field supplied by the environment is read-only; a new value
   * for it (a rotated refresh token) is kept in this process's memory only and never written out.
   */
  async set(connectionId: string, field: string, value: string): Promise<void> {
    if (this.fromEnvironment(connectionId, field)) {
      this.remember(connectionId, field, value);
      this.logger.warn('A secret from the environment changed; the new value is kept in memory only', {
        variable: envSecretName(connectionId, field),
      });
      return;
    }
    await this.keychain.set(accountName(connectionId, field), value);
  }

  /**
   * Keeps a value for this process only, never written anywhere: the rotated tokens of a connection
   * whose credentials come from environment variables. It wins over the environment and the keychain.
   */
  remember(connectionId: string, field: string, value: string): void {
    this.rotated.set(accountName(connectionId, field), value);
  }

  /** A value kept with {@link remember}, if any. */
  recall(connectionId: string, field: string): string | undefined {
    return this.rotated.get(accountName(connectionId, field));
  }

  /** Deletes a stored secret (environment variables are the operator's to remove). */
  async delete(connectionId: string, field: string): Promise<void> {
    const account = accountName(connectionId, field);
    this.rotated.delete(account);
    if (this.fromEnvironment(connectionId, field)) return;
    await this.keychain.delete(account);
  }

  async deleteAll(connectionId: string, fields: readonly string[]): Promise<void> {
    for (const field of fields) await this.delete(connectionId, field);
  }
}

/** The keychain account of one secret: `<connectionId>/<field>` under service "Koppel". */
export function accountName(connectionId: string, field: string): string {
  return `${connectionId}/${field}`;
}
