import { alignDown, fmt, sameLabels, stepsBetween } from '../format';
import type { Market } from '../market';
import type { SimReply, SimRequest, SimRoute, VenueHandler } from '../types';

/** Hyperliquid `POST api.hyperliquid.xyz/info`: one path, the `type` field of the JSON body decides. */
const INTERVALS = sameLabels(['1m', '3m', '5m', '15m', '30m', '1h', '2h', '4h', '8h', '12h', '1d']);
/** candleSnapshot serves the most recent 5,000 candles of an interval. */
const MAX_CANDLES = 5000;
const BOOK_LEVELS = 20;

/** Other listed coins, with fixed context, so the market's coin is found by name and index. */
const OTHERS: { name: string; szDecimals: number; maxLeverage: number; px: number; oi: number }[] = [
  { name: 'BTC', szDecimals: 5, maxLeverage: 40, px: 95_000, oi: 30_000 },
  { name: 'ETH', szDecimals: 4, maxLeverage: 25, px: 3_500, oi: 450_000 },
  { name: 'ATOM', szDecimals: 2, maxLeverage: 5, px: 6.04, oi: 1_882_550 },
  { name: 'SOL', szDecimals: 2, maxLeverage: 20, px: 180.5, oi: 3_100_000 },
];

const bad = (): SimReply => ({
  status: 422,
  text: 'Failed to deserialize the JSON body into the target type',
  headers: { 'content-type': 'text/plain' },
});

const str = (v: number) => String(Number(v.toPrecision(12)));

export const hyperliquidHandler: VenueHandler = {
  host: 'hyperliquid',
  hostname: 'api.hyperliquid.xyz',
  route(req: SimRequest, market: Market): SimRoute | null {
    const { url, now, body } = req;
    if (url.pathname !== '/info' || req.method !== 'POST') return null;
    const coin = market.asset;
    const profile = market.profile('hyperliquid');
    const px = (v: number) => str(Number(fmt(v, profile.tick)));
    const sz = (v: number) => fmt(v, profile.sizeStep);
    const request = (body ?? {}) as { type?: unknown; coin?: unknown; req?: Record<string, unknown> };

    switch (request.type) {
      case 'metaAndAssetCtxs':
        return {
          endpoint: 'metaAndAssetCtxs',
          weight: 20,
          reply: () => {
            const listed = OTHERS.some((o) => o.name === coin)
              ? OTHERS
              : [...OTHERS, { name: coin, szDecimals: 4, maxLeverage: 10, px: 1, oi: 1 }];
            const universe = listed.map(({ name, szDecimals, maxLeverage }) => ({
              name,
              szDecimals,
              maxLeverage,
            }));
            const ctxs = listed.map((o) => {
              if (o.name !== coin) {
                return {
                  dayNtlVlm: str(o.px * o.oi * 0.8),
                  funding: '0.0000125',
                  impactPxs: [str(o.px * 0.9998), str(o.px * 1.0002)],
                  markPx: str(o.px),
                  midPx: str(o.px),
                  openInterest: str(o.oi),
                  oraclePx: str(o.px * 1.0001),
                  premium: '0.00031774',
                  prevDayPx: str(o.px * 1.02),
                  dayBaseVlm: str(o.oi * 0.8),
                };
              }
              const mark = market.markPrice('hyperliquid', now);
              const funding = market.funding('hyperliquid', now);
              const day = market.day('hyperliquid', now);
              return {
                dayNtlVlm: day.quote.toFixed(6),
                // Hourly rate.
                funding: funding.rate.toFixed(10),
                impactPxs: [px(mark - profile.tick), px(mark + profile.tick)],
                markPx: px(mark),
                midPx: str(mark + profile.tick / 2),
                // Coins, one side.
                openInterest: sz(market.openInterest('hyperliquid', now) ?? 0),
                oraclePx: px(mark * 0.99995),
                premium: '0.00010438',
                prevDayPx: px(day.open),
                dayBaseVlm: sz(day.volume),
              };
            });
            return { status: 200, json: [{ universe }, ctxs] };
          },
        };
      case 'candleSnapshot':
        return {
          endpoint: 'candleSnapshot',
          weight: 20,
          reply: () => {
            const r = request.req;
            if (!r || typeof r.coin !== 'string' || typeof r.interval !== 'string') return bad();
            const step = INTERVALS[r.interval];
            if (!step || typeof r.startTime !== 'number') return bad();
            if (r.coin !== coin) return { status: 200, json: [] };
            const forming = alignDown(now, step);
            const end = typeof r.endTime === 'number' ? Math.min(r.endTime, now - 1) : now - 1;
            const first = Math.max(r.startTime, market.start, forming - (MAX_CANDLES - 1) * step);
            const out = [];
            for (const t of stepsBetween(first, end, step)) {
              const c = market.candle('hyperliquid', t, step, now);
              if (!c) continue;
              out.push({
                t,
                T: t + step - 1,
                s: coin,
                i: r.interval,
                o: px(c.open),
                c: px(c.close),
                h: px(c.high),
                l: px(c.low),
                v: sz(c.volume),
                n: c.trades,
              });
            }
            return { status: 200, json: out };
          },
        };
      case 'l2Book':
        return {
          endpoint: 'l2Book',
          weight: 2,
          reply: () => {
            if (typeof request.coin !== 'string') return bad();
            if (request.coin !== coin) return { status: 200, json: null };
            const book = market.book('hyperliquid', now, BOOK_LEVELS);
            const level = ([p, s]: [number, number], i: number) => ({ px: px(p), sz: sz(s), n: 1 + (i % 5) });
            return {
              status: 200,
              json: { coin, time: now, levels: [book.bids.map(level), book.asks.map(level)] },
            };
          },
        };
      default:
        return { endpoint: 'info', weight: 20, reply: bad };
    }
  },
};
