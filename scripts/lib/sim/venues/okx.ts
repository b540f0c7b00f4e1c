import { alignDown, fmt, intervalTable, intParam, stepsBetween } from '../format';
import { type Market, MINUTE } from '../market';
import type { SimReply, SimRequest, SimRoute, VenueHandler } from '../types';

/** OKX v5, `www.okx.com`, USDT-margined swaps: sizes in contracts of `ctVal` base units. */
const BARS = intervalTable({
  '1m': '1m',
  '3m': '3m',
  '5m': '5m',
  '15m': '15m',
  '30m': '30m',
  '1H': '1h',
  '2H': '2h',
  '4H': '4h',
  '6Hutc': '6h',
  '12Hutc': '12h',
  '1Dutc': '1d',
});
const OI_PERIODS = intervalTable({
  '5m': '5m',
  '15m': '15m',
  '30m': '30m',
  '1H': '1h',
  '4H': '4h',
  '1D': '1d',
});
/** `candles` and the OI history keep the latest 1,440 points; `history-candles` everything. */
const RECENT_POINTS = 1440;

const envelope = (data: unknown[], code = '0', msg = ''): SimReply => ({
  status: 200,
  json: { code, msg, data },
});
const paramError = (name: string) => envelope([], '51000', `Parameter ${name} error`);
const noInstrument = () => envelope([], '51001', "Instrument ID or Spread ID doesn't exist.");

/**
 * Newest-first times in (before, after) — OKX's `after` asks for records earlier than it, `before` for
 * records newer than it — limited to the newest `limit`.
 */
function page(times: number[], url: URL, afterName: string, beforeName: string, limit: number): number[] {
  const after = intParam(url, afterName);
  const before = intParam(url, beforeName);
  return times
    .filter((t) => (after === undefined || t < after) && (before === undefined || t > before))
    .reverse()
    .slice(0, limit);
}

