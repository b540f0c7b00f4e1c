import { performance } from 'node:perf_hooks';
import { createOpenScores } from '../../../lib/liquidations/open-scores';
import { scoredSnapshot, scorePrints } from '../../../lib/liquidations/scoring';
import type { BandSnapshot, LiqPrint } from '../../../lib/liquidations/types';
import { mulberry32 } from '../../../lib/model/synthetic';
import type { BenchCase, Metric } from './types';

/** A view a minute for a day: the open snapshots of one watched asset. */
export const OPEN_SNAPSHOTS = 1_440;
const BANDS_PER_SIDE = 15;
const PRINTS = 20_000;
/** The plain loop is slow by design: fewer prints, the same per-print rate. */
const PLAIN_PRINTS = 2_000;
const PER_FRAME = 100;
const SETTLE_EVERY = 5_000;
const P = 95_000;
const T0 = Date.UTC(2026, 11, 1);

/** Seeded snapshots a minute apart, each with bands 0.3–10 % from a price that wanders by ±2 %. */
function snapshots(): BandSnapshot[] {
  const random = mulberry32(11);
  const out: BandSnapshot[] = [];
  for (let i = 0; i < OPEN_SNAPSHOTS; i++) {
    const price = P * (1 + (random() - 0.5) * 0.04);
    const bands: BandSnapshot['bands'] = [];
    for (const side of ['long', 'short'] as const) {
      for (let b = 0; b < BANDS_PER_SIDE; b++) {
        const distance = 0.003 + random() * 0.097;
        const near = side === 'long' ? price * (1 - distance) : price * (1 + distance);
        const width = price * (0.002 + random() * 0.004);
        const low = side === 'long' ? near - width : near;
        bands.push({ side, low, high: low + width, notionalUsd: 1e6 + random() * 1e8 });
      }
    }
    out.push({ asset: 'BTC', time: T0 + i * 60_000, price, modelVersion: '1', bands });
  }
  return out;
}

/** Prints after every snapshot, within ±3 % of P, half each side. */
function prints(count: number): LiqPrint[] {
  const random = mulberry32(12);
  const start = T0 + OPEN_SNAPSHOTS * 60_000;
  return Array.from({ length: count }, (_, i) => {
    const price = P * (1 + (random() - 0.5) * 0.06);
    const size = 0.001 + random() * 2;
    return {
      venue: 'bybit' as const,
      instrument: 'BTCUSDT',
      side: random() < 0.5 ? ('long' as const) : ('short' as const),
      price,
      size,
      notionalUsd: size * price,
      time: start + i * 10,
    };
  });
}

const inFrames = (all: readonly LiqPrint[], each: (frame: readonly LiqPrint[]) => void) => {
  for (let i = 0; i < all.length; i += PER_FRAME) each(all.slice(i, i + PER_FRAME));
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] as number;

/** Prints per second of the worker's band scoring, in batches and as one loop over every open snapshot. */
export function measureScoring(runs = 3): Metric[] {
  const snaps = snapshots();
  const many = prints(PRINTS);
  const few = many.slice(0, PLAIN_PRINTS);
  const indexRates: number[] = [];
  const buildMs: number[] = [];
  const plainRates: number[] = [];
  let total = 0;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const open = createOpenScores();
    for (const s of snaps) open.add(scoredSnapshot(s));
    const t1 = performance.now();
    // The worker asks for the figures at least once a second (its push); here every SETTLE_EVERY prints,
    // a second's worth at the aim of 5,000 prints a second.
    let since = 0;
    inFrames(many, (frame) => {
      open.score(frame);
      since += frame.length;
      if (since >= SETTLE_EVERY) {
        open.takeChanged();
        since = 0;
      }
    });
    open.takeChanged();
    const t2 = performance.now();
    buildMs.push(t1 - t0);
    indexRates.push(PRINTS / ((t2 - t1) / 1000));
    total = open.list.reduce((n, s) => n + s.realised.reduce((a, b) => a + b, 0), 0);

    const plain = snaps.map(scoredSnapshot);
    const t3 = performance.now();
    inFrames(few, (frame) => {
      for (const s of plain) scorePrints(s, frame);
    });
    plainRates.push(PLAIN_PRINTS / ((performance.now() - t3) / 1000));
  }
  if (!(total > 0)) throw new Error('no print fell in any band: the bench scores nothing');
  return [
    { label: 'open snapshots (a view a minute for a day)', value: OPEN_SNAPSHOTS, unit: 'snapshots' },
    { label: 'bands per snapshot', value: 2 * BANDS_PER_SIDE, unit: 'bands' },
    {
      label: `prints scored per second, in batches (figures asked every ${SETTLE_EVERY.toLocaleString('en-US')} prints)`,
      value: Math.round(median(indexRates)),
      unit: '/s',
    },
    { label: 'adding the open snapshots', value: Number(median(buildMs).toFixed(1)), unit: 'ms' },
    {
      label: 'prints scored per second, every band of every snapshot',
      value: Math.round(median(plainRates)),
      unit: '/s',
    },
  ];
}

export const SCORING_CASES: BenchCase[] = [
  {
    kind: 'metrics',
    name: 'realised-scoring',
    description:
      `the worker's band scoring in Node: ${OPEN_SNAPSHOTS.toLocaleString('en-US')} open snapshots of ` +
      `${2 * BANDS_PER_SIDE} bands, prints in frames of ${PER_FRAME} within ±3 % of P; batches sorted by price ` +
      '(lib/liquidations/open-scores.ts) beside a loop over every band of every open snapshot per print; median of 3',
    measure: () => measureScoring(),
  },
];
