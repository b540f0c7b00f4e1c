import { useCallback, useMemo, useState } from 'preact/hooks';
import { layoutOverlay } from '../../lib/chart/layout';
import type { Rect } from '../../lib/chart/snapshot';
import { cornerPlacement, viewportRect } from '../../lib/overlay/anchor';
import { usableDock } from '../../lib/overlay/chart-rect';
import type { OverlayViewState } from '../../lib/overlay/controller';
import { type PaintBand, planPaint } from '../../lib/overlay/paint-plan';
import { Badge, RestoreButton } from './Badge';
import { HoverCard } from './HoverCard';
import { LADDER_MAX_HEIGHT, LADDER_MIN_HEIGHT, LADDER_WIDTH, Ladder } from './Ladder';
import { bandKey, HIT_WIDTH, PaneLayer } from './PaneLayer';
import { pure } from './pure';

export interface OverlayEnv {
  viewport: { width: number; height: number };
  dpr: number;
  /** A chart-like element found in the page, to dock the ladder at when the snapshot gave no usable pane. */
  domDock: Rect | null;
}

export interface OverlayActions {
  hide(): void;
  restore(): void;
  toggleCollapsed(): void;
  onError(cause: unknown): void;
}

interface Props {
  state: OverlayViewState;
  env: OverlayEnv;
  /** Keep the same object from render to render: the badge and ladder skip re-rendering on equal props. */
  actions: OverlayActions;
}

interface DockProps {
  right: boolean;
  bottom: boolean;
  left: number | undefined;
  rightPx: number | undefined;
  top: number | undefined;
  bottomPx: number | undefined;
  maxHeight: number;
  userHidden: boolean;
  badge: OverlayViewState['badge'];
  collapsed: boolean;
  ladder: boolean;
  view: OverlayViewState['view'];
  price: number | null;
  display: OverlayViewState['display'];
  rangePct: number;
  ladderHeight: number;
  dpr: number;
  reason: string | null;
  onLadderHover(band: PaintBand | null, centreY: number): void;
  actions: OverlayActions;
}

const px = (n: number | undefined) => (n === undefined ? undefined : `${n}px`);

/**
 * The badge (and the ladder, or the restore button) in a column at the badge's corner. Its props are plain values
 * and kept objects: while the chart pans none of them changes, and it is not re-rendered.
 */
const Dock = pure(function Dock(p: DockProps) {
  return (
    <div
      class={`dock${p.bottom ? ' from-bottom' : ''}${p.right ? ' from-right' : ''}`}
      style={{
        left: px(p.left),
        right: px(p.rightPx),
        top: px(p.top),
        bottom: px(p.bottomPx),
        maxHeight: `${p.maxHeight}px`,
      }}
    >
      {p.userHidden ? (
        <RestoreButton onRestore={p.actions.restore} />
      ) : (
        <>
          <Badge
            model={p.badge}
            collapsed={p.collapsed}
            longColor={p.display.longColor}
            shortColor={p.display.shortColor}
            onToggle={p.actions.toggleCollapsed}
            onHide={p.actions.hide}
          />
          {p.ladder && (
            <Ladder
              view={p.view}
              price={p.price}
              display={p.display}
              rangePct={p.rangePct}
              height={p.ladderHeight}
              dpr={p.dpr}
              reason={p.reason}
              onHover={p.onLadderHover}
              onError={p.actions.onError}
            />
          )}
        </>
      )}
    </div>
  );
});

/** Room the badge takes above the ladder in the docked column. */
const BADGE_ROOM = { expanded: 140, collapsed: 40 };

/**
 * The whole overlay, from one state object: the root element carries the mode (and the reason when not aligned) for
 * tests and for people reading the DOM; below it the aligned pane layer, or the docked ladder, the badge, the hover
 * card, or the restore button after a one-click hide.
 */
