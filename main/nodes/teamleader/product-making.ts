import type { TeamleaderClient } from '../../connectors/teamleader/client';

/** Per client (one per connection, shared by the process's runs): the codes being made, chained. */
const making = new WeakMap<TeamleaderClient, Map<string, Promise<void>>>();

/**
 * Runs `work` (look the code up, make the product when it is missing) while no other run of this
 * process does so for the same code in the same Teamleader account. Two flows make products (the
 * products flow, and the orders flow's "make missing products") and may run at once; each looked a
 * new code up and found it missing, and with Teamleader's 200 calls a minute the look-up and the
 * add can be seconds apart, so both made it. Under this lock the second looks after the first made
 * it, and finds it. (Two processes on one account, the app and `koppel run`, are not covered.)
 */
export async function whileMakingProduct<T>(
  client: TeamleaderClient,
  code: string,
  work: () => Promise<T>,
): Promise<T> {
  let codes = making.get(client);
  if (!codes) {
    codes = new Map();
    making.set(client, codes);
  }
  const before = codes.get(code);
  let release = () => {};
  const mine = new Promise<void>((resolve) => (release = resolve));
  const chain = before ? before.then(() => mine) : mine;
  codes.set(code, chain);
  try {
    await before;
    return await work();
  } finally {
    release();
    if (codes.get(code) === chain) codes.delete(code);
  }
}
