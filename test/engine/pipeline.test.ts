import { describe, expect, it } from 'vitest';
import { createMemoryOiSnapshotStore } from '../../lib/engine/oi-snapshot-store';
import { createEngine, EngineInputError } from '../../lib/engine/pipeline';
import { createLiveEngine } from '../../lib/engine/setup';
import { createHttpClient } from '../../lib/http/client';
import { createSources } from '../../lib/sources/index';
import { FIXTURE_NOW } from '../../scripts/lib/sim/fixture-cases';
import type { Fault } from '../../scripts/lib/sim/index';
import { createSimulatorFetch } from '../../scripts/lib/sim/simulator';
import { market, params, simulated } from './helpers';

describe('bad input', () => {
  it('is refused before any request, naming the field', async () => {
    const { engine, http } = simulated(FIXTURE_NOW);
    await expect(engine.refresh('BTC/USDT', params())).rejects.toThrow(EngineInputError);
    await expect(engine.refresh('BTC/USDT', params())).rejects.toThrow(/^asset: /);
    await expect(engine.refresh('BTC', params({ interval: '2h' }))).rejects.toThrow(
      /^interval: expected one of 5m/,
    );
    await expect(engine.refresh('BTC', params({ window: '10m' }))).rejects.toThrow(/^window: /);
    expect(http.stats()).toEqual({});
  });

  it('venues not asked for are listed as disabled, and are not fetched', async () => {
    const { engine, http } = simulated(FIXTURE_NOW);
    const r = await engine.refresh('BTC', params({ window: '1d' }), { venues: ['okx'] });
    expect(r.venues.map((v) => [v.venue, v.status])).toEqual([
      ['binance', 'disabled'],
      ['bybit', 'disabled'],
      ['okx', 'ok'],
      ['hyperliquid', 'disabled'],
    ]);
    expect(Object.keys(http.stats())).toEqual(['okx']);
  });
});

describe('CoinGlass second opinion', () => {
  function engineWithKey(faults: Fault[] = []) {
    const fetch = createSimulatorFetch(market(), { now: FIXTURE_NOW, faults });
    return createLiveEngine({
      fetch,
      now: () => FIXTURE_NOW,
      oiStore: createMemoryOiSnapshotStore(),
      coinglassKey: 'sim-key',
    });
  }

  it('puts the aggregated map on the model’s bins: above the price shorts, below longs', async () => {
    const { engine } = engineWithKey();
    const r = await engine.refresh('BTC', params({ window: '1d' }));
    const view = r.view;
    if (!view) throw new Error('no view');
    expect(view.secondOpinion?.status).toBe('ok');
    expect(view.secondOpinion?.long).toHaveLength(view.bins.long.length);

    // The same map, read straight from the simulated CoinGlass answer.
    const raw = await createSimulatorFetch(market(), { now: FIXTURE_NOW })(
      'https://open-api-v4.coinglass.com/api/futures/liquidation/aggregated-map?symbol=BTC&range=7d',
      { headers: { 'CG-API-KEY': 'k' } },
    );
    const levels = Object.values(JSON.parse(await raw.text()).data.data as Record<string, number[][]>).flat();
    const top = view.bins.low + view.bins.width * view.bins.long.length;
    const sum = (side: 'long' | 'short') =>
      levels
        .filter(([p]) => (p as number) >= view.bins.low && (p as number) < top)
        .filter(([p]) => (side === 'short' ? (p as number) > view.price : (p as number) < view.price))
        .reduce((s, l) => s + (l[1] as number), 0);
    const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    expect(total(view.secondOpinion?.short ?? [])).toBeCloseTo(sum('short'), 2);
    expect(total(view.secondOpinion?.long ?? [])).toBeCloseTo(sum('long'), 2);
    expect(sum('short')).toBeGreaterThan(0);
  });

  it('says plainly when the key’s plan lacks the map, and the rest is unaffected', async () => {
    const { engine } = engineWithKey([
      {
        host: 'coinglass',
        kind: 'envelope-error',
        code: '400',
        msg: 'Upgrade your plan to access this endpoint.',
      },
    ]);
    const r = await engine.refresh('BTC', params({ window: '1d' }));
    expect(r.view?.secondOpinion?.status).toBe('failed');
    expect(r.view?.secondOpinion?.message).toMatch(/Professional plan/);
    expect(r.view?.secondOpinion?.message).not.toContain('sim-key');
    expect(r.view?.venues.slice(0, 3).map((v) => v.status)).toEqual(['ok', 'ok', 'ok']);
  });

  it('has no second opinion without a key', async () => {
    const { engine } = simulated(FIXTURE_NOW);
    const r = await engine.refresh('BTC', params({ window: '1d' }), { venues: ['bybit'] });
    expect(r.view?.secondOpinion).toBeUndefined();
  });
});

describe('a source that throws', () => {
  it('fails its venue only, in words, and the refresh goes on', async () => {
    const http = createHttpClient({
      fetch: createSimulatorFetch(market(), { now: FIXTURE_NOW }),
      now: () => FIXTURE_NOW,
    });
    const sources = createSources(http, { now: () => FIXTURE_NOW });
    const broken = {
      ...sources.bybit,
      snapshot: async () => {
        throw new TypeError('x is undefined');
      },
    };
    const engine = createEngine({
      sources: { ...sources, bybit: broken },
      now: () => FIXTURE_NOW,
      oiStore: createMemoryOiSnapshotStore(),
    });
    const r = await engine.refresh('BTC', params({ window: '1d' }), { venues: ['binance', 'bybit'] });
    expect(r.venues.find((v) => v.venue === 'bybit')?.message).toBe(
      'Bybit: unexpected error (x is undefined)',
    );
    expect(r.venues.find((v) => v.venue === 'binance')?.status).toBe('ok');
    expect(r.view).not.toBeNull();
  });
});
