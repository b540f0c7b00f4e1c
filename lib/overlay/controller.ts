import type { DisplayOptions } from '../chart/layout';
import type { PriceScale } from '../chart/price-to-y';
import { readSnapshot } from '../chart/read-snapshot';
import type { Rect } from '../chart/snapshot';
import { createSnapshotValidator, type SnapshotCheck } from '../chart/validate-snapshot';
import type { ViewReply } from '../messages/view-entry';
import type { Bins, ClusterView } from '../model/cluster-view';
import type { HeatmapGrid } from '../model/heatmap-grid';
import type { BadgeCorner, Settings } from '../settings/schema';
import { type ChartSymbol, parseChartSymbol } from '../sites/symbol';
import type { SiteDefinition } from '../sites/types';
import type { CalibrationFactor } from '../track-record/calibration-factor';
import { type BadgeModel, badgeModel } from './badge-model';
import type { Guard } from './guard';
import { createHeatmapWatch } from './heatmap-watch';
import type { TimeAxis } from './layers/types';
import { chooseLivePrice, type LivePrice } from './live-price';
import { decideMode, type HiddenBy, type OverlayMode } from './overlay-state';
import { type PageSymbol, type ResolvedPageSymbol, resolvePageSymbol } from './page-symbol';
import { sameRect } from './pan-frame';
import type { TabRequester } from './tab-messages';
import { confirmUnnamedChart } from './unnamed-chart';

type Calibration = Readonly<Record<'long' | 'short', CalibrationFactor>>;

/** Everything the renderer needs; a new object only when something in it changed. */
export interface OverlayViewState {
  mode: OverlayMode;
  reason: string | null;
  hiddenBy: HiddenBy | null;
  siteId: SiteDefinition['id'];
  siteLabel: string;
  symbol: PageSymbol;
  /** The validated pane and scale; only in `aligned` mode. Replaced only when a number in it changed. */
  geometry: { pane: Rect; scale: PriceScale; time?: TimeAxis | null } | null;
  /** The latest snapshot's pane even when it failed validation: an anchor for the ladder, never for bands. */
  snapshotPane: Rect | null;
  view: ClusterView | null;
  /** Hyperliquid's real map for the view's asset while the option is on (the layer "Hyperliquid: real positions"). */
  realPositions: Bins | null;
  price: LivePrice | null;
  display: DisplayOptions;
  rangePct: number;
  corner: BadgeCorner;
  badge: BadgeModel;
  /** The heatmap grid of the shown asset's view (null: off, none yet, or none for this view). */
  heatmap: HeatmapGrid | null;
  /** Which optional layers are on: the settings', with the badge's switch for this tab. */
  layers: { heatmap: boolean; profile: boolean };
  /** The badge is drawn (in every mode but `hidden`, and while `pending`). */
  showBadge: boolean;
  collapsed: boolean;
}

export interface SettingsSource {
  load(): Promise<Settings>;
  watch(callback: (settings: Settings) => void): () => void;
}

export interface OverlayControllerDeps {
  site: SiteDefinition;
  messenger: Pick<TabRequester, 'request'>;
  settings: SettingsSource;
  bridge: { setActive(active: boolean): void; reconnect?(): void };
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  guard: Guard;
  /** Called when what should be drawn changed; the renderer paints on the next animation frame. */
  onChange(state: OverlayViewState): void;
}

export interface OverlayController {
  /** The page's URL and title, whenever they may have changed (polled, and on wxt:locationchange). */
  setPage(href: string, title: string): void;
  onBridgeReady(): void;
  /** A bridge snapshot, untrusted (null: the bridge sees no chart). */
  onSnapshot(raw: unknown): void;
  /** The bridge client stopped believing its port (`BridgeClientOptions.onDoubt`): bands off until a new snapshot. */
  onBridgeDoubt(reason: string): void;
  /**
   * The user moved the chart (a drag or wheel on its pane) or the window resized: unless a fresh snapshot follows
   * within LIVENESS_MS, or within as long again on a new port, the bridge is not telling the truth (a page script
   * closed or holds its port).
   */
  onChartMoved(): void;
  /** A `viewUpdated` push, already parsed. */
  onPush(reply: ViewReply): void;
  hide(): void;
  restore(): void;
  setCollapsed(collapsed: boolean): void;
  /** The badge's heatmap switch, for this tab until the page reloads. */
  setHeatmap(on: boolean): void;
  readonly state: OverlayViewState | null;
  /** `quiet`: the extension context is gone, so send nothing to the background. */
  dispose(options?: { quiet?: boolean }): void;
}

