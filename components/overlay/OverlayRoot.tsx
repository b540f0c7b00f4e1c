import { Component } from 'preact';
import { useMemo } from 'preact/hooks';
import type { EdgeMarker } from '../../lib/chart/layout';
import type { Rect } from '../../lib/chart/snapshot';
import { cornerPlacement, viewportRect } from '../../lib/overlay/anchor';
import { usableDock } from '../../lib/overlay/chart-rect';
import { bandKey, bandsLayer, type PaintBand } from '../../lib/overlay/layers/bands';
import { layoutOf } from '../../lib/overlay/layers/painter';
import { marksLane } from '../../lib/overlay/layers/prints';
import type { Frame } from '../../lib/overlay/layers/types';
import { type PaintPlan, planPaint, usableDpr } from '../../lib/overlay/paint-plan';
import { onlyScaleMoved, sameRect } from '../../lib/overlay/pan-frame';
import type { RealisedShown } from '../../lib/overlay/realised-follower';
import type { OverlayViewState } from '../../lib/overlay/view-state';
import type { VelocityLine } from '../../lib/realised/velocity';
import { Badge, RestoreButton } from './Badge';
import { HoverCard } from './HoverCard';
import { LADDER_MAX_HEIGHT, LADDER_MIN_HEIGHT, LADDER_WIDTH, Ladder } from './Ladder';
import { layerEntries } from './layer-data';
import { HIT_WIDTH, type PaneHandleRef, PaneLayer } from './PaneLayer';
import { pure } from './pure';

export interface OverlayEnv {
  viewport: { width: number; height: number };
  dpr: number;
  /** A chart-like element found in the page, to dock the ladder at when the snapshot gave no usable pane. */
  domDock: Rect | null;
  /** The document the layers' cached bitmaps are made in (absent in tests without a canvas). */
  doc?: Document | null;
}

export interface OverlayActions {
  hide(): void;
  /** The badge's heatmap switch. */
  setHeatmap?(on: boolean): void;
  restore(): void;
  toggleCollapsed(): void;
  onError(cause: unknown): void;
}

