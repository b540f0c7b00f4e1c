import type { EdgeMarker } from '../../lib/chart/layout';
import type { Rect } from '../../lib/chart/snapshot';
import type { PaintBand, PaintPlan } from '../../lib/overlay/paint-plan';
import type { BadgeCorner } from '../../lib/settings/schema';
import { BandCanvas } from './BandCanvas';

/** Width of the hover strip at the pane's right edge: the only part of the pane layer that takes the pointer. */
export const HIT_WIDTH = 14;

function edgeClass(edge: 'top' | 'bottom', corner: BadgeCorner): string {
  if (!corner.startsWith(edge)) return `edges ${edge}`;
  return `edges ${edge} ${corner.endsWith('right') ? 'at-left' : 'at-right'}`;
}

export const bandKey = (b: Pick<PaintBand, 'side' | 'low' | 'high'>) => `${b.side}:${b.low}:${b.high}`;

interface Props {
  pane: Rect;
  /** The badge's corner: markers on its edge move to the other side, out of its way. */
  corner: BadgeCorner;
  plan: PaintPlan;
  edges: readonly EdgeMarker[];
  colors: { long: string; short: string };
  onHover(key: string | null): void;
  onError(cause: unknown): void;
}

/**
 * The aligned layer: fixed over the chart's pane and clipped to it, pointer-transparent except for one hit strip
 * per band. Each strip has exactly the painted rows of its band, so tests can measure the DOM for what was drawn.
 */
export function PaneLayer({ pane, corner, plan, edges, colors, onHover, onError }: Props) {
  const top = edges.filter((e) => e.edge === 'top');
  const bottom = edges.filter((e) => e.edge === 'bottom');
  return (
    <div
      class="pane"
      data-liqlens-pane=""
      style={{
        left: `${pane.left}px`,
        top: `${pane.top}px`,
        width: `${pane.width}px`,
        height: `${pane.height}px`,
      }}
    >
      <BandCanvas plan={plan} onError={onError} />
      {plan.bands.map((band) => (
        <div
          key={bandKey(band)}
          class="hit"
          role="img"
          aria-label={`${band.side === 'long' ? 'Longs' : 'Shorts'} ${band.low}–${band.high}`}
          data-liqlens-band={band.side}
          data-low={band.low}
          data-high={band.high}
          data-usd={band.notionalUsd}
          data-y-high={band.yHigh ?? undefined}
          data-y-low={band.yLow ?? undefined}
          data-clipped={band.clipped ?? undefined}
          data-widened={band.widened ? 'true' : undefined}
          style={{ top: `${band.cssTop}px`, height: `${band.cssHeight}px`, width: `${HIT_WIDTH}px` }}
          onMouseEnter={() => onHover(bandKey(band))}
          onMouseLeave={() => onHover(null)}
        />
      ))}
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
                style={{ borderColor: e.side === 'long' ? colors.long : colors.short }}
              >
                {e.text}
              </div>
            ))}
          </div>
        ) : null,
      )}
    </div>
  );
}
