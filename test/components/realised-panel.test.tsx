// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { RealisedPanel } from '../../components/popup/RealisedPanel';
import { realisedPopupModel } from '../../components/popup/realised-model';
import { formatClock } from '../../lib/realised/clock';
import { domRoot } from '../fixtures/dom-root';
import { feed, MIN, NOW, summary, totals } from '../realised/summary-fixture';

const mount = domRoot();

const text = (selector: string) => mount.el.querySelector(selector)?.textContent ?? null;

const h1 = totals({
  long: 3e6,
  short: 1.2e6,
  byVenue: {
    bybit: { long: 2e6, short: 1e6 },
    okx: { long: 1e6, short: 0.2e6 },
    binance: { long: 0, short: 0 },
  },
});

describe('RealisedPanel', () => {
  it('shows 1 h and 24 h totals by side and venue, labelled realised', () => {
    const s = summary({ windows: { h1, h24: h1 }, velocity5m: { long: 0, short: 42e6 } });
    act(() => render(<RealisedPanel summary={s} error={null} />, mount.el));
    expect(text('.section-title')).toContain('realised');
    expect(text('[data-venue="all"] [data-field="h1-long"]')).toBe('$3.0M');
    expect(
      mount.el.querySelector('[data-venue="all"] [data-field="h1-long"]')?.getAttribute('data-usd'),
    ).toBe('3000000');
    expect(text('[data-venue="bybit"] [data-field="h1-short"]')).toBe('$1.0M');
    expect(text('[data-venue="okx"] [data-field="h24-short"]')).toBe('$200K');
    expect(text('[data-field="velocity"]')).toBe('↑ shorts $42.0M liquidated in 5 min');
  });

  it('says what each feed covers: Hyperliquid has none', () => {
    act(() => render(<RealisedPanel summary={summary()} error={null} />, mount.el));
    const coverage = [...mount.el.querySelectorAll('.realised-row')].map((r) => [
      r.getAttribute('data-venue'),
      r.getAttribute('data-coverage'),
    ]);
    expect(coverage).toEqual([
      ['bybit', 'complete'],
      ['okx', 'partial'],
      ['binance', 'partial'],
      ['hyperliquid', 'not available'],
    ]);
    expect(text('[data-venue="hyperliquid"] [data-field="coverage"]')).toBe('not available: no public feed');
    expect(text('[data-venue="bybit"] [data-field="state"]')).toBe('live');
  });

  it('a gap is shown as a gap: lower-bound totals, the feed state, gapped sparkline minutes', () => {
    const gap = { from: NOW - 3 * MIN, to: null };
    const s = summary({
      feeds: [
        feed('bybit', { state: 'reconnecting', gaps: [gap], rejected: 2 }),
        feed('okx'),
        feed('binance'),
      ],
      windows: { h1: { ...h1, complete: false }, h24: { ...h1, complete: false } },
    });
    act(() => render(<RealisedPanel summary={s} error={null} />, mount.el));
    expect(text('[data-venue="all"] [data-field="h1-long"]')).toBe('≥ $3.0M');
    expect(text('[data-venue="bybit"] [data-field="state"]')).toBe(`gap since ${formatClock(gap.from)}`);
    expect(text('[data-venue="bybit"] [data-field="rejected"]')).toBe('2 bad');
    expect(mount.el.querySelector('[data-field="sparkline"]')?.getAttribute('data-gaps')).toBe('3');
    expect(text('[data-field="velocity-gap"]')).toContain('Bybit gap since');
  });

  it('a gap with nothing received reads "gap", never "≥ $0"', () => {
    const empty = {
      long: 0,
      short: 0,
      complete: false,
      byVenue: { bybit: { long: 0, short: 0 }, okx: { long: 0, short: 0 }, binance: { long: 0, short: 0 } },
    };
    const s = summary({ windows: { h1: empty, h24: empty } });
    act(() => render(<RealisedPanel summary={s} error={null} />, mount.el));
    expect(text('[data-venue="all"] [data-field="h1-long"]')).toBe('gap');
    expect(mount.el.textContent).not.toContain('≥ $0');
  });

  it('without a summary it says why', () => {
    act(() => render(<RealisedPanel summary={null} error="LiqLens background not answering" />, mount.el));
    expect(text('[data-field="realised-empty"]')).toBe('LiqLens background not answering');
  });
});

describe('realisedPopupModel', () => {
  it('sparkline bars follow the buckets; the peak ignores gapped minutes', () => {
    const long = Array(60).fill(0);
    const short = Array(60).fill(0);
    long[10] = 5e5;
    short[59] = 9e6;
    const s = summary({
      sparkline: { bucketMs: MIN, start: NOW - 60 * MIN, long, short },
      feeds: [feed('bybit', { gaps: [{ from: NOW - 30 * 1000, to: NOW - 10_000 }] })],
    });
    const m = realisedPopupModel(s);
    expect(m.bars).toHaveLength(60);
    expect(m.bars[59]?.gap).toBe(true);
    expect(m.bars[10]).toEqual({ start: NOW - 50 * MIN, long: 5e5, short: 0, gap: false });
    expect(m.peakUsd).toBe(5e5);
  });
});
