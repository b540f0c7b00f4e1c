import { useEffect, useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import type { EdgeMarker } from '../../lib/chart/layout';
import type { Rect } from '../../lib/chart/snapshot';
import { layoutOf } from '../../lib/overlay/layers/painter';
import { positionsLayer } from '../../lib/overlay/layers/positions';
import { RIGHT_LANES } from '../../lib/overlay/layers/types';
import { type PaintPlan, samePlan } from '../../lib/overlay/paint-plan';
import type { BadgeCorner } from '../../lib/settings/schema';
import { createHitHost, type HitHover, timeout } from './hit-host';
import { LayerCanvas, type PaintHandleRef } from './LayerCanvas';
import { createPlanDraw } from './label-sprites';
import { printsLayer } from './layer-data';
import { pure } from './pure';

/** For tests and the benchmark: the real-position ticks on the bitmap (the layer "Hyperliquid: real positions"). */
const paneData = (plan: PaintPlan) => ({
  positions: String(layoutOf(plan.layers, positionsLayer)?.ticks.length ?? 0),
});

/** The realised marks' canvas says how many it drew and how many prints of the hour lie outside the pane. */
const marksData = (plan: PaintPlan) => {
  const layout = layoutOf(plan.layers, printsLayer);
  return { count: String(layout?.marks.length ?? 0), offPane: String(layout?.offPane ?? 0) };
};

/** Width of the hover strip at the pane's right edge: the only part of the pane layer that takes the pointer. */
export const HIT_WIDTH = RIGHT_LANES.strip.width;

function edgeClass(edge: 'top' | 'bottom', corner: BadgeCorner): string {
  if (!corner.startsWith(edge)) return `edges ${edge}`;
  return `edges ${edge} ${corner.endsWith('right') ? 'at-left' : 'at-right'}`;
}

const edgeKey = (e: EdgeMarker) => `${e.side}:${e.band.low}:${e.band.high}:${e.edge}:${e.text}`;

/** The first value seen for a key, until the key changes: a list re-rendered only when what it shows changes. */
function useKept<T>(value: T, key: string): T {
  const kept = useRef<{ key: string; value: T } | null>(null);
  if (kept.current?.key !== key) kept.current = { key, value };
  return kept.current.value;
}

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
 * Redraws the layer for a plan of the same pane and edge markers as rendered (a pan frame): paints the canvases, has
 * the layers' DOM targets follow once the chart stops (`settle`, or the hit host's timer), and says true; false when
 * the frame needs a render (other markers, another size, marks appearing or going).
 */
export interface PaneHandle {
  follow(plan: PaintPlan, edges: readonly EdgeMarker[], marks: PaintPlan | null): boolean;
  /** The chart stopped: the hit strips a pan left waiting are written now. */
  settle(): void;
}
export type PaneHandleRef = { current: PaneHandle | null };

interface Props {
  pane: Rect;
  /** The badge's corner: markers on its edge move to the other side, out of its way. */
  corner: BadgeCorner;
  /** Every layer but the realised marks, laid out for the pane. */
  plan: PaintPlan;
  /** The bands' edge markers (from the bands layer's layout). */
  edges: readonly EdgeMarker[];
  /** The realised marks on their own canvas (null: none to show). */
  marks: PaintPlan | null;
  longColor: string;
  shortColor: string;
  onHover(key: string | null): void;
  onError(cause: unknown): void;
  handle?: PaneHandleRef;
}

/**
 * The aligned layer: fixed over the chart's pane and clipped to it, pointer-transparent except for the bands' hover
 * strips. The painter draws the layers on one canvas (the realised marks on a second, so that a new print does not
 * repaint the bands); the layers' DOM targets (`Layer.hits`: one strip per band on exactly its painted rows, the
 * test hooks) are kept by a hit host outside Preact. While the chart pans only the canvases and the targets change.
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
  const hooks = useRef<HTMLDivElement>(null);
  const hover = useRef<HitHover>(() => undefined);
  hover.current = (key) => onHover(key);
  const failed = useRef(onError);
  failed.current = onError;
  const hits = useMemo(
    () =>
      createHitHost(hover, (fn, ms) =>
        timeout(() => {
          try {
            fn();
          } catch (cause) {
            failed.current(cause);
          }
        }, ms),
      ),
    [],
  );
  useEffect(() => () => hits.dispose(), [hits]);
  const canvas: PaintHandleRef<PaintPlan> = useRef<PaintHandleRef<PaintPlan>['current']>(null);
  const marksCanvas: PaintHandleRef<PaintPlan> = useRef<PaintHandleRef<PaintPlan>['current']>(null);
  const drawPlan = useMemo(createPlanDraw, []);
  const drawMarks = useMemo(() => createPlanDraw(false), []);
  const edgesKey = edges.map(edgeKey).join('|');
  const shownEdges = useKept(edges, edgesKey);
  const hasMarks = marks !== null;
  const marksWidth = marks?.width ?? 0;
  const shown = useRef({ edgesKey, planWidth: plan.width, planHeight: plan.height, hasMarks, marksWidth });
  shown.current = { edgesKey, planWidth: plan.width, planHeight: plan.height, hasMarks, marksWidth };
  const api = useRef<PaneHandle>({
    follow(next, nextEdges, nextMarks) {
      const now = shown.current;
      const paint = canvas.current;
      const container = hooks.current;
      if (
        !paint ||
        !container ||
        (nextMarks !== null) !== now.hasMarks ||
        (nextMarks !== null && (!marksCanvas.current || nextMarks.width !== now.marksWidth)) ||
        next.width !== now.planWidth ||
        next.height !== now.planHeight ||
        nextEdges.map(edgeKey).join('|') !== now.edgesKey
      )
        return false;
      paint(next);
      if (nextMarks) marksCanvas.current?.(nextMarks);
      hits.syncSettled(container, next.layers, next.frame);
      return true;
    },
    settle: () => hits.flush(),
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
      if (hooks.current) hits.sync(hooks.current, plan.layers, plan.frame);
    } catch (cause) {
      onError(cause);
    }
  }, [plan, hits, onError]);
  return (
    <div class="pane" data-liqlens-pane="" style={style}>
      <LayerCanvas
        layout={plan}
        same={samePlan}
        draw={drawPlan}
        onError={onError}
        handle={canvas}
        class="bands"
        data={paneData}
      />
      {marks && (
        <LayerCanvas
          layout={marks}
          // The marks' canvas is the pane's right-edge lane (`marksLane`): its right edge on the pane canvas's.
          left={(plan.width - marks.width) / marks.dpr}
          same={samePlan}
          draw={drawMarks}
          onError={onError}
          handle={marksCanvas}
          class="marks"
          marker="data-liqlens-marks"
          data={marksData}
        />
      )}
      <div class="hooks" ref={hooks} />
      <EdgeMarkers edges={shownEdges} corner={corner} longColor={longColor} shortColor={shortColor} />
    </div>
  );
});
