import { describe, expect, it } from 'vitest';
import { VENUE_LABEL, VENUES } from '../../lib/market/venue';
import { BROKEN_CASES, BROKEN_WINDOW, FIXTURE_NOW } from '../../scripts/lib/sim/fixture-cases';
import { loadHar, params, replay, seededStore, simulated } from './helpers';

/** Local wall-clock `HH:MM:SS`, as the messages show a retry time. */
const clock = (ms: number) => {
  const d = new Date(ms);
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
};

describe('broken replays: one venue fails, the others carry the view', () => {
  for (const c of BROKEN_CASES) {
    it(`${c.name}: ${VENUE_LABEL[c.venue]} failed with a clear message, the model ran on the other three`, async () => {
      const { engine } = replay(loadHar(`broken/${c.name}.har`), await seededStore());
      const result = await engine.refresh('BTC', params({ window: BROKEN_WINDOW }));
      const view = result.view;
      if (!view) throw new Error(result.error ?? 'no view');

      const broken = view.venues.find((v) => v.venue === c.venue);
      expect(broken?.status).toBe('failed');
      expect(broken?.failure).toBe(c.kind);
      expect(broken?.message?.startsWith(VENUE_LABEL[c.venue])).toBe(true);
      expect(broken?.message).toMatch(c.says);
      // One line, no raw dump.
      expect(broken?.message).not.toMatch(/\n|<html|\{"/);

      const others = view.venues.filter((v) => v.venue !== c.venue);
      expect(others.map((v) => [v.venue, v.status])).toEqual(
        VENUES.filter((v) => v !== c.venue).map((v) => [v, 'ok']),
      );
      expect(result.series?.venues.map((v) => v.venue).sort()).toEqual(
        VENUES.filter((v) => v !== c.venue).sort(),
      );
      expect(result.allFailed).toBe(false);
      expect(result.error).toBeNull();
      const notional = [...view.bins.long, ...view.bins.short].reduce((a, b) => a + b, 0);
      expect(notional).toBeGreaterThan(0);
      expect(view.diagnostics.candles).toBe(3 * 96);
    });
  }

  it('the messages read as a trader would want them (hand-checked)', async () => {
    const messages: Record<string, string | null | undefined> = {};
    for (const c of BROKEN_CASES) {
      const { engine } = replay(loadHar(`broken/${c.name}.har`));
      const result = await engine.refresh('BTC', params({ window: BROKEN_WINDOW }));
      messages[c.name] = result.venues.find((v) => v.venue === c.venue)?.message;
    }
    expect(messages).toEqual({
      'binance-html-error-page': 'Binance had a server error (klines, HTTP 502) after 3 attempts',
      'bybit-truncated-json': 'Bybit kline: the response was not JSON (it was cut off or malformed)',
      'okx-renamed-field':
        'OKX funding-rate: data[0].fundingRate: expected a number string, got nothing (the field is missing)',
      // Retry-After 30 s and 120 s from 12:05:30 UTC, shown in local time.
      'binance-429-retry-after': `Binance is rate-limiting requests (premiumIndex); retrying after ${clock(FIXTURE_NOW + 30_000)}`,
      'binance-418-banned': `Binance has temporarily banned this IP address for too many requests (premiumIndex); retrying after ${clock(FIXTURE_NOW + 120_000)}`,
      'binance-451-region': 'Binance is unavailable in your region (premiumIndex)',
      'bybit-retcode': 'Bybit kline: refused (retCode 10016: Internal server error.)',
      'okx-code': 'OKX candles: OKX refused the request with code 50026 (System error. Try again later.)',
      'binance-empty-arrays': 'Binance returned no candles for BTCUSDT',
      'bybit-nan-strings': 'Bybit tickers: result.list[0].markPrice: expected a number string, got "NaN"',
      'hyperliquid-truncated-json':
        'Hyperliquid candleSnapshot: the response was not JSON (it was cut off or malformed)',
    });
  });
});

describe('every venue failing', () => {
  it('gives no view and one line naming each venue and its problem', async () => {
    const { engine } = simulated(FIXTURE_NOW, {
      faults: [
        { host: 'binance', kind: 'region' },
        { host: 'bybit', kind: 'region', status: 403 },
        { host: 'okx', kind: 'network' },
        { host: 'hyperliquid', kind: 'status', status: 500 },
      ],
    });
    const result = await engine.refresh('BTC', params());
    expect(result.view).toBeNull();
    expect(result.series).toBeNull();
    expect(result.allFailed).toBe(true);
    expect(result.venues.map((v) => v.status)).toEqual(['failed', 'failed', 'failed', 'failed']);
    expect(result.error).toMatch(/^No venue could be reached: Binance .*; Bybit .*; OKX .*; Hyperliquid .*$/);
    expect(result.error).toContain('Binance is unavailable in your region');
    expect(result.error).toContain('OKX could not be reached');
    expect(result.error).toContain('Hyperliquid had a server error');
  });
});
