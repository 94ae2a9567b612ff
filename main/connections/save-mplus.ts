import { apiMessage } from '../../shared/api/api-messages';
import { KoppelError } from '../../shared/api/errors';
import type { MplusConnection } from '../../shared/connections/connection';
import { envSecretName } from '../vault/env-secrets';
import { mplusUrl } from './connection-config';
import type { ConnectionRegistry } from './registry';

export interface SaveMplusInput {
  /** Absent: a new connection (id `mplus`, `mplus-2`, …). */
  id?: string;
  name?: string;
  host: string;
  port: number;
  ident?: string;
  secret?: string;
}

/**
 * Creates or updates a live MplusKASSA connection. Ident and secret go to the keychain (write-only:
 * nothing returns them); they may be left out when updating, or when `KOPPEL_SECRET_*` variables
 * supply them. A changed host or port resets the status to `new` until the next test.
 */
export async function saveMplusConnection(
  registry: ConnectionRegistry,
  input: SaveMplusInput,
): Promise<MplusConnection> {
  const found = input.id ? registry.store.find(input.id) : undefined;
  if (found) {
    registry.requireLive(found.id, 'edit');
    if (found.kind !== 'mplus') {
      throw new KoppelError(
        'invalid_input',
        apiMessage('connectionWrongKind', { id: found.id, kind: found.kind, expected: 'MplusKASSA' }),
      );
    }
  }
  const existing = found?.kind === 'mplus' ? found : undefined;
  const id = existing?.id ?? registry.store.newId('mplus', input.id);
  const config = { host: input.host, port: input.port, url: mplusUrl(input.host, input.port) };

  // Check everything before writing anything, so a refused save leaves no stray keychain entry.
  const writes: { field: 'ident' | 'secret'; value: string }[] = [];
  for (const field of ['ident', 'secret'] as const) {
    const value = input[field];
    const fromEnv = registry.vault.fromEnvironment(id, field);
    if (value !== undefined && fromEnv) {
      throw new KoppelError(
        'conflict',
        apiMessage('mplusCredentialFromEnvironment', { field, id, variable: envSecretName(id, field) }),
      );
    }
    if (value === undefined && !existing && !fromEnv) {
      throw new KoppelError('invalid_input', apiMessage('mplusCredentialRequired', { field }), { field });
    }
    if (value !== undefined) writes.push({ field, value });
  }
  for (const { field, value } of writes) await registry.vault.set(id, field, value);

  const now = new Date().toISOString();
  const changed =
    !existing ||
    existing.config.url !== config.url ||
    input.ident !== undefined ||
    input.secret !== undefined;
  const connection: MplusConnection = {
    id,
    name: input.name ?? existing?.name ?? 'MplusKASSA',
    kind: 'mplus',
    mode: 'live',
    status: changed ? 'new' : (existing?.status ?? 'new'),
    createdAt: existing?.createdAt ?? now,
    config,
    ...(changed ? {} : { account: existing?.account, checkedAt: existing?.checkedAt }),
  };
  registry.store.save(connection);
  registry.invalidate(id);
  return connection;
}
