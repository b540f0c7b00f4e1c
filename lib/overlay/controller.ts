import type { DisplayOptions } from '../chart/layout';
import { readSnapshot, type SnapshotRead } from '../chart/read-snapshot';
import type { Rect } from '../chart/snapshot';
import { createSnapshotValidator, type SnapshotCheck } from '../chart/validate-snapshot';
import type { ViewReply } from '../messages/view-entry';
import type { ClusterView } from '../model/cluster-view';
import type { Settings } from '../settings/schema';
import { type ChartSymbol, parseChartSymbol } from '../sites/symbol';
import type { SiteDefinition } from '../sites/types';
import { createAssetWatch } from './asset-watch';
import { type BadgeModel, badgeModel } from './badge-model';
import type { Guard } from './guard';
import { createHeatmapWatch } from './heatmap-watch';
import { chooseLivePrice, type LivePrice } from './live-price';
import { decideMode } from './overlay-state';
import { type PageSymbol, type ResolvedPageSymbol, resolvePageSymbol } from './page-symbol';
import { sameRect } from './pan-frame';
import type { TabRequester } from './tab-messages';
import { confirmUnnamedChart } from './unnamed-chart';
import { changedState, type OverlayViewState, sameDisplay, sameScale, sameTime } from './view-state';

export interface SettingsSource {
  load(): Promise<Settings>;
  watch(callback: (settings: Settings) => void): () => void;
}

export interface OverlayControllerDeps {
  site: SiteDefinition;
  messenger: Pick<TabRequester, 'request'>;
  settings: SettingsSource;
  bridge: {
    setActive(active: boolean): void;
    reconnect?(): void;
    /** How long since the bridge last said anything on the port (its `still` comes at least every HEARTBEAT_MS). */
    silentMs?(): number;
  };
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
  /**
   * Whether `onChartMoved` would act now (a chart is aligned and no move is being watched already): the pointer
   * listeners ask first, so that the moves of a drag cost no look at the page's layout while a watch runs.
   */
  awaitsChartMove(): boolean;
  /**
   * The page poll's look at the bridge (about once a second): silent for SILENT_MS while bands are drawn, it is cut
   * off (a page script closed its port) and the chart may have moved without a word (new candles, the keyboard): a
   * new hello, and the ladder if that stays unanswered. `visible`: the page is shown (a hidden tab's bridge reads
   * nothing, and the first look after the tab shows again waits for its first heartbeat).
   */
  checkBridge(visible: boolean): void;
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
/** Longer than this without a word from the bridge (which says `still` every second or so): it is cut off. */
export const SILENT_MS = 2_500;
/** The badge's age text is recomputed this often. */
export const AGE_TICK_MS = 5_000;
function apiSymbolOf(raw: unknown): string | null {
  const symbol = (raw as { symbol?: unknown } | null)?.symbol;
  return typeof symbol === 'string' && symbol.length <= 64 ? symbol : null;
}

function lastPriceOf(raw: unknown): number | null {
  const price = (raw as { lastPrice?: unknown } | null)?.lastPrice;
  return typeof price === 'number' && Number.isFinite(price) && price > 0 ? price : null;
}

/** A bridge snapshot, read once on arrival: checked (`read`, null when the bridge sees no chart) and, leniently, the
 * chart's symbol and last price, which count even in a snapshot that fails the check (the symbol names the page). */
interface SnapshotReading {
  read: SnapshotRead | null;
  symbol: string | null;
  lastPrice: number | null;
}

const readingOf = (raw: unknown): SnapshotReading =>
  raw === null
    ? { read: null, symbol: null, lastPrice: null }
    : { read: readSnapshot(raw), symbol: apiSymbolOf(raw), lastPrice: lastPriceOf(raw) };

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
  /** The latest snapshot, read once when it came (null: none yet). */
  let reading: SnapshotReading | null = null;
  const validate = createSnapshotValidator();
  let check: SnapshotCheck | null = null;
  let checkedFor: { reading: SnapshotReading; expected: string | null } | null = null;
  let wasAligned = false;
  let alignedEndedAt: number | null = null;
  let geometry: OverlayViewState['geometry'] = null;
  let snapshotPane: Rect | null = null;
  let shownPrice: LivePrice | null = null;
  let shownPriceAt = 0;
  let priceTimer: unknown = null;
  let modeTimer: unknown = null;
  let livenessTimer: unknown = null;
  let hiddenAtLastCheck = false;
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

  const clear = (handle: unknown) => {
    if (handle !== null) deps.clearTimeout(handle);
    return null;
  };

