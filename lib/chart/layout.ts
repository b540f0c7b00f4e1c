import { bandDistancePct } from '../figures/band-distance';
import { formatPrice, formatSignedPercent, formatUsd } from '../format';
import type { Band, Side } from '../model/cluster-view';
import { type PriceScale, priceToY } from './price-to-y';

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

/** The bands a person asked to see: above the display threshold, the largest few of each side. */
export function visibleBands(bands: readonly Band[], display: DisplayOptions): Band[] {
  const out: Band[] = [];
  for (const side of ['long', 'short'] as const) {
    out.push(
      ...bands
        .filter((b) => b.side === side && b.notionalUsd >= display.minBandUsd)
        .sort((a, b) => b.notionalUsd - a.notionalUsd || a.low - b.low)
        .slice(0, display.bandsPerSide),
    );
  }
  return out;
}

/** The move lines' labels: "+3.0 % 97,850" and "−3.0 % 92,150". */
function moveLabel(price: number, movePct: number, sign: 1 | -1): string {
  return `${formatSignedPercent(sign * movePct)} ${formatPrice(price * (1 + (sign * movePct) / 100))}`;
}

interface BandTexts {
  label: string;
  edge: string;
  short: string;
}

/**
 * "Shorts $9.6B · +1.9 %", the edge marker's "↑ 96,800 · +1.9 % · $9.6B" and the ladder's "$9.6B +1.9 %": the
 * distance is the band's (lib/figures/band-distance.ts: to its near edge), and the edge marker names that edge.
 */
export function bandTexts(band: Band, price: number): BandTexts {
  const distance = formatSignedPercent(bandDistancePct(band, price));
  const usd = formatUsd(band.notionalUsd);
  const above = band.low >= price || (band.high > price && band.side === 'short');
  const edge = above ? Math.max(band.low, price) : Math.min(band.high, price);
  return {
    label: `${SIDE_LABEL[band.side]} ${usd} · ${distance}`,
    edge: `${above ? '↑' : '↓'} ${formatPrice(edge)} · ${distance} · ${usd}`,
    short: `${usd} ${distance}`,
  };
}

/** Bands in price space → rectangles, edge markers and move lines in pane CSS px. Pure; tested without a canvas. */
export function layoutOverlay(input: LayoutInput): OverlayLayout {
  const { scale, price, display } = input;
  const height = scale.height;
  const shown = visibleBands(input.bands, display);
  const largest = shown.reduce((max, b) => Math.max(max, b.notionalUsd), 0);
  const rects: BandRect[] = [];
  const edges: EdgeMarker[] = [];

  for (const band of shown) {
    const yHigh = priceToY(scale, band.high);
    const yLow = priceToY(scale, band.low);
    if (yHigh === null || yLow === null) continue;
    const top = Math.min(yHigh, yLow);
    const bottom = Math.max(yHigh, yLow);
    if (bottom < 0 || top > height - 1) {
      edges.push({
        band,
        side: band.side,
        edge: bottom < 0 ? 'top' : 'bottom',
        text: bandTexts(band, price).edge,
      });
      continue;
    }
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
      label: moveLabel(price, display.movePct, sign),
    });
  }
  return { rects, edges, lines };
}