/** Live price changes reach the screen at most this often (a busy market ticks every frame). */
export const PRICE_MS = 250;
/** After the chart moved, a snapshot must follow within this long (the bridge reads every animation frame). */
export const LIVENESS_MS = 500;
/** The badge's age text is recomputed this often. */
export const AGE_TICK_MS = 5_000;
const RETRY_MS = 5_000;
/**
 * A switch to another symbol is followed once the page has shown it this long: skimming through symbols (a pushState
 * every few hundred ms) asks the background for the one the user stops on, not for every one passed.
 */
export const FOLLOW_MS = 400;
const MIN_RENEW_MS = 15_000;

const sameScale = (a: PriceScale, b: PriceScale) =>
  a.from === b.from && a.to === b.to && a.mode === b.mode && a.height === b.height;

const sameTime = (a: TimeAxis | null = null, b: TimeAxis | null = null) =>
  a === b ||
  (a !== null &&
    b !== null &&
    a.t0 === b.t0 &&
    a.x0 === b.x0 &&
    a.spacing === b.spacing &&
    a.intervalMs === b.intervalMs);

const sameSymbol = (a: PageSymbol, b: PageSymbol) =>
  a === b ||
  (a.status === 'ok' && b.status === 'ok'
    ? a.asset === b.asset && a.raw === b.raw && a.source === b.source
    : a.status === 'unsupported' && b.status === 'unsupported'
      ? a.raw === b.raw && a.reason === b.reason && a.source === b.source
      : a.status === 'unknown' && b.status === 'unknown');

function sameDisplay(a: DisplayOptions, b: DisplayOptions): boolean {
  for (const key of Object.keys(b) as (keyof DisplayOptions)[]) if (a[key] !== b[key]) return false;
  return Object.keys(a).length === Object.keys(b).length;
}

function apiSymbolOf(raw: unknown): string | null {
  const symbol = (raw as { symbol?: unknown } | null)?.symbol;
  return typeof symbol === 'string' && symbol.length <= 64 ? symbol : null;
}

function lastPriceOf(raw: unknown): number | null {
  const price = (raw as { lastPrice?: unknown } | null)?.lastPrice;
  return typeof price === 'number' && Number.isFinite(price) && price > 0 ? price : null;
}

/**
 * The overlay's brain, with every browser API injected: follows the page (URL, title), the bridge's snapshots, the
 * settings and the background's views, decides the mode, keeps the asset's watch alive in the background, and hands
 * the renderer one state object. No DOM here; the runtime (components/overlay/mount-overlay.tsx) does the drawing.
 */
