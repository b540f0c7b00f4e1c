import type { HostId, HttpRequest } from './types';

/**
 * A sliding-window budget: at most `limit` units (weight or requests) in any `windowMs`.
 * `limit` is what we allow ourselves, a share of the venue's published `published` figure, because the
 * user's other tools (a trading terminal, a bot) spend the same per-IP budget.
 */
export interface BudgetRule {
  /** Log key: rules with the same key share one window (e.g. OKX's per-endpoint limits). */
  key: string;
  published: number;
  limit: number;
  windowMs: number;
  /** What one request costs: its weight, or one request whatever its weight. */
  unit: 'weight' | 'requests';
}

const MINUTE = 60_000;

function rule(key: string, published: number, share: number, windowMs: number, unit: BudgetRule['unit']) {
  return { key, published, limit: Math.max(1, Math.floor(published * share)), windowMs, unit };
}

// https://developers.binance.com/docs/derivatives/usds-margined-futures/general-info (2400 weight / min / IP);
// /futures/data/* has its own 1000 requests / 5 min; fundingRate and fundingInfo share 500 / 5 min.
const BINANCE_WEIGHT = rule('binance', 2400, 0.8, MINUTE, 'weight');
const BINANCE_FUTURES_DATA = rule('binance:futures-data', 1000, 0.8, 5 * MINUTE, 'requests');
const BINANCE_FUNDING = rule('binance:funding', 500, 0.8, 5 * MINUTE, 'requests');
// https://bybit-exchange.github.io/docs/v5/rate-limit: 600 requests / 5 s / IP, then a 403 and a ban of at
// least 10 minutes, so we stay at a fifth of it.
const BYBIT = rule('bybit', 600, 0.2, 5_000, 'requests');
// https://hyperliquid.gitbook.io/hyperliquid-docs/for-developers/api/rate-limits-and-user-limits
const HYPERLIQUID = rule('hyperliquid', 1200, 0.8, MINUTE, 'weight');
// The position scanner's `clearinghouseState` (weight 2): 600 a minute fit the IP's 1,200 weight, and the
// trader's own Hyperliquid tab spends the same budget, so the scanner keeps to half: 300 a minute.
export const HYPERLIQUID_POSITIONS = rule('hyperliquid:positions', 600, 0.5, MINUTE, 'requests');
// The estimate's requests (candles, books, meta) stop at 70 %, so that the scanner keeps at least the last tenth of
// the IP's budget however busy a refresh is: 120 weight, 60 `clearinghouseState` a minute.
export const HYPERLIQUID_ESTIMATE = rule('hyperliquid:estimate', 1200, 0.7, MINUTE, 'weight');
// CoinGlass budgets depend on the plan (Hobbyist 30 / min); `API-KEY-MAX-LIMIT` tightens it when sent.
const COINGLASS = rule('coinglass', 30, 0.66, MINUTE, 'requests');

// OKX limits each public endpoint separately, per IP (https://www.okx.com/docs-v5/en/#rest-api).
const OKX_WINDOW = 2_000;
const OKX_PUBLISHED: Record<string, number> = {
  '/api/v5/market/candles': 40,
  '/api/v5/market/history-candles': 20,
  '/api/v5/market/books': 40,
  '/api/v5/rubik/stat/contracts/open-interest-history': 10,
};
/** For OKX endpoints whose limit we have not looked up: as low as the lowest published one we use. */
export const OKX_DEFAULT_PUBLISHED = 10;
const OKX_SHARE = 0.75;

export function okxPublishedLimit(path: string): number {
  return OKX_PUBLISHED[path] ?? OKX_DEFAULT_PUBLISHED;
}

/** The budgets a request spends, host-wide first. */
export function budgetRules(req: HttpRequest): BudgetRule[] {
  const path = pathOf(req.url);
  switch (req.host) {
    case 'binance': {
      const rules = [BINANCE_WEIGHT];
      if (path.startsWith('/futures/data/')) rules.push(BINANCE_FUTURES_DATA);
      if (path === '/fapi/v1/fundingRate' || path === '/fapi/v1/fundingInfo') rules.push(BINANCE_FUNDING);
      return rules;
    }
    case 'bybit':
      return [BYBIT];
    case 'okx':
      return [rule(okxScope(path), okxPublishedLimit(path), OKX_SHARE, OKX_WINDOW, 'requests')];
    case 'hyperliquid':
      // Each kind's own rule leads, so the scanner's and the estimate's requests queue apart and neither holds up
      // the other; both spend the host's window.
      return hyperliquidType(req.body) === 'clearinghouseState'
        ? [HYPERLIQUID_POSITIONS, HYPERLIQUID]
        : [HYPERLIQUID_ESTIMATE, HYPERLIQUID];
    case 'coinglass':
      return [COINGLASS];
  }
}

/** OKX rate-limits (and answers 50011) per endpoint, so its pauses are per endpoint too. */
export function okxScope(path: string): string {
  return `okx:${path}`;
}

/** The keys under which a pause of this request's host is stored: the host, and for OKX the endpoint. */
export function pauseScopes(req: HttpRequest): string[] {
  return req.host === 'okx' ? [okxScope(pathOf(req.url))] : [req.host];
}

/**
 * The request's cost in its venue's weight units: the caller's figure, else the venue's documented one. For
 * Hyperliquid `weight` is the base weight (2 or 20); the per-item weight is added here and in `responseWeight`.
 */
export function requestWeight(req: HttpRequest): number {
  if (req.host === 'hyperliquid')
    return (req.weight ?? hyperliquidWeight(req.body)) + hyperliquidItemEstimate(req.body);
  if (req.weight !== undefined) return req.weight;
  if (req.host === 'binance') return binanceWeight(req.url);
  return 1;
}

