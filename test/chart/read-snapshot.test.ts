import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSnapshot } from '../../lib/chart/read-snapshot';
import { type ChartSnapshot, ChartSnapshotSchema } from '../../lib/chart/snapshot';
import { formatPath } from '../../lib/util/zod';

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
  time: {
    t0: 1_700_000_000_000,
    x0: 12.5,
    spacing: 6,
    intervalMs: 900_000,
    checks: [{ t: 1_700_000_900_000, x: 18.5 }],
    visible: { from: 1_700_000_000_000, to: 1_700_090_000_000 },
  },
};

/** The hand-written reader agrees with the schema: both accept (with the same data) or both refuse, at one path. */
function expectAgreement(raw: unknown) {
  const schema = ChartSnapshotSchema.safeParse(raw);
  const hand = readSnapshot(raw);
  expect(hand.ok).toBe(schema.success);
  if (hand.ok && schema.success) {
    expect(hand.snapshot).toEqual(schema.data);
    return;
  }
  if (hand.ok || schema.success) return;
  const paths = schema.error.issues.map((issue) => formatPath(issue.path));
  const where = hand.error.includes(': ') ? hand.error.slice(0, hand.error.indexOf(': ')) : '';
  expect(paths).toContain(where);
}

const withTime = (time: unknown) => ({ ...good, time });

describe('readSnapshot: ChartSnapshotSchema by hand', () => {
  it.each([
    ['a good snapshot', good],
    ['no time axis', { ...good, time: undefined }],
    ['a null time axis', withTime(null)],
    [
      'nulls where allowed',
      { ...good, symbol: null, interval: null, apiPaneHeight: null, lastPrice: null, crosshair: null },
    ],
    [
      'extra fields (dropped)',
      { ...good, extra: 1, scale: { ...good.scale, extra: 2 }, pane: { ...good.pane, z: 3 } },
    ],
    ['a bad number', { ...good, scale: { ...good.scale, to: Number.NaN } }],
    ['an infinite pane', { ...good, pane: { ...good.pane, width: Number.POSITIVE_INFINITY } }],
    ['a negative height', { ...good, pane: { ...good.pane, height: -1 } }],
    ['a string price', { ...good, crosshair: { price: '95000', y: 250 } }],
    ['a pane that is not an object', { ...good, pane: 'x' }],
    ['a pane that is an array with the same fields', { ...good, pane: Object.assign([], good.pane) }],
    ['a snapshot that is an array', Object.assign([], good)],
    ['a symbol too long', { ...good, symbol: 'X'.repeat(65) }],
    ['an interval too long', { ...good, interval: 'X'.repeat(17) }],
    ['an unknown kind', { ...good, kind: 'tv' }],
    ['a mode out of range', { ...good, scale: { ...good.scale, mode: 4 } }],
    ['a string inverted flag', { ...good, scale: { ...good.scale, inverted: 'false' } }],
    ['a missing viewport', { ...good, viewport: undefined }],
    ['a missing crosshair', { ...good, crosshair: undefined }],
    ['too many time checks', withTime({ ...good.time, checks: Array(9).fill({ t: 1, x: 2 }) })],
    ['a bad time check', withTime({ ...good.time, checks: [{ t: 1, x: null }] })],
    ['time checks not an array', withTime({ ...good.time, checks: {} })],
    ['a missing visible range', withTime({ ...good.time, visible: undefined })],
    ['a null visible range', withTime({ ...good.time, visible: null })],
    ['not an object', null],
    ['a string', '<script>'],
  ])('%s', (_what, raw) => expectAgreement(raw));

  it('agrees with the schema on arbitrary changes to a good snapshot', () => {
    const value = fc.oneof(
      fc.double(),
      fc.integer({ min: -2, max: 5 }),
      fc.constantFrom(null, undefined, true, 'x', 'lwc', [], {}),
    );
    const paths = [
      ['kind'],
      ['symbol'],
      ['interval'],
      ['pane', 'left'],
      ['pane', 'height'],
      ['apiPaneHeight'],
      ['scale', 'from'],
      ['scale', 'mode'],
      ['scale', 'inverted'],
      ['lastPrice'],
      ['crosshair', 'y'],
      ['viewport', 'width'],
      ['time', 'spacing'],
      ['time', 'visible'],
      ['time', 'checks'],
    ];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...paths), value), { maxLength: 3 }), (changes) => {
        const raw = structuredClone(good) as unknown as Record<string, Record<string, unknown>>;
        for (const [[a, b], v] of changes) {
          if (b === undefined) (raw as Record<string, unknown>)[a as string] = v;
          else if (typeof raw[a as string] === 'object' && raw[a as string] !== null)
            (raw[a as string] as Record<string, unknown>)[b] = v;
        }
        expectAgreement(raw);
      }),
      { numRuns: 400 },
    );
  });
});
