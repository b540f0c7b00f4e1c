import type { Venue } from '../../../lib/market/venue';
import type { Fault } from './faults';

/**
 * What `scripts/make-fixtures.ts` records, shared with the tests that replay it. Changing anything here
 * means running `npx tsx scripts/make-fixtures.ts` again.
 */

/** The recording's clock: a Friday, five and a half minutes into a 15-minute candle. */
export const FIXTURE_NOW = Date.UTC(2026, 10, 20, 12, 5, 30);
/** The btc-all replay has a warm refresh this much later (same candle: its cold URLs replay exactly). */
export const WARM_AFTER_MS = 60_000;
export const FIXTURE_SEED = 20261120;
export const FIXTURE_ASSET = 'BTC';
/** The healthy replays: a week of 15-minute history. The broken ones: a day (keeps the files small). */
export const FIXTURE_WINDOW = '7d';
export const BROKEN_WINDOW = '1d';

export interface BrokenCase {
  /** File name: `test/fixtures/har/broken/<name>.har`. */
  name: string;
  venue: Venue;
  faults: Fault[];
  /** The failure kind the venue must end with. */
  kind: string;
  /** Words the venue's message must contain (besides the venue's name), checked case-insensitively. */
  says: RegExp;
}

/** Each breaks one venue, the way venues do break; the others stay healthy. */
export const BROKEN_CASES: BrokenCase[] = [
  {
    name: 'binance-html-error-page',
    venue: 'binance',
    faults: [{ host: 'binance', endpoint: 'klines', kind: 'html', status: 502 }],
    kind: 'http',
    says: /server error \(klines, HTTP 502\)/i,
  },
  {
    name: 'bybit-truncated-json',
    venue: 'bybit',
    faults: [{ host: 'bybit', endpoint: 'kline', kind: 'truncated' }],
    kind: 'bad-response',
    says: /kline.*(cut off|malformed)/i,
  },
  {
    name: 'okx-renamed-field',
    venue: 'okx',
    faults: [
      {
        host: 'okx',
        endpoint: 'funding-rate',
        kind: 'renamed-field',
        from: 'fundingRate',
        to: 'fundingRateValue',
      },
    ],
    kind: 'bad-response',
    says: /funding-rate.*fundingRate/i,
  },
  {
    name: 'binance-429-retry-after',
    venue: 'binance',
    faults: [{ host: 'binance', kind: 'rate-limited', retryAfter: 30 }],
    kind: 'rate-limited',
    says: /rate-limiting/i,
  },
  {
    name: 'binance-418-banned',
    venue: 'binance',
    faults: [{ host: 'binance', kind: 'banned', retryAfter: 120 }],
    kind: 'banned',
    says: /banned/i,
  },
  {
    name: 'binance-451-region',
    venue: 'binance',
    faults: [{ host: 'binance', kind: 'region' }],
    kind: 'region',
    says: /unavailable in your region/i,
  },
  {
    name: 'bybit-retcode',
    venue: 'bybit',
    faults: [
      {
        host: 'bybit',
        endpoint: 'kline',
        kind: 'envelope-error',
        code: 10016,
        msg: 'Internal server error.',
      },
    ],
    kind: 'http',
    says: /10016|internal server error/i,
  },
  {
    name: 'okx-code',
    venue: 'okx',
    faults: [
      {
        host: 'okx',
        endpoint: 'candles',
        kind: 'envelope-error',
        code: '50026',
        msg: 'System error. Try again later.',
      },
    ],
    kind: 'http',
    says: /50026|system error/i,
  },
  {
    name: 'binance-empty-arrays',
    venue: 'binance',
    faults: [{ host: 'binance', endpoint: 'klines', kind: 'empty' }],
    kind: 'bad-response',
    says: /no candles/i,
  },
  {
    name: 'bybit-nan-strings',
    venue: 'bybit',
    faults: [{ host: 'bybit', endpoint: 'tickers', kind: 'nan', key: 'markPrice' }],
    kind: 'bad-response',
    says: /markPrice.*"NaN"/i,
  },
  {
    name: 'hyperliquid-truncated-json',
    venue: 'hyperliquid',
    faults: [{ host: 'hyperliquid', endpoint: 'candleSnapshot', kind: 'truncated' }],
    kind: 'bad-response',
    says: /(cut off|malformed)/i,
  },
];
