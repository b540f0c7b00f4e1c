import { describe, expect, it } from 'vitest';
import { readSnapshot } from '../../lib/chart/read-snapshot';
import type { ChartSnapshot } from '../../lib/chart/snapshot';
import { createSnapshotValidator, validateSnapshot } from '../../lib/chart/validate-snapshot';

const good: ChartSnapshot = {
  kind: 'tv-cl-iframe',
  symbol: 'BINANCE:BTCUSDT.P',
  interval: '15',
  pane: { left: 50, top: 120, width: 900, height: 501 },
  apiPaneHeight: 501,
  scale: { from: 90_000, to: 100_000, mode: 0, inverted: false },
  lastPrice: 95_000,
  crosshair: { price: 95_000, y: 250 },
  viewport: { width: 1280, height: 800 },
};

const reason = (raw: unknown, asset: string | null = 'BTC') => {
  const check = validateSnapshot(raw, asset);
  return check.ok ? 'ok' : check.reason;
};

describe('validateSnapshot', () => {
  it('accepts a consistent snapshot', () => {
    expect(reason(good)).toBe('ok');
    expect(reason({ ...good, symbol: null, crosshair: null, apiPaneHeight: null })).toBe('ok');
  });

  it('accepts an inverted scale whose `from` is the larger price', () => {
    expect(
      reason({
        ...good,
        scale: { ...good.scale, from: 100_000, to: 90_000, inverted: true },
        crosshair: null,
      }),
    ).toBe('ok');
  });

  it.each([
    [{ ...good, scale: { ...good.scale, to: Number.NaN } }, 'bad snapshot: scale.to'],
    [{ ...good, scale: { ...good.scale, to: 90_000 } }, 'cannot be mapped'],
    [{ ...good, pane: { ...good.pane, height: 0 } }, 'not visible'],
    [{ ...good, pane: { ...good.pane, top: 900 } }, 'outside the viewport'],
    [{ ...good, apiPaneHeight: 480 }, 'disagrees'],
    [{ ...good, symbol: 'BINANCE:ETHUSDT.P' }, 'the chart shows BINANCE:ETHUSDT.P'],
    [{ ...good, crosshair: { price: 95_000, y: 260 } }, 'crosshair'],
    [{ ...good, scale: { ...good.scale, inverted: true } }, 'inverted'],
    [{ ...good, kind: 'none' }, 'no chart API'],
    [{ ...good, scale: { ...good.scale, mode: 1, from: -5 } }, 'cannot be mapped'],
    ['<script>', 'bad snapshot'],
  ])('rejects %#: %s', (raw, expected) => {
    expect(reason(raw)).toContain(expected);
  });
});

describe('createSnapshotValidator', () => {
  it('judges a run of snapshots as validateSnapshot judges each alone', () => {
    const validate = createSnapshotValidator();
    const runs: unknown[] = [
      good,
      { ...good, symbol: 'BINANCE:ETHUSDT.P' },
      good,
      { ...good, pane: 'x' },
      good,
    ];
    for (const raw of runs) expect(validate(readSnapshot(raw), 'BTC')).toEqual(validateSnapshot(raw, 'BTC'));
  });
});
