import { type PriceScale, priceToY } from '../chart/price-to-y';
import type { Side } from '../model/cluster-view';

/** What a mark needs of a realised print (a `LiqPrint` fits). */
export interface MarkPrint {
  side: Side;
  price: number;
  notionalUsd: number;
  time: number;
}

/** One print as drawn: a disc in bitmap px (centre x, y, radius r). */
export interface RealisedMark {
  side: Side;
  price: number;
  notionalUsd: number;
  time: number;
  x: number;
  y: number;
  r: number;
  /** 0.9 for a print just received, down to MARK_MIN_ALPHA at `maxAgeMs`, in steps of 0.05. */
  alpha: number;
  color: string;
}

export interface MarksLayout {
  /** Canvas size in bitmap px. */
  width: number;
  height: number;
  dpr: number;
  /** Oldest first, so that the newest are painted on top. */
  marks: RealisedMark[];
  /** Prints not drawn because their price is outside the pane, or they are older than `maxAgeMs`. */
  offPane: number;
}

export interface MarksOptions {
  /** Pane size in CSS px. */
  width: number;
  height: number;
  dpr: number;
  scale: PriceScale;
  now: number;
  longColor: string;
  shortColor: string;
  /** Space kept free at the right edge (the bands' hover strips), CSS px. */
  rightInsetCss: number;
  maxAgeMs?: number;
}

/** Marks show the last hour (the summary's marks are the last hour's prints). */
export const MARK_MAX_AGE_MS = 60 * 60_000;
/** A print of this notional or more is drawn at the largest radius; below it the disc's area follows the notional. */
export const MARK_FULL_USD = 2_000_000;
export const MARK_MAX_R_CSS = 9;
export const MARK_MIN_R_CSS = 2;
/** How far (CSS px) a mark has moved left of the edge when it reaches `maxAgeMs`: the strip reads as a time line. */
export const MARK_AGE_SPAN_CSS = 36;
export const MARK_MAX_ALPHA = 0.9;
export const MARK_MIN_ALPHA = 0.15;

/** Radius in CSS px: the disc's area is proportional to the notional, with a floor so that small prints show. */
export function markRadiusCss(notionalUsd: number): number {
  const r = MARK_MAX_R_CSS * Math.sqrt(Math.max(0, Math.min(1, notionalUsd / MARK_FULL_USD)));
  return Math.max(MARK_MIN_R_CSS, r);
}

/**
 * Realised prints → discs at their price along the pane's right edge: sized by notional, coloured by the side of
 * the position liquidated, fading and drifting left with age. Pure; the canvas work is in
 * components/overlay/paint-realised-marks.ts.
 */
export function layoutRealisedMarks(prints: readonly MarkPrint[], o: MarksOptions): MarksLayout {
  const maxAge = o.maxAgeMs ?? MARK_MAX_AGE_MS;
  const dpr = o.dpr;
  const width = Math.round(o.width * dpr);
  const height = Math.round(o.height * dpr);
  const right = o.width - o.rightInsetCss;
  const marks: RealisedMark[] = [];
  let offPane = 0;
  for (const p of prints) {
    const age = Math.max(0, o.now - p.time);
    const y = priceToY(o.scale, p.price);
    if (age > maxAge || y === null || y < 0 || y > o.height - 1) {
      offPane += 1;
      continue;
    }
    const ageShare = age / maxAge;
    const r = markRadiusCss(p.notionalUsd);
    marks.push({
      side: p.side,
      price: p.price,
      notionalUsd: p.notionalUsd,
      time: p.time,
      x: (right - r - 1 - MARK_AGE_SPAN_CSS * ageShare) * dpr,
      y: y * dpr,
      r: r * dpr,
      // In steps of 0.05: the painter fills all marks of one colour and opacity as one path.
      alpha: Math.round((MARK_MAX_ALPHA - (MARK_MAX_ALPHA - MARK_MIN_ALPHA) * ageShare) * 20) / 20,
      color: p.side === 'long' ? o.longColor : o.shortColor,
    });
  }
  marks.sort((a, b) => a.time - b.time);
  return { width, height, dpr, marks, offPane };
}

/** Two layouts that would put the same pixels on the canvas. */
export function sameMarks(a: MarksLayout | null, b: MarksLayout): boolean {
  if (!a || a.width !== b.width || a.height !== b.height || a.marks.length !== b.marks.length) return false;
  for (let i = 0; i < a.marks.length; i += 1) {
    const m = a.marks[i] as RealisedMark;
    const n = b.marks[i] as RealisedMark;
    if (m.x !== n.x || m.y !== n.y || m.r !== n.r || m.alpha !== n.alpha || m.color !== n.color) return false;
  }
  return true;
}
