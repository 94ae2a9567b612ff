import type { ConnectionProblem } from '../flow/validate-flow';
import type { ConnectionKind as NodeConnectionKind } from '../nodes/node-definition';
import type { Settings } from '../settings/settings';

/** Fixed ids of the two sandbox connections ("Sandbox Teamleader", "Sandbox MplusKASSA"). */
export const SANDBOX_TEAMLEADER_ID = 'sandbox-teamleader';
export const SANDBOX_MPLUS_ID = 'sandbox-mplus';

/**
 * Why a node of `kind` could not get its connection (`connectionId`, or without one the first live
 * connection of its kind, else the sandbox's), from the settings alone: main validates with it
 * before a run, the editor as the flow is edited. It decides as the connection registry resolves.
 * A sandbox id is good while the sandbox is on: its connections are registered when it first starts.
 */
export function connectionIdProblem(
  settings: Pick<Settings, 'connections'> & { sandbox: Pick<Settings['sandbox'], 'enabled'> },
  kind: NodeConnectionKind,
  connectionId: string | undefined,
): ConnectionProblem | undefined {
  if (kind !== 'teamleader' && kind !== 'mplus') return undefined;
  const sandboxOn = settings.sandbox.enabled;
  if (connectionId === undefined) {
    const live = settings.connections.some((c) => c.kind === kind && c.mode === 'live');
    return live || sandboxOn ? undefined : { reason: 'noneOfKind' };
  }
  const sandboxId = kind === 'teamleader' ? SANDBOX_TEAMLEADER_ID : SANDBOX_MPLUS_ID;
  if (connectionId === sandboxId && sandboxOn) return undefined;
  // The other system's sandbox connection, before the sandbox first started registered it.
  const otherSandboxId = kind === 'teamleader' ? SANDBOX_MPLUS_ID : SANDBOX_TEAMLEADER_ID;
  if (
    connectionId === otherSandboxId &&
    sandboxOn &&
    !settings.connections.some((c) => c.id === connectionId)
  )
    return { reason: 'otherKind', kind: kind === 'teamleader' ? 'mplus' : 'teamleader' };
  const connection = settings.connections.find((c) => c.id === connectionId);
  if (!connection) {
    const known = new Set(settings.connections.map((c) => c.id));
    if (sandboxOn) for (const id of [SANDBOX_TEAMLEADER_ID, SANDBOX_MPLUS_ID]) known.add(id);
    return { reason: 'unknown', known: [...known] };
  }
  if (connection.kind !== kind) return { reason: 'otherKind', kind: connection.kind };
  return connection.mode === 'sandbox' && !sandboxOn ? { reason: 'sandboxOff' } : undefined;
}
