import type { BandScoreInput } from './inputs';

export const SCORES_CSV_HEADER =
  'asset,snapshot_time_utc,price,side,low,high,estimated_usd,realised_usd,horizon_end_utc,swept';

const iso = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}Z`;

/** The band scores as CSV, one band a row, oldest snapshot first: the figures as stored, full precision. */
export function scoresCsv(scores: readonly BandScoreInput[]): string {
  const rows = [...scores]
    .sort((a, b) => a.snapshotTime - b.snapshotTime || a.low - b.low)
    .map((s) =>
      [
        s.asset,
        iso(s.snapshotTime),
        s.price,
        s.side,
        s.low,
        s.high,
        s.notionalUsd,
        s.realisedUsd,
        iso(s.horizonEnd),
        s.swept,
      ].join(','),
    );
  return `${[SCORES_CSV_HEADER, ...rows].join('\n')}\n`;
}