  const watch = createAssetWatch({
    messenger: deps.messenger,
    guard,
    setTimeout: deps.setTimeout,
    clearTimeout: deps.clearTimeout,
    realPositionsOn: () => settings?.realPositions.hyperliquid ?? false,
    calibrationOn: () => settings?.display.calibratedAtRisk ?? false,
    onChange: () => update(),
  });

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

  function currentCheck(expected: string | null): SnapshotCheck | null {
    if (!reading) return null;
    if (checkedFor && checkedFor.reading === reading && checkedFor.expected === expected) return check;
    checkedFor = { reading, expected };
    check =
      reading.read === null
        ? { ok: false, reason: 'no chart API on this page' }
        : validate(reading.read, expected);
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
    const apiSymbol = reading?.symbol ?? null;
    const apiAsset = apiSymbol === null ? null : apiAssetOf(apiSymbol);
    const chartMatches = apiAsset
      ? apiAsset.supported && apiAsset.asset === symbol.asset
      : check?.ok === true;
    const fromTitle = titleOf();
    const titleAsset = fromTitle.asset;
    const titleMatches = !titleAsset || (titleAsset.supported && titleAsset.asset === symbol.asset);
    return chooseLivePrice({
      view,
      chartPrice: reading && chartMatches ? reading.lastPrice : null,
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
      const page = resolveSymbol(reading?.symbol ?? null);
      const symbol = page.symbol;
      watch.follow(active && symbol.status === 'ok' ? symbol.asset : null);
      const reply = watch.reply;
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
      const read = decision.mode !== 'aligned' ? reading?.read : null;
      const nextPane = read?.ok ? read.snapshot.pane : null;
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
      const key = [
        asset,
        unsupported,
        reply,
        watch.error,
        watch.calibration,
        shownPrice?.price,
        shownPrice?.source,
        movePct,
        Math.floor(now / AGE_TICK_MS),
      ];
      if (!badge || key.some((k, i) => k !== badgeKey[i])) {
        badgeKey = key;
        badge = badgeModel({
          // An unsupported symbol has no asset: its badge is titled with what the page shows instead.
          asset: symbol.status === 'unsupported' ? symbol.raw : asset,
          unsupported,
          reply,
          requestError: watch.error,
          calibration: watch.calibration,
          price: shownPrice,
          movePct,
          now,
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
        realPositions: view ? watch.real : null,
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
      if (!state || changedState(state, next)) {
        state = next;
        deps.onChange(next);
      }
    });
  }

  const unwatch = deps.settings.watch((next) => {
    settings = next;
    update();
    watch.settingsChanged();
  });
  void request(() => deps.settings.load(), 'settings').then((loaded) => {
    if (loaded && !disposed) {
      settings = settings ?? loaded;
      update();
    }
  });

  /** Unless a snapshot comes within LIVENESS_MS (after a new hello, when not yet `probed`): a doubt, `reason`. */
  const watchLiveness = (before: number, probed: boolean, reason: string) => {
    livenessTimer = deps.setTimeout(
      guard.wrap('liveness', () => {
        livenessTimer = null;
        if (snapshots > before || geometry === null) return;
        if (!probed && deps.bridge.reconnect) {
          deps.bridge.reconnect();
          watchLiveness(snapshots, true, reason);
          return;
        }
        doubt = reason;
        update();
      }),
      LIVENESS_MS,
    );
  };

  /** A move would start a watch: a chart is aligned and none is being watched. */
  const awaitsChartMove = () => !disposed && geometry !== null && livenessTimer === null;

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
      reading = readingOf(next);
      snapshots += 1;
      doubt = null;
      update();
    },
    onBridgeDoubt(reason) {
      doubt = reason;
      update();
    },
    awaitsChartMove,
    onChartMoved() {
      if (!awaitsChartMove()) return;
      // First a new hello (the bridge answers a newcomer with its current snapshot, so a move that changed nothing it
      // reports costs no blink); silent on the new port too: a doubt, the ladder.
      watchLiveness(snapshots, false, 'the chart moved but the page bridge sent nothing');
    },
    checkBridge(visible) {
      const shown = visible && !hiddenAtLastCheck;
      hiddenAtLastCheck = !visible;
      if (!shown || disposed || geometry === null || livenessTimer !== null || !deps.bridge.silentMs) return;
      if (!(deps.bridge.silentMs() > SILENT_MS) || !deps.bridge.reconnect) return;
      deps.bridge.reconnect();
      watchLiveness(snapshots, true, 'the page bridge went silent');
    },
    onPush(reply) {
      watch.onPush(reply);
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
      for (const t of [priceTimer, modeTimer, ageTimer, livenessTimer]) clear(t);
      watch.dispose(options.quiet ?? false);
    },
  };
}
