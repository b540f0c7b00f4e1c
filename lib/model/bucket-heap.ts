/**
 * Open buckets of one side as a 4-ary min-heap on `key` in parallel typed arrays, so a candle pops
 * exactly the buckets it liquidates (O(log n) each) without scanning the rest. Longs use key = −liq
 * (the highest liquidation price goes first), shorts key = liq.
 */
export class BucketHeap {
  key: Float64Array;
  /** Notional in the ledger's unscaled units (USD ÷ the ledger's running scale when opened). */
  amount: Float64Array;
  /** Index of the candle that opened the bucket. */
  candle: Int32Array;
  size = 0;

  constructor(capacity = 1024) {
    const n = Math.max(16, capacity);
    this.key = new Float64Array(n);
    this.amount = new Float64Array(n);
    this.candle = new Int32Array(n);
  }

  private grow(): void {
    const n = this.key.length * 2;
    const key = new Float64Array(n);
    const amount = new Float64Array(n);
    const candle = new Int32Array(n);
    key.set(this.key);
    amount.set(this.amount);
    candle.set(this.candle);
    this.key = key;
    this.amount = amount;
    this.candle = candle;
  }

  /** Smallest key, or +Infinity when empty. */
  topKey(): number {
    return this.size > 0 ? (this.key[0] as number) : Number.POSITIVE_INFINITY;
  }

  push(key: number, amount: number, candle: number): void {
    if (this.size === this.key.length) this.grow();
    const keys = this.key;
    const amounts = this.amount;
    const candles = this.candle;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 2;
      const pk = keys[parent] as number;
      if (pk <= key) break;
      keys[i] = pk;
      amounts[i] = amounts[parent] as number;
      candles[i] = candles[parent] as number;
      i = parent;
    }
    keys[i] = key;
    amounts[i] = amount;
    candles[i] = candle;
  }

  /** Removes the top bucket and returns its unscaled amount. */
  pop(): number {
    const keys = this.key;
    const amounts = this.amount;
    const candles = this.candle;
    const top = amounts[0] as number;
    const n = --this.size;
    if (n === 0) return top;
    const key = keys[n] as number;
    const amount = amounts[n] as number;
    const candle = candles[n] as number;
    let i = 0;
    for (;;) {
      const first = 4 * i + 1;
      if (first >= n) break;
      let child = first;
      let ck = keys[first] as number;
      const last = Math.min(first + 4, n);
      for (let c = first + 1; c < last; c++) {
        const kc = keys[c] as number;
        if (kc < ck) {
          ck = kc;
          child = c;
        }
      }
      if (ck >= key) break;
      keys[i] = ck;
      amounts[i] = amounts[child] as number;
      candles[i] = candles[child] as number;
      i = child;
    }
    keys[i] = key;
    amounts[i] = amount;
    candles[i] = candle;
    return top;
  }

  clear(): void {
    this.size = 0;
  }

  /** Multiplies every stored amount by `factor` and returns their new sum (heap order). */
  rescale(factor: number): number {
    let sum = 0;
    const amounts = this.amount;
    for (let i = 0; i < this.size; i++) {
      const a = (amounts[i] as number) * factor;
      amounts[i] = a;
      sum += a;
    }
    return sum;
  }
}
