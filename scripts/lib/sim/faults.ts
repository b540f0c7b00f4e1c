import type { SimHost, SimReply } from './types';

/**
 * What can go wrong with one venue's answer. A fault applies to the requests of `host` (and of
 * `endpoint` when given: the simulator's endpoint name such as `klines`, `kline`, `candles`,
 * `candleSnapshot`), for the first `times` matching requests (all of them by default).
 */
export type Fault = { host: SimHost; endpoint?: string; times?: number } & (
  | { kind: 'html'; status?: number }
  | { kind: 'truncated' }
  | { kind: 'renamed-field'; from: string; to: string }
  | { kind: 'rate-limited'; retryAfter?: number }
  | { kind: 'banned'; retryAfter?: number }
  | { kind: 'region'; status?: number }
  | { kind: 'envelope-error'; code?: string | number; msg?: string }
  | { kind: 'empty' }
  | { kind: 'nan'; key?: string; column?: number }
  | { kind: 'status'; status: number }
  | { kind: 'network' }
);

export type FaultKind = Fault['kind'];

const HTML_PAGE = `<!DOCTYPE html>
<html><head><title>502 Bad Gateway</title></head>
<body><center><h1>502 Bad Gateway</h1></center><hr><center>cloudflare</center></body></html>
`;

const REGION_MESSAGE =
  "Service unavailable from a restricted location according to 'b. Eligibility' in https://www.binance.com/en/terms. Please contact customer service if you believe you received this message in error.";

/** The venue's own words for "slow down" / "banned", in its usual envelope. */
function limitBody(host: SimHost, banned: boolean, now: number, retryAfter: number): unknown {
  switch (host) {
    case 'binance':
      return banned
        ? {
            code: -1003,
            msg: `Way too many requests; IP(127.0.0.1) banned until ${now + retryAfter * 1000}.`,
          }
        : {
            code: -1003,
            msg: 'Too many requests; current limit of IP(127.0.0.1) is 2400 requests per minute.',
          };
    case 'bybit':
      return { retCode: 10006, retMsg: 'Too many visits!', result: {}, retExtInfo: {}, time: now };
    case 'okx':
      return { code: '50011', msg: 'Too Many Requests', data: [] };
    case 'coinglass':
      return { code: '429', msg: 'Too Many Requests' };
    default:
      return null;
  }
}

function envelopeError(
  host: SimHost,
  now: number,
  code: string | number | undefined,
  msg: string | undefined,
) {
  switch (host) {
    case 'bybit':
      return {
        status: 200,
        json: {
          retCode: Number(code ?? 10016),
          retMsg: msg ?? 'Internal server error.',
          result: {},
          retExtInfo: {},
          time: now,
        },
      };
    case 'okx':
      return {
        status: 200,
        json: {
          code: String(code ?? '50001'),
          msg: msg ?? 'Service temporarily unavailable, please try again later.',
          data: [],
        },
      };
    case 'coinglass':
      return {
        status: 200,
        json: { code: String(code ?? '400'), msg: msg ?? 'Upgrade your plan to access this endpoint.' },
      };
    case 'binance':
      return { status: 400, json: { code: Number(code ?? -1121), msg: msg ?? 'Invalid symbol.' } };
    default:
      return { status: 500, json: null };
  }
}

/** Replies that replace the venue's answer entirely; null for faults that alter the real answer. */
export function replacementFor(fault: Fault, now: number): SimReply | null {
  switch (fault.kind) {
    case 'html':
      return { status: fault.status ?? 502, text: HTML_PAGE, headers: { 'content-type': 'text/html' } };
    case 'rate-limited': {
      const retryAfter = fault.retryAfter ?? 30;
      return {
        status: 429,
        json: limitBody(fault.host, false, now, retryAfter),
        headers: { 'retry-after': String(retryAfter) },
      };
    }
    case 'banned': {
      const retryAfter = fault.retryAfter ?? 120;
      return {
        status: 418,
        json: limitBody(fault.host, true, now, retryAfter),
        headers: { 'retry-after': String(retryAfter) },
      };
    }
    case 'region':
      return { status: fault.status ?? 451, json: { code: 0, msg: REGION_MESSAGE } };
    case 'envelope-error':
      return envelopeError(fault.host, now, fault.code, fault.msg);
    case 'status':
      return { status: fault.status, json: null };
    default:
      return null;
  }
}

/** Alters a real JSON answer (a deep copy): renamed fields, emptied lists, a "NaN" where a number was. */
export function alterJson(fault: Fault, json: unknown): unknown {
  const copy = structuredClone(json);
  switch (fault.kind) {
    case 'renamed-field':
      return renameKey(copy, fault.from, fault.to);
    case 'empty':
      return emptyLists(copy, true);
    case 'nan':
      firstNaN(copy, fault.key, fault.column);
      return copy;
    default:
      return copy;
  }
}

function renameKey(value: unknown, from: string, to: string): unknown {
  if (Array.isArray(value)) return value.map((v) => renameKey(v, from, to));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k === from ? to : k] = renameKey(v, from, to);
    return out;
  }
  return value;
}

const isRowList = (value: unknown[]) =>
  value.length > 0 && value.every((v) => Array.isArray(v) || (v !== null && typeof v === 'object'));

/** Every list of rows becomes empty; Hyperliquid's `[meta, ctxs]` pair keeps its two halves. */
function emptyLists(value: unknown, top: boolean): unknown {
  if (Array.isArray(value)) {
    const metaPair =
      top &&
      value.length === 2 &&
      value[0] !== null &&
      typeof value[0] === 'object' &&
      'universe' in value[0];
    if (metaPair) return [{ ...(value[0] as object), universe: [] }, []];
    const levelPair =
      value.length === 2 && value.every((v) => Array.isArray(v) && v.length > 0 && !Array.isArray(v[0]));
    if (levelPair) return [[], []];
    return isRowList(value) ? [] : value;
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = emptyLists(v, false);
    return out;
  }
  return value;
}

/** Puts "NaN" in the first place that matches: the value of `key`, or column `column` of a row. */
function firstNaN(value: unknown, key: string | undefined, column: number | undefined): boolean {
  if (Array.isArray(value)) {
    if (
      column !== undefined &&
      value.length > column &&
      !Array.isArray(value[0]) &&
      typeof value[column] !== 'object'
    ) {
      value[column] = 'NaN';
      return true;
    }
    return value.some((v) => firstNaN(v, key, column));
  }
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (key !== undefined && key in record && (typeof record[key] !== 'object' || record[key] === null)) {
      record[key] = 'NaN';
      return true;
    }
    return Object.values(record).some((v) => firstNaN(v, key, column));
  }
  return false;
}

/** The first half of a body, as a connection cut mid-answer leaves it. */
export function truncate(text: string): string {
  return text.slice(0, Math.max(1, Math.floor(text.length / 2)));
}
