import type { TimeAxis } from '../overlay/layers/types';
import { parseChartSymbol } from '../sites/symbol';
import { describeZodError, z } from '../util/zod';
import { isUsableScale, type PriceScale, priceToY } from './price-to-y';
import { type ChartSnapshot, ChartSnapshotSchema } from './snapshot';
import { verifyTimeAxis } from './time-axis';

export type SnapshotCheck =
  | { ok: true; snapshot: ChartSnapshot; scale: PriceScale; time?: TimeAxis | null }
  | { ok: false; reason: string };

const MAX_PANE_PX = 20_000;

/** The fields that change while the chart pans, with the full schema's own rules. */
const MovingSchema = z.pick(ChartSnapshotSchema, {
  scale: true,
  lastPrice: true,
  crosshair: true,
  time: true,
});

const sameNumber = (a: unknown, b: number | null) => Object.is(a, b);

/** A plain object as zod's `z.object` takes one: an array is not (a structured clone keeps its named properties). */
const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** `raw` has exactly the still fields of `parsed`, as values (the raw data holds no getters: it was cloned). */
function stillAsBefore(raw: unknown, parsed: ChartSnapshot): boolean {
  if (!isRecord(raw)) return false;
  const { pane, viewport } = raw;
  return (
    raw.kind === parsed.kind &&
    raw.symbol === parsed.symbol &&
    raw.interval === parsed.interval &&
    sameNumber(raw.apiPaneHeight, parsed.apiPaneHeight) &&
    isRecord(pane) &&
    sameNumber(pane.left, parsed.pane.left) &&
    sameNumber(pane.top, parsed.pane.top) &&
    sameNumber(pane.width, parsed.pane.width) &&
    sameNumber(pane.height, parsed.pane.height) &&
    isRecord(viewport) &&
    sameNumber(viewport.width, parsed.viewport.width) &&
    sameNumber(viewport.height, parsed.viewport.height)
  );
}

export type ParsedSnapshot =
  | { success: true; data: ChartSnapshot }
  | { success: false; error: z.core.$ZodError };

/**
 * `ChartSnapshotSchema.safeParse`, with the same result, cheaper while the chart pans: when every field but the
 * scale, the last price, the crosshair and the time axis equals (by value) the last snapshot the full schema accepted
 * through this parser, only those four are parsed, by the same rules, and the rest is taken from that snapshot.
 * Anything else, or a failure, goes through the full schema (which words the error). One parser per overlay: the
 * memory is its own.
 */
export function createSnapshotParser(): (raw: unknown) => ParsedSnapshot {
  let lastParsed: ChartSnapshot | null = null;
  return (raw) => {
    const previous = lastParsed;
    if (previous && stillAsBefore(raw, previous)) {
      const moving = MovingSchema.safeParse(raw);
      if (moving.success) return { success: true, data: { ...previous, ...moving.data } };
    }
    const parsed = ChartSnapshotSchema.safeParse(raw);
    if (!parsed.success) return { success: false, error: parsed.error };
    lastParsed = parsed.data;
    return { success: true, data: parsed.data };
  };
}

export type SnapshotValidator = (raw: unknown, expectedAsset: string | null) => SnapshotCheck;

/**
 * Accepts a bridge snapshot only when aligned bands drawn from it would be right; any doubt sends the overlay to
 * the docked ladder (fail closed, chart-integration.md §6.2). One validator per overlay: it keeps the last accepted
 * snapshot and the last chart symbol it parsed, which rarely change while the chart pans.
 */
export function createSnapshotValidator(): SnapshotValidator {
  const parse = createSnapshotParser();
  let lastSymbol: { raw: string; parsed: ReturnType<typeof parseChartSymbol> } | null = null;
  const parseSymbol = (raw: string) => {
    if (lastSymbol?.raw !== raw) lastSymbol = { raw, parsed: parseChartSymbol(raw) };
    return lastSymbol.parsed;
  };
  return (raw, expectedAsset) => checkSnapshot(parse(raw), expectedAsset, parseSymbol);
}

/** One snapshot checked on its own, with no memory of earlier ones. */
export function validateSnapshot(raw: unknown, expectedAsset: string | null): SnapshotCheck {
  return checkSnapshot(ChartSnapshotSchema.safeParse(raw), expectedAsset, parseChartSymbol);
}

function checkSnapshot(
  parsed: ParsedSnapshot,
  expectedAsset: string | null,
  parseSymbol: (raw: string) => ReturnType<typeof parseChartSymbol>,
): SnapshotCheck {
  if (!parsed.success) return { ok: false, reason: `bad snapshot: ${describeZodError(parsed.error)}` };
  const snapshot = parsed.data;
  const { pane, viewport } = snapshot;
  if (snapshot.kind === 'none') return { ok: false, reason: 'no chart API on this page' };
  if (pane.width < 2 || pane.height < 2) return { ok: false, reason: 'the chart pane is not visible' };
  if (pane.width > MAX_PANE_PX || pane.height > MAX_PANE_PX)
    return { ok: false, reason: 'the chart pane is implausibly large' };
  const overlaps =
    pane.left < viewport.width &&
    pane.left + pane.width > 0 &&
    pane.top < viewport.height &&
    pane.top + pane.height > 0;
  if (!overlaps) return { ok: false, reason: 'the chart pane is outside the viewport' };
  if (snapshot.apiPaneHeight !== null && Math.abs(snapshot.apiPaneHeight - pane.height) > 1) {
    return {
      ok: false,
      reason: `pane height ${pane.height}px disagrees with the chart's ${snapshot.apiPaneHeight}px`,
    };
  }
  const scale: PriceScale = {
    from: snapshot.scale.from,
    to: snapshot.scale.to,
    mode: snapshot.scale.mode,
    height: pane.height,
  };
  if (!isUsableScale(scale)) return { ok: false, reason: 'the price scale cannot be mapped' };
  // `from` is the bottom row's price: larger than `to` exactly when the scale is inverted.
  if (snapshot.scale.from > snapshot.scale.to !== snapshot.scale.inverted) {
    return { ok: false, reason: 'the price scale contradicts its inverted flag' };
  }
  if (expectedAsset !== null && snapshot.symbol !== null) {
    const symbol = parseSymbol(snapshot.symbol);
    if (!symbol.supported || symbol.asset !== expectedAsset) {
      return { ok: false, reason: `the chart shows ${snapshot.symbol}, the page ${expectedAsset}` };
    }
  }
  if (snapshot.crosshair !== null) {
    const y = priceToY(scale, snapshot.crosshair.price);
    if (y === null || Math.abs(y - snapshot.crosshair.y) > 1) {
      return { ok: false, reason: 'the crosshair self-check failed' };
    }
  }
  return { ok: true, snapshot, scale, time: verifyTimeAxis(snapshot.time, pane.width, snapshot.interval) };
}
