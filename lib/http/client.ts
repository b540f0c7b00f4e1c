import { err, ok } from '../util/result';
import {
  BINANCE_WAF_PAUSE_MS,
  BYBIT_BAN_MS,
  budgetRules,
  defaultPauseMs,
  pauseScopes,
  requestWeight,
  responseWeight,
} from './budgets';
import {
  describeNonJson,
  type FailureDetail,
  formatClock,
  isGeoBlock,
  makeFailure,
  parseRetryAfter,
  shorten,
  venueCode,
  venueMessage,
} from './failures';
import { createLimiter, type Limiter } from './limiter';
import { cappedUntil, type HostPause, type HostPauses, restorePauses } from './pauses';
import type { FailureKind, FetchLike, HttpClient, HttpRequest, HttpResponse, HttpResult } from './types';

/**
 * The one place that talks HTTP. Per host it keeps the venue's budget (waiting, never failing, when a request
 * would not fit), pauses the host after 429 / 418 / Bybit 403 until the venue's retry time (later requests
 * fail fast without the network), retries 5xx and network errors with jittered exponential back-off, aborts
 * after `timeoutMs`, and turns every outcome into JSON or a `SourceFailure` worded for a trader. All state
 * lives in the instance.
 */
export interface HttpClientOptions {
  fetch: FetchLike;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Per attempt, body included. Default 10 s. */
  timeoutMs?: number;
  /** Extra attempts after a 5xx or a network error. Default 2. */
  retries?: number;
  /**
   * A body larger than this (by `Content-Length`, else once read) is refused as a `bad-response` instead of
   * being parsed. Default 8 MB: the largest answer the sources ask for (5,000 Hyperliquid candles) is < 1 MB.
   */
  maxBodyBytes?: number;
  /** In [0, 1): the back-off jitter. */
  random?: () => number;
  /** Arms the time-out timer and returns its cancel; default `setTimeout`. Tests fire it at will. */
  setTimer?: (ms: number, fire: () => void) => () => void;
  /** How `retryAt` reads in messages; default local `HH:MM:SS`, with the date when it is not today. */
  formatTime?: (ms: number) => string;
  /**
   * Pauses saved by a previous client (`client.pauses()`), validated here. A restarted service worker that
   * passes none forgets its pauses and asks the venue once more, which answers 429/418 again: acceptable,
   * since a venue escalates bans only on repeated violations. `onPausesChange` lets the caller persist them.
   */
  pauses?: unknown;
  onPausesChange?: (pauses: HostPauses) => void;
  /**
   * The budgets' bookkeeping, when it is shared with other clients on the same IP (the worker's estimate and
   * its position scanner both spend Hyperliquid's weight); default: the client's own.
   */
  limiter?: Limiter;
}

export interface PausingHttpClient extends HttpClient {
  /** Current pauses per scope (host, or OKX endpoint), for persisting. */
  pauses(): HostPauses;
}

const BACKOFF_BASE_MS = 500;
const BACKOFF_MAX_MS = 8_000;
/** A 5xx `Retry-After` longer than this is not waited for inside one request. */
const MAX_RETRY_AFTER_WAIT_MS = 30_000;
/** Bybit's envelope codes for "too many visits" / "IP rate limit" (HTTP 200). */
const BYBIT_RATE_LIMIT_CODES = new Set(['10006', '10018']);
/** Binance -1121 "Invalid symbol.", OKX 51001 "Instrument ID does not exist" (on HTTP 4xx). */
const UNKNOWN_SYMBOL_CODES = new Set(['-1121', '51001']);

const KNOWN_HEADERS = [
  'content-type',
  'date',
  'retry-after',
  'x-mbx-used-weight-1m',
  'x-bapi-limit-status',
  'x-bapi-limit-reset-timestamp',
  'api-key-max-limit',
  'api-key-use-limit',
];

type Attempt =
  | { type: 'response'; status: number; headers: Record<string, string>; text: string }
  | { type: 'network'; error: unknown }
  | { type: 'timeout' }
  | { type: 'too-large'; status: number; bytes: number };

/** What one answer means: done (success or failure), or try again after `waitMs`. */
type Verdict = { done: HttpResult } | { retry: true; waitMs?: number; status: number };

