import { useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import type { EdgeMarker } from '../../lib/chart/layout';
import type { Rect } from '../../lib/chart/snapshot';
import { type PaintBand, type PaintPlan, samePaint } from '../../lib/overlay/paint-plan';
import { type MarksLayout, sameMarks } from '../../lib/overlay/realised-marks';
import type { BadgeCorner } from '../../lib/settings/schema';
import { LayerCanvas, type PaintHandleRef } from './LayerCanvas';
import { createPlanDraw, planData } from './label-sprites';
import { paintRealisedMarks } from './paint-realised-marks';
import { pure } from './pure';

/** The realised marks' canvas says how many it drew and how many prints of the hour lie outside the pane. */
const marksData = (layout: MarksLayout) => ({
  count: String(layout.marks.length),
  offPane: String(layout.offPane),
});

/** Width of the hover strip at the pane's right edge: the only part of the pane layer that takes the pointer. */
export const HIT_WIDTH = 14;

function edgeClass(edge: 'top' | 'bottom', corner: BadgeCorner): string {
  if (!corner.startsWith(edge)) return `edges ${edge}`;
  return `edges ${edge} ${corner.endsWith('right') ? 'at-left' : 'at-right'}`;
}

export const bandKey = (b: Pick<PaintBand, 'side' | 'low' | 'high'>) => `${b.side}:${b.low}:${b.high}`;

/** What a hit strip says about its band, fixed while the chart pans: a new one only with other bands or figures. */
const stripKey = (b: PaintBand) => `${bandKey(b)}:${b.notionalUsd}`;
const edgeKey = (e: EdgeMarker) => `${e.side}:${e.band.low}:${e.band.high}:${e.edge}:${e.text}`;

/** What a strip shows of its band's geometry, as last written to the element. */
type Placed = Pick<PaintBand, 'cssTop' | 'cssHeight' | 'yHigh' | 'yLow' | 'clipped' | 'widened'>;

function setData(el: HTMLElement, name: string, value: string | null) {
  if (value === null) el.removeAttribute(name);
  else el.setAttribute(name, value);
}

const placedAt = new WeakMap<HTMLElement, Placed>();
const NOTHING_PLACED: Placed = {
  cssTop: Number.NaN,
  cssHeight: Number.NaN,
  yHigh: Number.NaN,
  yLow: Number.NaN,
  clipped: null,
  widened: false,
};

/** Moves a strip onto its band's painted rows, writing only what changed (a pan changes the rows and exact ys). */
function place(el: HTMLElement, band: PaintBand) {
  let was = placedAt.get(el);
  if (!was) {
    was = { ...NOTHING_PLACED };
    placedAt.set(el, was);
    // A new element: every attribute is written once, whatever its value.
    setData(el, 'data-clipped', band.clipped);
    setData(el, 'data-widened', band.widened ? 'true' : null);
    was.clipped = band.clipped;
    was.widened = band.widened;
  }
  if (was.cssTop !== band.cssTop) el.style.top = `${band.cssTop}px`;
  if (was.cssHeight !== band.cssHeight) el.style.height = `${band.cssHeight}px`;
  if (!Object.is(was.yHigh, band.yHigh))
    setData(el, 'data-y-high', band.yHigh === null ? null : String(band.yHigh));
  if (!Object.is(was.yLow, band.yLow))
    setData(el, 'data-y-low', band.yLow === null ? null : String(band.yLow));
  if (was.clipped !== band.clipped) setData(el, 'data-clipped', band.clipped);
  if (was.widened !== band.widened) setData(el, 'data-widened', band.widened ? 'true' : null);
  was.cssTop = band.cssTop;
  was.cssHeight = band.cssHeight;
  was.yHigh = band.yHigh;
  was.yLow = band.yLow;
  was.clipped = band.clipped;
  was.widened = band.widened;
}

/** The first value seen for a key, until the key changes: a list re-rendered only when what it shows changes. */
function useKept<T>(value: T, key: string): T {
  const kept = useRef<{ key: string; value: T } | null>(null);
  if (kept.current?.key !== key) kept.current = { key, value };
  return kept.current.value;
}

function placeAll(strips: Map<string, HTMLElement>, plan: PaintPlan, hooks: HTMLElement | null) {
  for (const band of plan.bands) {
    const el = strips.get(bandKey(band));
    if (el) place(el, band);
  }
  if (hooks) placeHooks(hooks, plan);
}

/**
 * The layers' DOM targets (`Layer.hits`): one element per key in the hooks container, its box and `data-*` written
 * in place each frame (plain DOM, outside Preact), removed when its layer no longer draws.
 */
function placeHooks(container: HTMLElement, plan: PaintPlan) {
  const layers = plan.layers;
  const seen = new Set<string>();
  if (layers) {
    for (const { layer, layout } of [...layers.under, ...layers.over]) {
      for (const hit of layer.hits?.(layout, layers.frame) ?? []) {
        seen.add(hit.key);
        let el = container.querySelector<HTMLElement>(`[data-liqlens-hook="${hit.key}"]`);
        if (!el) {
          el = container.ownerDocument.createElement('div');
          el.className = 'hook';
          el.setAttribute('data-liqlens-hook', hit.key);
          container.append(el);
        }
        el.style.left = `${hit.left}px`;
        el.style.top = `${hit.top}px`;
        el.style.width = `${hit.width}px`;
        el.style.height = `${hit.height}px`;
        for (const [name, value] of Object.entries(hit.data)) setData(el, `data-${name}`, value);
      }
    }
  }
  for (const el of Array.from(container.children)) {
    const key = el.getAttribute('data-liqlens-hook');
    if (key !== null && !seen.has(key)) el.remove();
  }
}

interface StripsProps {
  bands: readonly PaintBand[];
  strips: Map<string, HTMLElement>;
  onHover(key: string | null): void;
}

/**
 * One hover strip per band, rendered only when the set of bands changes; their rows are written by the pane layer
 * (`place`) on every geometry change, outside Preact's diff.
 */
const HitStrips = pure(function HitStrips({ bands, strips, onHover }: StripsProps) {
  return (
    <>
      {bands.map((band) => {
        const key = bandKey(band);
        return (
          <div
            key={key}
            ref={(el) => {
              if (el) strips.set(key, el);
              else strips.delete(key);
            }}
            class="hit"
            role="img"
            aria-label={`${band.side === 'long' ? 'Longs' : 'Shorts'} ${band.low}–${band.high}`}
            data-liqlens-band={band.side}
            data-low={band.low}
            data-high={band.high}
            data-usd={band.notionalUsd}
            style={{ width: `${HIT_WIDTH}px` }}
            onMouseEnter={() => onHover(key)}
            onMouseLeave={() => onHover(null)}
          />
        );
      })}
    </>
  );
});

interface EdgesProps {
  edges: readonly EdgeMarker[];
  corner: BadgeCorner;
  longColor: string;
  shortColor: string;
}

/** The markers for bands beyond the pane's edges: re-rendered only when their list or texts change. */
const EdgeMarkers = pure(function EdgeMarkers({ edges, corner, longColor, shortColor }: EdgesProps) {
  const top = edges.filter((e) => e.edge === 'top');
  const bottom = edges.filter((e) => e.edge === 'bottom');
  return (
    <>
      {[top, bottom].map((list, i) =>
        list.length ? (
          <div class={edgeClass(i === 0 ? 'top' : 'bottom', corner)} key={i === 0 ? 'top' : 'bottom'}>
            {list.map((e) => (
              <div
                key={`${e.side}:${e.band.low}:${e.band.high}`}
                class="edge"
                data-liqlens-edge={e.side}
                data-edge={e.edge}
                data-low={e.band.low}
                data-high={e.band.high}
                style={{ borderColor: e.side === 'long' ? longColor : shortColor }}
              >
                {e.text}
              </div>
            ))}
          </div>
        ) : null,
      )}
    </>
  );
});

/**
 * Redraws the layer for a plan of the same pane, bands and edge markers as rendered (a pan frame): paints the
 * canvas and moves the strips, and says true; false when the plan needs a render (other bands or markers).
 */
export interface PaneHandle {
  follow(plan: PaintPlan, edges: readonly EdgeMarker[], marks: MarksLayout | null): boolean;
}
export type PaneHandleRef = { current: PaneHandle | null };

interface Props {
  pane: Rect;
  /** The badge's corner: markers on its edge move to the other side, out of its way. */
  corner: BadgeCorner;
  plan: PaintPlan;
  edges: readonly EdgeMarker[];
  /** The realised prints' layer (null: none to show). */
  marks: MarksLayout | null;
  longColor: string;
  shortColor: string;
  onHover(key: string | null): void;
  onError(cause: unknown): void;
  handle?: PaneHandleRef;
}

/**
 * The aligned layer: fixed over the chart's pane and clipped to it, pointer-transparent except for one hit strip
 * per band. Each strip has exactly the painted rows of its band, so tests can measure the DOM for what was drawn.
 * While the chart pans only the canvas and the strips' rows change: the strips and markers are not re-rendered.
 */
export const PaneLayer = pure(function PaneLayer({
  pane,
  corner,
  plan,
  edges,
  marks,
  longColor,
  shortColor,
  onHover,
  onError,
  handle,
}: Props) {
  const strips = useRef(new Map<string, HTMLElement>()).current;
  const hooks = useRef<HTMLDivElement>(null);
  const canvas: PaintHandleRef<PaintPlan> = useRef<PaintHandleRef<PaintPlan>['current']>(null);
  const marksCanvas: PaintHandleRef<MarksLayout> = useRef<PaintHandleRef<MarksLayout>['current']>(null);
  const drawPlan = useMemo(createPlanDraw, []);
  const stripsKey = plan.bands.map(stripKey).join('|');
  const edgesKey = edges.map(edgeKey).join('|');
  const bands = useKept(plan.bands, stripsKey);
  const shownEdges = useKept(edges, edgesKey);
  const hasMarks = marks !== null;
  const shown = useRef({ stripsKey, edgesKey, planWidth: plan.width, planHeight: plan.height, hasMarks });
  shown.current = { stripsKey, edgesKey, planWidth: plan.width, planHeight: plan.height, hasMarks };
  const api = useRef<PaneHandle>({
    follow(next, nextEdges, nextMarks) {
      const now = shown.current;
      const paint = canvas.current;
      const paintMarks = marksCanvas.current;
      if (
        !paint ||
        (nextMarks !== null) !== now.hasMarks ||
        (nextMarks !== null && !paintMarks) ||
        next.width !== now.planWidth ||
        next.height !== now.planHeight ||
        next.bands.map(stripKey).join('|') !== now.stripsKey ||
        nextEdges.map(edgeKey).join('|') !== now.edgesKey
      )
        return false;
      paint(next);
      if (nextMarks) paintMarks?.(nextMarks);
      placeAll(strips, next, hooks.current);
      return true;
    },
  }).current;
  useLayoutEffect(() => {
    if (!handle) return;
    handle.current = api;
    return () => {
      if (handle.current === api) handle.current = null;
    };
  }, [handle, api]);
  const { left, top, width, height } = pane;
  const style = useMemo(
    () => ({ left: `${left}px`, top: `${top}px`, width: `${width}px`, height: `${height}px` }),
    [left, top, width, height],
  );
  useLayoutEffect(() => {
    try {
      placeAll(strips, plan, hooks.current);
    } catch (cause) {
      onError(cause);
    }
  }, [plan, strips, onError]);
  return (
    <div class="pane" data-liqlens-pane="" style={style}>
      <LayerCanvas
        layout={plan}
        same={samePaint}
        draw={drawPlan}
        onError={onError}
        handle={canvas}
        class="bands"
        data={planData}
      />
      {marks && (
        <LayerCanvas
          layout={marks}
          same={sameMarks}
          draw={paintRealisedMarks}
          onError={onError}
          handle={marksCanvas}
          class="marks"
          marker="data-liqlens-marks"
          data={marksData}
        />
      )}
      <div class="hooks" ref={hooks} />
      <HitStrips bands={bands} strips={strips} onHover={onHover} />
      <EdgeMarkers edges={shownEdges} corner={corner} longColor={longColor} shortColor={shortColor} />
    </div>
  );
});
