import type { FetchLike } from '../../../lib/http/types';
import { clearinghouseState, SIM_MARKETS, type SimAccount, type SimMarket } from './accounts';

/**
 * How an answer goes wrong. `rate-limited`: HTTP 429; `html`: a gateway's HTML page; `throttled`: HTTP 200
 * without `marginSummary` (the venue's silent throttling); `malformed`: a position whose `szi` is not a number.
 */
export type AccountFaultKind = 'rate-limited' | 'html' | 'throttled' | 'malformed';

export interface AccountFault {
  kind: AccountFaultKind;
  /** Only this address (all addresses when absent). */
  address?: string;
  /** The first `times` matching requests (all when absent). */
  times?: number;
  /** Only from this instant (ms) on. */
  from?: number;
  /** 429: the `Retry-After` seconds sent, if any. */
  retryAfter?: number;
}

export interface HlSimOptions {
  now: () => number;
  accounts: SimAccount[];
  markets?: SimMarket[];
  faults?: AccountFault[];
  /**
   * The venue's own limit: 1,200 weight a minute per IP. Past it, answers are 429. `otherWeightPerMinute` is
   * what the trader's own Hyperliquid tab spends of it.
   */
  weightPerMinute?: number;
  otherWeightPerMinute?: number;
}

export interface HlSimLogEntry {
  t: number;
  type: string;
  user?: string;
  status: number;
  fault: AccountFaultKind | 'over-limit' | null;
}

export interface HlSimFetch extends FetchLike {
  log: HlSimLogEntry[];
  setFaults(faults: AccountFault[]): void;
}

const HTML_PAGE =
  '<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>\n';

/**
 * Hyperliquid's `/info` for the position scanner: `clearinghouseState` for the simulated accounts (an unknown
 * address is an empty account, as on the venue), `metaAndAssetCtxs` for the markets, with faults per address
 * and the venue's per-minute weight limit.
 */
export function createHlSimFetch(options: HlSimOptions): HlSimFetch {
  const accounts = new Map(options.accounts.map((a) => [a.address.toLowerCase(), a]));
  const markets = options.markets ?? SIM_MARKETS;
  const limit = options.weightPerMinute ?? 1200;
  const others = options.otherWeightPerMinute ?? 0;
  const log: HlSimLogEntry[] = [];
  const weightByMinute = new Map<number, number>();
  let faults: { fault: AccountFault; used: number }[] = [];
  const setFaults = (next: AccountFault[]) => {
    faults = next.map((fault) => ({ fault, used: 0 }));
  };
  setFaults(options.faults ?? []);

  const reply = (status: number, body: string, headers: Record<string, string> = {}) => {
    const all = new Map(Object.entries({ 'content-type': 'application/json', ...headers }));
    return {
      status,
      headers: {
        get: (name: string) => all.get(name.toLowerCase()) ?? null,
        forEach: (cb: (value: string, key: string) => void) => {
          for (const [k, v] of all) cb(v, k);
        },
      },
      text: async () => body,
    };
  };

  const fetch = (async (url, init) => {
    const t = Math.floor(options.now());
    const date = new Date(t).toUTCString();
    if (!url.startsWith('https://api.hyperliquid.xyz/info') || (init?.method ?? 'GET') !== 'POST')
      return reply(404, 'Not Found', { 'content-type': 'text/plain' });
    let body: { type?: unknown; user?: unknown } = {};
    try {
      body = JSON.parse(init?.body ?? '{}');
    } catch {
      return reply(422, 'Failed to deserialize the JSON body', { 'content-type': 'text/plain' });
    }
    const type = String(body.type);
    const user = typeof body.user === 'string' ? body.user.toLowerCase() : undefined;
    const minute = Math.floor(t / 60_000);
    const used = (weightByMinute.get(minute) ?? others) + (type === 'clearinghouseState' ? 2 : 20);
    weightByMinute.set(minute, used);
    const entry: HlSimLogEntry = { t, type, status: 200, fault: null };
    if (user !== undefined) entry.user = user;
    log.push(entry);
    if (used > limit) {
      entry.status = 429;
      entry.fault = 'over-limit';
      return reply(429, 'null', { date });
    }
    if (type === 'metaAndAssetCtxs') {
      const universe = markets.map((m) => ({ name: m.coin, szDecimals: m.szDecimals, maxLeverage: 40 }));
      const ctxs = markets.map((m) => ({
        funding: '0.0000125',
        markPx: String(m.mark),
        midPx: String(m.mark),
        openInterest: String(m.openInterest),
        oraclePx: String(m.mark),
        premium: '0.0',
        dayNtlVlm: '1000000.0',
        prevDayPx: String(m.mark),
      }));
      return reply(200, JSON.stringify([{ universe }, ctxs]), { date });
    }
    if (type !== 'clearinghouseState' || user === undefined)
      return reply(422, 'Failed to deserialize the JSON body', { 'content-type': 'text/plain', date });

    const active = faults.find(
      ({ fault, used: n }) =>
        (fault.address === undefined || fault.address.toLowerCase() === user) &&
        (fault.times === undefined || n < fault.times) &&
        (fault.from === undefined || t >= fault.from),
    );
    const state = clearinghouseState(accounts.get(user), t) as Record<string, unknown>;
    if (!active) return reply(200, JSON.stringify(state), { date });
    active.used += 1;
    entry.fault = active.fault.kind;
    switch (active.fault.kind) {
      case 'rate-limited':
        entry.status = 429;
        return reply(429, 'null', {
          date,
          ...(active.fault.retryAfter !== undefined
            ? { 'retry-after': String(active.fault.retryAfter) }
            : {}),
        });
      case 'html':
        return reply(200, HTML_PAGE, { 'content-type': 'text/html', date });
      case 'throttled': {
        const { marginSummary: _, crossMarginSummary: __, ...rest } = state;
        return reply(200, JSON.stringify(rest), { date });
      }
      case 'malformed': {
        const broken = JSON.parse(JSON.stringify(state));
        const first = broken.assetPositions?.[0]?.position;
        if (first) first.szi = 'NaN';
        else broken.assetPositions = [{ position: { coin: 'BTC', szi: 'NaN' } }];
        return reply(200, JSON.stringify(broken), { date });
      }
    }
  }) as HlSimFetch;
  fetch.log = log;
  fetch.setFaults = setFaults;
  return fetch;
}
