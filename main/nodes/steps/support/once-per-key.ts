/**
 * Per-run memo of writes by key, so two records of one new customer (or product) running at the
 * same time never create it twice. A failed attempt is forgotten, so a later record may try again.
 */
export class OncePerKey<T> {
  private readonly pending = new Map<string, Promise<T>>();
  /** Whether work for `key` is on its way or done (and did not fail). */
  has(key: string): boolean {
    return this.pending.has(key);
  }

  run(key: string, work: () => Promise<T>): Promise<T> {
    let promise = this.pending.get(key);
    if (!promise) {
      promise = work();
      this.pending.set(key, promise);
      // A failed attempt may be retried by a later record.
      promise.catch(() => this.pending.delete(key));
    }
    return promise;
  }
}
