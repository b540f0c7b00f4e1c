import type { HttpClient, SourceFailure } from '../../http/types';
import { err, ok, type Result } from '../../util/result';
import { unsupportedSymbol } from '../shared';
import { HYPERLIQUID_MARKET, hyperliquidInfo } from './request';
import { HlMetaSchema, type HlUniverse } from './schemas';

/**
 * The coins Hyperliquid lists (delisted ones left out), learnt from any `metaAndAssetCtxs` answer or, when a
 * candle or book request comes back empty and nothing is known yet, from one `meta` request (weight 20)
 * shared by every caller waiting for it.
 */
export interface Universe {
  remember(universe: HlUniverse): void;
  /** ok(undefined) when the coin is listed (or the list could not be had), else an unsupported-symbol failure. */
  check(coin: string, endpoint: string): Promise<Result<undefined, SourceFailure>>;
}

/** Names of the coins that can be traded. */
export function listedNames(universe: HlUniverse): Set<string> {
  return new Set(universe.filter((u) => u.isDelisted !== true).map((u) => u.name));
}

export function createUniverse(http: HttpClient): Universe {
  let names: Set<string> | null = null;
  let pending: Promise<Set<string> | null> | null = null;
  const load = () => {
    pending ??= hyperliquidInfo(http, { type: 'meta' }, HlMetaSchema).then((meta) => {
      pending = null;
      if (!meta.ok) return null;
      names = listedNames(meta.value.value.universe);
      return names;
    });
    return pending;
  };
  return {
    remember(universe) {
      names = listedNames(universe);
    },
    async check(coin, endpoint) {
      const known = names ?? (await load());
      if (!known || known.has(coin)) return ok(undefined);
      return err(unsupportedSymbol('hyperliquid', endpoint, coin, HYPERLIQUID_MARKET));
    },
  };
}
