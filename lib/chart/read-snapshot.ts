import { isRecord } from '../util/is-record';
import type { ChartSnapshot, Rect, TimeRead } from './snapshot';

/**
 * `ChartSnapshotSchema`'s rules written out by hand, for the page bridge's per-frame path: the content script carries
 * no zod for it (docs/overlay.md, "What the content script checks"), and a snapshot is read in a few µs. The result
 * is what the schema's `safeParse` gives: the same fields (unknown ones dropped) on success, and on failure the first
 * problem as `path: message` (the schema would list every one). test/chart/read-snapshot.test.ts holds the two alike.
 */
export type SnapshotRead = { ok: true; snapshot: ChartSnapshot } | { ok: false; error: string };

const KINDS: readonly unknown[] = ['tv-site', 'tv-cl-iframe', 'lwc', 'none'];
const MAX_TIME_CHECKS = 8;

/** Thrown inside the reader only, caught by `readSnapshot`. */
class Bad {
  constructor(
    readonly path: string,
    readonly message: string,
  ) {}
}

/** A plain object as zod's `z.object` takes one: an array is not (a structured clone keeps its named properties). */
function record(x: unknown, path: string): Record<string, unknown> {
  if (!isRecord(x)) throw new Bad(path, 'expected an object');
  return x;
}

function finite(x: unknown, path: string): number {
  if (typeof x !== 'number' || !Number.isFinite(x)) throw new Bad(path, 'expected a finite number');
  return x;
}

function nullableFinite(x: unknown, path: string): number | null {
  return x === null ? null : finite(x, path);
}

function nullableString(x: unknown, path: string, max: number): string | null {
  if (x === null) return null;
  if (typeof x !== 'string') throw new Bad(path, 'expected a string or null');
  if (x.length > max) throw new Bad(path, `at most ${max} characters`);
  return x;
}

function rect(x: unknown, path: string): Rect {
  const r = record(x, path);
  const left = finite(r.left, `${path}.left`);
  const top = finite(r.top, `${path}.top`);
  const width = finite(r.width, `${path}.width`);
  const height = finite(r.height, `${path}.height`);
  if (width < 0) throw new Bad(`${path}.width`, 'expected a number ≥ 0');
  if (height < 0) throw new Bad(`${path}.height`, 'expected a number ≥ 0');
  return { left, top, width, height };
}

function time(x: unknown): TimeRead {
  const r = record(x, 'time');
  const t0 = finite(r.t0, 'time.t0');
  const x0 = finite(r.x0, 'time.x0');
  const spacing = finite(r.spacing, 'time.spacing');
  const intervalMs = finite(r.intervalMs, 'time.intervalMs');
  if (!Array.isArray(r.checks)) throw new Bad('time.checks', 'expected an array');
  const checks = r.checks.map((c: unknown, i) => {
    const point = record(c, `time.checks[${i}]`);
    return { t: finite(point.t, `time.checks[${i}].t`), x: finite(point.x, `time.checks[${i}].x`) };
  });
  if (checks.length > MAX_TIME_CHECKS) throw new Bad('time.checks', `at most ${MAX_TIME_CHECKS} items`);
  let visible: TimeRead['visible'] = null;
  if (r.visible !== null) {
    const v = record(r.visible, 'time.visible');
    visible = { from: finite(v.from, 'time.visible.from'), to: finite(v.to, 'time.visible.to') };
  }
  return { t0, x0, spacing, intervalMs, checks, visible };
}

function read(raw: unknown): ChartSnapshot {
  const r = record(raw, '');
  if (!KINDS.includes(r.kind)) throw new Bad('kind', `expected one of ${KINDS.join(', ')}`);
  const symbol = nullableString(r.symbol, 'symbol', 64);
  const interval = nullableString(r.interval, 'interval', 16);
  const pane = rect(r.pane, 'pane');
  const apiPaneHeight = nullableFinite(r.apiPaneHeight, 'apiPaneHeight');
  const s = record(r.scale, 'scale');
  const from = finite(s.from, 'scale.from');
  const to = finite(s.to, 'scale.to');
  const mode = s.mode;
  if (mode !== 0 && mode !== 1 && mode !== 2 && mode !== 3)
    throw new Bad('scale.mode', 'expected 0, 1, 2 or 3');
  if (typeof s.inverted !== 'boolean') throw new Bad('scale.inverted', 'expected a boolean');
  const lastPrice = nullableFinite(r.lastPrice, 'lastPrice');
  let crosshair: ChartSnapshot['crosshair'] = null;
  if (r.crosshair !== null) {
    const c = record(r.crosshair, 'crosshair');
    crosshair = { price: finite(c.price, 'crosshair.price'), y: finite(c.y, 'crosshair.y') };
  }
  const v = record(r.viewport, 'viewport');
  const viewport = { width: finite(v.width, 'viewport.width'), height: finite(v.height, 'viewport.height') };
  const snapshot: ChartSnapshot = {
    kind: r.kind as ChartSnapshot['kind'],
    symbol,
    interval,
    pane,
    apiPaneHeight,
    scale: { from, to, mode, inverted: s.inverted },
    lastPrice,
    crosshair,
    viewport,
  };
  if (r.time !== undefined) snapshot.time = r.time === null ? null : time(r.time);
  return snapshot;
}

export function readSnapshot(raw: unknown): SnapshotRead {
  try {
    return { ok: true, snapshot: read(raw) };
  } catch (cause) {
    if (!(cause instanceof Bad)) throw cause;
    return { ok: false, error: cause.path ? `${cause.path}: ${cause.message}` : cause.message };
  }
}
