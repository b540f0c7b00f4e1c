import { medianPrice } from '../../lib/model/run-model';
import { syntheticDepth, syntheticSeries } from '../../lib/model/synthetic';

/** Chosen among seeds for a final price near 95,000 with bands on both sides. */
export const EXAMPLE_SEED = 20261120;
export const EXAMPLE_SERIES_PATH = 'test/fixtures/series/btc-example.json';
export const EXAMPLE_DEPTH_PATH = 'test/fixtures/series/btc-example-depth.json';

/** One candle or level per line: small diffs, readable, and far smaller than pretty-printed JSON. */
export function compactJson(value: unknown, indent = ''): string {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.every((x) => typeof x !== 'object' || x === null)) return JSON.stringify(value);
    return `[\n${value.map((x) => inner + compactJson(x, inner)).join(',\n')}\n${indent}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).map(
      ([k, v]) => `${inner}${JSON.stringify(k)}: ${compactJson(v, inner)}`,
    );
    return `{\n${entries.join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

/** The bundled example files, path → text: BTC, four venues, 7 days of 15-minute candles, and its depth. */
export function exampleFiles(): Record<string, string> {
  const series = syntheticSeries({
    seed: EXAMPLE_SEED,
    asset: 'BTC',
    days: 7,
    interval: '15m',
    startPrice: 95_000,
  });
  const price = medianPrice(series.venues.map((v) => v.markPrice));
  const depth = syntheticDepth({ seed: EXAMPLE_SEED, price, levels: 500, stepPct: 0.01 });
  return {
    [EXAMPLE_SERIES_PATH]: `${compactJson(series)}\n`,
    [EXAMPLE_DEPTH_PATH]: `${compactJson(depth)}\n`,
  };
}
