import { type Market, tickFor } from '../market';
import { createRandom, mixSeed } from '../random';
import type { SimReply, SimRequest, SimRoute, VenueHandler } from '../types';

/** CoinGlass v4 with the user's key (`CG-API-KEY`): the aggregated liquidation map. */
const RANGES = ['1d', '7d', '30d', '1y'];

const fail = (status: number, code: string, msg: string): SimReply => ({ status, json: { code, msg } });

export const coinglassHandler: VenueHandler = {
  host: 'coinglass',
  hostname: 'open-api-v4.coinglass.com',
  route(req: SimRequest, market: Market): SimRoute | null {
    const { url, now, headers } = req;
    if (url.pathname !== '/api/futures/liquidation/aggregated-map') return null;
    return {
      endpoint: 'aggregated-map',
      weight: 1,
      reply: () => {
        const key = headers['cg-api-key'];
        if (!key) return fail(401, '401', 'API key missing.');
        const symbol = url.searchParams.get('symbol');
        if (symbol !== market.asset) return fail(200, '400', 'symbol not supported');
        const range = url.searchParams.get('range') ?? '1d';
        if (!RANGES.includes(range)) return fail(200, '400', 'range is invalid');
        // Liquidation levels around the price: longs below, shorts above, lumpy, in whole-dollar steps.
        const mark = market.markPrice('binance', now);
        const step = tickFor(mark, 3);
        const random = createRandom(mixSeed(market.seed, market.asset, 'coinglass', range));
        const data: Record<string, [number, number, null, null][]> = {};
        for (let k = -150; k <= 150; k++) {
          if (k === 0 || random() < 0.35) continue;
          const price = Math.round((mark + k * step) / step) * step;
          const distance = Math.abs(k) / 150;
          const usd = 2e6 * (0.3 + random() * 2) * Math.exp(-distance * 3) * (k % 17 === 0 ? 6 : 1);
          data[String(price)] = [[price, Number(usd.toFixed(2)), null, null]];
        }
        return { status: 200, json: { code: '0', msg: 'success', data: { data } } };
      },
    };
  },
};
