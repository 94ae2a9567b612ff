/** What a run of this process made, by key, for the others: kept this long. */
export const MADE_KEPT_MS = 10 * 60_000;

interface Made {
  id: string;
  at: number;
}

/** Per client (one per connection, shared by the process's runs): keys being made, and made. */
interface Account {
  chains: Map<string, Promise<void>>;
  made: Map<string, Made>;
}

const accounts = new WeakMap<object, Account>();

/**
 * The keys records are made under, one spelling per kind of record whichever node makes it (the
 * target and the orders flow's step must meet on the same key).
 */
export const makingKey = {
  product: (code: string) => `product:${code}`,
  customer: (kind: 'company' | 'contact', email: string) => `${kind}:${email.trim().toLowerCase()}`,
  relation: (email: string) => `relation:${email.trim().toLowerCase()}`,
};

/**
 * Runs `work` (look the record up, make it when it is missing) while no other run of this process
 * does so for the same key (`product:1001`, `company:ann@example.com`) in the same account, and
 * tells it what a run of this process made under that key since `since` (the caller's start: what
 * was made before it, its own look-up found) and in the last {@link MADE_KEPT_MS}
 * (`madeMeanwhile`; `made(id)` records what this one made). Only what was made since counts: the
 * account may have been emptied in between (a sandbox reset), and what is in it now is the look-up's
 * to say.
 *
 * Several flows make the same kind of record (the products flow and the orders flow's missing
 * products; the customers flow and the orders flow's customers) and may run at once. Each looks a
 * key up and finds it missing, and the add can come seconds later (Teamleader's 200 calls a minute),
 * so both made it. Under this lock the second learns what the first made, though its own look-up
 * was earlier, and uses it instead. (Two processes on one account, the app and `koppel run`, are not
 * covered; nor a record a person makes between a look-up and its add.)
 */
export async function whileMaking<T>(
  client: object,
  key: string,
  since: number,
  work: (madeMeanwhile: string | undefined, made: (id: string) => void) => Promise<T>,
  now: () => number = Date.now,
): Promise<T> {
  let account = accounts.get(client);
  if (!account) {
    account = { chains: new Map(), made: new Map() };
    accounts.set(client, account);
  }
  const { chains, made } = account;
  const before = chains.get(key);
  let release = () => {};
  const mine = new Promise<void>((resolve) => (release = resolve));
  const chain = before ? before.then(() => mine) : mine;
  chains.set(key, chain);
  try {
    await before;
    const earlier = made.get(key);
    const fresh =
      earlier && earlier.at >= since && now() - earlier.at < MADE_KEPT_MS ? earlier.id : undefined;
    return await work(fresh, (id) => {
      made.delete(key);
      made.set(key, { id, at: now() });
      forgetOld(made, now());
    });
  } finally {
    release();
    if (chains.get(key) === chain) chains.delete(key);
  }
}

/** Drops what was made longer ago than {@link MADE_KEPT_MS} (the map is in order of making). */
function forgetOld(made: Map<string, Made>, at: number): void {
  for (const [key, entry] of made) {
    if (at - entry.at < MADE_KEPT_MS) return;
    made.delete(key);
  }
}
