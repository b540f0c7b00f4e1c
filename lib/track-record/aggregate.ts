import { type CalibrationFactor, MIN_SWEPT_BANDS } from './calibration-factor';
import { createFactorMemo } from './factor-memo';
import {
  type BandScoreInput,
  type BandSnapshotInput,
  type PriceRangeInput,
  type PrintInput,
  SCORE_HORIZON_MS,
  SCORE_TOLERANCE,
  type Side,
} from './inputs';
import { bootstrapGroups, type Estimate, type Interval, wilson } from './intervals';

const DAY_MS = 86_400_000;
export const TRACK_WINDOW_MS = 7 * DAY_MS;

const rememberedFactor = createFactorMemo();

export interface TrackRecordInput {
  asset: string;
  now: number;
  snapshots: readonly BandSnapshotInput[];
  scores: readonly BandScoreInput[];
  priceRanges: readonly PriceRangeInput[];
  /** Candle length of `priceRanges` (ms). */
  intervalMs: number;
  /**
   * The asset's prints since the oldest snapshot, any order; null when they are not available, which
   * leaves the lift and the control zones without a figure (never a zero).
   */
  prints: readonly PrintInput[] | null;
}

export interface HitRate {
  hits: number;
  trials: number;
  rate: number | null;
  /** Wilson 95 %. */
  interval: Interval | null;
}

export interface DayFigures {
  /** UTC midnight of the snapshots' day. */
  day: number;
  sweptBands: number;
  estimatedUsd: number;
  realisedUsd: number;
}

/** The track record of one asset over the last 7 days (docs/track-record.md). */
export interface TrackRecord {
  asset: string;
  from: number;
  to: number;
  snapshots: number;
  bands: { total: number; swept: number; notReached: number; open: number };
  calibration: Record<Side, CalibrationFactor>;
  /** Realised per % of price inside swept bands ÷ the same in the traded range outside any band. */
  lift: Estimate | null;
  hitRate: { bands: HitRate; control: HitRate };
  daily: DayFigures[];
}

interface Segment {
  low: number;
  high: number;
}

/** [lo, hi] minus the union of `holes`, as sorted segments. */
function subtract(lo: number, hi: number, holes: readonly Segment[]): Segment[] {
  const sorted = [...holes].sort((a, b) => a.low - b.low);
  const out: Segment[] = [];
  let from = lo;
  for (const h of sorted) {
    if (h.high <= from) continue;
    if (h.low >= hi) break;
    if (h.low > from) out.push({ low: from, high: h.low });
    from = Math.max(from, h.high);
  }
  if (from < hi) out.push({ low: from, high: hi });
  return out;
}

/** The side a print at `price` liquidates when P is the reference: longs below, shorts above. */
const sideAt = (price: number, reference: number): Side => (price < reference ? 'long' : 'short');

