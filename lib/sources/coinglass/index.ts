import type { HttpClient } from '../../http/types';
import type { SourceResult } from '../types';
import { type CoinglassRange, coinglassAggregatedMap, type LiquidationLevel } from './aggregated-map';

export {
  COINGLASS_RANGES,
  type CoinglassRange,
  type LiquidationLevel,
} from './aggregated-map';
export { COINGLASS_BASE, PLAN_MESSAGE } from './request';
export { failedSecondOpinion, toSecondOpinion } from './second-opinion';

/** CoinGlass v4 with the user's own key (optional; the liquidation map needs the Professional plan). */
export interface CoinglassSource {
  /** The aggregated liquidation map: levels of both sides together, ascending by price. */
  aggregatedMap(asset: string, range?: CoinglassRange): Promise<SourceResult<LiquidationLevel[]>>;
}

export function createCoinglassSource(http: HttpClient, apiKey: string): CoinglassSource {
  return {
    aggregatedMap: (asset, range = '7d') => coinglassAggregatedMap(http, apiKey, asset.toUpperCase(), range),
  };
}
