import type { Candle, Depth, OiPoint, VenueSnapshot } from '../market/types';
import { ok } from '../util/result';
import { type AssetOnVenue, assetOnVenue } from './asset-units';
import type { SourceResult, VenueSource } from './types';

/**
 * A source that takes the asset as the caller names it (PEPE, 1000PEPE, KPEPE), asks the venue for the
 * instrument it lists (1000PEPEUSDT, PEPE-USDT-SWAP, kPEPE) and converts prices and sizes into the units
 * asked for: price × asked / venue units, size × venue / asked units. Quote volume and funding rates do not
 * depend on the unit. Assets without an entry in `ASSET_UNITS` pass through unchanged.
 */
export function inAssetUnits(source: VenueSource): VenueSource {
  const on = (asset: string) => assetOnVenue(asset, source.venue);
  const convert = <T>(u: AssetOnVenue, r: SourceResult<T>, f: (value: T, c: Conversion) => T) =>
    r.ok && u.askedUnits !== u.venueUnits ? ok(f(r.value, conversion(u))) : r;
  return {
    venue: source.venue,
    instrument: (asset) => source.instrument(on(asset).base),
    candles: async (asset, interval, fromMs, toMs) => {
      const u = on(asset);
      return convert(u, await source.candles(u.base, interval, fromMs, toMs), (cs, c) =>
        cs.map((x) => candle(x, c)),
      );
    },
    openInterestHistory: (asset, interval, fromMs, toMs) => {
      const u = on(asset);
      const call = source.openInterestHistory(u.base, interval, fromMs, toMs);
      if (call === null) return null;
      return call.then((r) =>
        convert(u, r, (ps, c) => ps.map((p): OiPoint => ({ t: p.t, oi: c.size(p.oi) }))),
      );
    },
    snapshot: async (asset) => {
      const u = on(asset);
      return convert(u, await source.snapshot(u.base), (s, c) => snapshot(s, c));
    },
    depth: async (asset) => {
      const u = on(asset);
      return convert(u, await source.depth(u.base), (d, c) => depth(d, c));
    },
  };
}

interface Conversion {
  price(p: number): number;
  size(s: number): number;
}

function conversion({ askedUnits, venueUnits }: AssetOnVenue): Conversion {
  return {
    price: (p) => (p * askedUnits) / venueUnits,
    size: (s) => (s * venueUnits) / askedUnits,
  };
}

function candle(x: Candle, c: Conversion): Candle {
  return {
    t: x.t,
    open: c.price(x.open),
    high: c.price(x.high),
    low: c.price(x.low),
    close: c.price(x.close),
    volume: c.size(x.volume),
    quoteVolume: x.quoteVolume,
    takerBuyVolume: x.takerBuyVolume === null ? null : c.size(x.takerBuyVolume),
  };
}

function snapshot(s: VenueSnapshot, c: Conversion): VenueSnapshot {
  return {
    ...s,
    markPrice: c.price(s.markPrice),
    openInterest: s.openInterest === null ? null : c.size(s.openInterest),
  };
}

function depth(d: Depth, c: Conversion): Depth {
  const level = ([p, s]: [number, number]): [number, number] => [c.price(p), c.size(s)];
  return { bids: d.bids.map(level), asks: d.asks.map(level) };
}
