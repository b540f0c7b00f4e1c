import { priceToYOn } from '../../chart/price-to-y';
import type { Bins } from '../../model/cluster-view';
import { type Frame, type HitTarget, type Layer, lanesFor } from './types';

/** The whole map, every bin of both sides, and the colours to draw it in. */
export interface ProfileData {
  bins: Bins;
  longColor: string;
  shortColor: string;
}

/** Bars in bitmap px, one per device-row run: rows [y, y + h), `long`/`short` bar lengths leftwards from `right`. */
export interface ProfileLayout {
  right: number;
  y: Int32Array;
  h: Int32Array;
  long: Int32Array;
  short: Int32Array;
  count: number;
  longColor: string;
  shortColor: string;
  /** For tests and the DOM hook: the bin count, the largest bin's notional, the map's top and bottom edges (CSS y). */
  bins: number;
  maxUsd: number;
  yTop: number;
  yBottom: number;
}

/** Per bins object: the largest bin of either side (the bar scale), computed once, not every frame. */
const maxCache = new WeakMap<Bins, number>();

function maxBin(bins: Bins): number {
  let max = maxCache.get(bins);
  if (max === undefined) {
    max = 0;
    for (const v of bins.long) if (v > max) max = v;
    for (const v of bins.short) if (v > max) max = v;
    maxCache.set(bins, max);
  }
  return max;
}

/** A bar's length in bitmap px: square root of the notional share (small bins stay visible), at least 1 px if any. */
function barPx(usd: number, max: number, lanePx: number): number {
  if (!(usd > 0) || !(max > 0)) return 0;
  return Math.max(1, Math.round(Math.sqrt(usd / max) * lanePx));
}

/**
 * The profile: the whole map as a horizontal histogram in its lane at the surface's right edge, like a volume
 * profile — every bin, both sides, each at its price rows on this frame's scale (so it moves with every pan and
 * zoom). Bins thinner than a device row are merged into that row (the longest bar of each side wins), so a frame
 * draws at most one bar per side per row.
 */
export const profileLayer: Layer<ProfileData, ProfileLayout> = {
  id: 'profile',
  surfaces: ['pane', 'ladder'],
  layout(data: ProfileData, frame: Frame): ProfileLayout | null {
    const { bins } = data;
    const count = bins.long.length;
    const max = maxBin(bins);
    if (count === 0 || !(max > 0)) return null;
    const dpr = frame.dpr;
    const heightPx = Math.round(frame.height * dpr);
    const lane = lanesFor(frame.surface).profile;
    const lanePx = Math.round(lane.width * dpr);
    const right = Math.round((frame.width - lane.right) * dpr);
    const out: ProfileLayout = {
      right,
      y: new Int32Array(count),
      h: new Int32Array(count),
      long: new Int32Array(count),
      short: new Int32Array(count),
      count: 0,
      longColor: data.longColor,
      shortColor: data.shortColor,
      bins: count,
      maxUsd: max,
      yTop: 0,
      yBottom: 0,
    };
    const toY = priceToYOn(frame.scale);
    if (!toY) return null;
    let yPrev = toY(bins.low);
    const yEnd = toY(bins.low + count * bins.width);
    if (yPrev === null || yEnd === null) return null;
    out.yBottom = yPrev;
    out.yTop = yEnd;
    for (let k = 0; k < count; k++) {
      const yNext = toY(bins.low + (k + 1) * bins.width);
      if (yNext === null) return null;
      const top = Math.min(yPrev, yNext);
      const bottom = Math.max(yPrev, yNext);
      yPrev = yNext;
      if (bottom < 0 || top > frame.height) continue;
      const l = barPx(bins.long[k] as number, max, lanePx);
      const s = barPx(bins.short[k] as number, max, lanePx);
      if (l === 0 && s === 0) continue;
      const y0 = Math.max(0, Math.min(heightPx - 1, Math.round(top * dpr)));
      const y1 = Math.max(y0 + 1, Math.min(heightPx, Math.round(bottom * dpr)));
      const last = out.count - 1;
      if (last >= 0 && (out.y[last] as number) === y0 && (out.h[last] as number) === y1 - y0) {
        out.long[last] = Math.max(out.long[last] as number, l);
        out.short[last] = Math.max(out.short[last] as number, s);
        continue;
      }
      out.y[out.count] = y0;
      out.h[out.count] = y1 - y0;
      out.long[out.count] = l;
      out.short[out.count] = s;
      out.count++;
    }
    return out;
  },
  same(a, b) {
    if (a === b) return true;
    if (
      a.count !== b.count ||
      a.right !== b.right ||
      a.longColor !== b.longColor ||
      a.shortColor !== b.shortColor
    )
      return false;
    for (let i = 0; i < a.count; i++) {
      if (a.y[i] !== b.y[i] || a.h[i] !== b.h[i] || a.long[i] !== b.long[i] || a.short[i] !== b.short[i])
        return false;
    }
    return true;
  },
  hits(layout): readonly HitTarget[] {
    return [
      {
        key: 'profile',
        left: 0,
        top: 0,
        width: 0,
        height: 0,
        data: {
          'liqlens-profile': '',
          bins: String(layout.bins),
          'max-usd': String(layout.maxUsd),
          'y-top': String(layout.yTop),
          'y-bottom': String(layout.yBottom),
          rows: String(layout.count),
        },
      },
    ];
  },
  paint(ctx, layout) {
    // The longer bar of a row first, the shorter one over it: both sides stay visible where they share a price. Rows
    // never overlap, so the longer bars of all rows go first, then the shorter ones, each pass by colour: four
    // colour changes a frame, not two a row.
    ctx.globalAlpha = 0.7;
    for (const longer of [true, false]) {
      for (const side of ['long', 'short'] as const) {
        ctx.fillStyle = side === 'long' ? layout.longColor : layout.shortColor;
        const own = layout[side];
        const other = side === 'long' ? layout.short : layout.long;
        for (let i = 0; i < layout.count; i++) {
          const len = own[i] as number;
          const rival = other[i] as number;
          // Ties: long counts as the longer, as before.
          const isLonger = side === 'long' ? len >= rival : len > rival;
          if (isLonger !== longer || len <= 0) continue;
          ctx.fillRect(layout.right - len, layout.y[i] as number, len, layout.h[i] as number);
        }
      }
    }
    ctx.globalAlpha = 1;
  },
};
