/**
 * A fixed-size Bloom filter over strings: "certainly not added" or "maybe added", in constant
 * memory however many keys a run writes. The engine uses it to skip ledger look-ups for keys no
 * earlier record of the run wrote, on a first sync where the ledger starts empty.
 */
export class BloomFilter {
  private readonly bits: Uint32Array;
  private readonly size: number;

  constructor(bitCount = 1 << 22) {
    this.size = bitCount;
    this.bits = new Uint32Array(Math.ceil(bitCount / 32));
  }

  add(value: string): void {
    for (const bit of this.positions(value))
      this.bits[bit >>> 5] = (this.bits[bit >>> 5] ?? 0) | (1 << (bit & 31));
  }

  mightContain(value: string): boolean {
    for (const bit of this.positions(value))
      if (((this.bits[bit >>> 5] ?? 0) & (1 << (bit & 31))) === 0) return false;
    return true;
  }

  /** Three positions from two FNV-1a variants (double hashing). */
  private positions(value: string): number[] {
    let a = 0x811c9dc5;
    let b = 0x01000193 ^ value.length;
    for (let index = 0; index < value.length; index++) {
      const code = value.charCodeAt(index);
      a = Math.imul(a ^ code, 0x01000193);
      b = Math.imul(b ^ code, 0x5bd1e995);
    }
    a >>>= 0;
    b = (b | 1) >>> 0;
    return [a % this.size, (a + b) % this.size, (a + 2 * b) % this.size];
  }
}
