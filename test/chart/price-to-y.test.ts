import { describe, expect, it } from 'vitest';
import { type PriceScale, priceToY, priceToYOn, ScaleMode } from '../../lib/chart/price-to-y';

const normal: PriceScale = { from: 90_000, to: 100_000, mode: ScaleMode.Normal, height: 501 };

describe('priceToY', () => {
  it('puts `to` on row 0 and `from` on row h − 1', () => {
    expect(priceToY(normal, 100_000)).toBe(0);
    expect(priceToY(normal, 90_000)).toBe(500);
    expect(priceToY(normal, 95_000)).toBe(250);
    expect(priceToY(normal, 102_000)).toBe(-100);
  });

  it('needs no special case for an inverted scale', () => {
    const inverted = { ...normal, from: 100_000, to: 90_000 };
    expect(priceToY(inverted, 90_000)).toBeCloseTo(0, 9);
    expect(priceToY(inverted, 97_500)).toBe(375);
  });

  it('maps percentage and indexed modes exactly like normal, since the range is in prices', () => {
    for (const mode of [ScaleMode.Percentage, ScaleMode.IndexedTo100]) {
      expect(priceToY({ ...normal, mode }, 95_000)).toBe(250);
    }
  });

  it('interpolates in log10 on a log scale', () => {
    const log: PriceScale = { from: 10_000, to: 1_000_000, mode: ScaleMode.Log, height: 201 };
    expect(priceToY(log, 100_000)).toBeCloseTo(100, 9);
    expect(priceToY(log, 1_000_000)).toBeCloseTo(0, 9);
    // Prices near 1e-5 stay exact without an offset.
    const tiny: PriceScale = { from: 1e-5, to: 1e-4, mode: ScaleMode.Log, height: 101 };
    expect(priceToY(tiny, Math.sqrt(1e-5 * 1e-4))).toBeCloseTo(50, 9);
  });

  it('refuses scales and prices it cannot map', () => {
    expect(priceToY({ ...normal, to: 90_000 }, 95_000)).toBeNull();
    expect(priceToY({ ...normal, height: 0 }, 95_000)).toBeNull();
    expect(priceToY({ ...normal, from: Number.NaN }, 95_000)).toBeNull();
    expect(priceToY(normal, Number.POSITIVE_INFINITY)).toBeNull();
    expect(priceToY({ ...normal, mode: ScaleMode.Log }, -5)).toBeNull();
    expect(priceToY({ ...normal, mode: ScaleMode.Log, from: 0 }, 5)).toBeNull();
  });
});

describe('priceToYOn', () => {
  it('gives exactly what priceToY gives, on every mode, inverted or not, and null where it gives null', () => {
    const scales: PriceScale[] = [
      { from: 90_000, to: 100_000, mode: ScaleMode.Normal, height: 600 },
      { from: 100_000, to: 90_000, mode: ScaleMode.Normal, height: 600 },
      { from: 0.00001, to: 0.00003, mode: ScaleMode.Log, height: 401 },
      { from: 3_000, to: 1_000, mode: ScaleMode.Log, height: 333, logOffset: 0.01 },
      { from: 90_000, to: 100_000, mode: ScaleMode.Percentage, height: 2 },
    ];
    const prices = [0, -5, Number.NaN, Number.POSITIVE_INFINITY, 0.00002, 1_234.5, 94_999.99, 1e12];
    for (const scale of scales) {
      const toY = priceToYOn(scale);
      expect(toY).not.toBeNull();
      for (const price of prices) expect(toY?.(price), `${scale.mode} ${price}`).toBe(priceToY(scale, price));
    }
    expect(priceToYOn({ from: 1, to: 1, mode: ScaleMode.Normal, height: 600 })).toBeNull();
  });
});
