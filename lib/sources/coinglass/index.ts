import type { HttpClient } from '../../http/types';
import { ok } from '../../util/result';
import type { SourceResult } from '../types';
import { type CoinglassRange, coinglassAggregatedMap, type LiquidationLevel } from './aggregated-map';
import { coinglassCoin, toAskedUnits } from './coin';

export {
  COINGLASS_RANGES,
  type CoinglassRange,
  type LiquidationLevel,
} from './aggregated-map';
export { type CoinglassCoin, coinglassCoin } from './coin';
export { COINGLASS_BASE, PLAN_MESSAGE } from './request';
export { failedSecondOpinion, toSecondOpinion } from './second-opinion';

/** CoinGlass v4 with the user's own key (optional; the liquidation map needs the Professional plan). */
export interface CoinglassSource {
  /** The aggregated liquidation map: levels of both sides together, ascending by price. */
  aggregatedMap(asset: string, range?: CoinglassRange): Promise<SourceResult<LiquidationLevel[]>>;
}

export function createCoinglassSource(http: HttpClient, apiKey: string): CoinglassSource {
  return {
    async aggregatedMap(asset, range = '7d') {
      const coin = coinglassCoin(asset);
      const levels = await coinglassAggregatedMap(http, apiKey, coin.symbol, range);
      return levels.ok ? ok(toAskedUnits(levels.value, coin.units)) : levels;
    },
  };
}
