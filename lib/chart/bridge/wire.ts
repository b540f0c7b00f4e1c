import type { ChartSnapshot } from '../snapshot';

/**
 * A `ChartSnapshot` as the bridge posts it: one flat array, because a structured clone of nested objects costs the
 * bridge's post and the overlay's listener half as much again as a flat array does, on every frame of a pan
 * (docs/overlay.md, "Cost per frame"). The positions, in order:
 *
 *   0 kind · 1 symbol · 2 interval · 3–6 pane left, top, width, height · 7 apiPaneHeight ·
 *   8–11 scale from, to, mode, inverted · 12 lastPrice · 13–14 crosshair price, y (both null: none) ·
 *   15–16 viewport width, height · then the time axis: nothing (absent), `null`, or
 *   17–20 t0, x0, spacing, intervalMs · 21–22 visible from, to (both null: none) · 23… t, x of each check.
 *
 * Decoding only rebuilds the shape; the values are still page data, checked by `readSnapshot` after.
 */
export type WireSnapshot = readonly (string | number | boolean | null)[];

const HEAD = 17;
const TIME_HEAD = HEAD + 6;
/** As `TimeReadSchema` allows. */
const MAX_CHECKS = 8;

export function encodeSnapshot(s: ChartSnapshot): WireSnapshot {
  const { pane, scale, crosshair, viewport, time } = s;
  const wire: (string | number | boolean | null)[] = [
    s.kind,
    s.symbol,
    s.interval,
    pane.left,
    pane.top,
    pane.width,
    pane.height,
    s.apiPaneHeight,
    scale.from,
    scale.to,
    scale.mode,
    scale.inverted,
    s.lastPrice,
    crosshair ? crosshair.price : null,
    crosshair ? crosshair.y : null,
    viewport.width,
    viewport.height,
  ];
  if (time === null) wire.push(null);
  else if (time !== undefined) {
    const { visible } = time;
    wire.push(
      time.t0,
      time.x0,
      time.spacing,
      time.intervalMs,
      visible ? visible.from : null,
      visible ? visible.to : null,
    );
    for (const check of time.checks) wire.push(check.t, check.x);
  }
  return wire;
}

/**
 * The snapshot a wire array stands for (its values unchecked), null for the bridge's "no chart", or undefined when
 * `raw` is not a wire snapshot at all: not an array, or one of a length no snapshot has.
 */
export function decodeSnapshot(raw: unknown): unknown {
  if (raw === null) return null;
  if (!Array.isArray(raw)) return undefined;
  const n = raw.length;
  const timeless = n === HEAD || (n === HEAD + 1 && raw[HEAD] === null);
  if (!timeless && (n < TIME_HEAD || n > TIME_HEAD + 2 * MAX_CHECKS || (n - TIME_HEAD) % 2 !== 0))
    return undefined;
  const w = raw as unknown[];
  const snapshot: Record<string, unknown> = {
    kind: w[0],
    symbol: w[1],
    interval: w[2],
    pane: { left: w[3], top: w[4], width: w[5], height: w[6] },
    apiPaneHeight: w[7],
    scale: { from: w[8], to: w[9], mode: w[10], inverted: w[11] },
    lastPrice: w[12],
    crosshair: w[13] === null && w[14] === null ? null : { price: w[13], y: w[14] },
    viewport: { width: w[15], height: w[16] },
  };
  if (n === HEAD + 1) snapshot.time = null;
  else if (n >= TIME_HEAD) {
    const checks: { t: unknown; x: unknown }[] = [];
    for (let i = TIME_HEAD; i < n; i += 2) checks.push({ t: w[i], x: w[i + 1] });
    snapshot.time = {
      t0: w[17],
      x0: w[18],
      spacing: w[19],
      intervalMs: w[20],
      checks,
      visible: w[21] === null && w[22] === null ? null : { from: w[21], to: w[22] },
    };
  }
  return snapshot;
}

/** Where a wire snapshot holds the chart's last price. */
const LAST_PRICE = 12;

/**
 * What changed from wire snapshot `a` (or the bridge's null) to `b`, item by item (numbers by `Object.is`), in one
 * pass: `none`, the chart's last price and nothing else (`price`), or anything more (`more`).
 */
export function wireChange(a: WireSnapshot | null, b: WireSnapshot | null): 'none' | 'price' | 'more' {
  if (a === b) return 'none';
  if (a === null || b === null || a.length !== b.length) return 'more';
  let price = false;
  for (let i = 0; i < a.length; i++) {
    if (Object.is(a[i], b[i])) continue;
    if (i !== LAST_PRICE) return 'more';
    price = true;
  }
  return price ? 'price' : 'none';
}
