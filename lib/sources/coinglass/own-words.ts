import { makeFailure } from '../../http/failures';
import type { SourceFailure } from '../../http/types';
import { KEY_REFUSED_MESSAGE, NO_KEY_MESSAGE, PLAN_MESSAGE } from './messages';

/** Runs of the key this long or longer are cut out of any text that may hold the server's words. */
export const KEY_RUN = 8;

/**
 * `text` with every run of ≥ KEY_RUN consecutive characters of `key` (anywhere in the key) replaced by `…`: an
 * exact copy, a truncated one, or a piece of it in a longer message. Done on the whole text, before any cut.
 */
export function scrubKey(text: string, apiKey: string): string {
  const key = apiKey.trim();
  if (key.length < KEY_RUN || text.length < KEY_RUN) return text;
  const cut = new Uint8Array(text.length);
  for (let start = 0; start <= text.length - KEY_RUN; start++) {
    // Longest run from `start` that appears in the key: grow while the longer piece is still in it.
    let length = 0;
    while (start + length < text.length && key.includes(text.slice(start, start + length + 1))) length++;
    if (length >= KEY_RUN) cut.fill(1, start, start + length);
  }
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (!cut[i]) out += text[i];
    else if (i === 0 || !cut[i - 1]) out += '…';
  }
  return out;
}

/**
 * A field path: the response's own keys (a map's prices) may be anything, so only word characters, brackets and
 * dots survive, and a name longer than 24 characters is no field name.
 */
function safePath(path: string, apiKey: string): string {
  const clean = scrubKey(path, apiKey)
    .replace(/[^\w.[\]…-]/g, '?')
    .replace(/[^.[\]]{25,}/g, '…');
  return clean.length > 80 ? `${clean.slice(0, 79)}…` : clean;
}

const OWN = new Set([PLAN_MESSAGE, KEY_REFUSED_MESSAGE, NO_KEY_MESSAGE]);

/**
 * A CoinGlass failure in our own words only: which kind, endpoint, HTTP status, code and field; nothing the server
 * wrote (its `msg`, a body, a value that failed its schema) reaches the popup, the overlay or the logs, so no part
 * of the key it may echo can either.
 */
export function inOwnWords(f: SourceFailure, apiKey: string): SourceFailure {
  const out: SourceFailure = { kind: f.kind, host: 'coinglass', endpoint: f.endpoint, message: f.message };
  if (f.status !== undefined) out.status = f.status;
  if (f.retryAt !== undefined) out.retryAt = f.retryAt;
  if (f.path !== undefined) out.path = safePath(f.path, apiKey);
  if (OWN.has(f.message)) return out;
  const status = f.status === undefined ? '' : `, HTTP ${f.status}`;
  if (f.kind === 'bad-response') {
    // Our schema's expectation ("expected a number string") is ours to show; what it got is the server's.
    const expected = /\b(expected [^"]*?)(?:, got |\)|$)/.exec(f.message)?.[1];
    const why = expected ? `: ${expected.slice(0, 80)}` : ' was not what LiqLens expects';
    out.message = out.path
      ? `CoinGlass ${f.endpoint}: the field ${out.path}${why}`
      : `CoinGlass ${f.endpoint}: the response was not in the expected form${status}`;
  } else {
    const detail: Parameters<typeof makeFailure>[3] = {};
    if (f.status !== undefined) detail.status = f.status;
    if (f.retryAt !== undefined) detail.retryAt = f.retryAt;
    out.message = makeFailure(f.kind, 'coinglass', f.endpoint, detail).message;
  }
  out.message = scrubKey(out.message, apiKey);
  return out;
}
