import { priceToYOn, ScaleMode } from '../../chart/price-to-y';
import type { Bins } from '../../model/cluster-view';
import { type BitmapSource, type Canvas2D, type Frame, type HitTarget, type Layer, lanesFor } from './types';

/** Makes a bitmap of this size, drawn once by `draw`, to blit (the UI's; null: none to be had). */
export type BitmapMaker = (
  width: number,
  height: number,
  draw: (ctx: Canvas2D) => void,
) => BitmapSource | null;

/** The whole map, every bin of both sides, and the colours to draw it in. */
export interface ProfileData {
  bins: Bins;
  longColor: string;
  shortColor: string;
  /** Where the bars are drawn once and then blitted on a linear scale; without it every frame draws every bar. */
  bitmaps?: BitmapMaker | null;
}

/**
 * The bars as one blit of a cached bitmap (a bitmap row per bin, or per 2^level bins when a bin is thinner than a
 * device row: the longest bar of each side in the group), source rows [sy, sy + sh) onto device rows
 * [dy, dy + dh) of the lane [dx, dx + sw).
 */
export interface ProfileBlit {
  image: BitmapSource;
  sy: number;
  sh: number;
  sw: number;
  dx: number;
  dy: number;
  dh: number;
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
  /** Set on a linear, upright scale when the data can make bitmaps: then `y`… are empty and `count` is rows blitted. */
  blit: ProfileBlit | null;
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

const BAR_ALPHA = 0.7;
/** Bins per bitmap row go up by powers of two, to this many at most (a map wider than 2^16 bins is not drawn so). */
const MAX_LEVEL = 16;

/** Per bins object, its bitmaps by colours, lane width and level: made once, blitted on every frame after. */
const bitmapCache = new WeakMap<Bins, Map<string, { image: BitmapSource; rows: number } | null>>();

/**
 * The bars of `bins` in a bitmap `lanePx` wide, row 0 the highest group of 2^level bins, each row's longer bar
 * first and the shorter over it as `paint` draws them, so that the blit looks like the bars drawn one by one.
 */
function profileBitmap(
  data: ProfileData,
  make: BitmapMaker,
  lanePx: number,
  level: number,
): { image: BitmapSource; rows: number } | null {
  const { bins } = data;
  let byKey = bitmapCache.get(bins);
  if (!byKey) {
    byKey = new Map();
    bitmapCache.set(bins, byKey);
  }
  const key = `${data.longColor}|${data.shortColor}|${lanePx}|${level}`;
  if (byKey.has(key)) return byKey.get(key) ?? null;
  const count = bins.long.length;
  const per = 2 ** level;
  const rows = Math.ceil(count / per);
  const max = maxBin(bins);
  const image = make(lanePx, rows, (ctx) => {
    ctx.globalAlpha = BAR_ALPHA;
    for (let r = 0; r < rows; r++) {
      const first = (rows - 1 - r) * per;
      let l = 0;
      let sh = 0;
      for (let k = first; k < Math.min(count, first + per); k++) {
        l = Math.max(l, barPx(bins.long[k] as number, max, lanePx));
        sh = Math.max(sh, barPx(bins.short[k] as number, max, lanePx));
      }
      // Ties: long counts as the longer, as in `paint`.
      const bars =
        l >= sh
          ? [[data.longColor, l] as const, [data.shortColor, sh] as const]
          : [[data.shortColor, sh] as const, [data.longColor, l] as const];
      for (const [color, len] of bars) {
        if (len <= 0) continue;
        ctx.fillStyle = color;
        ctx.fillRect(lanePx - len, r, len, 1);
      }
    }
    ctx.globalAlpha = 1;
  });
  const result = image ? { image, rows } : null;
  byKey.set(key, result);
  return result;
}

/**
 * The blit for a linear, upright scale (null on any other, or without a bitmap): the bitmap's rows stand for equal
 * price steps there, so one scaled drawImage puts every bar on its rows. The level is the smallest that keeps a
 * bitmap row at least a device row tall, so nearest-neighbour sampling never skips one.
 */
function blitFor(data: ProfileData, frame: Frame, lanePx: number, right: number, heightPx: number) {
  const make = data.bitmaps;
  const { scale } = frame;
  if (!make || scale.mode === ScaleMode.Log || !(scale.to > scale.from)) return null;
  const { bins } = data;
  const binPx = ((scale.height - 1) / (scale.to - scale.from)) * bins.width * frame.dpr;
  if (!(binPx > 0) || !Number.isFinite(binPx)) return null;
  let level = 0;
  while (binPx * 2 ** level < 1 && level < MAX_LEVEL) level++;
  if (binPx * 2 ** level < 1) return null;
  const bitmap = profileBitmap(data, make, lanePx, level);
  const toY = priceToYOn(scale);
  if (!bitmap || !toY) return null;
  // The bitmap's top row may stand for a partial group: its rows span rows × 2^level bins from the map's low edge.
  const top = toY(bins.low + bitmap.rows * 2 ** level * bins.width);
  if (top === null) return null;
  const rowPx = binPx * 2 ** level;
  const dyAll = top * frame.dpr;
  const r0 = Math.max(0, Math.floor(-dyAll / rowPx));
  const r1 = Math.min(bitmap.rows, Math.ceil((heightPx - dyAll) / rowPx));
  if (r1 <= r0) return { image: bitmap.image, sy: 0, sh: 0, sw: lanePx, dx: right - lanePx, dy: 0, dh: 0 };
  return {
    image: bitmap.image,
    sy: r0,
    sh: r1 - r0,
    sw: lanePx,
    dx: right - lanePx,
    dy: dyAll + r0 * rowPx,
    dh: (r1 - r0) * rowPx,
  };
}

const sameBlit = (a: ProfileBlit | null, b: ProfileBlit | null) =>
  a !== null &&
  b !== null &&
  a.image === b.image &&
  a.sy === b.sy &&
  a.sh === b.sh &&
  a.sw === b.sw &&
  a.dx === b.dx &&
  a.dy === b.dy &&
  a.dh === b.dh;

/**
 * The profile: the whole map as a horizontal histogram in its lane at the surface's right edge, like a volume
 * profile — every bin, both sides, each at its price rows on this frame's scale (so it moves with every pan and
 * zoom). Bins thinner than a device row are merged into that row (the longest bar of each side wins), so a frame
 * draws at most one bar per side per row. On a linear, upright scale, when the data brings a bitmap maker, the bars
 * are drawn once into a cached bitmap and every frame is one scaled blit of it (`blitFor`); a log or inverted scale
 * draws them bar by bar.
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
    const toY = priceToYOn(frame.scale);
    if (!toY) return null;
    const blit = blitFor(data, frame, lanePx, right, heightPx);
    // A blit needs no rows of its own: one bar per row is drawn only without one.
    const size = blit ? 0 : count;
    const out: ProfileLayout = {
      right,
      y: new Int32Array(size),
      h: new Int32Array(size),
      long: new Int32Array(size),
      short: new Int32Array(size),
      count: 0,
      longColor: data.longColor,
      shortColor: data.shortColor,
      bins: count,
      maxUsd: max,
      yTop: 0,
      yBottom: 0,
      blit,
    };
    let yPrev = toY(bins.low);
    const yEnd = toY(bins.low + count * bins.width);
    if (yPrev === null || yEnd === null) return null;
    out.yBottom = yPrev;
    out.yTop = yEnd;
    if (blit) {
      out.count = blit.sh;
      return out;
    }
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
    if (a.blit || b.blit) return sameBlit(a.blit, b.blit) && a.right === b.right;
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
    const blit = layout.blit;
    if (blit) {
      if (blit.sh <= 0) return;
      ctx.imageSmoothingEnabled = false;
      ctx.drawImage(blit.image, 0, blit.sy, blit.sw, blit.sh, blit.dx, blit.dy, blit.sw, blit.dh);
      ctx.imageSmoothingEnabled = true;
      return;
    }
    // The longer bar of a row first, the shorter one over it: both sides stay visible where they share a price. Rows
    // never overlap, so the longer bars of all rows go first, then the shorter ones, each pass by colour: four
    // colour changes a frame, not two a row.
    ctx.globalAlpha = BAR_ALPHA;
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
