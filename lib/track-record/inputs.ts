/**
 * What the track record reads, in the shapes of the realised-liquidations contract (issue 10,
 * lib/liquidations/types.ts): the band snapshots of stored views, their scores, the traded ranges and the
 * prints. Structural, so the contract's inferred types fit them.
 */
export type Side = 'long' | 'short';

export interface SnapshotBandInput {
  side: Side;
  low: number;
  high: number;
  notionalUsd: number;
}

export interface BandSnapshotInput {
  asset: string;
  time: number;
  price: number;
  modelVersion: string;
  bands: readonly SnapshotBandInput[];
}

export interface BandScoreInput {
  asset: string;
  snapshotTime: number;
  price: number;
  side: Side;
  low: number;
  high: number;
  notionalUsd: number;
  realisedUsd: number;
  horizonEnd: number;
  swept: boolean;
}

export interface PriceRangeInput {
  time: number;
  high: number;
  low: number;
}

export interface PrintInput {
  side: Side;
  price: number;
  notionalUsd: number;
  time: number;
}

/** The contract's scoring rules (lib/liquidations/scoring.ts): a day's horizon, ±0.5 % of P around a band. */
export const SCORE_HORIZON_MS = 24 * 3_600_000;
export const SCORE_TOLERANCE = 0.005;
