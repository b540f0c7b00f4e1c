import { alignDown, alignUp, fmt, intParam, sameLabels, stepsBetween } from '../format';
import { type Market, MINUTE } from '../market';
import type { SimReply, SimRequest, SimRoute, VenueHandler } from '../types';

/** Binance USDⓈ-M futures, `fapi.binance.com`: the endpoints and shapes of the real API. */
const INTERVALS = sameLabels(['1m', '3m', '5m', '15m', '30m', '1h', '2h', '4h', '6h', '8h', '12h', '1d']);
const OI_PERIODS = ['5m', '15m', '30m', '1h', '2h', '4h', '6h', '12h', '1d'];
const DEPTH_LIMITS = [5, 10, 20, 50, 100, 500, 1000];
const THIRTY_DAYS = 30 * 1440 * MINUTE;

const error = (status: number, code: number, msg: string): SimReply => ({ status, json: { code, msg } });
const badParam = (name: string) => error(400, -1130, `Data sent for parameter '${name}' is not valid.`);
const invalidSymbol = () => error(400, -1121, 'Invalid symbol.');

function klineWeight(limit: number): number {
  return limit < 100 ? 1 : limit < 500 ? 2 : limit <= 1000 ? 5 : 10;
}

function depthWeight(limit: number): number {
  return limit <= 50 ? 2 : limit === 100 ? 5 : limit === 500 ? 10 : 20;
}

/** Times in [from, to] stepping by `step`; the first `limit` when a start was given, else the last. */
function pick(times: number[], limit: number, fromStart: boolean): number[] {
  return fromStart ? times.slice(0, limit) : times.slice(Math.max(0, times.length - limit));
}

