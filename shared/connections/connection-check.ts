import type { ConnectionProblem } from '../flow/validate-flow';
import type { ConnectionKind as NodeConnectionKind } from '../nodes/node-definition';
import type { Settings } from '../settings/settings';

/** Fixed ids of the two sandbox connections ("Sandbox Teamleader", "Sandbox MplusKASSA"). */
export const SANDBOX_TEAMLEADER_ID = 'sandbox-teamleader';
export const SANDBOX_MPLUS_ID = 'sandbox-mplus';

/**
 * Why a node of `kind` naming `connectionId` could not get its connection, from the settings alone
 * (main validates with it before a run, the editor as the flow is edited). A sandbox id is good
 * while the sandbox is on: its connections are registered when it first starts.
 */
export function connectionIdProblem(
  settings: Pick<Settings, 'connections'> & { sandbox: Pick<Settings['sandbox'], 'enabled'> },
  kind: NodeConnectionKind,
  connectionId: string,
): ConnectionProblem | undefined {
  if (kind !== 'teamleader' && kind !== 'mplus') return undefined;
  const sandboxId = kind === 'teamleader' ? SANDBOX_TEAMLEADER_ID : SANDBOX_MPLUS_ID;
  if (connectionId === sandboxId && settings.sandbox.enabled) return undefined;
  const connection = settings.connections.find((c) => c.id === connectionId);
  if (!connection) {
    const known = new Set(settings.connections.map((c) => c.id));
    if (settings.sandbox.enabled) for (const id of [SANDBOX_TEAMLEADER_ID, SANDBOX_MPLUS_ID]) known.add(id);
    return { reason: 'unknown', known: [...known] };
  }
  return connection.kind === kind ? undefined : { reason: 'otherKind', kind: connection.kind };
}