export interface OverlayProps {
  state: OverlayViewState;
  env: OverlayEnv;
  /** Keep the same object from render to render: the badge and ladder skip re-rendering on equal props. */
  actions: OverlayActions;
  /** The realised prints for the page's asset: marks on the pane, the velocity line on the badge. */
  realised?: RealisedShown | null;
  /** Set to the mounted root, for {@link OverlayRoot.followPan} (Preact passes a component's `ref` as a prop). */
  follower?: { current: OverlayRoot | null };
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
  velocity: VelocityLine | null;
  heatmapOn: boolean;
  /** The profile layer is on: the ladder draws it too. */
  profileOn: boolean;
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
  const { heatmapOn, actions } = p;
  const heatmap = useMemo(
    () =>
      actions.setHeatmap ? { on: heatmapOn, toggle: () => actions.setHeatmap?.(!heatmapOn) } : undefined,
    [heatmapOn, actions],
  );
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
            velocity={p.velocity}
            collapsed={p.collapsed}
            longColor={p.display.longColor}
            shortColor={p.display.shortColor}
            onToggle={p.actions.toggleCollapsed}
            onHide={p.actions.hide}
            heatmap={heatmap}
            profileOn={p.profileOn}
          />
          {p.ladder && (
            <Ladder
              view={p.view}
              price={p.price}
              display={p.display}
              rangePct={p.rangePct}
              profile={p.profileOn}
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

type LadderHover = { band: PaintBand; centreY: number } | null;

interface Hover {
  hoverKey: string | null;
  ladderHover: LadderHover;
}

/** What the pane shows for a frame: the painter's plans, and the bands' layout (hover card, edge markers). */
interface PaneDrawn {
  plan: PaintPlan;
  marks: PaintPlan | null;
  bands: readonly PaintBand[];
  edges: readonly EdgeMarker[];
}

const NO_EDGES: readonly EdgeMarker[] = [];

/**
 * The aligned pane's frame laid out through the painter: in the render, and straight from a pan frame
 * (`OverlayRoot.follow`).
 */
function drawPane(
  aligned: OverlayViewState['geometry'],
  state: Pick<OverlayViewState, 'view' | 'price' | 'display' | 'heatmap' | 'layers' | 'realPositions'>,
  dpr: number,
  doc: Document | null,
  realised: RealisedShown | null,
): PaneDrawn | null {
  const { view, price } = state;
  if (!aligned || !view || !price) return null;
  const frame: Frame = {
    surface: 'pane',
    width: aligned.pane.width,
    height: aligned.pane.height,
    dpr: usableDpr(dpr),
    scale: aligned.scale,
    time: aligned.time ?? null,
    price: price.price,
  };
  const entries = layerEntries(doc, state, realised);
  const plan = planPaint(entries.main, frame);
  const bands = layoutOf(plan.layers, bandsLayer);
  return {
    plan,
    marks: entries.prints.length ? planPaint(entries.prints, marksLane(frame)) : null,
    bands: bands?.bands ?? [],
    edges: bands?.edges ?? NO_EDGES,
  };
}

const sameEnv = (a: OverlayEnv, b: OverlayEnv) =>
  a === b ||
  (a.dpr === b.dpr &&
    a.viewport.width === b.viewport.width &&
    a.viewport.height === b.viewport.height &&
    sameRect(a.domDock, b.domDock));

/**
 * The whole overlay, from one state object. A frame of a pan (only the aligned pane's price scale moved, the pane
 * in place, nothing hovered) does not go through Preact at all: the pane layer repaints its canvas and moves its hit
 * strips itself, as long as the same bands and edge markers are shown; anything else renders as usual.
 */
export class OverlayRoot extends Component<OverlayProps, Hover> {
  override state: Hover = { hoverKey: null, ladderHover: null };
  private readonly pane: PaneHandleRef = { current: null };
  private readonly onHover = (hoverKey: string | null) => this.setState({ hoverKey });
  private readonly onLadderHover = (band: PaintBand | null, centreY: number) =>
    this.setState({ ladderHover: band ? { band, centreY } : null });

  override componentDidMount() {
    if (this.props.follower) this.props.follower.current = this;
  }

  override componentWillUnmount() {
    if (this.props.follower?.current === this) this.props.follower.current = null;
  }

  override shouldComponentUpdate(next: OverlayProps, hover: Hover): boolean {
    if (hover.hoverKey !== this.state.hoverKey || hover.ladderHover !== this.state.ladderHover) return true;
    return hover.hoverKey !== null || !this.follows(next);
  }

  /**
   * A frame of a pan without Preact: when `next` only moves the scale of what is drawn, repaints the pane for it and
   * says true (the caller then skips `render`); false when it needs a render. The props become `next`, as after a
   * render Preact skipped, so that a render queued meanwhile (a hover) draws this frame and not an older one.
   */
  followPan(next: OverlayProps): boolean {
    if (this.state.hoverKey !== null || !this.follows(next)) return false;
    this.props = next;
    return true;
  }

  /** The chart stopped moving (the bridge's `still`): what a pan left waiting is written now. */
  settle(): void {
    this.pane.current?.settle();
  }

  private follows(next: OverlayProps): boolean {
    const prev = this.props;
    if (next.actions !== prev.actions || next.follower !== prev.follower || !sameEnv(prev.env, next.env))
      return false;
    if (next.realised !== prev.realised) return false;
    if (!onlyScaleMoved(prev.state, next.state)) return false;
    try {
      const drawn = drawPane(
        next.state.geometry,
        next.state,
        next.env.dpr,
        next.env.doc ?? null,
        next.realised ?? null,
      );
      return !!drawn && this.pane.current?.follow(drawn.plan, drawn.edges, drawn.marks) === true;
    } catch (cause) {
      next.actions.onError(cause);
      return false;
    }
  }

  override render() {
    return (
      <OverlayView
        {...this.props}
        hover={this.state}
        pane={this.pane}
        onHover={this.onHover}
        onLadderHover={this.onLadderHover}
      />
    );
  }
}

interface ViewProps extends OverlayProps {
  hover: Hover;
  pane: PaneHandleRef;
  onHover(key: string | null): void;
  onLadderHover(band: PaintBand | null, centreY: number): void;
}

/**
 * The root element carries the mode (and the reason when not aligned) for tests and for people reading the DOM;
 * below it the aligned pane layer, or the docked ladder, the badge, the hover card, or the restore button after a
 * one-click hide.
 */
function OverlayView({
  state,
  env,
  actions,
  realised = null,
  hover,
  pane,
  onHover,
  onLadderHover,
}: ViewProps) {
  const { hoverKey, ladderHover } = hover;
  const { geometry, view, price, display, heatmap, layers, realPositions } = state;
  const aligned = state.mode === 'aligned' ? geometry : null;
  const doc = env.doc ?? null;
  const drawn = useMemo(
    () => drawPane(aligned, { view, price, display, heatmap, layers, realPositions }, env.dpr, doc, realised),
    [aligned, view, price, display, heatmap, layers, realPositions, env.dpr, doc, realised],
  );
  const velocity = realised?.velocity ?? null;

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
  const hovered = hoverKey && drawn ? drawn.bands.find((b) => bandKey(b) === hoverKey) : undefined;
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
          edges={drawn.edges}
          marks={drawn.marks}
          longColor={display.longColor}
          shortColor={display.shortColor}
          onHover={onHover}
          onError={actions.onError}
          handle={pane}
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
          velocity={velocity}
          heatmapOn={state.layers.heatmap}
          profileOn={state.layers.profile}
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
