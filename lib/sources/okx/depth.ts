import type { HttpClient, SourceFailure } from '../../http/types';
import type { Depth } from '../../market/types';
import { err, ok, type Result } from '../../util/result';
import { failure, normaliseDepth } from '../shared';
import type { ContractSize } from './contract';
import { okxGet } from './request';
import { OkxBooksSchema } from './schemas';

/** The most `books` serves in one request, per side. */
export const OKX_BOOK_SIZE = 400;

/** Order book with sizes converted from contracts to base units. */
export async function okxDepth(
  http: HttpClient,
  contractSize: ContractSize,
  instId: string,
  now?: () => number,
): Promise<Result<Depth, SourceFailure>> {
  const query = { instId, sz: OKX_BOOK_SIZE };
  const call = { endpoint: 'books', path: '/api/v5/market/books', query, instId };
  const [size, res] = await Promise.all([contractSize(instId), okxGet(http, call, OkxBooksSchema, now)]);
  if (!res.ok) return res;
  if (!size.ok) return size;
  const book = res.value[0];
  if (!book) {
    return err(
      failure('bad-response', 'okx', 'books', `data: no order book for ${instId}`, { path: 'data' }),
    );
  }
  const toBase = (levels: [number, number, ...unknown[]][]): [number, number][] =>
    levels.map(([price, contracts]) => [price, contracts * size.value]);
  return ok(normaliseDepth(toBase(book.bids), toBase(book.asks)));
}
