import { TeamleaderTokens, type TeamleaderTokenStore } from '../connectors/teamleader';
import type { Vault } from '../vault/vault';

/** Vault fields of a Teamleader connection. `tokens` holds access + refresh token as one entry. */
export const TEAMLEADER_SECRET_FIELDS = ['clientSecret', 'tokens', 'refreshToken', 'accessToken'] as const;

/**
 * A Teamleader connection's tokens in the vault: one keychain entry `<id>/tokens`, so the access and
 * the (single-use) refresh token are always replaced together. The client saves new tokens here
 * before it uses them.
 *
 * Headless: `KOPPEL_SECRET_<ID>_REFRESH_TOKEN` (and optionally `_ACCESS_TOKEN`) seed the tokens; the
 * rotated ones then stay in this process's memory, since the variable cannot be rewritten.
 */
export function createVaultTokenStore(vault: Vault, connectionId: string): TeamleaderTokenStore {
  const seededFromEnvironment = () => vault.fromEnvironment(connectionId, 'refreshToken');
  return {
    async load() {
      if (!seededFromEnvironment()) {
        const stored = await vault.get(connectionId, 'tokens');
        return stored === undefined ? null : TeamleaderTokens.parse(JSON.parse(stored));
      }
      const rotated = vault.recall(connectionId, 'tokens');
      if (rotated !== undefined) return TeamleaderTokens.parse(JSON.parse(rotated));
      const refreshToken = await vault.get(connectionId, 'refreshToken');
      if (!refreshToken) return null;
      const accessToken = vault.fromEnvironment(connectionId, 'accessToken')
        ? await vault.get(connectionId, 'accessToken')
        : undefined;
      // The access token's age is unknown: mark it expired so the first call refreshes.
      return {
        access_token: accessToken ?? 'unknown',
        refresh_token: refreshToken,
        expires_at: new Date(0).toISOString(),
      };
    },
    async save(tokens) {
      const value = JSON.stringify(TeamleaderTokens.parse(tokens));
      if (seededFromEnvironment()) vault.remember(connectionId, 'tokens', value);
      else await vault.set(connectionId, 'tokens', value);
    },
  };
}
