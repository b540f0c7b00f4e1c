import { describe, expect, it } from 'vitest';
import { createMemoryOiSnapshotStore } from '../../lib/engine/oi-snapshot-store';
import { createMemorySeriesCache } from '../../lib/engine/series-cache';
import { createLiveEngine } from '../../lib/engine/setup';
import { FIXTURE_NOW } from '../../scripts/lib/sim/fixture-cases';
import { createSimulatorFetch } from '../../scripts/lib/sim/simulator';
import { counts, market, params, simulated, simulatedStore, total } from './helpers';

const MIN = 60_000;

describe('warm refresh', () => {
  it('equals a cold refresh over the same data, bin for bin', async () => {
    const later = FIXTURE_NOW + 45 * MIN;
    const warmSide = simulated(FIXTURE_NOW, { oiStore: await simulatedStore(later) });
    const first = await warmSide.engine.refresh('BTC', params());
    warmSide.setNow(later);
    const warm = await warmSide.engine.refresh('BTC', params(), { previous: first.state });
    expect(warm.modes).toEqual({ binance: 'warm', bybit: 'warm', okx: 'warm', hyperliquid: 'warm' });

    const coldSide = simulated(later, { oiStore: await simulatedStore(later) });
    const cold = await coldSide.engine.refresh('BTC', params());
    expect(cold.modes).toEqual({ binance: 'cold', bybit: 'cold', okx: 'cold', hyperliquid: 'cold' });

    expect(warm.series).toEqual(cold.series);
    expect(warm.view?.bins).toEqual(cold.view?.bins);
    expect(warm.view?.bands).toEqual(cold.view?.bands);
    expect(warm.view?.price).toBe(cold.view?.price);
    // Three candles closed in 45 minutes: the window slid by three.
    const first672 = first.series?.venues[0]?.candles ?? [];
    const warm672 = warm.series?.venues[0]?.candles ?? [];
    expect(warm672).toHaveLength(672);
    expect(warm672[0]?.[0]).toBe((first672[3] ?? [0])[0]);
    expect(warm.view?.venues.map((v) => v.status)).toEqual(['ok', 'ok', 'ok', 'ok']);
  });

  it('asks only for what is new: 7 requests within a candle, at most 12 when one has closed', async () => {
    const { engine, setNow } = simulated(FIXTURE_NOW);
    const cold = await engine.refresh('BTC', params());
    expect(total(cold.requests)).toBe(33);
    let previous = cold.state;
    const perMinute: { at: number; requests: Record<string, number> }[] = [];
    // A background refreshing every minute for an hour, from 12:06:30 to 13:05:30.
    for (let k = 1; k <= 60; k++) {
      const at = FIXTURE_NOW + k * MIN;
      setNow(at);
      const r = await engine.refresh('BTC', params(), { previous });
      previous = r.state;
      perMinute.push({ at, requests: counts(r.requests) });
    }
    const closed = (at: number, lag = 0) =>
      Math.floor((at - lag) / (15 * MIN)) !== Math.floor((at - lag - MIN) / (15 * MIN));
    for (const { at, requests } of perMinute) {
      const n = Object.values(requests).reduce((a, b) => a + b, 0);
      const when = new Date(at).toISOString();
      if (closed(at)) {
        // Binance klines + OI history + premiumIndex + openInterest; Bybit kline + OI history + tickers;
        // OKX only its snapshot (mark + funding + OI: its history waits a minute); Hyperliquid
        // candleSnapshot + metaAndAssetCtxs. The books wait too.
        expect(requests, when).toEqual({ binance: 4, bybit: 3, okx: 3, hyperliquid: 2 });
      } else if (closed(at, MIN)) {
        // A minute later, OKX's turn: candles + OI history + its snapshot.
        expect(requests, when).toEqual({ binance: 2, bybit: 1, okx: 5, hyperliquid: 1 });
      } else {
        // The snapshots (7), plus the four books when they are 5 minutes old (11).
        expect([7, 11], when).toContain(n);
      }
      expect(n, when).toBeLessThanOrEqual(12);
    }
    // Four candle closes in the hour (12:15, 12:30, 12:45, 13:00).
    expect(perMinute.filter((p) => closed(p.at))).toHaveLength(4);
    const all = perMinute.reduce((s, p) => s + Object.values(p.requests).reduce((a, b) => a + b, 0), 0);
    expect(all / perMinute.length).toBeLessThan(9);
  });

  it('falls back to cold when the interval changes or the cache does not reach the window start', async () => {
    const { engine } = simulated(FIXTURE_NOW);
    const first = await engine.refresh('BTC', params({ window: '1d' }));
    const wider = await engine.refresh('BTC', params({ window: '2d' }), { previous: first.state });
    expect(wider.modes.binance).toBe('cold');
    const hourly = await engine.refresh('BTC', params({ window: '2d', interval: '1h' }), {
      previous: wider.state,
    });
    expect(hourly.modes.binance).toBe('cold');
    const again = await engine.refresh('BTC', params({ window: '2d', interval: '1h' }), {
      previous: hourly.state,
    });
    expect(again.modes.binance).toBe('warm');
  });

  it('keeps its state in the cache when given one', async () => {
    let t = FIXTURE_NOW;
    const cache = createMemorySeriesCache();
    const { engine } = createLiveEngine({
      fetch: createSimulatorFetch(market(), { now: () => t }),
      now: () => t,
      sleep: async (ms) => {
        t += ms;
      },
      oiStore: createMemoryOiSnapshotStore(),
      cache,
    });
    const cold = await engine.refresh('btc', params({ window: '1d' }), { venues: ['bybit'] });
    expect(cold.modes).toEqual({ bybit: 'cold' });
    expect((await cache.get('BTC'))?.venues.map((v) => v.venue)).toEqual(['bybit']);
    t += MIN;
    const warm = await engine.refresh('BTC', params({ window: '1d' }), { venues: ['bybit'] });
    expect(warm.modes).toEqual({ bybit: 'warm' });
    expect(counts(warm.requests)).toEqual({ bybit: 1 });
  });
});
