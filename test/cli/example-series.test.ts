import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SeriesDocSchema } from '../../lib/market/series';
import { DepthFileSchema } from '../../scripts/lib/depth-input';
import {
  compactJson,
  EXAMPLE_DEPTH_PATH,
  EXAMPLE_SERIES_PATH,
  exampleFiles,
} from '../../scripts/lib/example-series';

describe('the bundled example series', () => {
  const files = exampleFiles();

  it('is what the generator gives, byte for byte (rerun scripts/make-example-series.ts after changing it)', () => {
    expect(readFileSync(EXAMPLE_SERIES_PATH, 'utf8')).toBe(files[EXAMPLE_SERIES_PATH]);
    expect(readFileSync(EXAMPLE_DEPTH_PATH, 'utf8')).toBe(files[EXAMPLE_DEPTH_PATH]);
  });

  it('is a valid BTC series of four venues and 7 days of 15-minute candles under 1.5 MB, priced near 95,000', () => {
    const text = files[EXAMPLE_SERIES_PATH] as string;
    expect(text.length).toBeLessThan(1.5e6);
    const doc = SeriesDocSchema.parse(JSON.parse(text));
    expect(doc.asset).toBe('BTC');
    expect(doc.venues).toHaveLength(4);
    for (const venue of doc.venues) {
      expect(venue.candles).toHaveLength(672);
      expect(Math.abs(venue.markPrice / 95_000 - 1)).toBeLessThan(0.01);
    }
  });

  it('comes with a depth file around the price', () => {
    const depth = DepthFileSchema.parse(JSON.parse(files[EXAMPLE_DEPTH_PATH] as string));
    expect(depth.asks.length).toBe(500);
    expect(depth.bids.length).toBe(500);
    expect(depth.bids[0]?.[0]).toBeLessThan(depth.asks[0]?.[0] as number);
  });
});

describe('compactJson', () => {
  it('puts each row of scalars on one line and round-trips', () => {
    const value = {
      a: [
        [1, 2.5, null],
        [3, 4, 'x'],
      ],
      b: 'y',
      c: [],
    };
    const text = compactJson(value);
    expect(text).toBe('{\n  "a": [\n    [1,2.5,null],\n    [3,4,"x"]\n  ],\n  "b": "y",\n  "c": []\n}');
    expect(JSON.parse(text)).toEqual(value);
  });
});
