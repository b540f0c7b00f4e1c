import type { Venue } from '../market/venue';

/** How a venue lists a token: the base of its instrument, and how many tokens one unit of that base is. */
export interface VenueListing {
  base: string;
  units: number;
}

/**
 * Tokens that venues list in different units (1000PEPEUSDT and kPEPE trade 1,000 PEPE at a time, at 1,000×
 * the price; OKX's PEPE-USDT-SWAP quotes one PEPE). Mixing them unconverted would put one venue's bands
 * 1,000× away from the others'. Explicit and per venue: a multiplier is never guessed from a name. A token
 * not listed here is asked under its own name everywhere, and a venue that lists it only under another
 * name then answers "not listed" (it is left out, never mixed in).
 */
export const ASSET_UNITS: Readonly<Record<string, Readonly<Record<Venue, VenueListing>>>> = {
  PEPE: {
    binance: { base: '1000PEPE', units: 1000 },
    bybit: { base: '1000PEPE', units: 1000 },
    okx: { base: 'PEPE', units: 1 },
    hyperliquid: { base: 'kPEPE', units: 1000 },
  },
  SHIB: {
    binance: { base: '1000SHIB', units: 1000 },
    bybit: { base: 'SHIB1000', units: 1000 },
    okx: { base: 'SHIB', units: 1 },
    hyperliquid: { base: 'kSHIB', units: 1000 },
  },
  BONK: {
    binance: { base: '1000BONK', units: 1000 },
    bybit: { base: '1000BONK', units: 1000 },
    okx: { base: 'BONK', units: 1 },
    hyperliquid: { base: 'kBONK', units: 1000 },
  },
  FLOKI: {
    binance: { base: '1000FLOKI', units: 1000 },
    bybit: { base: '1000FLOKI', units: 1000 },
    okx: { base: 'FLOKI', units: 1 },
    hyperliquid: { base: 'kFLOKI', units: 1000 },
  },
};

/** An asset as one venue has it: the base to ask for, and the units on each side of the conversion. */
export interface AssetOnVenue {
  base: string;
  /** Tokens per unit of the asset as asked (1 for PEPE, 1,000 for 1000PEPE or KPEPE). */
  askedUnits: number;
  /** Tokens per unit of the venue's base. */
  venueUnits: number;
}

/** The token and units an asset name stands for: PEPE → (PEPE, 1), 1000PEPE / KPEPE → (PEPE, 1000). */
function resolve(asset: string): { token: string; units: number } | undefined {
  const name = asset.toUpperCase();
  if (Object.hasOwn(ASSET_UNITS, name)) return { token: name, units: 1 };
  for (const [token, venues] of Object.entries(ASSET_UNITS)) {
    for (const listing of Object.values(venues)) {
      if (listing.base.toUpperCase() === name) return { token, units: listing.units };
    }
  }
  return undefined;
}

/**
 * The token an asset name stands for and how many of it one unit of that name is: PEPE → (PEPE, 1),
 * 1000PEPE / KPEPE → (PEPE, 1000); a name not in the table is its own token, one to one.
 */
export function assetToken(asset: string): { token: string; units: number } {
  return resolve(asset) ?? { token: asset.toUpperCase(), units: 1 };
}

export function assetOnVenue(asset: string, venue: Venue): AssetOnVenue {
  const found = resolve(asset);
  const listing = found ? ASSET_UNITS[found.token]?.[venue] : undefined;
  if (!found || !listing) return { base: asset, askedUnits: 1, venueUnits: 1 };
  return { base: listing.base, askedUnits: found.units, venueUnits: listing.units };
}