export const binanceHandler: VenueHandler = {
  host: 'binance',
  hostname: 'fapi.binance.com',
  route(req: SimRequest, market: Market): SimRoute | null {
    const { url, now } = req;
    const symbol = `${market.asset}USDT`;
    const q = url.searchParams;
    const profile = market.profile('binance');
    const px = (v: number) => fmt(v, profile.tick);
    const qty = (v: number) => fmt(v, profile.sizeStep);
    const symbolOk = () => q.get('symbol') === symbol;

    switch (url.pathname) {
      case '/fapi/v1/klines': {
        const limit = intParam(url, 'limit') ?? 500;
        return {
          endpoint: 'klines',
          weight: klineWeight(limit),
          reply: () => {
            if (!q.get('symbol')) return error(400, -1102, "Mandatory parameter 'symbol' was not sent.");
            if (!symbolOk()) return invalidSymbol();
            const step = INTERVALS[q.get('interval') ?? ''];
            if (!step) return error(400, -1120, 'Invalid interval.');
            if (!(limit >= 1 && limit <= 1500)) return badParam('limit');
            const startTime = intParam(url, 'startTime');
            const endTime = intParam(url, 'endTime');
            const first = Math.max(startTime ?? 0, alignUp(market.start, step));
            const last = Math.min(endTime ?? now, now - 1);
            const times = pick(
              stepsBetween(first, alignDown(last, step), step),
              limit,
              startTime !== undefined,
            );
            const rows = [];
            for (const t of times) {
              const c = market.candle('binance', t, step, now);
              if (!c) continue;
              const takerQuote = c.volume > 0 ? (c.quoteVolume * c.takerBuyVolume) / c.volume : 0;
              rows.push([
                t,
                px(c.open),
                px(c.high),
                px(c.low),
                px(c.close),
                qty(c.volume),
                t + step - 1,
                c.quoteVolume.toFixed(4),
                c.trades,
                qty(c.takerBuyVolume),
                takerQuote.toFixed(4),
                '0',
              ]);
            }
            return { status: 200, json: rows };
          },
        };
      }
      case '/futures/data/openInterestHist': {
        const limit = intParam(url, 'limit') ?? 30;
        return {
          endpoint: 'openInterestHist',
          weight: 0,
          reply: () => {
            if (!symbolOk()) return invalidSymbol();
            const period = q.get('period') ?? '';
            if (!OI_PERIODS.includes(period)) return badParam('period');
            if (!(limit >= 1 && limit <= 500)) return badParam('limit');
            const step = INTERVALS[period] as number;
            const startTime = intParam(url, 'startTime');
            const endTime = intParam(url, 'endTime');
            // Only the last 30 days are kept, and a start before them is refused rather than trimmed.
            if (startTime !== undefined && !(startTime >= now - THIRTY_DAYS)) return badParam('startTime');
            // Stamped T = measured at the instant T.
            const first = Math.max(startTime ?? 0, now - THIRTY_DAYS, market.start + MINUTE);
            const last = Math.min(endTime ?? now, now);
            const times = pick(
              stepsBetween(first, alignDown(last, step), step),
              limit,
              startTime !== undefined,
            );
            const rows = [];
            for (const t of times) {
              const oi = market.openInterest('binance', t);
              if (oi === null) continue;
              const value = oi * market.markPrice('binance', t - 1);
              rows.push({
                symbol,
                sumOpenInterest: oi.toFixed(8),
                sumOpenInterestValue: value.toFixed(8),
                CMCCirculatingSupply: '19812345.000',
                timestamp: t,
              });
            }
            return { status: 200, json: rows };
          },
        };
      }
      case '/fapi/v1/openInterest':
        return {
          endpoint: 'openInterest',
          weight: 1,
          reply: () => {
            if (!symbolOk()) return invalidSymbol();
            const oi = market.openInterest('binance', now) ?? 0;
            return { status: 200, json: { openInterest: qty(oi), symbol, time: now } };
          },
        };
      case '/fapi/v1/premiumIndex':
        return {
          endpoint: 'premiumIndex',
          weight: 1,
          reply: () => {
            const requested = q.get('symbol');
            if (requested !== null && requested !== symbol) return invalidSymbol();
            const mark = market.markPrice('binance', now);
            const funding = market.funding('binance', now);
            const body = {
              symbol,
              markPrice: mark.toFixed(8),
              indexPrice: (mark * 0.99992).toFixed(8),
              estimatedSettlePrice: (mark * 0.99995).toFixed(8),
              lastFundingRate: funding.rate.toFixed(8),
              interestRate: '0.00010000',
              nextFundingTime: funding.nextFundingTime,
              time: now,
            };
            return { status: 200, json: requested === null ? [body] : body };
          },
        };
      case '/fapi/v1/fundingInfo':
        return {
          endpoint: 'fundingInfo',
          weight: 0,
          reply: () => {
            // Lists only symbols with adjusted caps or a non-default interval.
            const list = [
              {
                symbol: '1000PEPEUSDT',
                adjustedFundingRateCap: '0.02000000',
                adjustedFundingRateFloor: '-0.02000000',
                fundingIntervalHours: 4,
                disclaimer: false,
              },
              {
                symbol: 'BLZUSDT',
                adjustedFundingRateCap: '0.03000000',
                adjustedFundingRateFloor: '-0.03000000',
                fundingIntervalHours: 4,
                disclaimer: false,
              },
            ];
            if (profile.fundingIntervalHours !== 8) {
              list.push({
                symbol,
                adjustedFundingRateCap: '0.02000000',
                adjustedFundingRateFloor: '-0.02000000',
                fundingIntervalHours: profile.fundingIntervalHours,
                disclaimer: false,
              });
            }
            return { status: 200, json: list };
          },
        };
      case '/fapi/v1/depth': {
        const limit = intParam(url, 'limit') ?? 500;
        return {
          endpoint: 'depth',
          weight: depthWeight(limit),
          reply: () => {
            if (!symbolOk()) return invalidSymbol();
            if (!DEPTH_LIMITS.includes(limit)) return badParam('limit');
            const book = market.book('binance', now, limit);
            const level = ([p, s]: [number, number]) => [px(p), qty(s)];
            return {
              status: 200,
              json: {
                lastUpdateId: 8_000_000_000 + Math.floor(now / 1000),
                E: now,
                T: now - 3,
                bids: book.bids.map(level),
                asks: book.asks.map(level),
              },
            };
          },
        };
      }
      default:
        return null;
    }
  },
};
