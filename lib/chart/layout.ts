import { bandDistancePct } from '../figures/band-distance';
import { formatPrice, formatSignedPercent, formatUsd } from '../format';
import type { Band, Side } from '../model/cluster-view';
import { type PriceScale, priceToY, priceToYOn } from './price-to-y';

export interface DisplayOptions {
  minBandUsd: number;
  bandsPerSide: number;
  longColor: string;
  shortColor: string;
  /** Opacity of the largest visible band, 0..1; smaller bands scale down from it. */
  opacity: number;
  movePct: number;
}

export interface LayoutInput {
  bands: readonly Band[];
  /** The live last price from the chart, else the view's reference price. */
  price: number;
  scale: PriceScale;
  display: DisplayOptions;
}

export interface BandRect {
  band: Band;
  side: Side;
  /** CSS px from the pane's top, clipped to the pane; bottom > top. */
  top: number;
  bottom: number;
  color: string;
  alpha: number;
  label: string;
}

export interface EdgeMarker {
  band: Band;
  side: Side;
  edge: 'top' | 'bottom';
  text: string;
}

export interface PriceLine {
  kind: 'move-up' | 'move-down';
  price: number;
  y: number;
  label: string;
}

export interface OverlayLayout {
  rects: BandRect[];
  edges: EdgeMarker[];
  lines: PriceLine[];
}

const SIDE_LABEL: Record<Side, string> = { long: 'Longs', short: 'Shorts' };
/** The smallest height a band is drawn with, so a one-bin band at a wide zoom still shows. */
const MIN_BAND_PX = 2;

/** The whole map's largest few bands per side above the display threshold (the popup's and the ladder's pick). */
export function visibleBands(bands: readonly Band[], display: DisplayOptions): Band[] {
  return rankedBySide(bands, display).flatMap((list) => list.slice(0, display.bandsPerSide));
}

/** Per bands list (views are never mutated), its ranking for the last display options: a pan ranks once. */
const rankings = new WeakMap<readonly Band[], { minBandUsd: number; bySide: Band[][] }>();

/** Per side, the bands above the display threshold, largest first (callers only read the lists). */
function rankedBySide(bands: readonly Band[], display: DisplayOptions): Band[][] {
  const kept = rankings.get(bands);
  if (kept?.minBandUsd === display.minBandUsd) return kept.bySide;
  const bySide = (['long', 'short'] as const).map((side) =>
    bands
      .filter((b) => b.side === side && b.notionalUsd >= display.minBandUsd)
      .sort((a, b) => b.notionalUsd - a.notionalUsd || a.low - b.low),
  );
  rankings.set(bands, { minBandUsd: display.minBandUsd, bySide });
  return bySide;
}

/**
 * The bands drawn on a pane: per side, the largest `bandsPerSide` of those that reach into the visible price range
 * (so the largest cluster in view is drawn at any zoom, whatever lies off screen), and, as edge markers, the whole
 * map's largest few per side that lie off screen. Rows are pane CSS px, unclipped.
 */
function bandsInView(bands: readonly Band[], display: DisplayOptions, scale: PriceScale) {
  const bySide = rankedBySide(bands, display);
  const overall = bySide.flatMap((list) => list.slice(0, display.bandsPerSide));
  const largest = bySide.reduce((max, list) => Math.max(max, list[0]?.notionalUsd ?? 0), 0);
  const height = scale.height;
  const shown: { band: Band; top: number; bottom: number }[] = [];
  const offscreen: { band: Band; edge: 'top' | 'bottom' }[] = [];
  const toY = priceToYOn(scale) ?? (() => null);
  // Bands wholly above or below the scale's prices are off the pane on any mapping (all are monotonic): a zoomed-in
  // pane skips most of the map on two comparisons a band. The slack leaves the borderline ones to the rows below.
  const lo = Math.min(scale.from, scale.to);
  const hi = Math.max(scale.from, scale.to);
  const slack = (hi - lo) * 1e-6 + Math.abs(hi) * 1e-9;
  for (const list of bySide) {
    let taken = 0;
    for (const band of list) {
      if (taken >= display.bandsPerSide) break;
      if (band.low > hi + slack || band.high < lo - slack) continue;
      const yHigh = toY(band.high);
      const yLow = toY(band.low);
      if (yHigh === null || yLow === null) continue;
      const top = Math.min(yHigh, yLow);
      const bottom = Math.max(yHigh, yLow);
      if (bottom < 0 || top > height - 1) continue;
      shown.push({ band, top, bottom });
      taken++;
    }
  }
  for (const band of overall) {
    const yHigh = toY(band.high);
    const yLow = toY(band.low);
    if (yHigh === null || yLow === null) continue;
    const bottom = Math.max(yHigh, yLow);
    const top = Math.min(yHigh, yLow);
    if (bottom < 0) offscreen.push({ band, edge: 'top' });
    else if (top > height - 1) offscreen.push({ band, edge: 'bottom' });
  }
  return { shown, offscreen, largest };
}

