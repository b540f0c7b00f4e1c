import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildClusterView } from '../../lib/engine/build-view';
import { formatSignedPercent } from '../../lib/format/percent';
import { formatPrice } from '../../lib/format/price';
import type { SeriesDoc } from '../../lib/market/series';
import type { Band } from '../../lib/model/cluster-view';
import { DEFAULT_PARAMS } from '../../lib/model/params';
import { clusterReport } from '../../lib/report/cluster-report';
import { handView } from '../fixtures/views';

const M = '\u2212';

describe('clusterReport', () => {
  const lines = clusterReport(handView(), { now: Date.UTC(2026, 10, 1, 0, 3, 10) });
  const section = (title: string, count: number) => {
    const at = lines.indexOf(title);
    expect(at).toBeGreaterThanOrEqual(0);
    return lines.slice(at + 1, at + 1 + count);
  };

  it('starts with the asset, price, data span and model', () => {
    expect(lines.slice(0, 3)).toEqual([
      'BTC · price 95,000 (median mark of 2 venues)',
      'Data     2026-10-25T00:00:00Z → 2026-11-01T00:00:00Z (7 d, 2,688 candles, ends 3 min ago)',
      'Model    v1 · bin 100 · range ±25 % · window 7d of 15m · half-life 72 h · split taker',
    ]);
  });

  it('lists the bands above from the nearest out, a band around the price first at 0.0 %', () => {
    expect(section('Nearest bands above 95,000 (estimate)', 3)).toEqual([
      '  94,900 – 95,200   0.0 %  $10.0M  0.3 % of shorts  peak 95,050',
      '  96,000 – 96,500  +1.1 %   $1.2B  30 % of shorts   peak 96,250',
      '  98,000 – 98,100  +3.2 %  $45.0M  1.1 % of shorts  peak 98,050',
    ]);
  });

  it('lists the bands below from the nearest out with the distance to their upper edge', () => {
    expect(section('Nearest bands below 95,000 (estimate)', 3)).toEqual([
      `  93,000 – 93,400  ${M}1.7 %  $800M  40 % of longs   peak 93,150`,
      `  90,000 – 90,200  ${M}5.1 %  $2.5M  0.1 % of longs  peak 90,100`,
      '',
    ]);
  });

  it('gives at-risk up and down for the move', () => {
    expect(section('At risk for a 3.0 % move (estimate)', 2)).toEqual([
      '  Up    Shorts  $1.5B  liquidate by +3.0 % (97,850)',
      `  Down  Longs   $950M  liquidate by ${M}3.0 % (92,150)`,
    ]);
  });

  it('gives the cascade estimates, saying when one leaves the visible depth', () => {
    const [up, down] = section(
      'Cascade (estimate against resting depth only, not validated; the book is not assumed to refill)',
      2,
    );
    expect(up).toMatch(
      /^ {2}Up {4}push to 97,850 \(the move\) +→ ends 98,500 \(\+3\.7 %\) +\$1\.8B liquidated in 3 steps$/,
    );
    expect(down).toMatch(
      new RegExp(
        `^ {2}Down {2}push to 93,400 \\(the nearest band\\) +→ beyond visible depth past 91,000 \\(${M}4\\.2 %\\) +\\$2\\.1B liquidated in 1 step$`,
      ),
    );
  });

  it('shows each venue in a trader’s words', () => {
    const [binance, hyperliquid, okx] = section('Venues', 3);
    expect(binance?.split(/ {2,}/)).toEqual([
      '',
      'Binance',
      'BTCUSDT',
      'mark 95,011',
      'OI $7.6B (+2.1 % 24h)',
      'funding +0.0100 % / 8h',
      'ok',
    ]);
    expect(hyperliquid?.split(/ {2,}/)).toEqual([
      '',
      'Hyperliquid',
      'BTC',
      'mark 94,990',
      'OI $4.2B',
      'funding +0.0100 % / 8h',
      'no ledger: no open-interest history yet',
    ]);
    expect(okx?.split(/ {2,}/)).toEqual(['', 'OKX', 'BTC-USDT-SWAP', 'failed', 'unavailable in your region']);
  });

  it('ends with the diagnostics', () => {
    expect(lines.slice(-3)).toEqual([
      'Diagnostics',
      '  opened $12.5B · liquidated $4.3B · shrunk $2.0B · open $6.1B (decayed $2.6B)',
      '  outside the bins $61.0M · intervals without open interest 3 (including every candle of Hyperliquid, which has no open-interest history yet)',
    ]);
  });

  it('says what is missing: no bands on a side, no depth, no candles, and omits the age without a clock', () => {
    const view = handView();
    view.bands = view.bands.filter((b) => b.side === 'long');
    view.cascade = [];
    view.venues = [];
    view.diagnostics.spanFrom = null;
    view.diagnostics.spanTo = null;
    const out = clusterReport(view);
    expect(out[0]).toBe('BTC · price 95,000');
    expect(out[1]).toBe('Data     no candles');
    expect(out[out.indexOf('Nearest bands above 95,000 (estimate)') + 1]).toBe('  none');
    expect(out).toContain('Cascade  not estimated (no order-book depth given)');
    expect(out).not.toContain('Venues');
    expect(clusterReport(handView()).join('\n')).not.toContain('ago');
  });

  it('limits the bands per side to `nearest`', () => {
    const out = clusterReport(handView(), { nearest: 1 });
    const at = out.indexOf('Nearest bands above 95,000 (estimate)');
    expect(out[at + 2]).toBe('Nearest bands below 95,000 (estimate)');
  });

  it('adds the CoinGlass second opinion when present', () => {
    const view = handView();
    view.secondOpinion = {
      source: 'coinglass',
      status: 'ok',
      message: null,
      long: [1e9, 0.5e9],
      short: [2e9],
    };
    expect(clusterReport(view)).toContain(
      'CoinGlass  second opinion on the same bins: longs $1.5B, shorts $2.0B',
    );
    view.secondOpinion = {
      source: 'coinglass',
      status: 'failed',
      message: 'the key’s plan has no map',
      long: [],
      short: [],
    };
    expect(clusterReport(view)).toContain('CoinGlass  failed: the key’s plan has no map');
  });

  it('writes band edges with the bin width’s decimals and peaks, bin centres, with half a bin’s', () => {
    const view = handView();
    view.price = 3_300;
    view.bins = { low: 2_475, width: 5, long: [], short: [] };
    view.bands = [{ side: 'short', low: 3_305, high: 3_320, peak: 3_312.5, notionalUsd: 5e6, share: 0.5 }];
    view.diagnostics.candles = 1;
    const out = clusterReport(view);
    expect(out[out.indexOf('Nearest bands above 3,300.0 (estimate)') + 1]).toBe(
      '  3,305 – 3,320  +0.2 %  $5.0M  50 % of shorts  peak 3,312.5',
    );
    expect(out[1]).toContain('(7 d, 1 candle)');
  });
});

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

describe('edge cases: the readable report’s nearest bands', () => {
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
