import { describe, expect, it } from 'vitest';
import { type ChartSnapshot, ChartSnapshotSchema } from '../../lib/chart/snapshot';
import {
  createSnapshotParser,
  createSnapshotValidator,
  validateSnapshot,
} from '../../lib/chart/validate-snapshot';
import { describeZodError } from '../../lib/util/zod';

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

describe('createSnapshotParser: the full schema, cheaper while only the scale moves', () => {
  const panned = (from: number): unknown => ({
    ...good,
    scale: { ...good.scale, from, to: from + 10_000 },
    crosshair: { price: from + 5_000, y: 250 },
  });
  /** What the full schema says: the data, or the worded error. */
  const full = (raw: unknown) => {
    const r = ChartSnapshotSchema.safeParse(raw);
    return r.success ? { data: r.data } : { error: describeZodError(r.error) };
  };
  const light = (parseSnapshot: ReturnType<typeof createSnapshotParser>, raw: unknown) => {
    const r = parseSnapshot(raw);
    return r.success ? { data: r.data } : { error: describeZodError(r.error) };
  };

  it.each([
    ['a pan', panned(90_500)],
    [
      'a pan with a new last price and no crosshair',
      { ...(panned(91_000) as object), lastPrice: 96_000, crosshair: null },
    ],
    ['a bad number in the moving part', { ...good, scale: { ...good.scale, to: Number.NaN } }],
    ['a wrong type in the moving part', { ...good, crosshair: { price: '95000', y: 250 } }],
    ['a moved pane', { ...(panned(90_500) as object), pane: { ...good.pane, top: 121 } }],
    ['a pane that is not an object', { ...good, pane: 'x' }],
    ['another symbol', { ...good, symbol: 'BINANCE:ETHUSDT.P' }],
    ['a symbol too long', { ...good, symbol: 'X'.repeat(65) }],
    [
      'extra fields (stripped)',
      { ...(panned(90_500) as object), extra: 1, scale: { ...good.scale, extra: 2 } },
    ],
    ['not an object', null],
    // Structured clone keeps an array's named properties: arrays that look like the still fields are not objects.
    ['a pane that is an array with the same fields', { ...good, pane: Object.assign([], good.pane) }],
    [
      'a viewport that is an array with the same fields',
      { ...good, viewport: Object.assign([], good.viewport) },
    ],
    ['a snapshot that is an array with the same fields', Object.assign([], panned(90_500))],
  ])('agrees with the full schema after a good snapshot: %s', (_what, raw) => {
    const parseSnapshot = createSnapshotParser();
    parseSnapshot(good);
    expect(light(parseSnapshot, raw)).toEqual(full(raw));
  });

  it('keeps the still parts of the last accepted snapshot and takes the moving parts afresh', () => {
    const parseSnapshot = createSnapshotParser();
    const first = parseSnapshot(good);
    const next = parseSnapshot(panned(90_500));
    expect(first.success && next.success).toBe(true);
    if (!first.success || !next.success) return;
    expect(next.data.pane).toBe(first.data.pane);
    expect(next.data.scale).toEqual({ from: 90_500, to: 100_500, mode: 0, inverted: false });
    expect(next.data.crosshair).toEqual({ price: 95_500, y: 250 });
  });

  it('remembers per parser: a second overlay starts afresh', () => {
    const first = createSnapshotParser();
    const a = first(good);
    const b = createSnapshotParser()(panned(90_500));
    expect(a.success && b.success).toBe(true);
    if (!a.success || !b.success) return;
    expect(b.data.pane).not.toBe(a.data.pane);
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
    for (const raw of runs) expect(validate(raw, 'BTC')).toEqual(validateSnapshot(raw, 'BTC'));
  });
});
