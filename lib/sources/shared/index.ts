/**
 * Helpers every venue source uses. Stable API — extend, don't change:
 * - `num`, `numPositive`, `numNonNegative`, `numLoose`, `msTime`: zod/mini schemas that parse a venue's
 *   number strings (and ms times) once and reject "", "NaN", "Infinity" with "expected a number string, got …";
 *   `numOrEmpty` maps "" to null; `numRate` (funding, ±10 %). All within ±1e15 (lib/market/sanity.ts). `SourceOptions` ({ now? }) for factories.
 * - `parseWith(schema, json, host, endpoint)`: zod mismatch → `bad-response` "Bybit kline: result.list[0][4]: …"
 *   with `path`.
 * - `getJson(http, {host, endpoint, url, weight}, schema, inspect?)`: request + status check + parse.
 * - `failure(kind, host, endpoint, detail)`, `unsupportedSymbol(host, endpoint, instrument, market)`, `hostLabel`.
 * - `collectPages({first, fetchPage, key})`: page until none left / nothing new; dedupe + sort ascending.
 *   `timeChunks(from, to, step, perChunk)` (newest first), `collectChunks(chunks, key, fetchChunk)` (one request
 *   a chunk through `collectPages`), `alignDown`, `alignUp`.
 * - `completeCandles`, `makeFunding` (8 h equivalent), `normaliseDepth` (bids desc, asks asc), `buildUrl`.
 */
export { completeCandles } from './candles';
export { normaliseDepth } from './depth';
export { failure, unsupportedSymbol } from './failure';
export { makeFunding } from './funding';
export { getJson, type Parsed } from './get-json';
export { hostLabel } from './label';
export { msTime, num, numLoose, numNonNegative, numOrEmpty, numPositive, numRate } from './num';
export type { SourceOptions } from './options';
export {
  alignDown,
  alignUp,
  type CollectOptions,
  collectChunks,
  collectPages,
  type Page,
  pagesFor,
  type TimeChunk,
  timeChunks,
} from './paging';
export { parseWith } from './parse';
export { buildUrl } from './query';
