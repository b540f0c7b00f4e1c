import { useMemo } from 'preact/hooks';
import { type DisplayOptions, layoutOverlay, visibleBands } from '../../lib/chart/layout';
import { formatSignedPercent, formatUsd } from '../../lib/format';
import type { ClusterView } from '../../lib/model/cluster-view';
import { ladderScale } from '../../lib/overlay/ladder-scale';
import { type PaintBand, planPaint, samePaint } from '../../lib/overlay/paint-plan';
import { LayerCanvas } from './LayerCanvas';
import { createPlanDraw, planData } from './label-sprites';
import { bandKey } from './PaneLayer';
import { pure } from './pure';

export const LADDER_WIDTH = 150;
export const LADDER_MIN_HEIGHT = 160;
export const LADDER_MAX_HEIGHT = 420;
/** CSS px one edge note takes in its stack (10 px text × line height 1.35, the 1 px gap), 2 px from the edge. */
const NOTE_ROW = 15;
const NOTE_EDGE = 2;

interface Props {
  view: ClusterView | null;
  price: number | null;
  display: DisplayOptions;
  rangePct: number;
  height: number;
  dpr: number;
  reason: string | null;
  onHover(band: PaintBand | null, centreY: number): void;
  onError(cause: unknown): void;
}

/**
 * The docked ladder: the same bands, labels and move lines on its own linear price scale centred on the live price,
 * for pages whose chart gives no trustworthy geometry. Not aligned to the chart, and it says why.
 */
export const Ladder = pure(function Ladder({
  view,
  price,
  display,
  rangePct,
  height,
  dpr,
  reason,
  onHover,
  onError,
}: Props) {
  const drawPlan = useMemo(createPlanDraw, []);
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
    const layout = layoutOverlay({ bands: view.bands, price, scale: ladder.scale, display });
    // Band labels keep clear of the edge notes stacked in the ladder's top and bottom right corners.
    const notes = (edge: 'top' | 'bottom') => {
      const n = layout.edges.filter((e) => e.edge === edge).length;
      return n ? NOTE_EDGE + n * NOTE_ROW : 0;
    };
    const plan = planPaint(layout, {
      width: LADDER_WIDTH,
      height,
      dpr,
      scale: ladder.scale,
      price,
      labels: 'short',
      rightInsetCss: 2,
      labelMarginCss: { top: notes('top'), bottom: notes('bottom') },
      fontCss: 10,
      lineColor: '#c9ced8',
      priceLine: price,
    });
    return { ladder, layout, plan };
  }, [view, price, display, rangePct, height, dpr]);
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
          <LayerCanvas
            layout={drawn.plan}
            same={samePaint}
            draw={drawPlan}
            onError={onError}
            class="bands"
            data={planData}
          />
        )}
        {drawn?.ladder.ticks.map((tick) => (
          <div class="tick" key={tick.label} style={{ top: `${tick.y}px` }}>
            {tick.label}
          </div>
        ))}
        {drawn?.plan.bands.map((band) => (
          <div
            key={bandKey(band)}
            class="ladder-hit"
            role="img"
            aria-label={`${band.side === 'long' ? 'Longs' : 'Shorts'} ${band.low}–${band.high}`}
            data-liqlens-ladder-band={band.side}
            data-low={band.low}
            data-high={band.high}
            data-usd={band.notionalUsd}
            style={{ top: `${band.cssTop}px`, height: `${Math.max(band.cssHeight, 3)}px` }}
            onMouseEnter={(event) => {
              const box = (event.currentTarget as HTMLElement).getBoundingClientRect();
              onHover(band, box.top + box.height / 2);
            }}
            onMouseLeave={() => onHover(null, 0)}
          />
        ))}
        {!drawn && <div class="ladder-empty">No bands yet</div>}
        {drawn &&
          (['top', 'bottom'] as const).map((edge) => {
            const notes = drawn.layout.edges.filter((e) => e.edge === edge);
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
