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
 * 104–105 ($2,000). Price always trades 95.5–101 (the long band is swept, the short one not reached) and
 * after each view these prints come in: a $300 long at 96 (in the long band), a $90 long at 98 and a $45
 * short at 100.5 (outside any band), and a $1,000 long at 100.5 (above P: not a long's zone there). The
 * scores count the prints the way the contract does (same side, within the day, band ± 0.5 % of P), so
 * with views 12 h apart a band also collects the next view's prints.
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
    prints.push(
      { side: 'long', price: 96, notionalUsd: 300, time: time + 1 * HOUR },
      { side: 'long', price: 98, notionalUsd: 90, time: time + 2 * HOUR },
      { side: 'short', price: 100.5, notionalUsd: 45, time: time + 3 * HOUR },
      { side: 'long', price: 100.5, notionalUsd: 1000, time: time + 4 * HOUR },
    );
  }
  for (const snapshot of snapshots) {
    const horizonEnd = Math.min(snapshot.time + DAY, at);
    for (const band of snapshot.bands) {
      const realisedUsd = prints
        .filter(
          (p) =>
            p.side === band.side &&
            p.time > snapshot.time &&
            p.time <= horizonEnd &&
            p.price >= band.low - 0.5 &&
            p.price <= band.high + 0.5,
        )
        .reduce((sum, p) => sum + p.notionalUsd, 0);
      scores.push({
        asset: 'BTC',
        snapshotTime: snapshot.time,
        price: 100,
        horizonEnd,
        ...band,
        realisedUsd,
        swept: band.side === 'long',
      });
    }
  }
  for (let t = T0; t <= at; t += HOUR) priceRanges.push({ time: t, high: 101, low: 95.5 });
  return { asset: 'BTC', now: at, snapshots, scores, prints, priceRanges, intervalMs: HOUR };
}
