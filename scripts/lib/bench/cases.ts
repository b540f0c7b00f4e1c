import { durationMs } from '../../../lib/market/interval';
import type { SeriesDoc } from '../../../lib/market/series';
import type { BookDepthUsd } from '../../../lib/model/cascade';
import { computeHeatmap, type Heatmap } from '../../../lib/model/heatmap';
import { encodeHeatmap } from '../../../lib/model/heatmap-cells';
import { type ModelParams, resolveParams } from '../../../lib/model/params';
import { medianPrice, runModel } from '../../../lib/model/run-model';
import { syntheticDepth, syntheticSeries, withLastCandleRevised } from '../../../lib/model/synthetic';
import { HL_POSITIONS_CASES } from './hl-positions-cases';
import { createOverlayCases } from './overlay-cases';
import { PIPELINE_CASES } from './pipeline-cases';
import { createRealisedCases } from './realised-cases';
import { SCORING_CASES } from './scoring-cases';
import { type BenchCase, timedCase } from './types';

const SEED = 42;

interface ModelInput {
  doc: SeriesDoc;
  params: ModelParams;
  depth?: BookDepthUsd;
}

function modelInput(
  days: number,
  interval: string,
  withDepth = false,
  version: 'v1' | 'v2' = 'v1',
): ModelInput {
  const doc = syntheticSeries({ seed: SEED, days, interval });
  const resolved = resolveParams({ window: `${days}d`, interval, version });
  if (!resolved.ok) throw new Error('bench parameters do not resolve');
  const input: ModelInput = { doc, params: resolved.params };
  if (withDepth) {
    input.depth = syntheticDepth({ seed: SEED, price: medianPrice(doc.venues.map((v) => v.markPrice)) });
  }
  return input;
}

const candleCount = ({ doc }: ModelInput) => ({
  candles: doc.venues.reduce((n, v) => n + v.candles.length, 0),
  venues: doc.venues.length,
});

/** The heatmap as the worker makes it for a chart tab: the map at every candle's close, then its 8-bit cells. */
function heatmapCase(name: string, version: 'v1' | 'v2'): BenchCase {
  return timedCase<ModelInput>({
    name,
    description: `heatmap ${version} (the map at every candle close) + 8-bit cells, 7 d × 15 m × 4 venues`,
    setup: () => modelInput(7, '15m', false, version),
    run: ({ doc, params }) => encodeHeatmap(computeHeatmap(doc, params), durationMs(doc.interval)),
    info: (input) => {
      const cells = encodeHeatmap(computeHeatmap(input.doc, input.params), durationMs(input.doc.interval));
      return { ...candleCount(input), messageBytes: cells ? JSON.stringify(cells).length : 0 };
    },
    runs: 20,
    targetMedianMs: 50,
  });
}

/**
 * The heatmap after such a refresh, as the worker's cache makes it: from the asset's previous heatmap, whose columns
 * the refresh did not change are copied (all but the last, under v1).
 */
function heatmapRefreshCase(): BenchCase {
  return timedCase<ModelInput & { previous: Heatmap; next: SeriesDoc }>({
    name: 'heatmap-refresh-7d-15m',
    description: 'heatmap v1 + 8-bit cells after a refresh between two candles, from the previous heatmap',
    setup: () => {
      const input = modelInput(7, '15m');
      return {
        ...input,
        previous: computeHeatmap(input.doc, input.params),
        next: withLastCandleRevised(input.doc),
      };
    },
    run: ({ next, params, previous }) =>
      encodeHeatmap(computeHeatmap(next, params, previous), durationMs(next.interval)),
    info: (input) => ({
      ...candleCount(input),
      reusedColumns: computeHeatmap(input.next, input.params, input.previous).reused,
    }),
    runs: 20,
  });
}

/**
 * The benchmark registry: `npm run bench` runs these in order (`--only` picks by name). Other parts add
 * their cases here — the live pipeline on a HAR replay (timed), request counts per venue for a cold and a
 * warm refresh (metrics). Browser-side figures (overlay per frame, bundle sizes) come in through files in
 * out/bench/ instead: see imported.ts.
 */
export const BENCH_CASES: BenchCase[] = [
  heatmapCase('heatmap-7d-15m', 'v1'),
  heatmapCase('heatmap-v2-7d-15m', 'v2'),
  heatmapRefreshCase(),
  timedCase<ModelInput>({
    name: 'model-7d-15m',
    description: 'runModel, 7 d × 15 m × 4 venues',
    setup: () => modelInput(7, '15m'),
    run: ({ doc, params }) => runModel(doc, params),
    info: candleCount,
    runs: 40,
  }),
  timedCase<ModelInput>({
    name: 'model-30d-5m',
    description: 'runModel, 30 d × 5 m × 4 venues',
    setup: () => modelInput(30, '5m'),
    run: ({ doc, params }) => runModel(doc, params),
    info: candleCount,
    runs: 30,
    targetMedianMs: 50,
  }),
  timedCase<ModelInput>({
    name: 'model-v2-30d-5m',
    // Issue 11: under 50 ms and at most twice model-30d-5m (v2 is v1's ledger plus one pass over the bins).
    description: 'runModel v2, 30 d × 5 m × 4 venues',
    setup: () => modelInput(30, '5m', false, 'v2'),
    run: ({ doc, params }) => runModel(doc, params),
    info: candleCount,
    runs: 30,
    targetMedianMs: 50,
  }),
  timedCase<ModelInput>({
    name: 'model-7d-15m-depth',
    description: 'runModel with the cascade, 7 d × 15 m × 4 venues, 400 levels a side',
    setup: () => modelInput(7, '15m', true),
    run: ({ doc, params, depth }) => runModel(doc, params, depth),
    info: candleCount,
    runs: 40,
  }),
  ...PIPELINE_CASES,
  ...HL_POSITIONS_CASES,
  ...createOverlayCases(),
  ...createRealisedCases(),
  ...SCORING_CASES,
];