export function OverlayRoot({ state, env, actions }: Props) {
  const [hoverKey, setHoverKey] = useState<string | null>(null);
  const [ladderHover, setLadderHover] = useState<{ band: PaintBand; centreY: number } | null>(null);
  const onLadderHover = useCallback(
    (band: PaintBand | null, centreY: number) => setLadderHover(band ? { band, centreY } : null),
    [],
  );
  const { geometry, view, price, display } = state;
  const aligned = state.mode === 'aligned' ? geometry : null;

  const drawn = useMemo(() => {
    if (!aligned || !view || !price) return null;
    const layout = layoutOverlay({ bands: view.bands, price: price.price, scale: aligned.scale, display });
    const plan = planPaint(layout, {
      width: aligned.pane.width,
      height: aligned.pane.height,
      dpr: env.dpr,
      scale: aligned.scale,
      price: price.price,
      labels: 'full',
      rightInsetCss: HIT_WIDTH,
      fontCss: 11,
      lineColor: '#c9ced8',
    });
    return { layout, plan };
  }, [aligned, view, price, display, env.dpr]);

  const anchor: Rect =
    aligned?.pane ??
    usableDock(state.snapshotPane, env.viewport) ??
    env.domDock ??
    viewportRect(env.viewport);
  const placement = cornerPlacement(anchor, state.corner, env.viewport);
  const right = state.corner.endsWith('right');
  const bottom = state.corner.startsWith('bottom');
  const ladderHeight = Math.round(
    Math.min(
      LADDER_MAX_HEIGHT,
      Math.max(
        LADDER_MIN_HEIGHT,
        placement.maxHeight - (state.collapsed ? BADGE_ROOM.collapsed : BADGE_ROOM.expanded),
      ),
    ),
  );
  const colors = { long: display.longColor, short: display.shortColor };
  const hovered = hoverKey && drawn ? drawn.plan.bands.find((b) => bandKey(b) === hoverKey) : undefined;
  const step = view?.bins.width ?? 0;

  return (
    <div
      class="root"
      data-liqlens-overlay=""
      data-mode={state.mode}
      data-reason={state.reason ?? undefined}
      data-hidden-by={state.hiddenBy ?? undefined}
      data-site={state.siteId}
      data-asset={state.symbol.status === 'ok' ? state.symbol.asset : undefined}
    >
      {aligned && drawn && (
        <PaneLayer
          pane={aligned.pane}
          corner={state.corner}
          plan={drawn.plan}
          edges={drawn.layout.edges}
          longColor={display.longColor}
          shortColor={display.shortColor}
          onHover={setHoverKey}
          onError={actions.onError}
        />
      )}
      {(state.showBadge || state.hiddenBy === 'user') && (
        <Dock
          right={right}
          bottom={bottom}
          left={placement.left}
          rightPx={placement.right}
          top={placement.top}
          bottomPx={placement.bottom}
          maxHeight={placement.maxHeight}
          userHidden={state.hiddenBy === 'user'}
          badge={state.badge}
          collapsed={state.collapsed}
          ladder={state.mode === 'ladder'}
          view={view}
          price={price?.price ?? null}
          display={display}
          rangePct={state.rangePct}
          ladderHeight={ladderHeight}
          dpr={env.dpr}
          reason={state.reason}
          onLadderHover={onLadderHover}
          actions={actions}
        />
      )}
      {hovered && aligned && price && (
        <HoverCard
          band={hovered}
          price={price.price}
          step={step}
          color={hovered.side === 'long' ? colors.long : colors.short}
          right={env.viewport.width - (aligned.pane.left + aligned.pane.width) + HIT_WIDTH + 6}
          centreY={aligned.pane.top + hovered.cssTop + hovered.cssHeight / 2}
        />
      )}
      {ladderHover && state.mode === 'ladder' && price && (
        <HoverCard
          band={ladderHover.band}
          price={price.price}
          step={step}
          color={ladderHover.band.side === 'long' ? colors.long : colors.short}
          right={
            right
              ? (placement.right ?? 0) + LADDER_WIDTH + 6
              : env.viewport.width - ((placement.left ?? 0) + LADDER_WIDTH + 6) - 220
          }
          centreY={ladderHover.centreY}
        />
      )}
    </div>
  );
}
