import { alignDown, fmt, intervalTable, intParam, stepsBetween } from '../format';
import { type Market, MINUTE } from '../market';
import type { SimReply, SimRequest, SimRoute, VenueHandler } from '../types';

/** Bybit v5 public market data, `api.bybit.com`, category `linear`. */
const KLINE_INTERVALS = intervalTable({
  '1': '1m',
  '3': '3m',
  '5': '5m',
  '15': '15m',
  '30': '30m',
  '60': '1h',
  '120': '2h',
  '240': '4h',
  '360': '6h',
  '720': '12h',
  D: '1d',
});
const OI_INTERVALS = intervalTable({
  '5min': '5m',
  '15min': '15m',
  '30min': '30m',
  '1h': '1h',
  '4h': '4h',
  '1d': '1d',
});

function envelope(now: number, result: unknown, retCode = 0, retMsg = 'OK'): SimReply {
  return { status: 200, json: { retCode, retMsg, result, retExtInfo: {}, time: now } };
}

/** The cursor Bybit sends, URL-encoded once: `lastid%3D…%26lasttime%3D<seconds>`. */
function readCursor(raw: string | null): number | undefined {
  if (!raw) return undefined;
  let text = raw;
  for (let i = 0; i < 3 && text.includes('%'); i++) text = decodeURIComponent(text);
  const match = /lasttime=(\d+)/.exec(text);
  return match ? Number(match[1]) * 1000 : Number.NaN;
}

