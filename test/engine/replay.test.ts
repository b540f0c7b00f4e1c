import { beforeAll, describe, expect, it } from 'vitest';
import type { RefreshResult } from '../../lib/engine/pipeline';
import type { HarDocument } from '../../lib/http/har';
import { harNow } from '../../lib/http/har-replay';
import { type ClusterView, ClusterViewSchema } from '../../lib/model/cluster-view';
import { FIXTURE_NOW, WARM_AFTER_MS } from '../../scripts/lib/sim/fixture-cases';
import { counts, loadHar, params, replay, seededStore, total } from './helpers';

/** The body of the last recorded response whose URL (or POST body) contains `needle`. */
function body(har: HarDocument, needle: string): unknown {
  const hits = har.log.entries.filter(
    (e) => e.request.url.includes(needle) || (e.request.postData?.text ?? '').includes(needle),
  );
  const last = hits[hits.length - 1];
  if (!last) throw new Error(`no entry for ${needle}`);
  return JSON.parse(last.response.content.text ?? '');
}

describe('btc-all replay: cold refresh', () => {
  const har = loadHar('btc-all.har');
  const { engine, http, fetch } = replay(har);
  let result: RefreshResult;
  let view: ClusterView;
  beforeAll(async () => {
    result = await engine.refresh('BTC', params());
    if (!result.view) throw new Error(result.error ?? 'no view');
    view = result.view;
  });

  it('replays at the recording’s now, every request answered by an exact entry', () => {
    expect(harNow(har)).toBeGreaterThanOrEqual(FIXTURE_NOW + WARM_AFTER_MS);
    expect(fetch.log().every((l) => l.match === 'exact')).toBe(true);
    expect(ClusterViewSchema.safeParse(view).success).toBe(true);
  });

  it('sends 33 requests cold: Binance 8, Bybit 7, OKX 15, Hyperliquid 3', () => {
    // Binance: klines 499 + 173 (two cheap chunks), OI history 500 + 172, premiumIndex, openInterest,
    // fundingInfo, depth. Bybit: kline 672, OI history 200+200+200+72, tickers, orderbook. OKX: candles
    // 300+300+72, OI history 6×100+72, instruments, mark-price, funding-rate, open-interest, books.
    // Hyperliquid: candleSnapshot, metaAndAssetCtxs, l2Book.
    expect(counts(result.requests)).toEqual({ binance: 8, bybit: 7, okx: 15, hyperliquid: 3 });
    expect(total(result.requests)).toBeLessThanOrEqual(40);
    expect(counts(http.stats())).toEqual(counts(result.requests));
  });

  it('shows all four venues’ context, each figure as the venue sent it', () => {
    const byVenue = Object.fromEntries(view.venues.map((v) => [v.venue, v]));
    const premium = body(har, '/fapi/v1/premiumIndex') as { markPrice: string; lastFundingRate: string };
    const binanceOi = body(har, '/fapi/v1/openInterest') as { openInterest: string };
    expect(byVenue.binance?.markPrice).toBe(Number(premium.markPrice));
    expect(byVenue.binance?.fundingRate8h).toBe(Number(premium.lastFundingRate));
    expect(byVenue.binance?.openInterestUsd).toBeCloseTo(
      Number(binanceOi.openInterest) * Number(premium.markPrice),
      3,
    );

    // Bybit's ticker counts both sides: one side is half.
    const ticker = (
      body(har, '/v5/market/tickers') as { result: { list: { openInterest: string; markPrice: string }[] } }
    ).result.list[0];
    expect(byVenue.bybit?.openInterestBase).toBeCloseTo(Number(ticker?.openInterest) / 2, 6);

    // OKX: contracts × 0.01 BTC.
    const okxOi = (body(har, '/api/v5/public/open-interest') as { data: { oi: string }[] }).data[0];
    expect(byVenue.okx?.openInterestBase).toBeCloseTo(Number(okxOi?.oi) * 0.01, 6);

    // Hyperliquid's funding is hourly: ×8 for 8 hours.
    const [meta, ctxs] = body(har, 'metaAndAssetCtxs') as [
      { universe: { name: string }[] },
      { funding: string; markPx: string; openInterest: string }[],
    ];
    const ctx = ctxs[meta.universe.findIndex((u) => u.name === 'BTC')];
    expect(byVenue.hyperliquid?.fundingRate8h).toBeCloseTo(Number(ctx?.funding) * 8, 12);
    expect(byVenue.hyperliquid?.markPrice).toBe(Number(ctx?.markPx));
    expect(byVenue.hyperliquid?.openInterestBase).toBe(Number(ctx?.openInterest));

    for (const v of view.venues) {
      expect(v.markPrice, v.venue).not.toBeNull();
      expect(v.fundingRate8h, v.venue).not.toBeNull();
      expect(v.openInterestUsd, v.venue).toBeGreaterThan(0);
      expect(v.candles, v.venue).toBe(672);
      // The last complete candle at 12:06:30 opened at 11:45.
      expect(v.lastCandleTime, v.venue).toBe(Date.UTC(2026, 10, 20, 11, 45));
    }
  });

  it('uses Binance, Bybit and OKX; Hyperliquid says it is building its history', () => {
    expect(view.venues.map((v) => [v.venue, v.status])).toEqual([
      ['binance', 'ok'],
      ['bybit', 'ok'],
      ['okx', 'ok'],
      ['hyperliquid', 'no-ledger'],
    ]);
    expect(view.venues[3]?.message).toBe('Hyperliquid: building open-interest history (0 min of 4 h)');
    // Hyperliquid is in the model's input without open interest: its candles liquidate, it opens nothing.
    expect(result.series?.venues.map((v) => [v.venue, v.openInterest.length > 0])).toEqual([
      ['binance', true],
      ['bybit', true],
      ['okx', true],
      ['hyperliquid', false],
    ]);
    // P: the median of the four marks (mean of the middle two).
    const marks = result.series?.venues.map((v) => v.markPrice).sort((a, b) => a - b) ?? [];
    expect(view.price).toBe(((marks[1] ?? 0) + (marks[2] ?? 0)) / 2);
  });

  it('finds bands on both sides of the price', () => {
    expect(view.bands.some((b) => b.side === 'long' && b.high <= view.price)).toBe(true);
    expect(view.bands.some((b) => b.side === 'short' && b.low >= view.price)).toBe(true);
    expect(view.cascade.length).toBeGreaterThanOrEqual(2);
  });

  it('replays the recorded warm refresh a minute later with 7 requests', async () => {
    const warm = await engine.refresh('BTC', params(), { previous: result.state });
    // No candle closed since: only the snapshots (Binance premiumIndex + openInterest, Bybit tickers,
    // OKX mark-price + funding-rate + open-interest, Hyperliquid metaAndAssetCtxs); the books are fresh.
    expect(counts(warm.requests)).toEqual({ binance: 2, bybit: 1, okx: 3, hyperliquid: 1 });
    expect(warm.modes).toEqual({ binance: 'warm', bybit: 'warm', okx: 'warm', hyperliquid: 'warm' });
    expect(warm.view?.bins).toEqual(view.bins);
  });
});

