import type { MplusClient } from '../../../connectors/mplus/client';
import type { TeamleaderClient } from '../../../connectors/teamleader/client';
import type { NodeContext } from '../../../engine/executor';

/**
 * The engine types connection clients as `unknown` (connectors plug their clients in at run
 * time), so executors check the shape once before using one.
 */
function hasMethods(value: unknown, ...names: string[]): boolean {
  if (typeof value !== 'object' || value === null) return false;
  return names.every((name) => name in value && typeof Reflect.get(value, name) === 'function');
}

function isMplusClient(value: unknown): value is MplusClient {
  return hasMethods(value, 'createOrderV3', 'getProducts', 'findRelationV2', 'saveInvoice');
}

function isTeamleaderClient(value: unknown): value is TeamleaderClient {
  return (
    typeof value === 'object' &&
    value !== null &&
    'invoices' in value &&
    hasMethods(value.invoices, 'draft', 'list') &&
    'contacts' in value &&
    hasMethods(value.contacts, 'add', 'list')
  );
}

/** The node's MplusKASSA client. */
export async function mplusClient(ctx: NodeContext<unknown>): Promise<MplusClient> {
  const client = await ctx.connection('mplus');
  if (!isMplusClient(client)) {
    throw new Error(`Node ${ctx.node.id}: the MplusKASSA connection did not provide an MplusKASSA client.`);
  }
  return client;
}

/** The node's Teamleader client. */
export async function teamleaderClient(ctx: NodeContext<unknown>): Promise<TeamleaderClient> {
  const client = await ctx.connection('teamleader');
  if (!isTeamleaderClient(client)) {
    throw new Error(`Node ${ctx.node.id}: the Teamleader connection did not provide a Teamleader client.`);
  }
  return client;
}
