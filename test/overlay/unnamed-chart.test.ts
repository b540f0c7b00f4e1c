import { describe, expect, it } from 'vitest';
import type { SnapshotCheck } from '../../lib/chart/validate-snapshot';
import { confirmUnnamedChart } from '../../lib/overlay/unnamed-chart';
import { makeSnapshot, makeView } from './fixtures';

const scale = { from: 90_000, to: 100_000, mode: 0 as const, height: 401 };
const passed = (symbol: string | null, lastPrice: number | null): SnapshotCheck => ({
  ok: true,
  snapshot: makeSnapshot({ kind: symbol === null ? 'lwc' : 'tv-cl-iframe', symbol, lastPrice }),
  scale,
});

describe('confirmUnnamedChart', () => {
  // The view: BTC at 95,000 with the map ±25 %, so 71,250 … 118,750 could be BTC.
  const view = makeView();

  it('keeps a chart with no symbol whose last price is within the map of the view price', () => {
    for (const last of [95_000, 71_250, 118_750]) {
      const check = passed(null, last);
      expect(confirmUnnamedChart(check, view)).toBe(check);
    }
  });

  it('refuses one whose last price is another market’s, or that shows none', () => {
    expect(confirmUnnamedChart(passed(null, 3_112.4), view)).toEqual({
      ok: false,
      reason: "the chart names no instrument and its last price 3,112.4 is not BTC's (95,000)",
    });
    expect(confirmUnnamedChart(passed(null, 118_800), view)?.ok).toBe(false);
    expect(confirmUnnamedChart(passed(null, 0), view)?.ok).toBe(false);
    expect(confirmUnnamedChart(passed(null, null), view)).toEqual({
      ok: false,
      reason: 'the chart names no instrument and shows no price to tell it is BTC',
    });
  });

  it('leaves named charts, failed checks and the time before a view arrives to the other rules', () => {
    const named = passed('BTCUSDT', 3_112.4);
    expect(confirmUnnamedChart(named, view)).toBe(named);
    const failed: SnapshotCheck = { ok: false, reason: 'the crosshair self-check failed' };
    expect(confirmUnnamedChart(failed, view)).toBe(failed);
    expect(confirmUnnamedChart(null, view)).toBeNull();
    const early = passed(null, 3_112.4);
    expect(confirmUnnamedChart(early, null)).toBe(early);
  });
});
