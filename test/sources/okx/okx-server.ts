import type { HttpRequest } from '../../../lib/http/types';
import type { Answer } from './fake-http';

export const STEP = 15 * 60_000;
/** 2025-04-02T10:00:00Z, on a 15-minute boundary: the open time of the unfinished candle. */
export const NOW = 1_743_588_000_000;

const okxOk = (data: unknown) => ({ code: '0', msg: '', data });

/** Close of the candle opened at t: a value a test can recompute. */
export const closeAt = (t: number) => 80_000 + ((t / STEP) % 1000);
/** Contracts open at stamp T. */
export const contractsAt = (stamp: number) => 1_000_000 + ((stamp / STEP) % 500);

/**
 * A small OKX: `candles` keeps the latest 1,440 bars (the newest, opened at NOW, unconfirmed),
 * `history-candles` everything, `rubik` OI stamps every 15 minutes up to NOW; all newest first,
 * honouring `after`/`end` (strictly earlier) and `limit`.
 */
export function okxServer(extra?: (req: HttpRequest, url: URL) => Answer | undefined) {
  return (req: HttpRequest, url: URL): Answer => {
    const special = extra?.(req, url);
    if (special !== undefined) return special;
    const q = url.searchParams;
    const limit = Number(q.get('limit') ?? 100);
    switch (url.pathname) {
      case '/api/v5/market/candles':
      case '/api/v5/market/history-candles': {
        const before = Number(q.get('after') ?? NOW + 1);
        const oldest = url.pathname.endsWith('/candles') ? NOW - 1439 * STEP : 0;
        const rows: string[][] = [];
        for (let t = Math.floor((before - 1) / STEP) * STEP; t >= oldest && rows.length < limit; t -= STEP) {
          if (t > NOW) continue;
          const c = closeAt(t);
          rows.push([
            String(t),
            String(c - 5),
            String(c + 10),
            String(c - 10),
            String(c),
            '1200',
            '12',
            String(12 * c),
            t === NOW ? '0' : '1',
          ]);
        }
        return okxOk(rows);
      }
      case '/api/v5/rubik/stat/contracts/open-interest-history': {
        const end = Number(q.get('end') ?? NOW + 1);
        const rows: string[][] = [];
        for (
          let s = Math.min(NOW, Math.floor((end - 1) / STEP) * STEP);
          s > NOW - 1440 * STEP && rows.length < limit;
          s -= STEP
        ) {
          rows.push([String(s), String(contractsAt(s)), String(contractsAt(s) / 100), '0']);
        }
        return okxOk(rows);
      }
      case '/api/v5/public/instruments':
        return okxOk([
          {
            instType: 'SWAP',
            instId: q.get('instId'),
            ctVal: '0.01',
            ctMult: '1',
            ctValCcy: 'BTC',
            state: 'live',
          },
        ]);
      case '/api/v5/public/mark-price':
        return okxOk([{ instType: 'SWAP', instId: q.get('instId'), markPx: '84321.5', ts: '1743588686291' }]);
      default:
        throw new Error(`unexpected request ${req.url}`);
    }
  };
}
