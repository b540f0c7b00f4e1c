import { describe, expect, it } from 'vitest';
import { FIXTURE_NOW } from '../../scripts/lib/sim/fixture-cases';
import { params, simulated } from './helpers';

const MIN = 60_000;

describe('a failed venue keeps its last good data for a while', () => {
  it('uses it (stale, said so) for up to an hour, then drops it', async () => {
    const { engine, sim, setNow } = simulated(FIXTURE_NOW);
    const good = await engine.refresh('BTC', params({ window: '1d' }));
    const goodBybit = good.series?.venues.find((v) => v.venue === 'bybit');
    expect(goodBybit?.candles).toHaveLength(96);

    sim.setFaults([{ host: 'bybit', kind: 'envelope-error', code: 10016, msg: 'Internal server error.' }]);
    setNow(FIXTURE_NOW + 12 * MIN);
    const stale = await engine.refresh('BTC', params({ window: '1d' }), { previous: good.state });
    const view = stale.view?.venues.find((v) => v.venue === 'bybit');
    expect(view?.status).toBe('failed');
    expect(view?.failure).toBe('http');
    expect(view?.message).toBe(
      'Bybit tickers: refused (retCode 10016: Internal server error.); showing its last good data, from 12 min ago',
    );
    // Its figures are the last good ones; its candles still count in the model, within the window (which
    // slid by the candle that closed at 12:15).
    expect(view?.markPrice).toBe(good.view?.venues.find((v) => v.venue === 'bybit')?.markPrice);
    expect(stale.series?.venues.map((v) => v.venue)).toEqual(['binance', 'bybit', 'okx', 'hyperliquid']);
    expect(stale.series?.venues.find((v) => v.venue === 'bybit')?.candles).toEqual(
      goodBybit?.candles.slice(1),
    );
    expect(stale.state.venues.find((v) => v.venue === 'bybit')?.fetchedAt).toBe(FIXTURE_NOW);
    expect(stale.allFailed).toBe(false);

    setNow(FIXTURE_NOW + 61 * MIN);
    const old = await engine.refresh('BTC', params({ window: '1d' }), { previous: stale.state });
    const oldView = old.view?.venues.find((v) => v.venue === 'bybit');
    expect(oldView?.status).toBe('failed');
    expect(oldView?.message).toBe('Bybit tickers: refused (retCode 10016: Internal server error.)');
    expect(oldView?.markPrice).toBeNull();
    expect(old.series?.venues.map((v) => v.venue)).toEqual(['binance', 'okx', 'hyperliquid']);

    // Healed: back to normal, and warm again (the kept state still covers the window).
    sim.setFaults([]);
    setNow(FIXTURE_NOW + 62 * MIN);
    const back = await engine.refresh('BTC', params({ window: '1d' }), { previous: old.state });
    expect(back.view?.venues.find((v) => v.venue === 'bybit')?.status).toBe('ok');
    expect(back.modes.bybit).toBe('warm');
  });

  it('with every venue failing but stale data at hand, still shows a view and says nothing was reached', async () => {
    const { engine, sim, setNow } = simulated(FIXTURE_NOW);
    const good = await engine.refresh('BTC', params({ window: '1d' }), { venues: ['binance', 'okx'] });
    sim.setFaults([
      { host: 'binance', kind: 'network' },
      { host: 'okx', kind: 'network' },
    ]);
    setNow(FIXTURE_NOW + 2 * MIN);
    const r = await engine.refresh('BTC', params({ window: '1d' }), {
      venues: ['binance', 'okx'],
      previous: good.state,
    });
    expect(r.allFailed).toBe(true);
    expect(r.view?.bins).toEqual(good.view?.bins);
    expect(r.error).toMatch(
      /^No venue could be reached: Binance could not be reached .*; OKX could not be reached/,
    );
  });
});