export const okxHandler: VenueHandler = {
  host: 'okx',
  hostname: 'www.okx.com',
  route(req: SimRequest, market: Market): SimRoute | null {
    const { url, now } = req;
    const q = url.searchParams;
    const instId = `${market.asset}-USDT-SWAP`;
    const ctVal = market.okxCtVal;
    const profile = market.profile('okx');
    const px = (v: number) => fmt(v, profile.tick);
    const contracts = (base: number) => fmt(base / ctVal, profile.sizeStep / ctVal);
    const base = (v: number) => fmt(v, profile.sizeStep);
    const instOk = () => q.get('instId') === instId;

    const candleRoute = (endpoint: 'candles' | 'history-candles', maxLimit: number): SimRoute => ({
      endpoint,
      weight: 1,
      reply: () => {
        if (!q.get('instId')) return paramError('instId');
        if (!instOk()) return noInstrument();
        const step = BARS[q.get('bar') ?? '1m'];
        if (!step) return paramError('bar');
        const limit = intParam(url, 'limit') ?? 100;
        if (!(limit >= 1 && limit <= maxLimit)) return paramError('limit');
        const forming = alignDown(now, step);
        const oldest =
          endpoint === 'candles'
            ? Math.max(market.start, forming - (RECENT_POINTS - 1) * step)
            : market.start;
        // history-candles serves closed candles only.
        const newest = endpoint === 'candles' ? forming : forming - step;
        const data = [];
        for (const t of page(stepsBetween(oldest, newest, step), url, 'after', 'before', limit)) {
          const c = market.candle('okx', t, step, now);
          if (!c) continue;
          data.push([
            String(t),
            px(c.open),
            px(c.high),
            px(c.low),
            px(c.close),
            contracts(c.volume),
            base(c.volume),
            c.quoteVolume.toFixed(4),
            c.complete ? '1' : '0',
          ]);
        }
        return envelope(data);
      },
    });

    switch (url.pathname) {
      case '/api/v5/market/candles':
        return candleRoute('candles', 300);
      case '/api/v5/market/history-candles':
        return candleRoute('history-candles', 100);
      case '/api/v5/rubik/stat/contracts/open-interest-history':
        return {
          endpoint: 'open-interest-history',
          weight: 1,
          reply: () => {
            if (!instOk()) return noInstrument();
            const step = OI_PERIODS[q.get('period') ?? '5m'];
            if (!step) return paramError('period');
            const limit = intParam(url, 'limit') ?? 100;
            if (!(limit >= 1 && limit <= 100)) return paramError('limit');
            const newest = alignDown(now, step);
            const oldest = Math.max(market.start + MINUTE, newest - (RECENT_POINTS - 1) * step);
            const data = [];
            for (const t of page(stepsBetween(oldest, newest, step), url, 'end', 'begin', limit)) {
              const oi = market.openInterest('okx', t);
              if (oi === null) continue;
              const usd = oi * market.markPrice('okx', t - 1);
              data.push([String(t), contracts(oi), base(oi), usd.toFixed(2)]);
            }
            return envelope(data);
          },
        };
      case '/api/v5/public/open-interest':
        return {
          endpoint: 'open-interest',
          weight: 1,
          reply: () => {
            if (q.get('instType') !== 'SWAP') return paramError('instType');
            if (q.get('instId') !== null && !instOk()) return noInstrument();
            const oi = market.openInterest('okx', now) ?? 0;
            const usd = oi * market.markPrice('okx', now);
            return envelope([
              {
                instType: 'SWAP',
                instId,
                oi: contracts(oi),
                oiCcy: base(oi),
                oiUsd: usd.toFixed(2),
                ts: String(now),
              },
            ]);
          },
        };
      case '/api/v5/public/funding-rate':
        return {
          endpoint: 'funding-rate',
          weight: 1,
          reply: () => {
            if (!instOk()) return noInstrument();
            const funding = market.funding('okx', now);
            const period = funding.intervalHours * 3_600_000;
            return envelope([
              {
                formulaType: 'noRate',
                fundingRate: funding.rate.toFixed(16),
                fundingTime: String(funding.nextFundingTime),
                impactValue: '',
                instId,
                instType: 'SWAP',
                interestRate: '',
                maxFundingRate: '0.00375',
                method: 'current_period',
                minFundingRate: '-0.00375',
                nextFundingRate: '',
                nextFundingTime: String(funding.nextFundingTime + period),
                premium: (funding.rate * 0.8).toFixed(16),
                settFundingRate: (funding.rate * 0.9).toFixed(16),
                settState: 'settled',
                ts: String(now),
              },
            ]);
          },
        };
      case '/api/v5/public/mark-price':
        return {
          endpoint: 'mark-price',
          weight: 1,
          reply: () => {
            if (q.get('instType') !== 'SWAP') return paramError('instType');
            if (q.get('instId') !== null && !instOk()) return noInstrument();
            return envelope([
              { instType: 'SWAP', instId, markPx: px(market.markPrice('okx', now)), ts: String(now) },
            ]);
          },
        };
      case '/api/v5/public/instruments':
        return {
          endpoint: 'instruments',
          weight: 1,
          reply: () => {
            if (q.get('instType') !== 'SWAP') return paramError('instType');
            const requested = q.get('instId');
            const all = [
              instrument(instId, market.asset, 'USDT', String(ctVal), 'linear', px(profile.tick)),
              instrument('ETH-USDT-SWAP', 'ETH', 'USDT', '0.1', 'linear', '0.01'),
              instrument('BTC-USD-SWAP', 'BTC', 'BTC', '100', 'inverse', '0.1'),
            ].filter((row, i, rows) => rows.findIndex((r) => r.instId === row.instId) === i);
            if (requested === null) return envelope(all);
            const found = all.filter((r) => r.instId === requested);
            return found.length ? envelope(found) : noInstrument();
          },
        };
      case '/api/v5/market/books':
        return {
          endpoint: 'books',
          weight: 1,
          reply: () => {
            if (!instOk()) return noInstrument();
            const sz = intParam(url, 'sz') ?? 1;
            if (!(sz >= 1 && sz <= 400)) return paramError('sz');
            const book = market.book('okx', now, sz);
            const level = ([p, s]: [number, number], i: number) => [
              px(p),
              contracts(s),
              '0',
              String(1 + (i % 7)),
            ];
            return envelope([
              {
                asks: book.asks.map(level),
                bids: book.bids.map(level),
                ts: String(now - 4),
                seqId: Math.floor(now / 10),
              },
            ]);
          },
        };
      default:
        return null;
    }
  },
};

function instrument(
  instId: string,
  asset: string,
  settle: string,
  ctVal: string,
  ctType: string,
  tickSz: string,
) {
  const linear = ctType === 'linear';
  return {
    alias: '',
    baseCcy: '',
    category: '1',
    ctMult: '1',
    ctType,
    ctVal,
    ctValCcy: linear ? asset : 'USD',
    expTime: '',
    instFamily: `${asset}-${linear ? 'USDT' : 'USD'}`,
    instId,
    instType: 'SWAP',
    lever: '100',
    listTime: '1611916828000',
    lotSz: '0.01',
    maxIcebergSz: '100000000.0000000000000000',
    maxLmtAmt: '20000000',
    maxLmtSz: '100000000',
    maxMktAmt: '',
    maxMktSz: '12000',
    maxStopSz: '12000',
    maxTriggerSz: '100000000.0000000000000000',
    maxTwapSz: '100000000.0000000000000000',
    minSz: '0.01',
    optType: '',
    quoteCcy: '',
    settleCcy: settle,
    state: 'live',
    stk: '',
    tickSz,
    uly: `${asset}-${linear ? 'USDT' : 'USD'}`,
  };
}
