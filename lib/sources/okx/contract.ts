import type { HttpClient, SourceFailure } from '../../http/types';
import { err, ok, type Result } from '../../util/result';
import { unsupportedSymbol } from '../shared';
import { OKX_MARKET, okxGet } from './request';
import { OkxInstrumentsSchema } from './schemas';

export type ContractSize = (instId: string) => Promise<Result<number, SourceFailure>>;

/**
 * Base units per contract (`ctVal × ctMult`, 0.01 BTC for BTC-USDT-SWAP), fetched once per instrument and
 * kept for the life of the source; concurrent callers share one request, and a failure is not kept.
 */
export function createContractSize(http: HttpClient, now?: () => number): ContractSize {
  const cache = new Map<string, Promise<Result<number, SourceFailure>>>();
  return (instId) => {
    const hit = cache.get(instId);
    if (hit) return hit;
    const pending = fetchContractSize(http, instId, now).then((res) => {
      if (!res.ok) cache.delete(instId);
      return res;
    });
    cache.set(instId, pending);
    return pending;
  };
}

async function fetchContractSize(
  http: HttpClient,
  instId: string,
  now?: () => number,
): Promise<Result<number, SourceFailure>> {
  const call = {
    endpoint: 'instruments',
    path: '/api/v5/public/instruments',
    query: { instType: 'SWAP', instId },
    instId,
  };
  const res = await okxGet(http, call, OkxInstrumentsSchema, now);
  if (!res.ok) return res;
  const row = res.value.find((r) => r.instId === instId);
  if (!row) {
    return err(unsupportedSymbol('okx', 'instruments', instId, OKX_MARKET));
  }
  const mult = typeof row.ctMult === 'number' && row.ctMult > 0 ? row.ctMult : 1;
  return ok(row.ctVal * mult);
}
