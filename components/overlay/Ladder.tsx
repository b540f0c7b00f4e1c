import { useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import { type DisplayOptions, visibleBands } from '../../lib/chart/layout';
import { formatSignedPercent, formatUsd } from '../../lib/format';
import type { ClusterView } from '../../lib/model/cluster-view';
import { ladderScale } from '../../lib/overlay/ladder-scale';
import { bandKey, bandsLayer, type PaintBand } from '../../lib/overlay/layers/bands';
import { layoutOf } from '../../lib/overlay/layers/painter';
import type { Frame } from '../../lib/overlay/layers/types';
import { planPaint, samePlan, usableDpr } from '../../lib/overlay/paint-plan';
import { createHitHost, type HitHover } from './hit-host';
import { LayerCanvas } from './LayerCanvas';
import { createPlanDraw } from './label-sprites';
import { layerEntries } from './layer-data';
import { pure } from './pure';

export const LADDER_WIDTH = 150;
export const LADDER_MIN_HEIGHT = 160;
export const LADDER_MAX_HEIGHT = 420;

interface Props {
  view: ClusterView | null;
  price: number | null;
  display: DisplayOptions;
  rangePct: number;
  /** Draw the profile (the whole map) along the ladder's right edge. */
  profile: boolean;
  height: number;
  dpr: number;
  reason: string | null;
  onHover(band: PaintBand | null, centreY: number): void;
  onError(cause: unknown): void;
}

const NO_LAYERS = { heatmap: false, profile: false };
const WITH_PROFILE = { heatmap: false, profile: true };

/**
 * The docked ladder: the same painter and layers as the pane (bands, profile, price lines, labels; no heatmap, it
 * has no time axis) on its own linear price scale centred on the live price, for pages whose chart gives no
 * trustworthy geometry. Not aligned to the chart, and it says why.
 */
export const Ladder = pure(function Ladder({
  view,
  price,
  display,
  rangePct,
  profile,
  height,
  dpr,
  reason,
  onHover,
  onError,
}: Props) {
  const drawPlan = useMemo(createPlanDraw, []);
  const hooks = useRef<HTMLDivElement>(null);
  const drawn = useMemo(() => {
    if (!view || price === null) return null;
    const ladder = ladderScale({
      price,
      bands: visibleBands(view.bands, display),
      movePct: display.movePct,
      rangePct,
      height,
    });
    if (!ladder) return null;
    const frame: Frame = {
      surface: 'ladder',
      width: LADDER_WIDTH,
      height,
      dpr: usableDpr(dpr),
      scale: ladder.scale,
      time: null,
      price,
    };
    const layers = profile ? WITH_PROFILE : NO_LAYERS;
    const entries = layerEntries(null, { view, display, layers, heatmap: null, realPositions: null });
    const plan = planPaint(entries.main, frame);
    const bands = layoutOf(plan.layers, bandsLayer);
    return { ladder, plan, bands: bands?.bands ?? [], edges: bands?.edges ?? [] };
  }, [view, price, display, rangePct, profile, height, dpr]);
  const hover = useRef<HitHover>(() => undefined);
  hover.current = (key, el) => {
    const band = key === null ? undefined : drawn?.bands.find((b) => bandKey(b) === key);
    if (!band || !el) return onHover(null, 0);
    const box = el.getBoundingClientRect();
    onHover(band, box.top + box.height / 2);
  };
  const hits = useRef(createHitHost(hover)).current;
  useLayoutEffect(() => {
    const container = hooks.current;
    if (!container) return;
    try {
      hits.sync(container, drawn?.plan.layers ?? [], drawn?.plan.frame ?? null);
    } catch (cause) {
      onError(cause);
    }
  }, [drawn, hits, onError]);
  return (
    <div
      class="ladder"
      data-liqlens-ladder=""
      data-reason={reason ?? undefined}
      data-price={price ?? undefined}
      data-span-pct={drawn?.ladder.spanPct}
      style={{ width: `${LADDER_WIDTH}px` }}
    >
      <div class="ladder-scale" style={{ height: `${height}px` }}>
        {drawn && (
          <LayerCanvas layout={drawn.plan} same={samePlan} draw={drawPlan} onError={onError} class="bands" />
        )}
        {drawn?.ladder.ticks.map((tick) => (
          <div class="tick" key={tick.label} style={{ top: `${tick.y}px` }}>
            {tick.label}
          </div>
        ))}
        <div class="hooks" ref={hooks} />
        {!drawn && <div class="ladder-empty">No bands yet</div>}
        {drawn &&
          (['top', 'bottom'] as const).map((edge) => {
            const notes = drawn.edges.filter((e) => e.edge === edge);
            return notes.length ? (
              <div class={`ladder-notes ${edge}`} key={edge}>
                {notes.map((e) => (
                  <div
                    key={`${e.side}:${e.band.low}`}
                    class="ladder-note"
                    data-liqlens-edge={e.side}
                    data-edge={edge}
                    data-low={e.band.low}
                    data-high={e.band.high}
                    style={{ borderColor: e.side === 'long' ? display.longColor : display.shortColor }}
                  >
                    {edge === 'top' ? '↑' : '↓'}{' '}
                    {formatSignedPercent(((e.band.peak - (price ?? 0)) / (price ?? 1)) * 100)}{' '}
                    {formatUsd(e.band.notionalUsd)}
                  </div>
                ))}
              </div>
            ) : null;
          })}
      </div>
      {reason && (
        <div class="ladder-reason" title={`Not aligned to the chart: ${reason}`}>
          Not aligned: {reason}
        </div>
      )}
    </div>
  );
});