export function createHttpClient(options: HttpClientOptions): PausingHttpClient {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const timeoutMs = options.timeoutMs ?? 10_000;
  const retries = options.retries ?? 2;
  const maxBodyBytes = options.maxBodyBytes ?? 8 * 1024 * 1024;
  const random = options.random ?? Math.random;
  const setTimer =
    options.setTimer ??
    ((ms: number, fire: () => void) => {
      const handle = setTimeout(fire, ms);
      return () => clearTimeout(handle);
    });
  const limiter = options.limiter ?? createLimiter({ now, sleep });
  const pauses: HostPauses = restorePauses(options.pauses, now());
  const stats: Record<string, { requests: number; weight: number }> = {};

  function fail(kind: FailureKind, req: HttpRequest, d: FailureDetail = {}): HttpResult {
    const detail: FailureDetail = { ...d };
    detail.formatTime = options.formatTime ?? ((ms) => formatClock(ms, now()));
    return err(makeFailure(kind, req.host, req.endpoint, detail));
  }

  /** The caller's store failing (a full storage area) must not fail the request that paused the host. */
  function notifyPauses(): void {
    try {
      options.onPausesChange?.({ ...pauses });
    } catch {
      // The pause still holds in memory; it is only not persisted.
    }
  }

  function activePause(req: HttpRequest): HttpResult | undefined {
    const t = now();
    for (const scope of pauseScopes(req)) {
      const pause = pauses[scope];
      if (!pause) continue;
      if (pause.until > t) {
        const d: FailureDetail = { retryAt: pause.until };
        if (pause.status !== undefined) d.status = pause.status;
        return fail(pause.kind, req, d);
      }
      delete pauses[scope];
      notifyPauses();
    }
    return undefined;
  }

  function pause(req: HttpRequest, kind: HostPause['kind'], asked: number, status: number): HttpResult {
    const until = cappedUntil(req.host, asked, now());
    for (const scope of pauseScopes(req)) {
      const current = pauses[scope];
      if (!current || current.until < until) pauses[scope] = { until, kind, host: req.host, status };
    }
    notifyPauses();
    return fail(kind, req, { retryAt: until, status });
  }

  function count(req: HttpRequest, weight: number): void {
    const s = stats[req.host] ?? { requests: 0, weight: 0 };
    stats[req.host] = s;
    s.requests += 1;
    s.weight += weight;
  }

  async function attempt(req: HttpRequest): Promise<Attempt> {
    const controller = new AbortController();
    let timedOut = false;
    let cancel = () => {};
    const timeout = new Promise<never>((_, reject) => {
      cancel = setTimer(timeoutMs, () => {
        timedOut = true;
        controller.abort();
        reject(new Error('timeout'));
      });
    });
    const headers: Record<string, string> = { accept: 'application/json', ...req.headers };
    // A logged-in user's cookies for the venue (www.okx.com is also OKX's web app) never ride along.
    const init: Parameters<FetchLike>[1] = {
      method: req.method,
      headers,
      signal: controller.signal,
      credentials: 'omit',
    };
    if (req.body !== undefined) {
      init.body = JSON.stringify(req.body);
      headers['content-type'] = 'application/json';
    }
    try {
      const exchange = (async () => {
        const res = await options.fetch(req.url, init);
        const declared = Number(res.headers.get('content-length') ?? Number.NaN);
        if (declared > maxBodyBytes) {
          controller.abort();
          return { type: 'too-large' as const, status: res.status, bytes: declared };
        }
        const text = await res.text();
        if (text.length > maxBodyBytes)
          return { type: 'too-large' as const, status: res.status, bytes: text.length };
        return { type: 'response' as const, status: res.status, headers: headerRecord(res.headers), text };
      })();
      return await Promise.race([exchange, timeout]);
    } catch (error) {
      return timedOut ? { type: 'timeout' } : { type: 'network', error };
    } finally {
      cancel();
    }
  }

  function observeUsage(req: HttpRequest, headers: Record<string, string>): void {
    const t = now();
    // Both venues count per calendar minute (the counter restarts at :00).
    const minuteEnd = Math.floor(t / 60_000) * 60_000 + 60_000;
    const [rule] = budgetRules(req);
    if (!rule) return;
    if (req.host === 'binance' && headers['x-mbx-used-weight-1m'] !== undefined) {
      limiter.observe(rule, Number(headers['x-mbx-used-weight-1m']), minuteEnd);
    }
    if (req.host === 'coinglass' && headers['api-key-use-limit'] !== undefined) {
      const max = headers['api-key-max-limit'];
      const share = rule.limit / rule.published;
      limiter.observe(
        rule,
        Number(headers['api-key-use-limit']),
        minuteEnd,
        max ? Number(max) : undefined,
        share,
      );
    }
  }

  function judge(req: HttpRequest, a: Extract<Attempt, { type: 'response' }>): Verdict {
    const { status, headers, text } = a;
    const t = now();
    const retryAfter = parseRetryAfter(headers['retry-after'], t);
    observeUsage(req, headers);

    if (status === 451 || (status === 403 && isGeoBlock(text)))
      return { done: fail('region', req, { status }) };
    if (status === 418) {
      return { done: pause(req, 'banned', retryAfter ?? t + defaultPauseMs(req.host, 'banned'), status) };
    }
    if (status === 429) {
      return {
        done: pause(req, 'rate-limited', retryAfter ?? t + defaultPauseMs(req.host, 'rate-limited'), status),
      };
    }
    if (status === 403 && req.host === 'bybit') {
      // https://bybit-exchange.github.io/docs/v5/rate-limit: a 403 is an IP ban of at least 10 minutes.
      return { done: pause(req, 'banned', Math.max(retryAfter ?? 0, t + BYBIT_BAN_MS), status) };
    }
    if (status === 403 && req.host === 'binance') {
      // Binance's WAF limit (https://developers.binance.com/docs/derivatives/usds-margined-futures/general-info).
      return { done: pause(req, 'banned', retryAfter ?? t + BINANCE_WAF_PAUSE_MS, status) };
    }
    if (req.host === 'coinglass' && (status === 401 || status === 403))
      return { done: fail('auth', req, { status }) };
    if (status >= 500) {
      const wait = retryAfter === undefined ? undefined : retryAfter - t;
      if (wait !== undefined && wait > MAX_RETRY_AFTER_WAIT_MS)
        return { done: fail('http', req, { status, retryAt: retryAfter }) };
      return wait === undefined ? { retry: true, status } : { retry: true, waitMs: wait, status };
    }

    const json = parseJson(text);
    if (status >= 400) {
      const code = json.ok ? venueCode(json.value) : undefined;
      const detail = json.ok ? venueMessage(json.value) : undefined;
      const d: FailureDetail = { status };
      if (detail) d.detail = detail;
      const kind = code !== undefined && UNKNOWN_SYMBOL_CODES.has(code) ? 'unsupported-symbol' : 'http';
      return { done: fail(kind, req, d) };
    }
    if (!json.ok) return { done: fail('bad-response', req, { status, body: describeNonJson(text) }) };

    const code = venueCode(json.value);
    if (req.host === 'okx' && code === '50011') {
      return {
        done: pause(req, 'rate-limited', retryAfter ?? t + defaultPauseMs('okx', 'rate-limited'), status),
      };
    }
    if (req.host === 'bybit' && code !== undefined && BYBIT_RATE_LIMIT_CODES.has(code)) {
      const reset = Number(headers['x-bapi-limit-reset-timestamp']);
      const until = Number.isFinite(reset) && reset > t ? reset : t + defaultPauseMs('bybit', 'rate-limited');
      return { done: pause(req, 'rate-limited', until, status) };
    }

    const extra = responseWeight(req, json.value);
    if (extra > 0) {
      for (const rule of budgetRules(req)) limiter.charge(rule, extra);
      const s = stats[req.host];
      if (s) s.weight += extra;
    }
    const response: HttpResponse = { status, headers, json: json.value };
    return { done: ok(response) };
  }

  function backoff(retry: number): number {
    const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** (retry - 1));
    return ceiling / 2 + (random() * ceiling) / 2;
  }

  async function send(req: HttpRequest): Promise<HttpResult> {
    const weight = requestWeight(req);
    const rules = budgetRules(req);
    let lastStatus = 0;
    for (let tries = 1; ; tries++) {
      const paused = activePause(req);
      if (paused) return paused;
      await limiter.acquire(rules, weight);
      const pausedMeanwhile = activePause(req);
      if (pausedMeanwhile) return pausedMeanwhile;
      count(req, weight);

      const a = await attempt(req);
      // Not retried: another try could stall the refresh for as long again; the next refresh asks anew.
      if (a.type === 'timeout') return fail('timeout', req, { timeoutMs });
      if (a.type === 'too-large')
        return fail('bad-response', req, { status: a.status, tooLargeBytes: a.bytes });
      let waitMs: number | undefined;
      if (a.type === 'network') {
        const detail = errorText(a.error);
        // A replay that has no answer will not have one on the next try either.
        if (isHarMiss(a.error) || tries > retries) return fail('network', req, { detail });
      } else {
        const verdict = judge(req, a);
        if ('done' in verdict) return verdict.done;
        lastStatus = verdict.status;
        if (tries > retries) return fail('http', req, { status: lastStatus, attempts: tries });
        waitMs = verdict.waitMs;
      }
      await sleep(Math.max(waitMs ?? 0, backoff(tries)));
    }
  }

  return {
    async request(req) {
      try {
        return await send(req);
      } catch (error) {
        // Nothing below should throw (an unserialisable body, an injected dependency that does): if it
        // does, the caller still gets a failure it can show, never an exception.
        return fail('network', req, { detail: errorText(error) });
      }
    },
    stats() {
      const out: Record<string, { requests: number; weight: number }> = {};
      for (const [host, s] of Object.entries(stats)) out[host] = { ...s };
      return out;
    },
    pauses() {
      return { ...pauses };
    },
  };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function headerRecord(h: Awaited<ReturnType<FetchLike>>['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  if (h.forEach) {
    h.forEach((value, key) => {
      out[key.toLowerCase()] = value;
    });
  } else {
    for (const name of KNOWN_HEADERS) {
      const value = h.get(name);
      if (value !== null) out[name] = value;
    }
  }
  return out;
}

function errorText(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    const why = cause instanceof Error && cause.message ? ` (${cause.message})` : '';
    return shorten(`${error.message}${why}`);
  }
  return shorten(String(error));
}

function isHarMiss(error: unknown): boolean {
  return error instanceof Error && error.name === 'HarMissError';
}