export const bybitHandler: VenueHandler = {
  host: 'bybit',
  hostname: 'api.bybit.com',
  route(req: SimRequest, market: Market): SimRoute | null {
    const { url, now } = req;
    const q = url.searchParams;
    const symbol = `${market.asset}USDT`;
    const profile = market.profile('bybit');
    const px = (v: number) => fmt(v, profile.tick);
    const qty = (v: number) => fmt(v, profile.sizeStep);
    const fail = (retCode: number, retMsg: string) => envelope(now, {}, retCode, retMsg);
    const checkSymbol = (): SimReply | null => {
      if (q.get('category') !== 'linear') return fail(10001, 'params error: category is invalid');
      if (q.get('symbol') !== symbol) return fail(10001, 'params error: symbol invalid');
      return null;
    };

    switch (url.pathname) {
      case '/v5/market/kline':
        return {
          endpoint: 'kline',
          weight: 1,
          reply: () => {
            const bad = checkSymbol();
            if (bad) return fail(10001, 'Not supported symbols');
            const step = KLINE_INTERVALS[q.get('interval') ?? ''];
            if (!step) return fail(10001, 'Invalid period!');
            const limit = Math.min(1000, Math.max(1, intParam(url, 'limit') ?? 200));
            const first = Math.max(intParam(url, 'start') ?? 0, market.start);
            const last = Math.min(intParam(url, 'end') ?? now, now - 1);
            // Newest first; the newest `limit` candles of the range, the forming one included.
            const times = stepsBetween(first, alignDown(last, step), step).reverse().slice(0, limit);
            const list = [];
            for (const t of times) {
              const c = market.candle('bybit', t, step, now);
              if (!c) continue;
              list.push([
                String(t),
                px(c.open),
                px(c.high),
                px(c.low),
                px(c.close),
                qty(c.volume),
                c.quoteVolume.toFixed(4),
              ]);
            }
            return envelope(now, { symbol, category: 'linear', list });
          },
        };
      case '/v5/market/open-interest':
        return {
          endpoint: 'open-interest',
          weight: 1,
          reply: () => {
            const bad = checkSymbol();
            if (bad) return bad;
            const step = OI_INTERVALS[q.get('intervalTime') ?? ''];
            if (!step) return fail(10001, 'params error: intervalTime invalid');
            const limit = Math.min(200, Math.max(1, intParam(url, 'limit') ?? 50));
            const before = readCursor(q.get('cursor'));
            if (Number.isNaN(before)) return fail(10001, 'params error: cursor invalid');
            const first = Math.max(intParam(url, 'startTime') ?? 0, market.start + MINUTE);
            let last = Math.min(intParam(url, 'endTime') ?? now, now);
            if (before !== undefined) last = Math.min(last, before - 1);
            const all = stepsBetween(first, alignDown(last, step), step).reverse();
            const times = all.slice(0, limit);
            const list = [];
            for (const t of times) {
              const oi = market.openInterest('bybit', t);
              if (oi === null) continue;
              // `openInterest` counts both sides (the docs' reading); `singleOpenInterest` one side.
              list.push({
                openInterest: (2 * oi).toFixed(8),
                singleOpenInterest: qty(oi),
                timestamp: String(t),
              });
            }
            const oldest = times[times.length - 1];
            const more = all.length > times.length && oldest !== undefined;
            const nextPageCursor = more
              ? encodeURIComponent(
                  `lastid=${Math.floor((oldest - market.start) / MINUTE)}&lasttime=${oldest / 1000}`,
                )
              : '';
            return envelope(now, { symbol, category: 'linear', list, nextPageCursor });
          },
        };
      case '/v5/market/tickers':
        return {
          endpoint: 'tickers',
          weight: 1,
          reply: () => {
            if (q.get('category') !== 'linear') return fail(10001, 'params error: category is invalid');
            const requested = q.get('symbol');
            if (requested !== null && requested !== symbol)
              return fail(10001, 'params error: symbol invalid');
            const mark = market.markPrice('bybit', now);
            const funding = market.funding('bybit', now);
            const oi = market.openInterest('bybit', now) ?? 0;
            const day = market.day('bybit', now);
            const hourAgo = market.markPrice('bybit', now - 60 * MINUTE);
            const ticker = {
              symbol,
              lastPrice: px(mark),
              indexPrice: px(mark * 0.99994),
              markPrice: px(mark),
              prevPrice24h: px(day.open),
              price24hPcnt: (mark / day.open - 1).toFixed(6),
              highPrice24h: px(day.high),
              lowPrice24h: px(day.low),
              prevPrice1h: px(hourAgo),
              openInterest: qty(2 * oi),
              openInterestValue: (2 * oi * mark).toFixed(2),
              turnover24h: day.quote.toFixed(4),
              volume24h: qty(day.volume),
              fundingRate: funding.rate.toFixed(8),
              nextFundingTime: String(funding.nextFundingTime),
              predictedDeliveryPrice: '',
              basisRate: '',
              deliveryFeeRate: '',
              deliveryTime: '0',
              ask1Size: '2.150',
              bid1Price: px(mark - profile.tick),
              ask1Price: px(mark + profile.tick),
              bid1Size: '3.412',
              basis: '',
              preOpenPrice: '',
              preQty: '',
              curPreListingPhase: '',
              fundingIntervalHour: String(profile.fundingIntervalHours),
              basisRateYear: '',
              fundingCap: '0.005',
            };
            return envelope(now, { category: 'linear', list: [ticker] });
          },
        };
      case '/v5/market/instruments-info':
        return {
          endpoint: 'instruments-info',
          weight: 1,
          reply: () => {
            if (q.get('category') !== 'linear') return fail(10001, 'params error: category is invalid');
            const requested = q.get('symbol');
            if (requested !== null && requested !== symbol) {
              return envelope(now, { category: 'linear', list: [], nextPageCursor: '' });
            }
            const instrument = {
              symbol,
              contractType: 'LinearPerpetual',
              status: 'Trading',
              baseCoin: market.asset,
              quoteCoin: 'USDT',
              launchTime: '1585526400000',
              deliveryTime: '0',
              deliveryFeeRate: '',
              priceScale: String(Math.max(0, -Math.round(Math.log10(profile.tick)))),
              leverageFilter: { minLeverage: '1', maxLeverage: '100.00', leverageStep: '0.01' },
              priceFilter: { minPrice: '0.10', maxPrice: '1999999.80', tickSize: px(profile.tick) },
              lotSizeFilter: {
                maxOrderQty: '1190.000',
                minOrderQty: '0.001',
                qtyStep: '0.001',
                postOnlyMaxOrderQty: '1190.000',
                maxMktOrderQty: '500.000',
                minNotionalValue: '5',
              },
              unifiedMarginTrade: true,
              fundingInterval: profile.fundingIntervalHours * 60,
              settleCoin: 'USDT',
              copyTrading: 'both',
              upperFundingRate: '0.00375',
              lowerFundingRate: '-0.00375',
              isPreListing: false,
              preListingInfo: null,
              riskParameters: { priceLimitRatioX: '0.01', priceLimitRatioY: '0.02' },
              symbolType: '',
            };
            return envelope(now, { category: 'linear', list: [instrument], nextPageCursor: '' });
          },
        };
      case '/v5/market/orderbook':
        return {
          endpoint: 'orderbook',
          weight: 1,
          reply: () => {
            const bad = checkSymbol();
            if (bad) return bad;
            const limit = Math.min(1000, Math.max(1, intParam(url, 'limit') ?? 25));
            const book = market.book('bybit', now, limit);
            const level = ([p, s]: [number, number]) => [px(p), qty(s)];
            return envelope(now, {
              s: symbol,
              b: book.bids.map(level),
              a: book.asks.map(level),
              ts: now - 2,
              u: Math.floor(now / 100) % 10_000_000,
              seq: 50_000_000_000 + Math.floor(now / 10),
              cts: now - 5,
            });
          },
        };
      default:
        return null;
    }
  },
};
