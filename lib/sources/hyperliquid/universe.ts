import type { HttpClient, SourceFailure } from '../../http/types';
import { err, ok, type Result } from '../../util/result';
import { unsupportedSymbol } from '../shared';
import { HYPERLIQUID_MARKET, hyperliquidInfo } from './request';
import { HlMetaSchema } from './schemas';

/**
 * The coins Hyperliquid lists, learnt from any `metaAndAssetCtxs` answer or, when a candle or book
 * request comes back empty and nothing is known yet, from one `meta` request (weight 20).
 */
export interface Universe {
  remember(names: string[]): void;
  /** ok(undefined) when the coin is listed (or the list could not be had), else an unsupported-symbol failure. */
  check(coin: string, endpoint: string): Promise<Result<undefined, SourceFailure>>;
}

export function createUniverse(http: HttpClient): Universe {
  let names: Set<string> | null = null;
  return {
    remember(list) {
      names = new Set(list);
    },
    async check(coin, endpoint) {
      if (!names) {
        const meta = await hyperliquidInfo(http, { type: 'meta' }, HlMetaSchema);
        if (!meta.ok) return ok(undefined);
        names = new Set(meta.value.value.universe.map((u) => u.name));
      }
      return names.has(coin)
        ? ok(undefined)
        : err(unsupportedSymbol('hyperliquid', endpoint, coin, HYPERLIQUID_MARKET));
    },
  };
}