export function createOverlayController(deps: OverlayControllerDeps): OverlayController {
  const { site, guard } = deps;
  let disposed = false;
  let href = '';
  let url: URL | null = null;
  let title = '';
  let chartPage = false;
  let sessionStart = deps.now();
  let settings: Settings | null = null;
  let userHidden = false;
  let collapsed = false;
  let bridgeReady = false;
  let raw: unknown;
  let hasRaw = false;
  const validate = createSnapshotValidator();
  let check: SnapshotCheck | null = null;
  let checkedFor: { raw: unknown; expected: string | null } | null = null;
  let wasAligned = false;
  let alignedEndedAt: number | null = null;
  let geometry: OverlayViewState['geometry'] = null;
  let snapshotPane: Rect | null = null;
  let shownPrice: LivePrice | null = null;
  let shownPriceAt = 0;
  let priceTimer: unknown = null;
  let modeTimer: unknown = null;
  let livenessTimer: unknown = null;
  let snapshots = 0;
  let doubt: string | null = null;
  let ageTimer: unknown = null;
  let badgeKey: unknown[] = [];
  let badge: BadgeModel | null = null;
  let state: OverlayViewState | null = null;
  // While the chart pans only the geometry changes: everything derived from the page, the chart's symbol and the
  // settings is kept, by identity, until its inputs change (so `changed` compares identities, not JSON).
  let resolved: { url: URL | null; title: string; api: string | null; value: ResolvedPageSymbol } | null =
    null;
  let titleInfo: { title: string; asset: ChartSymbol | null; price: number | null } | null = null;
  let apiInfo: { symbol: string; asset: ChartSymbol } | null = null;
  let display: { settings: Settings | null; movePct: number; value: DisplayOptions } | null = null;
  const sub: {
    asset: string | null;
    reply: ViewReply | null;
    error: string | null;
    timer: unknown;
    /** The real map of `asset`, and the view it was asked after. */
    real: Bins | null;
    realFor: ViewReply['entry'] | null;
    /** The calibration factors of `asset` while "calibrated at-risk" is on, and the view they were asked after. */
    calibration: Calibration | null;
    calibrationFor: ViewReply['entry'] | null;
  } = {
    asset: null,
    reply: null,
    error: null,
    timer: null,
    real: null,
    realFor: null,
    calibration: null,
    calibrationFor: null,
  };

  /** Asks for the real positions once per new view while the option is on; a failure keeps the last map. */
  async function askRealPositions(asset: string) {
    if (!settings?.realPositions.hyperliquid) {
      if (sub.real === null) return;
      sub.real = null;
      update();
      return;
    }
    if (sub.realFor === sub.reply?.entry) return;
    sub.realFor = sub.reply?.entry ?? null;
    const result = await request(() => deps.messenger.request('getHlPositions', { asset }), 'hl-positions');
    if (disposed || sub.asset !== asset || !result?.ok) return;
    sub.real = result.value.status === 'ok' ? result.value.bins : null;
    update();
  }

  /**
   * Asks for the calibration factors once per new view while "calibrated at-risk" is on (the track record
   * changes as bands are scored, no faster); a failure keeps the last factors.
   */
  async function askCalibration(asset: string) {
    if (!settings?.display.calibratedAtRisk) {
      if (sub.calibration === null) return;
      sub.calibration = null;
      sub.calibrationFor = null;
      update();
      return;
    }
    if (sub.calibrationFor === sub.reply?.entry) return;
    sub.calibrationFor = sub.reply?.entry ?? null;
    const result = await request(() => deps.messenger.request('getCalibration', { asset }), 'calibration');
    if (disposed || sub.asset !== asset || !result?.ok) return;
    sub.calibration = result.value.calibration;
    update();
  }

  const clear = (handle: unknown) => {
    if (handle !== null) deps.clearTimeout(handle);
    return null;
  };

  let heatmapOverride: boolean | null = null;
  let layers: OverlayViewState['layers'] = { heatmap: true, profile: true };
  const heatmaps = createHeatmapWatch({
    messenger: deps.messenger,
    report: (kind, cause) => guard.report(kind, cause),
    onChange: () => update(),
  });

  const request = <T>(work: () => Promise<T>, kind: string): Promise<T | undefined> =>
    work().catch((cause) => {
      guard.report(kind, cause);
      return undefined;
    });

  function renewLater(ms: number) {
    sub.timer = clear(sub.timer);
    sub.timer = deps.setTimeout(
      guard.wrap('renew', () => {
        sub.timer = null;
        if (sub.asset) void subscribe(sub.asset);
      }),
      ms,
    );
  }

  async function subscribe(asset: string) {
    const result = await request(() => deps.messenger.request('subscribeAsset', { asset }), 'subscribe');
    if (disposed || sub.asset !== asset || !result) return;
    if (result.ok) {
      sub.reply = result.value;
      sub.error = null;
      renewLater(Math.max(MIN_RENEW_MS, result.value.periodMs));
      void askRealPositions(asset);
      void askCalibration(asset);
    } else {
      // Also "Extension context invalidated" (the messenger words it inside its error): a quiet teardown.
      guard.report('subscribe', new Error(result.error));
      if (disposed) return;
      sub.error = 'LiqLens background not answering';
      renewLater(RETRY_MS);
    }
    update();
  }

  function follow(asset: string | null) {
    if (asset === sub.asset) return;
    const previous = sub.asset;
    sub.asset = asset;
    sub.reply = null;
    sub.error = null;
    sub.real = null;
    sub.realFor = null;
    sub.calibration = null;
    sub.calibrationFor = null;
    sub.timer = clear(sub.timer);
    if (previous)
      void request(() => deps.messenger.request('unsubscribeAsset', { asset: previous }), 'unsubscribe');
    if (!asset) return;
    if (!previous) {
      void subscribe(asset);
      return;
    }
    sub.timer = deps.setTimeout(
      guard.wrap('follow', () => {
        sub.timer = null;
        if (sub.asset === asset) void subscribe(asset);
      }),
      FOLLOW_MS,
    );
  }

  function currentCheck(expected: string | null): SnapshotCheck | null {
    if (!hasRaw) return null;
    if (checkedFor && checkedFor.raw === raw && checkedFor.expected === expected) return check;
    checkedFor = { raw, expected };
    check = raw === null ? { ok: false, reason: 'no chart API on this page' } : validate(raw, expected);
    return check;
  }

  function resolveSymbol(apiSymbol: string | null): ResolvedPageSymbol {
    if (resolved?.url !== url || resolved.title !== title || resolved.api !== apiSymbol) {
      resolved = { url, title, api: apiSymbol, value: resolvePageSymbol({ site, url, title, apiSymbol }) };
    }
    return resolved.value;
  }

  function titleOf(): { asset: ChartSymbol | null; price: number | null } {
    if (titleInfo?.title !== title) {
      const symbol = site.symbolFromTitle(title);
      titleInfo = {
        title,
        asset: symbol === null ? null : parseChartSymbol(symbol),
        price: site.priceFromTitle(title),
      };
    }
    return titleInfo;
  }

  function apiAssetOf(symbol: string): ChartSymbol {
    if (apiInfo?.symbol !== symbol) apiInfo = { symbol, asset: parseChartSymbol(symbol) };
    return apiInfo.asset;
  }

  function displayOf(movePct: number): DisplayOptions {
    if (!display || display.settings !== settings || display.movePct !== movePct) {
      const value: DisplayOptions = settings
        ? { ...settings.display, movePct }
        : {
            minBandUsd: 0,
            bandsPerSide: 3,
            longColor: '#2f80ed',
            shortColor: '#f2994a',
            opacity: 0.35,
            movePct,
          };
      // New settings of equal display values keep the old object (a settings change elsewhere repaints nothing).
      const same = display !== null && sameDisplay(display.value, value);
      display = { settings, movePct, value: same && display ? display.value : value };
    }
    return display.value;
  }

  function livePriceCandidate(view: ClusterView | null, symbol: PageSymbol): LivePrice | null {
    if (!view || symbol.status !== 'ok') return null;
    const apiSymbol = apiSymbolOf(raw);
    const apiAsset = apiSymbol === null ? null : apiAssetOf(apiSymbol);
    const chartMatches = apiAsset
      ? apiAsset.supported && apiAsset.asset === symbol.asset
      : check?.ok === true;
    const fromTitle = titleOf();
    const titleAsset = fromTitle.asset;
    const titleMatches = !titleAsset || (titleAsset.supported && titleAsset.asset === symbol.asset);
    return chooseLivePrice({
      view,
      chartPrice: hasRaw && chartMatches ? lastPriceOf(raw) : null,
      titlePrice: titleMatches ? fromTitle.price : null,
    });
  }

  function throttlePrice(candidate: LivePrice | null) {
    if (candidate?.price === shownPrice?.price && candidate?.source === shownPrice?.source) return;
    const now = deps.now();
    const since = now - shownPriceAt;
    if (!candidate || !shownPrice || candidate.source !== shownPrice.source || since >= PRICE_MS) {
      shownPrice = candidate;
      shownPriceAt = now;
      priceTimer = clear(priceTimer);
    } else if (priceTimer === null) {
      priceTimer = deps.setTimeout(
        guard.wrap('price', () => {
          priceTimer = null;
          update();
        }),
        PRICE_MS - since,
      );
    }
  }

  function update() {
    if (disposed) return;
    guard.run('update', () => {
      const now = deps.now();
      const siteEnabled = settings?.sites[site.id] ?? false;
      const active = chartPage && settings !== null && siteEnabled && !userHidden;
      deps.bridge.setActive(active);
      const page = resolveSymbol(hasRaw ? apiSymbolOf(raw) : null);
      const symbol = page.symbol;
      follow(active && symbol.status === 'ok' ? symbol.asset : null);
      const reply = sub.reply && sub.reply.asset === sub.asset ? sub.reply : null;
      const view =
        symbol.status === 'ok' && reply?.entry?.view?.asset === symbol.asset ? reply.entry.view : null;
      // Any doubt about the bridge fails the check as a bad snapshot would: bands off at once, then the ladder.
      const checked: SnapshotCheck | null = doubt
        ? { ok: false, reason: doubt }
        : confirmUnnamedChart(currentCheck(page.expectedAsset), view);
      const decision = decideMode({
        chartPage,
        settingsLoaded: settings !== null,
        siteEnabled,
        siteLabel: site.label,
        userHidden,
        symbol,
        bridgeReady,
        check: checked,
        sinceStartMs: now - sessionStart,
        sinceAlignedMs: alignedEndedAt === null ? null : now - alignedEndedAt,
      });
      if (decision.mode === 'aligned') {
        wasAligned = true;
        alignedEndedAt = null;
      } else if (wasAligned) {
        wasAligned = false;
        alignedEndedAt = now;
      }
      modeTimer = clear(modeTimer);
      if (decision.recheckInMs !== null)
        modeTimer = deps.setTimeout(guard.wrap('recheck', update), decision.recheckInMs + 1);

      if (decision.mode === 'aligned' && checked?.ok) {
        const next = { pane: checked.snapshot.pane, scale: checked.scale, time: checked.time };
        if (
          !geometry ||
          !sameRect(geometry.pane, next.pane) ||
          !sameScale(geometry.scale, next.scale) ||
          !sameTime(geometry.time, next.time)
        )
          geometry = next;
      } else {
        geometry = null;
      }
      const pane = hasRaw && raw !== null && decision.mode !== 'aligned' ? readSnapshot(raw) : null;
      const nextPane = pane?.ok ? pane.snapshot.pane : null;
      if (!sameRect(snapshotPane, nextPane)) snapshotPane = nextPane;

      throttlePrice(livePriceCandidate(view, symbol));
      const movePct = settings?.model.movePct ?? 3;
      const asset = symbol.status === 'ok' ? symbol.asset : null;
      const unsupported =
        decision.mode === 'unsupported'
          ? symbol.status === 'unsupported'
            ? symbol.reason
            : decision.reason
          : null;
      const calibration = sub.calibration;
      const key = [
        asset,
        unsupported,
        reply,
        sub.error,
        shownPrice?.price,
        shownPrice?.source,
        movePct,
        Math.floor(now / AGE_TICK_MS),
        calibration,
      ];
      if (!badge || key.some((k, i) => k !== badgeKey[i])) {
        badgeKey = key;
        badge = badgeModel({
          // An unsupported symbol has no asset: its badge is titled with what the page shows instead.
          asset: symbol.status === 'unsupported' ? symbol.raw : asset,
          unsupported,
          reply,
          requestError: sub.error,
          price: shownPrice,
          movePct,
          now,
          calibration,
        });
      }
      if (view && ageTimer === null) {
        ageTimer = deps.setTimeout(
          guard.wrap('age', () => {
            ageTimer = null;
            update();
          }),
          AGE_TICK_MS - (now % AGE_TICK_MS) + 1,
        );
      }

      const heatmapOn = heatmapOverride ?? settings?.display.heatmap ?? true;
      const profileOn = settings?.display.profile ?? true;
      if (layers.heatmap !== heatmapOn || layers.profile !== profileOn)
        layers = { heatmap: heatmapOn, profile: profileOn };
      const shownAsset = view ? view.asset : null;
      heatmaps.follow(shownAsset, view?.fetchedAt ?? null, heatmapOn);
      const next: OverlayViewState = {
        mode: decision.mode,
        reason:
          decision.mode === 'ladder' && site.noChartHint && decision.reason?.startsWith('no chart')
            ? `${decision.reason}: ${site.noChartHint}`
            : decision.reason,
        hiddenBy: decision.hiddenBy,
        siteId: site.id,
        siteLabel: site.label,
        symbol,
        geometry,
        snapshotPane,
        view,
        realPositions: view ? sub.real : null,
        price: shownPrice,
        display: displayOf(movePct),
        rangePct: view?.model.params.rangePct ?? settings?.model.rangePct ?? 25,
        corner: settings?.display.badgeCorner ?? 'top-right',
        badge,
        showBadge: decision.mode !== 'hidden' || decision.hiddenBy === 'pending',
        collapsed,
        heatmap: heatmapOn ? heatmaps.grid(shownAsset) : null,
        layers,
      };
      if (!state || changed(state, next)) {
        state = next;
        deps.onChange(next);
      }
    });
  }

  function changed(a: OverlayViewState, b: OverlayViewState): boolean {
    return (
      a.mode !== b.mode ||
      a.reason !== b.reason ||
      a.hiddenBy !== b.hiddenBy ||
      !sameSymbol(a.symbol, b.symbol) ||
      a.geometry !== b.geometry ||
      a.snapshotPane !== b.snapshotPane ||
      a.view !== b.view ||
      a.realPositions !== b.realPositions ||
      a.price !== b.price ||
      a.display !== b.display ||
      a.rangePct !== b.rangePct ||
      a.corner !== b.corner ||
      a.badge !== b.badge ||
      a.showBadge !== b.showBadge ||
      a.collapsed !== b.collapsed ||
      a.heatmap !== b.heatmap ||
      a.layers !== b.layers
    );
  }

  const unwatch = deps.settings.watch((next) => {
    settings = next;
    update();
    if (sub.asset && sub.reply) void askCalibration(sub.asset);
  });
  void request(() => deps.settings.load(), 'settings').then((loaded) => {
    if (loaded && !disposed) {
      settings = settings ?? loaded;
      update();
    }
  });

  return {
    setPage(nextHref, nextTitle) {
      if (disposed || (nextHref === href && nextTitle === title)) return;
      if (nextHref !== href) {
        href = nextHref;
        try {
          url = new URL(nextHref);
        } catch {
          url = null;
        }
        chartPage = url !== null && site.isChartPage(url);
        sessionStart = deps.now();
        wasAligned = false;
        alignedEndedAt = null;
      }
      title = nextTitle;
      update();
    },
    onBridgeReady() {
      bridgeReady = true;
      update();
    },
    onSnapshot(next) {
      raw = next;
      hasRaw = true;
      snapshots += 1;
      doubt = null;
      update();
    },
    onBridgeDoubt(reason) {
      doubt = reason;
      update();
    },
    onChartMoved() {
      if (disposed || geometry === null || livenessTimer !== null) return;
      // Silent after a move: first a new hello (the bridge answers a newcomer with its current snapshot, so a move
      // that changed nothing it reports costs no blink); silent on the new port too: a doubt, the ladder.
      const watch = (before: number, probed: boolean) => {
        livenessTimer = deps.setTimeout(
          guard.wrap('liveness', () => {
            livenessTimer = null;
            if (snapshots > before || geometry === null) return;
            if (!probed && deps.bridge.reconnect) {
              deps.bridge.reconnect();
              watch(snapshots, true);
              return;
            }
            doubt = 'the chart moved but the page bridge sent nothing';
            update();
          }),
          LIVENESS_MS,
        );
      };
      watch(snapshots, false);
    },
    onPush(reply) {
      if (reply.asset !== sub.asset) return;
      sub.reply = reply;
      sub.error = null;
      update();
      void askRealPositions(reply.asset);
      void askCalibration(reply.asset);
    },
    hide() {
      userHidden = true;
      update();
    },
    restore() {
      userHidden = false;
      sessionStart = deps.now();
      update();
    },
    setCollapsed(next) {
      collapsed = next;
      update();
    },
    setHeatmap(on) {
      heatmapOverride = on;
      update();
    },
    get state() {
      return state;
    },
    dispose(options = {}) {
      if (disposed) return;
      disposed = true;
      unwatch();
      heatmaps.dispose();
      for (const t of [sub.timer, priceTimer, modeTimer, ageTimer, livenessTimer]) clear(t);
      const asset = sub.asset;
      sub.asset = null;
      if (asset && !options.quiet) {
        void request(() => deps.messenger.request('unsubscribeAsset', { asset }), 'unsubscribe');
      }
    },
  };
}
