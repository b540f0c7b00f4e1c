import type {
  BandScoreInput,
  BandSnapshotInput,
  PriceRangeInput,
  PrintInput,
} from '../../lib/track-record/inputs';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const T0 = Date.UTC(2026, 11, 1);

/**
 * One view at P = 100 every `everyHours` from T0: a long band 95–96 ($1,000 estimated) and a short band
 * 104–105 ($2,000). In each day after it, price trades 95.5–101 (the long band is swept, the short one
 * not reached) and these prints come in: a $300 long at 96 (in the long band), a $90 long at 98 and a
 * $45 short at 100.5 (outside any band), and a $1,000 long at 100.5 (above P: not a long's zone there).
 */
export function recorded(snapshotsCount: number, everyHours = 12, now?: number) {
  const snapshots: BandSnapshotInput[] = [];
  const scores: BandScoreInput[] = [];
  const prints: PrintInput[] = [];
  const priceRanges: PriceRangeInput[] = [];
  const last = T0 + (snapshotsCount - 1) * everyHours * HOUR;
  const at = now ?? last + DAY;
  for (let i = 0; i < snapshotsCount; i++) {
    const time = T0 + i * everyHours * HOUR;
    snapshots.push({
      asset: 'BTC',
      time,
      price: 100,
      modelVersion: '1',
      bands: [
        { side: 'long', low: 95, high: 96, notionalUsd: 1000 },
        { side: 'short', low: 104, high: 105, notionalUsd: 2000 },
      ],
    });
    const horizonEnd = Math.min(time + DAY, at);
    const base = { asset: 'BTC', snapshotTime: time, price: 100, horizonEnd };
    scores.push({
      ...base,
      side: 'long',
      low: 95,
      high: 96,
      notionalUsd: 1000,
      realisedUsd: 300,
      swept: true,
    });
    scores.push({
      ...base,
      side: 'short',
      low: 104,
      high: 105,
      notionalUsd: 2000,
      realisedUsd: 0,
      swept: false,
    });
    prints.push(
      { side: 'long', price: 96, notionalUsd: 300, time: time + 1 * HOUR },
      { side: 'long', price: 98, notionalUsd: 90, time: time + 2 * HOUR },
      { side: 'short', price: 100.5, notionalUsd: 45, time: time + 3 * HOUR },
      { side: 'long', price: 100.5, notionalUsd: 1000, time: time + 4 * HOUR },
    );
  }
  for (let t = T0; t <= at; t += HOUR) priceRanges.push({ time: t, high: 101, low: 95.5 });
  return { asset: 'BTC', now: at, snapshots, scores, prints, priceRanges, intervalMs: HOUR };
}
