import { isUsableScale, type PriceScale, ScaleMode } from '../chart/price-to-y';
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
  /** Which fill the mark belongs to: side (long 0, short 1) × 20 + alpha in twentieths; the painter batches by it. */
  group: number;
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
  const dpr = o.dpr;
  const width = Math.round(o.width * dpr);
  const height = Math.round(o.height * dpr);
  const discs = discsOf(prints, o);
  const marks: RealisedMark[] = [];
  const toY = rowMapper(o.scale);
  let offPane = 0;
  let ordered = true;
  for (let i = 0; i < prints.length; i++) {
    const p = prints[i] as MarkPrint;
    const y = discs.alive[i] === 1 && toY ? toY(p.price) : Number.NaN;
    // NaN fails every comparison: an unmappable price (or one too old) is off the pane.
    if (!(y >= 0 && y <= o.height - 1)) {
      offPane += 1;
      continue;
    }
    const last = marks[marks.length - 1];
    if (last && last.time > p.time) ordered = false;
    const twentieths = discs.twentieths[i] as number;
    marks.push({
      side: p.side,
      price: p.price,
      notionalUsd: p.notionalUsd,
      time: p.time,
      x: discs.x[i] as number,
      y: y * dpr,
      r: discs.r[i] as number,
      alpha: twentieths / 20,
      color: p.side === 'long' ? o.longColor : o.shortColor,
      group: (p.side === 'long' ? 0 : 20) + twentieths,
    });
  }
  // The background sends marks in time order; sorting is for any other caller.
  if (!ordered) marks.sort((a, b) => a.time - b.time);
  return { width, height, dpr, marks, offPane };
}

/** What a mark's disc is apart from its row: the same for every frame of a pan (the clock moves every 5 s). */
interface Discs {
  prints: readonly MarkPrint[];
  now: number;
  maxAge: number;
  dpr: number;
  right: number;
  /** 1 for a print young enough to show. */
  alive: Uint8Array;
  x: Float64Array;
  r: Float64Array;
  twentieths: Uint8Array;
}

let lastDiscs: Discs | null = null;

function discsOf(prints: readonly MarkPrint[], o: MarksOptions): Discs {
  const maxAge = o.maxAgeMs ?? MARK_MAX_AGE_MS;
  const right = o.width - o.rightInsetCss;
  const kept = lastDiscs;
  if (
    kept &&
    kept.prints === prints &&
    kept.now === o.now &&
    kept.maxAge === maxAge &&
    kept.dpr === o.dpr &&
    kept.right === right
  )
    return kept;
  const n = prints.length;
  const discs: Discs = {
    prints,
    now: o.now,
    maxAge,
    dpr: o.dpr,
    right,
    alive: new Uint8Array(n),
    x: new Float64Array(n),
    r: new Float64Array(n),
    twentieths: new Uint8Array(n),
  };
  for (let i = 0; i < n; i++) {
    const p = prints[i] as MarkPrint;
    const age = Math.max(0, o.now - p.time);
    if (age > maxAge) continue;
    const ageShare = age / maxAge;
    const r = markRadiusCss(p.notionalUsd);
    discs.alive[i] = 1;
    discs.x[i] = (right - r - 1 - MARK_AGE_SPAN_CSS * ageShare) * o.dpr;
    discs.r[i] = r * o.dpr;
    // In twentieths: the painter fills all marks of one colour and opacity as one path.
    discs.twentieths[i] = Math.round((MARK_MAX_ALPHA - (MARK_MAX_ALPHA - MARK_MIN_ALPHA) * ageShare) * 20);
  }
  lastDiscs = discs;
  return discs;
}

/**
 * `priceToY` with the scale's checks and logarithms done once for all marks (500 per frame while the chart pans);
 * null for a scale that maps nothing. Same formula: y = (h − 1) × (top − v) / (top − bottom) in the scale's units.
 */
export function rowMapper(scale: PriceScale): ((price: number) => number) | null {
  if (!isUsableScale(scale)) return null;
  const log = scale.mode === ScaleMode.Log;
  const offset = scale.logOffset ?? 0;
  const top = log ? Math.log10(scale.to + offset) : scale.to;
  const bottom = log ? Math.log10(scale.from + offset) : scale.from;
  const k = (scale.height - 1) / (top - bottom);
  return log
    ? (price) => (price > 0 ? k * (top - Math.log10(price + offset)) : Number.NaN)
    : (price) => k * (top - price);
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
