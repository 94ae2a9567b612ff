import type { SandboxSize } from '../../shared/settings/settings';
import type { SandboxEndpoints } from '../connections/registry';

// One definition for the settings, the API and the sandbox.
export type { SandboxSize };

/**
 * Where the sandbox twins listen and their fixed, non-secret credentials: exactly the JSON line
 * `koppel sandbox` prints.
 */
export interface SandboxInfo {
  teamleader: { apiUrl: string; authUrl: string; adminUrl: string; clientId: string; clientSecret: string };
  mplus: { url: string; adminUrl: string; ident: string; secret: string };
}

/** A running sandbox, whether this process started it or found another process's. */
export interface Sandbox {
  readonly info: SandboxInfo;
  readonly seed: number;
  readonly size: SandboxSize;
  /** `process`: the twins run here; `shared`: another process (`koppel sandbox`) runs them. */
  readonly owner: 'process' | 'shared';
  /** Addresses plus a Teamleader token store in memory (fresh tokens each start, never on disk). */
  endpoints(): SandboxEndpoints;
  /** Puts both twins' data back to the seeded state. */
  reset(): Promise<void>;
  /** Stops the twins (own sandbox) or lets go of them (shared). */
  close(): Promise<void>;
}

/**
 * The fixed sandbox credentials (the twins' defaults). They open nothing but the twins on
 * 127.0.0.1, `koppel sandbox` prints them, and every process can reach a running sandbox with them
 * without anything being stored.
 */
export const SANDBOX_CREDENTIALS = {
  teamleader: { clientId: 'koppel-sandbox', clientSecret: 'koppel-sandbox-secret' },
  mplus: { ident: 'koppel-sandbox', secret: 'koppel-sandbox-secret' },
} as const;
