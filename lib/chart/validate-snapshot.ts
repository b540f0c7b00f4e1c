import type { TimeAxis } from '../overlay/layers/types';
import { parseChartSymbol } from '../sites/symbol';
import { isUsableScale, type PriceScale, priceToY } from './price-to-y';
import { readSnapshot, type SnapshotRead } from './read-snapshot';
import type { ChartSnapshot } from './snapshot';
import { verifyTimeAxis } from './time-axis';

export type SnapshotCheck =
  | { ok: true; snapshot: ChartSnapshot; scale: PriceScale; time?: TimeAxis | null }
  | { ok: false; reason: string };

const MAX_PANE_PX = 20_000;

/** Judges a snapshot already read (`readSnapshot`): the controller reads each one once, on arrival. */
export type SnapshotValidator = (read: SnapshotRead, expectedAsset: string | null) => SnapshotCheck;

/**
 * Accepts a bridge snapshot only when aligned bands drawn from it would be right; any doubt sends the overlay to
 * the docked ladder (fail closed). One validator per overlay: it keeps the last chart symbol it parsed, which rarely
 * changes while the chart pans.
 */
export function createSnapshotValidator(): SnapshotValidator {
  let lastSymbol: { raw: string; parsed: ReturnType<typeof parseChartSymbol> } | null = null;
  const parseSymbol = (raw: string) => {
    if (lastSymbol?.raw !== raw) lastSymbol = { raw, parsed: parseChartSymbol(raw) };
    return lastSymbol.parsed;
  };
  return (read, expectedAsset) => checkSnapshot(read, expectedAsset, parseSymbol);
}

/** One snapshot checked on its own, with no memory of earlier ones. */
export function validateSnapshot(raw: unknown, expectedAsset: string | null): SnapshotCheck {
  return checkSnapshot(readSnapshot(raw), expectedAsset, parseChartSymbol);
}

function checkSnapshot(
  parsed: SnapshotRead,
  expectedAsset: string | null,
  parseSymbol: (raw: string) => ReturnType<typeof parseChartSymbol>,
): SnapshotCheck {
  if (!parsed.ok) return { ok: false, reason: `bad snapshot: ${parsed.error}` };
  const snapshot = parsed.snapshot;
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
