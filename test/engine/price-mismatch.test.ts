import { describe, expect, it } from 'vitest';
import { createMemoryOiSnapshotStore } from '../../lib/engine/oi-snapshot-store';
import { createEngine } from '../../lib/engine/pipeline';
import { createVirtualClock } from '../../lib/engine/setup';
import { createHttpClient } from '../../lib/http/client';
import { createHarFetch, harNow } from '../../lib/http/har-replay';
import { createSources } from '../../lib/sources';
import type { VenueSource } from '../../lib/sources/types';
import { loadHar, params } from './helpers';

/** OKX listing another token under the same name: every price a thousand times the others'. */
function thousandfold(source: VenueSource): VenueSource {
  return {
    ...source,
    snapshot: async (asset) => {
      const r = await source.snapshot(asset);
      return r.ok ? { ok: true, value: { ...r.value, markPrice: r.value.markPrice * 1000 } } : r;
    },
    candles: async (asset, interval, from, to) => {
      const r = await source.candles(asset, interval, from, to);
      if (!r.ok) return r;
      const k = 1000;
      return {
        ok: true,
        value: r.value.map((c) => ({
          ...c,
          open: c.open * k,
          high: c.high * k,
          low: c.low * k,
          close: c.close * k,
        })),
      };
    },
  };
}

describe('a venue whose mark disagrees with the others', () => {
  it('is left out of the map, said so, and the others carry the view', async () => {
    const har = loadHar('btc-all.har');
    const clock = createVirtualClock(harNow(har));
    const http = createHttpClient({
      fetch: createHarFetch(har, { now: clock.now }),
      now: clock.now,
      sleep: clock.sleep,
    });
    const sources = createSources(http, { now: clock.now });
    const engine = createEngine({
      sources: { ...sources, okx: thousandfold(sources.okx) },
      now: clock.now,
      oiStore: createMemoryOiSnapshotStore(),
    });
    const result = await engine.refresh('BTC', params());
    const okx = result.view?.venues.find((v) => v.venue === 'okx');
    expect(okx?.status).toBe('failed');
    expect(okx?.failure).toBe('price-mismatch');
    // 1,000 × 99,272.4 against the median of all four marks (the middle two are the honest venues).
    expect(okx?.message).toBe(
      "OKX: its mark price 99,272,400 is +99,892.5 % from the venues' median 99,280, so BTC-USDT-SWAP is not the same market; left out of the map",
    );
    expect(result.series?.venues.map((v) => v.venue)).toEqual(['binance', 'bybit', 'hyperliquid']);
    expect(result.view?.price).toBeGreaterThan(99_000);
    expect(result.view?.price).toBeLessThan(100_000);
    expect(result.view?.bands.every((b) => b.high < 200_000)).toBe(true);
  });
});