describe('btc-all replay with a seeded Hyperliquid history', () => {
  it('uses all four venues once the snapshots cover the window', async () => {
    const { engine } = replay(loadHar('btc-all.har'), await seededStore());
    const result = await engine.refresh('BTC', params());
    expect(result.view?.venues.map((v) => v.status)).toEqual(['ok', 'ok', 'ok', 'ok']);
    const hl = result.series?.venues.find((v) => v.venue === 'hyperliquid');
    // Every candle of the week has a snapshot within 20 s of its end.
    expect(hl?.openInterest).toHaveLength(672);
    expect(result.view?.venues[3]?.openInterestChange24hPct).not.toBeNull();
  });
});

describe('per-venue replays', () => {
  for (const venue of ['binance', 'bybit', 'okx', 'hyperliquid'] as const) {
    it(`${venue}-btc.har replays a week of ${venue} alone`, async () => {
      const { engine, fetch } = replay(loadHar(`${venue}-btc.har`));
      const result = await engine.refresh('BTC', params(), { venues: [venue] });
      expect(fetch.log().every((l) => l.match === 'exact')).toBe(true);
      const view = result.view;
      expect(view?.venues.find((v) => v.venue === venue)?.candles).toBe(672);
      expect(view?.venues.filter((v) => v.venue !== venue).map((v) => v.status)).toEqual([
        'disabled',
        'disabled',
        'disabled',
      ]);
    });
  }
});

describe('btc-all replay on a later day', () => {
  it('fetches the window on the venues’ clock, so a recording replays the same on any day', async () => {
    const har = loadHar('btc-all.har');
    const onTime = replay(har);
    const expected = await onTime.engine.refresh('BTC', params());

    const later = replay(har);
    await later.clock.sleep(3 * 24 * 3_600_000);
    const result = await later.engine.refresh('BTC', params());
    expect(later.fetch.log().every((l) => l.match === 'exact')).toBe(true);
    expect(result.view?.venues.map((v) => v.status)).toEqual(expected.view?.venues.map((v) => v.status));
    expect(result.view?.bins).toEqual(expected.view?.bins);
    expect(result.view?.bands).toEqual(expected.view?.bands);
  });
});
