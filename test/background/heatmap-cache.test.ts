import { describe, expect, it, vi } from 'vitest';
import { createHeatmapCache, KEPT_HEATMAPS } from '../../lib/background/heatmap-cache';
import { buildClusterView } from '../../lib/engine/build-view';
import type { SeriesDoc } from '../../lib/market/series';
import type { ClusterView } from '../../lib/model/cluster-view';
import { computeHeatmap, type Heatmap } from '../../lib/model/heatmap';
import { encodeHeatmap } from '../../lib/model/heatmap-cells';
import { resolveParams } from '../../lib/model/params';
import { syntheticSeries, withLastCandleRevised } from '../../lib/model/synthetic';

const runs: Heatmap[] = [];
vi.mock('../../lib/model/heatmap', async (original) => {
  const actual = await original<typeof import('../../lib/model/heatmap')>();
  return {
    ...actual,
    computeHeatmap: (...args: Parameters<typeof actual.computeHeatmap>) => {
      const heatmap = actual.computeHeatmap(...args);
      runs.push(heatmap);
      return heatmap;
    },
  };
});

const resolved = resolveParams({ window: '2d', interval: '15m' });
if (!resolved.ok) throw new Error('parameters do not resolve');
const params = resolved.params;

function source() {
  const state: { series: SeriesDoc; view: ClusterView } = {
    series: syntheticSeries({ seed: 3, days: 2 }),
    view: {} as ClusterView,
  };
  const refresh = (series: SeriesDoc, fetchedAt: number) => {
    state.series = series;
    state.view = buildClusterView({ series, params, venues: [], fetchedAt });
  };
  refresh(state.series, 1);
  return {
    refresh,
    state,
    get: async () => ({ view: state.view }),
    getSeries: async () => state.series,
  };
}

describe('the heatmap cache', () => {
  it('computes once per view, and after a refresh copies the columns the refresh left alone', async () => {
    runs.length = 0;
    const src = source();
    const cache = createHeatmapCache(src);
    const first = await cache.get('BTC');
    await cache.get('BTC');
    expect(runs).toHaveLength(1);
    expect(first.fetchedAt).toBe(1);
    expect(first.heatmap).toEqual(encodeHeatmap(computeHeatmap(src.state.series, params), 900_000));

    const next = withLastCandleRevised(src.state.series);
    src.refresh(next, 2);
    runs.length = 0;
    const second = await cache.get('BTC');
    expect(second.fetchedAt).toBe(2);
    const made = runs[0] as Heatmap;
    expect(made.reused).toBe(made.times.length - 1);
    expect(second.heatmap).toEqual(encodeHeatmap(computeHeatmap(next, params), 900_000));
  });

  it('keeps the last heatmaps of the few assets asked for lately, not of every asset ever shown', async () => {
    const src = source();
    const cache = createHeatmapCache(src);
    const assets = Array.from({ length: KEPT_HEATMAPS + 1 }, (_, n) => `A${n}`);
    for (const asset of assets) await cache.get(asset);
    src.refresh(withLastCandleRevised(src.state.series), 2);
    runs.length = 0;
    await cache.get(assets[0] as string);
    await cache.get(assets.at(-1) as string);
    expect(runs.map((h) => h.reused > 0)).toEqual([false, true]);
  });
});