/** The move lines' labels: "+3.0 % 97,850" and "−3.0 % 92,150". */
function moveLabel(price: number, movePct: number, sign: 1 | -1): string {
  return `${formatSignedPercent(sign * movePct)} ${formatPrice(price * (1 + (sign * movePct) / 100))}`;
}

/** The last move labels made: while the chart pans they are asked for every frame at the same price. */
const moveLabels = { price: Number.NaN, movePct: Number.NaN, up: '', down: '' };

function moveLabelAt(price: number, movePct: number, sign: 1 | -1): string {
  if (moveLabels.price !== price || moveLabels.movePct !== movePct) {
    moveLabels.price = price;
    moveLabels.movePct = movePct;
    moveLabels.up = moveLabel(price, movePct, 1);
    moveLabels.down = moveLabel(price, movePct, -1);
  }
  return sign === 1 ? moveLabels.up : moveLabels.down;
}

interface BandTexts {
  label: string;
  edge: string;
  short: string;
}

/** Per band object (views are never mutated), its texts at the last price asked: a pan asks every frame. */
const textsOf = new WeakMap<Band, { price: number; texts: BandTexts }>();

/**
 * "Shorts $9.6B · +1.9 %", the edge marker's "↑ 96,800 · +1.9 % · $9.6B" and the ladder's "$9.6B +1.9 %": the
 * distance is the band's (lib/figures/band-distance.ts: to its near edge), and the edge marker names that edge.
 */
export function bandTexts(band: Band, price: number): BandTexts {
  const kept = textsOf.get(band);
  if (kept?.price === price) return kept.texts;
  const distance = formatSignedPercent(bandDistancePct(band, price));
  const usd = formatUsd(band.notionalUsd);
  const above = band.low >= price || (band.high > price && band.side === 'short');
  const edge = above ? Math.max(band.low, price) : Math.min(band.high, price);
  const texts = {
    label: `${SIDE_LABEL[band.side]} ${usd} · ${distance}`,
    edge: `${above ? '↑' : '↓'} ${formatPrice(edge)} · ${distance} · ${usd}`,
    short: `${usd} ${distance}`,
  };
  textsOf.set(band, { price, texts });
  return texts;
}

/** Bands in price space → rectangles, edge markers and move lines in pane CSS px. Pure; tested without a canvas. */
export function layoutOverlay(input: LayoutInput): OverlayLayout {
  const { scale, price, display } = input;
  const height = scale.height;
  const { shown, offscreen, largest } = bandsInView(input.bands, display, scale);
  const rects: BandRect[] = [];
  const edges: EdgeMarker[] = offscreen.map(({ band, edge }) => ({
    band,
    side: band.side,
    edge,
    text: bandTexts(band, price).edge,
  }));

  for (const { band, top, bottom } of shown) {
    let clippedTop = Math.max(0, top);
    let clippedBottom = Math.min(height, bottom);
    if (clippedBottom - clippedTop < MIN_BAND_PX) {
      const mid = (clippedTop + clippedBottom) / 2;
      clippedTop = Math.max(0, mid - MIN_BAND_PX / 2);
      clippedBottom = Math.min(height, clippedTop + MIN_BAND_PX);
    }
    const weight = largest > 0 ? Math.sqrt(band.notionalUsd / largest) : 0;
    rects.push({
      band,
      side: band.side,
      top: clippedTop,
      bottom: clippedBottom,
      color: band.side === 'long' ? display.longColor : display.shortColor,
      alpha: display.opacity * (0.35 + 0.65 * weight),
      label: bandTexts(band, price).label,
    });
  }

  const lines: PriceLine[] = [];
  for (const [kind, sign] of [
    ['move-up', 1],
    ['move-down', -1],
  ] as const) {
    const level = price * (1 + (sign * display.movePct) / 100);
    const y = priceToY(scale, level);
    if (y === null || y < 0 || y > height - 1) continue;
    lines.push({
      kind,
      price: level,
      y,
      label: moveLabelAt(price, display.movePct, sign),
    });
  }
  return { rects, edges, lines };
}
