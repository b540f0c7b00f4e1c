import { assetToken } from '../asset-units';
import type { LiquidationLevel } from './aggregated-map';

/** What CoinGlass is asked for an asset, and how its answer converts back to the asset's units. */
export interface CoinglassCoin {
  /** The `symbol` query value: the token (PEPE), never a venue's 1000-unit name (1000PEPE, kPEPE). */
  symbol: string;
  /** Tokens in one unit of the asset as asked: a level at price p per token is at p × units per asked unit. */
  units: number;
}

/**
 * CoinGlass's aggregated endpoints take a coin, not an instrument (`symbol=BTC`, the `base_asset` of its
 * order rows, across every exchange's pairs). data-sources.md does not say how it names the tokens that
 * venues list in thousands (1000PEPEUSDT, SHIB1000USDT, kPEPE). Assumed: under the token itself (PEPE),
 * quoted per one token, as the venue that lists the token unscaled (OKX) quotes it. So an asset of the
 * unit table (lib/sources/asset-units.ts) is asked as its token and the levels' prices are scaled to
 * the asked units; USD amounts do not change. Should the assumption be wrong, the levels land 1,000× off
 * the chart and the second opinion says so (`toSecondOpinion`), instead of showing an empty map.
 */
export function coinglassCoin(asset: string): CoinglassCoin {
  const { token, units } = assetToken(asset);
  return { symbol: token, units };
}

/** Levels quoted per token, in the asked units (×1 for every asset outside the unit table). */
export function toAskedUnits(levels: LiquidationLevel[], units: number): LiquidationLevel[] {
  return units === 1 ? levels : levels.map((l) => ({ price: l.price * units, usd: l.usd }));
}
