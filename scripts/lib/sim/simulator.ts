import type { FetchLike } from '../../../lib/http/types';
import { alterJson, type Fault, replacementFor, truncate } from './faults';
import type { Market } from './market';
import type { SimHost, SimReply, SimRequest, VenueHandler } from './types';
import { binanceHandler } from './venues/binance';
import { bybitHandler } from './venues/bybit';
import { coinglassHandler } from './venues/coinglass';
import { hyperliquidHandler } from './venues/hyperliquid';
import { okxHandler } from './venues/okx';

const HANDLERS: VenueHandler[] = [
  binanceHandler,
  bybitHandler,
  okxHandler,
  hyperliquidHandler,
  coinglassHandler,
];

export interface SimLogEntry {
  host: SimHost | null;
  endpoint: string | null;
  method: string;
  url: string;
  status: number;
  weight: number;
  /** The fault that shaped the answer, if any. */
  fault: Fault['kind'] | null;
}

export interface SimulatorOptions {
  /** The simulated clock: a fixed instant or a function read at every request. */
  now: number | (() => number);
  faults?: Fault[];
}

export interface SimulatorFetch extends FetchLike {
  /** Every request answered so far, in order. */
  log: SimLogEntry[];
  /** Replaces the active faults (their `times` counters restart). */
  setFaults(faults: Fault[]): void;
}

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * A `FetchLike` that answers the venues' public endpoints from one simulated market, in each venue's
 * real response shape, honouring symbols, intervals, time ranges, limits and cursors. Unknown hosts and
 * paths get a 404. Faults replace or alter the answer of one venue or endpoint.
 */
export function createSimulatorFetch(market: Market, options: SimulatorOptions): SimulatorFetch {
  const read = typeof options.now === 'function' ? options.now : () => options.now as number;
  // Venues stamp whole milliseconds, whatever the caller's clock holds.
  const clock = () => Math.floor(read());
  let faults: { fault: Fault; used: number }[] = [];
  const log: SimLogEntry[] = [];
  const weightByMinute = new Map<string, number>();

  const setFaults = (next: Fault[]) => {
    faults = next.map((fault) => ({ fault, used: 0 }));
  };
  setFaults(options.faults ?? []);

  const answer = (req: SimRequest): Answer & { entry: Omit<SimLogEntry, 'method' | 'url' | 'status'> } => {
    const handler = HANDLERS.find((h) => h.hostname === req.url.hostname);
    const route = handler?.route(req, market) ?? null;
    if (!handler || !route) {
      return {
        status: 404,
        headers: { 'content-type': 'text/plain' },
        body: 'Not Found',
        entry: { host: handler?.host ?? null, endpoint: null, weight: 0, fault: null },
      };
    }
    const active = faults.find(
      (f) =>
        f.fault.host === handler.host &&
        (f.fault.endpoint === undefined || f.fault.endpoint === route.endpoint) &&
        (f.fault.times === undefined || f.used < f.fault.times),
    );
    if (active) active.used++;
    const fault = active?.fault ?? null;
    if (fault?.kind === 'network') throw new TypeError('fetch failed');

    const minuteKey = `${handler.host}:${Math.floor(req.now / 60_000)}`;
    const used = (weightByMinute.get(minuteKey) ?? 0) + route.weight;
    weightByMinute.set(minuteKey, used);

    const reply: SimReply = (fault && replacementFor(fault, req.now)) ?? route.reply();
    let body = reply.text ?? JSON.stringify(fault && !reply.text ? alterJson(fault, reply.json) : reply.json);
    if (fault?.kind === 'truncated') body = truncate(body);
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      date: new Date(req.now).toUTCString(),
      ...venueHeaders(handler.host, used, req.now),
      ...reply.headers,
    };
    return {
      status: reply.status,
      headers,
      body,
      entry: {
        host: handler.host,
        endpoint: route.endpoint,
        weight: route.weight,
        fault: fault?.kind ?? null,
      },
    };
  };

  const fetch = (async (input, init) => {
    const now = clock();
    const method = (init?.method ?? 'GET').toUpperCase();
    const url = new URL(input);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(init?.headers ?? {})) headers[k.toLowerCase()] = v;
    let body: unknown;
    if (init?.body !== undefined) {
      try {
        body = JSON.parse(init.body);
      } catch {
        body = undefined;
      }
    }
    const result = answer({ method, url, headers, body, now });
    log.push({ ...result.entry, method, url: input, status: result.status });
    const lower = new Map(Object.entries(result.headers).map(([k, v]) => [k.toLowerCase(), v]));
    return {
      status: result.status,
      headers: {
        get: (name: string) => lower.get(name.toLowerCase()) ?? null,
        forEach: (cb: (value: string, key: string) => void) => {
          for (const [k, v] of lower) cb(v, k);
        },
      },
      text: async () => result.body,
    };
  }) as SimulatorFetch;
  fetch.log = log;
  fetch.setFaults = setFaults;
  return fetch;
}

/** The rate-limit headers each venue sends with every answer. */
function venueHeaders(host: SimHost, usedWeight: number, now: number): Record<string, string> {
  switch (host) {
    case 'binance':
      return { 'x-mbx-used-weight-1m': String(usedWeight) };
    case 'bybit':
      return {
        'x-bapi-limit': '600',
        'x-bapi-limit-status': String(Math.max(0, 600 - usedWeight)),
        'x-bapi-limit-reset-timestamp': String(now + 5000),
      };
    case 'coinglass':
      return { 'api-key-max-limit': '30', 'api-key-use-limit': String(usedWeight) };
    default:
      return {};
  }
}
