import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildClusterView } from '../../lib/engine/build-view';
import { ClusterViewSchema, type VenueView } from '../../lib/model/cluster-view';
import { runModel } from '../../lib/model/run-model';
import {
  flat,
  HOUR,
  params,
  paramsArb,
  SIMPLE,
  seriesDoc,
  seriesDocArb,
  venueSeries,
} from '../model/helpers';

const series = seriesDoc([
  venueSeries(
    'binance',
    [flat(0, 100), flat(HOUR, 100, 10, null, 6)],
    [
      [0, 10],
      [HOUR, 11],
    ],
    100,
    'BTCUSDT',
  ),
]);
const p = params({ ...SIMPLE, binPct: 1, rangePct: 30 });
const venue: VenueView = {
  venue: 'binance',
  instrument: 'BTCUSDT',
  status: 'ok',
  message: null,
  failure: null,
  markPrice: 100,
  fundingRate8h: 0.0001,
  fundingRate: 0.0001,
  fundingIntervalHours: 8,
  nextFundingTime: 8 * HOUR,
  openInterestBase: 11,
  openInterestUsd: 1100,
  openInterestChange24hPct: 10,
  candles: 2,
  lastCandleTime: HOUR,
};
const depth = { asks: [[101, 1000] as [number, number]], bids: [[99, 1000] as [number, number]] };

describe('buildClusterView', () => {
  it('is the model result plus the venues, and a valid ClusterView', () => {
    const view = buildClusterView({ series, params: p, depth, venues: [venue] });
    const { venues, ...rest } = view;
    expect(venues).toEqual([venue]);
    expect(rest).toEqual(runModel(series, p, depth));
    expect('secondOpinion' in view || 'fetchedAt' in view).toBe(false);
    expect(ClusterViewSchema.safeParse(view).success).toBe(true);
  });

  it('carries the second opinion and the fetch time when given', () => {
    const secondOpinion = {
      source: 'coinglass' as const,
      status: 'failed' as const,
      message: 'no key',
      long: [],
      short: [],
    };
    const view = buildClusterView({ series, params: p, venues: [venue], secondOpinion, fetchedAt: 1234 });
    expect(view.secondOpinion).toEqual(secondOpinion);
    expect(view.fetchedAt).toBe(1234);
    expect(view.cascade).toEqual([]);
    const parsed = ClusterViewSchema.safeParse(view);
    expect(parsed.success).toBe(true);
  });

  it('keeps the output field order of model.md', () => {
    const view = buildClusterView({ series, params: p, venues: [], fetchedAt: 1 });
    expect(Object.keys(view)).toEqual([
      'asset',
      'price',
      'model',
      'bins',
      'bands',
      'atRisk',
      'cascade',
      'venues',
      'diagnostics',
      'fetchedAt',
    ]);
  });

  it('gives a valid ClusterView for any valid series and parameters', () => {
    fc.assert(
      fc.property(seriesDocArb(30), paramsArb, (doc, prm) => {
        const m = doc.venues[0]?.markPrice ?? 100;
        const d = {
          asks: [[m * 1.01, 1e4] as [number, number]],
          bids: [[m * 0.99, 1e4] as [number, number]],
        };
        const parsed = ClusterViewSchema.safeParse(
          buildClusterView({ series: doc, params: prm, depth: d, venues: [] }),
        );
        expect(parsed.error?.issues ?? []).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});