function firstAfter(prints: readonly PrintInput[], t: number): number {
  let lo = 0;
  let hi = prints.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((prints[mid] as PrintInput).time <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** One snapshot's figures for the lift and the control zones, once its day is over. */
interface SnapshotGroup {
  inNum: number;
  inDen: number;
  outNum: number;
  outDen: number;
  controlHits: number;
  controlZones: number;
}

function snapshotGroup(
  snapshot: BandSnapshotInput,
  swept: readonly BandScoreInput[],
  end: number,
  ranges: readonly PriceRangeInput[],
  intervalMs: number,
  prints: readonly PrintInput[],
): SnapshotGroup | null {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const r of ranges) {
    if (r.time + intervalMs > snapshot.time && r.time <= end) {
      lo = Math.min(lo, r.low);
      hi = Math.max(hi, r.high);
    }
  }
  if (!(hi > lo)) return null;
  const p = snapshot.price;
  const pad = p * SCORE_TOLERANCE;
  const widthPct = (low: number, high: number) => ((high - low) / p) * 100;
  const group: SnapshotGroup = { inNum: 0, inDen: 0, outNum: 0, outDen: 0, controlHits: 0, controlZones: 0 };
  for (const band of swept) {
    group.inNum += band.realisedUsd;
    group.inDen += widthPct(band.low - pad, band.high + pad);
  }
  const outside = subtract(
    lo,
    hi,
    snapshot.bands.map((b) => ({ low: b.low - pad, high: b.high + pad })),
  );
  for (const s of outside) group.outDen += widthPct(s.low, s.high);

  const widths = swept.map((b) => b.high - b.low + 2 * pad).sort((a, b) => a - b);
  const zoneWidth = widths.length > 0 ? (widths[(widths.length - 1) >> 1] as number) : 0;
  const zones: { low: number; high: number; hit: boolean }[] = [];
  if (zoneWidth > 0) {
    for (const s of outside) {
      for (let z = s.low; z + zoneWidth <= s.high; z += zoneWidth)
        zones.push({ low: z, high: z + zoneWidth, hit: false });
    }
  }
  for (let i = firstAfter(prints, snapshot.time); i < prints.length; i++) {
    const print = prints[i] as PrintInput;
    if (print.time > end) break;
    if (print.side !== sideAt(print.price, p)) continue;
    if (outside.some((s) => print.price >= s.low && print.price <= s.high)) group.outNum += print.notionalUsd;
    for (const zone of zones) if (print.price >= zone.low && print.price < zone.high) zone.hit = true;
  }
  group.controlZones = zones.length;
  group.controlHits = zones.filter((z) => z.hit).length;
  return group;
}

function hitRate(hits: number, trials: number): HitRate {
  return { hits, trials, rate: trials > 0 ? hits / trials : null, interval: wilson(hits, trials) };
}

const sumOf = <T>(items: readonly T[], pick: (t: T) => number) => items.reduce((s, t) => s + pick(t), 0);

/**
 * The track record of docs/track-record.md, from the band scores of the last 7 days and the prints. Only
 * bands whose day is over count in the factor, the lift and the hit rates (a band still open may yet be
 * reached or collect more prints).
 */
export function trackRecord(input: TrackRecordInput): TrackRecord {
  const from = input.now - TRACK_WINDOW_MS;
  const snapshots = input.snapshots.filter(
    (s) => s.asset === input.asset && s.time >= from && s.time <= input.now,
  );
  const times = new Set(snapshots.map((s) => s.time));
  const scores = input.scores.filter((s) => s.asset === input.asset && times.has(s.snapshotTime));
  const over = (s: BandScoreInput) => s.horizonEnd >= s.snapshotTime + SCORE_HORIZON_MS;
  const prints = input.prints === null ? null : [...input.prints].sort((a, b) => a.time - b.time);

  const bySnapshot = new Map<number, BandScoreInput[]>();
  for (const s of scores) {
    const list = bySnapshot.get(s.snapshotTime) ?? [];
    list.push(s);
    bySnapshot.set(s.snapshotTime, list);
  }

  const calibration = {} as Record<Side, CalibrationFactor>;
  for (const side of ['long', 'short'] as const) {
    const groups = [...bySnapshot.values()]
      .map((list) => list.filter((s) => s.side === side && s.swept && over(s)))
      .filter((list) => list.length > 0);
    const swept = groups.flat();
    const estimatedUsd = sumOf(swept, (s) => s.notionalUsd);
    const realisedUsd = sumOf(swept, (s) => s.realisedUsd);
    const factor = swept.length < MIN_SWEPT_BANDS ? null : rememberedFactor(groups);
    calibration[side] = { side, sweptBands: swept.length, estimatedUsd, realisedUsd, factor };
  }

  const groups: SnapshotGroup[] = [];
  let bandHits = 0;
  let bandTrials = 0;
  for (const snapshot of snapshots) {
    const list = (bySnapshot.get(snapshot.time) ?? []).filter(over);
    const swept = list.filter((s) => s.swept);
    if (swept.length === 0) continue;
    bandTrials += swept.length;
    bandHits += swept.filter((s) => s.realisedUsd > 0).length;
    if (prints === null) continue;
    const end = (swept[0] as BandScoreInput).horizonEnd;
    const group = snapshotGroup(snapshot, swept, end, input.priceRanges, input.intervalMs, prints);
    if (group !== null) groups.push(group);
  }
  const lift = bootstrapGroups(groups, (sample) => {
    const inside = sumOf(sample, (g) => g.inDen);
    const outside = sumOf(sample, (g) => g.outDen);
    const outRate = outside > 0 ? sumOf(sample, (g) => g.outNum) / outside : 0;
    return inside > 0 && outRate > 0 ? sumOf(sample, (g) => g.inNum) / inside / outRate : null;
  });

  const days = new Map<number, DayFigures>();
  for (const s of scores) {
    if (!s.swept || !over(s)) continue;
    const day = Math.floor(s.snapshotTime / DAY_MS) * DAY_MS;
    const d = days.get(day) ?? { day, sweptBands: 0, estimatedUsd: 0, realisedUsd: 0 };
    d.sweptBands++;
    d.estimatedUsd += s.notionalUsd;
    d.realisedUsd += s.realisedUsd;
    days.set(day, d);
  }

  return {
    asset: input.asset,
    from,
    to: input.now,
    snapshots: snapshots.length,
    bands: {
      total: scores.length,
      swept: scores.filter((s) => s.swept).length,
      notReached: scores.filter((s) => !s.swept && over(s)).length,
      open: scores.filter((s) => !s.swept && !over(s)).length,
    },
    calibration,
    lift,
    hitRate: {
      bands: hitRate(bandHits, bandTrials),
      control: hitRate(
        sumOf(groups, (g) => g.controlHits),
        sumOf(groups, (g) => g.controlZones),
      ),
    },
    daily: [...days.values()].sort((a, b) => a.day - b.day),
  };
}
