import type { Side } from '../model/cluster-view';
import { horizonOf, SCORE_TOLERANCE, type ScoredSnapshot } from './scoring';
import type { LiqPrint } from './types';

/** Prints held before they are added to the bands in one pass. */
export const MAX_PENDING_PRINTS = 20_000;

/** The open band snapshots of one asset, scored as prints arrive. */
export interface OpenScores {
  /** The snapshots, in the order added, with every print received so far in their figures. */
  readonly list: readonly ScoredSnapshot[];
  has(time: number): boolean;
  /** A new snapshot: its figures must already hold the prints received so far (`scorePrints`). */
  add(scored: ScoredSnapshot): void;
  /** Takes out the snapshots `closed` says, their figures complete, and returns them. */
  removeWhere(closed: (scored: ScoredSnapshot) => boolean): ScoredSnapshot[];
  /**
   * New prints: each will count in the bands it falls in (same side, within the band ± 0.5 % of P, in the
   * snapshot's day), exactly the prints `scorePrints` counts.
   */
  score(prints: readonly LiqPrint[]): void;
  /** The snapshots whose figures changed since the last call. */
  takeChanged(): Set<ScoredSnapshot>;
}

interface SortedSide {
  prices: Float64Array;
  /** cum[i]: notional of the first i prints by price. */
  cum: Float64Array;
  prints: LiqPrint[];
  minTime: number;
  maxTime: number;
}

function sortSide(prints: LiqPrint[]): SortedSide {
  prints.sort((a, b) => a.price - b.price);
  const prices = new Float64Array(prints.length);
  const cum = new Float64Array(prints.length + 1);
  let minTime = Number.POSITIVE_INFINITY;
  let maxTime = Number.NEGATIVE_INFINITY;
  prints.forEach((p, i) => {
    prices[i] = p.price;
    cum[i + 1] = (cum[i] as number) + p.notionalUsd;
    if (p.time < minTime) minTime = p.time;
    if (p.time > maxTime) maxTime = p.time;
  });
  return { prices, cum, prints, minTime, maxTime };
}

/** The first index whose price is ≥ `x` (`strict`: > `x`). */
function bound(prices: Float64Array, x: number, strict: boolean): number {
  let lo = 0;
  let hi = prices.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const p = prices[mid] as number;
    if (p < x || (strict && p === x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Open snapshots scored in batches: a print only joins a pending list, and the list is added to every band
 * at once when a figure is needed (a write, a reply, a new or closing snapshot) or when it grows long. The
 * batch is sorted by price with running sums, so each band takes two binary searches, not a look at every
 * print: with a view a minute, a day holds 1,440 snapshots, and nearly every one has a band where a print lands.
 */
export function createOpenScores(): OpenScores {
  let list: ScoredSnapshot[] = [];
  let pending: LiqPrint[] = [];
  let changed = new Set<ScoredSnapshot>();

  const settle = () => {
    if (pending.length === 0) return;
    const bySide: Record<Side, LiqPrint[]> = { long: [], short: [] };
    for (const p of pending) bySide[p.side].push(p);
    pending = [];
    const sides = { long: sortSide(bySide.long), short: sortSide(bySide.short) };
    for (const scored of list) {
      const { snapshot, realised } = scored;
      const pad = snapshot.price * SCORE_TOLERANCE;
      const from = snapshot.time;
      const to = horizonOf(snapshot);
      snapshot.bands.forEach((band, i) => {
        const side = sides[band.side];
        if (side.prints.length === 0) return;
        const a = bound(side.prices, band.low - pad, false);
        const b = bound(side.prices, band.high + pad, true);
        if (b <= a) return;
        let add = 0;
        let hit = false;
        if (side.minTime > from && side.maxTime <= to) {
          add = (side.cum[b] as number) - (side.cum[a] as number);
          hit = true;
        } else {
          // Some prints of the batch are outside the snapshot's day (it is newer than they are): look at each.
          for (let k = a; k < b; k++) {
            const p = side.prints[k] as LiqPrint;
            if (p.time <= from || p.time > to) continue;
            add += p.notionalUsd;
            hit = true;
          }
        }
        if (!hit) return;
        realised[i] = (realised[i] ?? 0) + add;
        changed.add(scored);
      });
    }
  };

  return {
    get list() {
      settle();
      return list;
    },
    has: (time) => list.some((s) => s.snapshot.time === time),
    add(scored) {
      settle();
      list.push(scored);
    },
    removeWhere(closed) {
      if (!list.some(closed)) return [];
      settle();
      const out = list.filter(closed);
      list = list.filter((s) => !closed(s));
      for (const s of out) changed.delete(s);
      return out;
    },
    score(prints) {
      for (const p of prints) pending.push(p);
      if (pending.length >= MAX_PENDING_PRINTS) settle();
    },
    takeChanged() {
      settle();
      const out = changed;
      changed = new Set();
      return out;
    },
  };
}
