import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildClusterView } from '../../lib/engine/build-view';
import { formatSignedPercent } from '../../lib/format/percent';
import { formatPrice } from '../../lib/format/price';
import type { SeriesDoc } from '../../lib/market/series';
import type { Band } from '../../lib/model/cluster-view';
import { DEFAULT_PARAMS } from '../../lib/model/params';
import { clusterReport } from '../../lib/report/cluster-report';

const series = JSON.parse(readFileSync('test/fixtures/series/btc-example.json', 'utf8')) as SeriesDoc;
const view = buildClusterView({
  series,
  params: { ...DEFAULT_PARAMS, interval: series.interval },
  venues: [],
});
const P = view.price;
const w = view.bins.width;

/** The lines under a heading of the report, up to the next line that is not indented. */
function block(lines: string[], heading: string): string[] {
  const at = lines.findIndex((l) => l.startsWith(heading));
  expect(at).toBeGreaterThanOrEqual(0);
  const out: string[] = [];
  for (let i = at + 1; i < lines.length && (lines[i] as string).startsWith('  '); i++)
    out.push(lines[i] as string);
  return out;
}

/** Independently: every band on that side of P (by its middle), nearest edge first, as the report writes it. */
function expected(side: 'above' | 'below', n: number): string[][] {
  const middle = (b: Band) => (b.low + b.high) / 2;
  const dist = (b: Band) => (side === 'above' ? Math.max(0, b.low - P) : Math.max(0, P - b.high));
  return view.bands
    .filter((b) => (side === 'above' ? middle(b) >= P : middle(b) < P))
    .sort((a, b) => dist(a) - dist(b))
    .slice(0, n)
    .map((b) => [
      `${formatPrice(b.low, { step: w })} – ${formatPrice(b.high, { step: w })}`,
      formatSignedPercent(((side === 'above' ? 1 : -1) * dist(b) * 100) / P),
    ]);
}

describe('review: the readable report’s nearest bands', () => {
  const lines = clusterReport(view);
  const cells = (l: string) => l.trim().split(/ {2,}/);

  it('lists above P the three bands nearest to it, with a + distance to their lower edge', () => {
    const rows = block(lines, 'Nearest bands above').map(cells);
    expect(rows.map((r) => [r[0], r[1]])).toEqual(expected('above', 3));
    for (const r of rows) expect(r[1]).toMatch(/^(\+\d+\.\d|0\.0) %$/);
  });

  it('lists below P the three bands nearest to it, with a − distance to their upper edge', () => {
    const rows = block(lines, 'Nearest bands below').map(cells);
    expect(rows.map((r) => [r[0], r[1]])).toEqual(expected('below', 3));
    for (const r of rows) expect(r[1]).toMatch(/^(−\d+\.\d|0\.0) %$/);
  });

  it('the example has more bands than it lists, so nearness (not size) chose them', () => {
    expect(view.bands.length).toBeGreaterThan(6);
    const above = expected('above', 99).length;
    expect(above).toBeGreaterThan(3);
  });
});
