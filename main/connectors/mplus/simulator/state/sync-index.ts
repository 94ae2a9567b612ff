/**
 * Keys ordered by their current syncMarker. Markers only grow, so a touched key is appended and
 * its older entry goes stale; `from(marker)` binary-searches the first entry at or above a marker.
 * This keeps syncMarker paging over 100k articles cheap without re-sorting.
 */
export class SyncIndex<K> {
  private entries: { marker: number; key: K }[] = [];
  private readonly current = new Map<K, number>();
  private stale = 0;

  touch(key: K, marker: number): void {
    const last = this.entries[this.entries.length - 1];
    if (last && marker <= last.marker)
      throw new Error(`syncMarker ${marker} does not increase (last ${last.marker})`);
    if (this.current.has(key)) this.stale++;
    this.current.set(key, marker);
    this.entries.push({ marker, key });
    if (this.stale > 1024 && this.stale > this.entries.length / 2) this.compact();
  }

  delete(key: K): void {
    if (this.current.delete(key)) this.stale++;
  }

  /** Keys whose current marker is ≥ `marker`, in ascending marker order. */
  *from(marker: number): Generator<K, void, undefined> {
    let low = 0;
    let high = this.entries.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.entries[mid]?.marker ?? Infinity) < marker) low = mid + 1;
      else high = mid;
    }
    for (let i = low; i < this.entries.length; i++) {
      const entry = this.entries[i];
      if (entry && this.current.get(entry.key) === entry.marker) yield entry.key;
    }
  }

  get size(): number {
    return this.current.size;
  }

  private compact(): void {
    this.entries = this.entries.filter((entry) => this.current.get(entry.key) === entry.marker);
    this.stale = 0;
  }
}
