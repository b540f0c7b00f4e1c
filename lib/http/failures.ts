import { VENUE_LABEL } from '../market/venue';
import type { FailureKind, HostId, SourceFailure } from './types';

export const HOST_LABEL: Record<HostId, string> = { ...VENUE_LABEL, coinglass: 'CoinGlass' };

/**
 * Local wall-clock time: `14:02:10` today, `2026-12-09 14:02:10` on another day, so that a pause of days reads
 * as one; `a later time` for a time no `Date` can hold (never "NaN:NaN:NaN").
 */
export function formatClock(ms: number, now: number = Date.now()): string {
  const d = new Date(ms);
  if (!Number.isFinite(d.getTime())) return 'a later time';
  const pad = (n: number) => String(n).padStart(2, '0');
  const time = [d.getHours(), d.getMinutes(), d.getSeconds()].map(pad).join(':');
  const today = new Date(now);
  const sameDay =
    d.getFullYear() === today.getFullYear() &&
    d.getMonth() === today.getMonth() &&
    d.getDate() === today.getDate();
  return sameDay ? time : `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${time}`;
}

export interface FailureDetail {
  retryAt?: number;
  status?: number;
  /** The venue's own words or the error's, already short and redacted. */
  detail?: string;
  /** What the body looked like, for `bad-response`. */
  body?: string;
  /** A body refused unread for its size, for `bad-response`. */
  tooLargeBytes?: number;
  timeoutMs?: number;
  attempts?: number;
  formatTime?: (ms: number) => string;
}

export function makeFailure(
  kind: FailureKind,
  host: HostId,
  endpoint: string,
  d: FailureDetail = {},
): SourceFailure {
  const failure: SourceFailure = { kind, host, endpoint, message: failureMessage(kind, host, endpoint, d) };
  if (d.retryAt !== undefined) failure.retryAt = d.retryAt;
  if (d.status !== undefined) failure.status = d.status;
  return failure;
}

function failureMessage(kind: FailureKind, host: HostId, endpoint: string, d: FailureDetail): string {
  const venue = HOST_LABEL[host];
  const when = d.retryAt === undefined ? '' : `; retrying after ${(d.formatTime ?? formatClock)(d.retryAt)}`;
  const said = d.detail ? `: ${d.detail}` : '';
  const status = d.status === undefined ? '' : `, HTTP ${d.status}`;
  switch (kind) {
    case 'rate-limited':
      return `${venue} is rate-limiting requests (${endpoint})${when}`;
    case 'banned':
      return `${venue} has temporarily banned this IP address for too many requests (${endpoint})${when}`;
    case 'region':
      return `${venue} is unavailable in your region (${endpoint})`;
    case 'auth':
      return `${venue} did not accept the API key (${endpoint}${status}): check the key, and that its plan includes this data`;
    case 'bad-response':
      if (d.tooLargeBytes !== undefined) {
        const b = d.tooLargeBytes;
        const size = b >= 1024 * 1024 ? `${(b / (1024 * 1024)).toFixed(1)} MB` : `${Math.round(b / 1024)} KB`;
        return `${venue} ${endpoint}: the response was too large to read (${size})`;
      }
      return `${venue} ${endpoint}: the response was not JSON (${d.body ?? 'unreadable'})`;
    case 'network':
      return `${venue} could not be reached (${endpoint})${said}`;
    case 'timeout':
      return `${venue} did not answer within ${Math.round((d.timeoutMs ?? 0) / 1000)} s (${endpoint})`;
    case 'unsupported-symbol':
      return `${venue} does not list this symbol (${endpoint})${said}`;
    case 'http':
      if (d.status !== undefined && d.status >= 500) {
        const tries = d.attempts && d.attempts > 1 ? ` after ${d.attempts} attempts` : '';
        return `${venue} had a server error (${endpoint}${status})${tries}`;
      }
      return `${venue} rejected the request (${endpoint}${status})${said}`;
  }
}

/** What a body that failed to parse looked like, in a few words. */
export function describeNonJson(text: string): string {
  const t = text.trim();
  if (t === '') return 'it was empty';
  const head = t.slice(0, 512).toLowerCase();
  if (
    head.startsWith('<!doctype') ||
    head.startsWith('<html') ||
    /<\/?(html|head|body|title|h1)\b/.test(head)
  ) {
    return 'an HTML page';
  }
  if (t.startsWith('{') || t.startsWith('[')) return 'it was cut off or malformed';
  return `it began "${shorten(t, 40)}"`;
}

const GEO_BLOCK = [
  /block access from your country/i,
  /restricted location/i,
  /unavailable in your (country|region)/i,
  /not available in your (country|region)/i,
  /restricted (jurisdiction|region|country)/i,
];

/** A 403 that is a geo-block (CloudFront's country block, Binance's "restricted location"), not a ban. */
export function isGeoBlock(text: string): boolean {
  return GEO_BLOCK.some((re) => re.test(text));
}

// Query parameters that may carry credentials: their values never reach a message.
const SECRET_PARAM = /([?&][^=&#\s]*(?:key|sign|token|secret|passphrase)[^=&#\s]*=)[^&#\s]*/gi;

export function redact(text: string): string {
  return text.replace(SECRET_PARAM, '$1…');
}

export function shorten(text: string, max = 160): string {
  const oneLine = redact(text.replace(/\s+/g, ' ').trim());
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

/** The venue's own error text from a JSON error body (`msg`, `retMsg`, `message`, `error`). */
export function venueMessage(json: unknown): string | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const o = json as Record<string, unknown>;
  for (const key of ['msg', 'retMsg', 'message', 'error']) {
    const v = o[key];
    if (typeof v === 'string' && v.trim() !== '') return shorten(v);
  }
  return undefined;
}

/** A venue's error code from a JSON body (`code`, `retCode`), as a string. */
export function venueCode(json: unknown): string | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const o = json as Record<string, unknown>;
  const v = o.code ?? o.retCode;
  return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
}

const HTTP_DATE = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/**
 * `Retry-After` as an absolute time: delta seconds or an HTTP date; undefined for anything else or a time no
 * `Date` can hold. How far ahead it may reach is the caller's cap (`MAX_PAUSE_MS`).
 */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  // Delta seconds, or an IMF-fixdate ("Fri, 31 Dec 9999 23:59:59 GMT"): Date.parse alone reads "-5" as 2001.
  const at = /^\d{1,15}(\.\d+)?$/.test(v)
    ? now + Math.round(Number(v) * 1000)
    : HTTP_DATE.test(v)
      ? Date.parse(v)
      : Number.NaN;
  return Number.isFinite(at) && Number.isFinite(new Date(at).getTime()) ? at : undefined;
}
