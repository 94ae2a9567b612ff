/**
 * Something a run's nodes share, made once per run for each owner (a connection's client): the
 * account's reference lists, read once for every node that needs them instead of once per node.
 * The key's identity decides what is made, so one key always gives one type.
 */
export class RunSharedKey<Owner extends object, T> {
  constructor(
    /** For reading only (debugging, messages). */
    readonly name: string,
    readonly make: (owner: Owner, signal: AbortSignal) => T,
  ) {}
}

/** The values of one run (or one editor test), per owner and key. */
export class RunShared {
  private readonly byOwner = new WeakMap<object, Map<RunSharedKey<never, unknown>, unknown>>();

  constructor(private readonly signal: AbortSignal) {}

  get<Owner extends object, T>(key: RunSharedKey<Owner, T>, owner: Owner): T {
    let values = this.byOwner.get(owner);
    if (!values) {
      values = new Map();
      this.byOwner.set(owner, values);
    }
    const entry = key as unknown as RunSharedKey<never, unknown>;
    if (values.has(entry)) return values.get(entry) as T;
    const made = key.make(owner, this.signal);
    values.set(entry, made);
    return made;
  }
}