function binanceWeight(url: string): number {
  const u = safeUrl(url);
  if (!u) return 1;
  const limitParam = u.searchParams.get('limit');
  if (
    /^\/fapi\/v1\/(klines|continuousKlines|indexPriceKlines|markPriceKlines|premiumIndexKlines)$/.test(
      u.pathname,
    )
  ) {
    const limit = limitParam === null ? 500 : Number(limitParam);
    if (limit < 100) return 1;
    if (limit < 500) return 2;
    if (limit <= 1000) return 5;
    return 10;
  }
  if (u.pathname === '/fapi/v1/depth') {
    const limit = limitParam === null ? 500 : Number(limitParam);
    if (limit <= 50) return 2;
    if (limit <= 100) return 5;
    if (limit <= 500) return 10;
    return 20;
  }
  if (u.pathname === '/fapi/v1/premiumIndex' && !u.searchParams.has('symbol')) return 10;
  return 1;
}

const HYPERLIQUID_LIGHT = new Set([
  'l2Book',
  'allMids',
  'clearinghouseState',
  'orderStatus',
  'spotClearinghouseState',
  'exchangeStatus',
]);
const HYPERLIQUID_PER_20_ITEMS = new Set([
  'recentTrades',
  'historicalOrders',
  'userFills',
  'userFillsByTime',
  'fundingHistory',
  'userFunding',
  'nonUserFundingUpdates',
  'twapHistory',
  'userTwapSliceFills',
  'userTwapSliceFillsByTime',
  'delegatorHistory',
  'delegatorRewards',
  'validatorStats',
]);

function hyperliquidType(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const type = (body as { type?: unknown }).type;
  return typeof type === 'string' ? type : undefined;
}

function hyperliquidWeight(body: unknown): number {
  const type = hyperliquidType(body);
  if (type === undefined) return 20;
  if (HYPERLIQUID_LIGHT.has(type)) return 2;
  if (type === 'userRole') return 60;
  return 20;
}

const CANDLE_SNAPSHOT_MAX = 5000;

/**
 * Hyperliquid charges some requests by the items they return. For `candleSnapshot` the count follows from
 * the requested range, so it is booked up front (concurrent requests then cannot overshoot); the rest
 * is charged by `responseWeight` once the answer is in.
 */
function hyperliquidItemEstimate(body: unknown): number {
  if (hyperliquidType(body) !== 'candleSnapshot') return 0;
  const req = (body as { req?: { interval?: unknown; startTime?: unknown; endTime?: unknown } }).req;
  if (typeof req?.interval !== 'string' || typeof req.startTime !== 'number') return 0;
  const match = /^(\d+)([mhd])$/.exec(req.interval);
  if (!match) return 0;
  const step = Number(match[1]) * { m: 60_000, h: 3_600_000, d: 86_400_000 }[match[2] as 'm' | 'h' | 'd'];
  const end = typeof req.endTime === 'number' ? req.endTime : req.startTime;
  const items = Math.min(CANDLE_SNAPSHOT_MAX, Math.floor(Math.max(0, end - req.startTime) / step) + 1);
  return Math.floor(items / 60);
}

/** Weight owed after the answer beyond what `requestWeight` booked (Hyperliquid's per-item weight). */
export function responseWeight(req: HttpRequest, json: unknown): number {
  if (req.host !== 'hyperliquid' || !Array.isArray(json)) return 0;
  const type = hyperliquidType(req.body);
  if (type === 'candleSnapshot')
    return Math.max(0, Math.floor(json.length / 60) - hyperliquidItemEstimate(req.body));
  if (type !== undefined && HYPERLIQUID_PER_20_ITEMS.has(type)) return Math.floor(json.length / 20);
  return 0;
}

/** How long a host is left alone after a rate-limit answer that did not say (no `Retry-After`). */
export function defaultPauseMs(host: HostId, kind: 'rate-limited' | 'banned'): number {
  if (kind === 'banned') return host === 'bybit' ? BYBIT_BAN_MS : 2 * MINUTE;
  if (host === 'okx') return OKX_WINDOW;
  if (host === 'bybit') return 5_000;
  return MINUTE;
}

/**
 * The longest a venue may keep us out, whatever its answer says (a `Retry-After` of 999999999999 s, an HTTP date in
 * the year 9999): Binance bans an IP "from 2 minutes to 3 days" (HTTP 418); Bybit's 403 ban is "at least 10
 * minutes", with no maximum published, so after half an hour we ask again (a still-banned IP just answers 403
 * again); OKX, Hyperliquid and CoinGlass limit per 2 s or per minute, so five minutes is more than any of their
 * windows. The user can also lift a pause at once (the popup's "Retry now").
 */
export const MAX_PAUSE_MS: Record<HostId, number> = {
  binance: 3 * 24 * 60 * MINUTE,
  bybit: 30 * MINUTE,
  okx: 5 * MINUTE,
  hyperliquid: 5 * MINUTE,
  coinglass: 5 * MINUTE,
};

/** Bybit: "HTTP 403 … the IP is banned for at least 10 minutes". */
export const BYBIT_BAN_MS = 10 * MINUTE;
/** Binance: "HTTP 403 is used when the WAF limit has been violated"; not documented how long: five minutes. */
export const BINANCE_WAF_PAUSE_MS = 5 * MINUTE;

export function pathOf(url: string): string {
  return safeUrl(url)?.pathname ?? url;
}

function safeUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}
