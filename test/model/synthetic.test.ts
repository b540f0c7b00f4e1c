import { describe, expect, it } from 'vitest';
import { SeriesDocSchema } from '../../lib/market/series';
import { mulberry32, syntheticDepth, syntheticSeries } from '../../lib/model/synthetic';

describe('mulberry32', () => {
  it('is deterministic, in [0, 1), and differs between seeds', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(c()).not.toBe(xs[0]);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });
});

describe('syntheticSeries', () => {
  const doc = syntheticSeries({ seed: 7 });

  it('is the same document for the same seed and a different one for another seed', () => {
    expect(syntheticSeries({ seed: 7 })).toEqual(doc);
    expect(syntheticSeries({ seed: 8 }).venues[0]?.candles[10]).not.toEqual(doc.venues[0]?.candles[10]);
  });

  it('is a valid liqlens.series/1 document', () => {
    const parsed = SeriesDocSchema.safeParse(doc);
    expect(parsed.success).toBe(true);
    expect(doc.format).toBe('liqlens.series/1');
    expect(doc.asset).toBe('BTC');
    expect(doc.interval).toBe('15m');
  });

  it('has 7 days of 15-minute candles on each of the four venues, aligned and ending at endTime', () => {
    const endTime = Date.UTC(2026, 10, 1);
    expect(doc.venues.map((v) => v.venue)).toEqual(['binance', 'bybit', 'okx', 'hyperliquid']);
    for (const venue of doc.venues) {
      expect(venue.candles).toHaveLength(7 * 96);
      expect(venue.openInterest).toHaveLength(7 * 96);
      expect(venue.candles[0]?.[0]).toBe(endTime - 7 * 86_400_000);
      expect(venue.candles.at(-1)?.[0]).toBe(endTime - 900_000);
      venue.candles.forEach((c, i) => {
        expect(c[0]).toBe(endTime - 7 * 86_400_000 + i * 900_000);
        expect(venue.openInterest[i]?.[0]).toBe(c[0]);
      });
    }
  });

  it('keeps candles consistent: high ≥ max(open, close), low ≤ min(open, close), open = previous close', () => {
    for (const venue of doc.venues) {
      let prevClose: number | null = null;
      for (const [, open, high, low, close, volume, quote, taker] of venue.candles) {
        expect(high).toBeGreaterThanOrEqual(Math.max(open, close));
        expect(low).toBeLessThanOrEqual(Math.min(open, close));
        expect(low).toBeGreaterThan(0);
        expect(volume).toBeGreaterThanOrEqual(0);
        if (taker !== null) expect(taker).toBeLessThanOrEqual(volume);
        if (quote !== null && volume > 0) {
          expect(quote / volume).toBeGreaterThanOrEqual(low * 0.999);
          expect(quote / volume).toBeLessThanOrEqual(high * 1.001);
        }
        if (prevClose !== null) expect(open).toBe(prevClose);
        prevClose = close;
      }
    }
  });

  it('keeps open interest non-negative and lets it both build up and drop', () => {
    for (const venue of doc.venues) {
      const oi = venue.openInterest.map(([, value]) => value);
      expect(Math.min(...oi)).toBeGreaterThanOrEqual(0);
      const changes = oi.slice(1).map((value, i) => value - (oi[i] as number));
      expect(changes.filter((d) => d > 0).length).toBeGreaterThan(100);
      expect(changes.filter((d) => d < 0).length).toBeGreaterThan(100);
    }
  });

  it('varies the taker-buy share and leaves the Hyperliquid-like venue without flow data', () => {
    const binance = doc.venues.find((v) => v.venue === 'binance');
    const shares = (binance?.candles ?? []).map((c) => (c[7] as number) / c[5]);
    expect(Math.min(...shares)).toBeLessThan(0.4);
    expect(Math.max(...shares)).toBeGreaterThan(0.6);
    const hyperliquid = doc.venues.find((v) => v.venue === 'hyperliquid');
    expect(hyperliquid?.instrument).toBe('BTC');
    expect(hyperliquid?.candles.every((c) => c[6] === null && c[7] === null)).toBe(true);
  });

  it('prices the venues slightly apart around a common path near the start price', () => {
    const closes = doc.venues.map((v) => v.candles[300]?.[4] as number);
    const spread = (Math.max(...closes) - Math.min(...closes)) / Math.min(...closes);
    expect(spread).toBeGreaterThan(0);
    expect(spread).toBeLessThan(0.002);
    expect(new Set(closes).size).toBeGreaterThan(1);
    const first = doc.venues[0]?.candles[0]?.[1] as number;
    expect(Math.abs(first / 95_000 - 1)).toBeLessThan(0.005);
    for (const venue of doc.venues) {
      const last = venue.candles.at(-1)?.[4] as number;
      expect(Math.abs(venue.markPrice / last - 1)).toBeLessThan(0.001);
    }
  });

  it('gives each venue its own stream, so the venue list does not change a venue’s data', () => {
    const alone = syntheticSeries({ seed: 7, venues: ['okx'] });
    expect(alone.venues[0]).toEqual(doc.venues.find((v) => v.venue === 'okx'));
  });

  it('follows the options: interval, days, asset, price scale, open-interest gaps', () => {
    const eth = syntheticSeries({
      seed: 3,
      asset: 'ETH',
      venues: ['binance', 'bybit'],
      days: 2,
      interval: '5m',
      startPrice: 3_300,
      oiGapRate: 0.1,
    });
    expect(SeriesDocSchema.safeParse(eth).success).toBe(true);
    expect(eth.interval).toBe('5m');
    expect(eth.venues[0]?.instrument).toBe('ETHUSDT');
    expect(eth.venues[0]?.candles).toHaveLength(576);
    const rows = eth.venues[0]?.openInterest.length ?? 0;
    expect(rows).toBeLessThan(576);
    expect(rows).toBeGreaterThan(450);
    const tiny = syntheticSeries({
      seed: 3,
      asset: 'PEPE',
      venues: ['binance'],
      days: 1,
      startPrice: 0.00001234,
    });
    expect(SeriesDocSchema.safeParse(tiny).success).toBe(true);
    expect(tiny.venues[0]?.candles[0]?.[1]).toBeCloseTo(0.00001234, 9);
  });
});

describe('syntheticDepth', () => {
  it('is deterministic, with asks ascending above the price and bids descending below', () => {
    const depth = syntheticDepth({ seed: 1, price: 95_000, levels: 100 });
    expect(syntheticDepth({ seed: 1, price: 95_000, levels: 100 })).toEqual(depth);
    expect(depth.asks).toHaveLength(100);
    expect(depth.bids).toHaveLength(100);
    depth.asks.forEach(([price, usd], i) => {
      expect(price).toBeGreaterThan(i === 0 ? 95_000 : (depth.asks[i - 1]?.[0] as number));
      expect(usd).toBeGreaterThan(0);
    });
    depth.bids.forEach(([price, usd], i) => {
      expect(price).toBeLessThan(i === 0 ? 95_000 : (depth.bids[i - 1]?.[0] as number));
      expect(usd).toBeGreaterThan(0);
    });
  });

  it('rests roughly the asked USD within 1 % of the price', () => {
    const depth = syntheticDepth({ seed: 2, price: 95_000, usdWithin1Pct: 150e6 });
    const within = depth.asks.filter(([p]) => p <= 95_950).reduce((s, [, usd]) => s + usd, 0);
    expect(within).toBeGreaterThan(75e6);
    expect(within).toBeLessThan(300e6);
  });
});
