import type { HttpClient, SourceFailure } from '../../http/types';
import type { Depth } from '../../market/types';
import { err, ok, type Result } from '../../util/result';
import { failure, normaliseDepth } from '../shared';
import { hyperliquidInfo } from './request';
import { HlL2BookSchema } from './schemas';
import type { Universe } from './universe';

/** `l2Book`: 20 levels a side, sizes already in coins. */
export async function hyperliquidDepth(
  http: HttpClient,
  universe: Universe,
  coin: string,
): Promise<Result<Depth, SourceFailure>> {
  const res = await hyperliquidInfo(http, { type: 'l2Book', coin }, HlL2BookSchema);
  if (!res.ok) return res;
  const book = res.value.value;
  if (book === null) {
    const listed = await universe.check(coin, 'l2Book');
    if (!listed.ok) return listed;
    return err(failure('bad-response', 'hyperliquid', 'l2Book', `no order book for ${coin}`, { path: '' }));
  }
  const [bids, asks] = book.levels;
  const level = ({ px, sz }: { px: number; sz: number }): [number, number] => [px, sz];
  return ok(normaliseDepth(bids.map(level), asks.map(level)));
}
