import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { BridgeWindow } from '../../lib/overlay/bridge-client';
import { findChartRect, usableDock } from '../../lib/overlay/chart-rect';
import type { OverlayController } from '../../lib/overlay/controller';
import type { OverlayCore } from '../../lib/overlay/core-handle';
import type { FrameLook } from '../../lib/overlay/frame-look';
import type { Guard } from '../../lib/overlay/guard';
import { type PagePoll, POLL_MS } from '../../lib/overlay/page-poll';
import type { SiteDefinition } from '../../lib/sites/types';
import type { StorageChangedEvent } from '../../lib/storage/area';
import { type OverlayActions, type OverlayEnv, type OverlayProps, OverlayRoot } from './OverlayRoot';
import overlayCss from './overlay.css?inline';
import { createShadowHost } from './shadow-host';

/** The part of `browser` the overlay uses; the entrypoint passes WXT's `browser`. */
export interface OverlayBrowser {
  runtime: {
    sendMessage(message: unknown): Promise<unknown>;
    onMessage: {
      addListener(listener: (message: unknown) => void): void;
      removeListener(listener: (message: unknown) => void): void;
    };
  };
  /** Only storage.sync's change event: the settings themselves come from the worker (lib/overlay/tab-settings.ts). */
  storage: { sync: { onChanged?: StorageChangedEvent } };
}

/** How often the ladder looks again for the chart element it docks to. */
const DOCK_MS = 1_000;
/** How often same-origin frames are looked for, to hear the pointer on a chart inside one. */
const FRAMES_MS = 1_000;
/** How often the bridge's silence is looked at (`OverlayController.checkBridge`). */
const BRIDGE_CHECK_MS = 1_000;

/**
 * Mounts the overlay for one site: a shadow root in the top document (a fixed 0 × 0 host, nothing in the page
 * flow), the page bridge client, the controller, and a renderer that paints at most once per animation frame.
 * Everything runs behind a guard: the page never sees an exception, and "Extension context invalidated" tears the
 * overlay down without a word. Lifetime = WXT's `ctx`. The logic comes from the shared content script (`core`,
 * lib/overlay/core.ts); this site's script brings the drawing.
 */
export function mountOverlay(
  ctx: ContentScriptContext,
  site: SiteDefinition,
  browser: OverlayBrowser,
  core: OverlayCore,
): void {
  let teardown: (quiet: boolean) => void = () => {};
  const guard = core.createGuard({
    tag: `LiqLens:${site.id}`,
    log: (message) => console.warn(message),
    onInvalidated: () => teardown(true),
  });
  guard.run('mount', () => {
    start(ctx, site, browser, core, guard, (fn) => {
      teardown = fn;
    });
  });
}

/**
 * Tells the controller when the user moves the aligned chart (a drag or the wheel over its pane) or the window
 * resizes, so that a bridge that stays silent afterwards is noticed (`onChartMoved`). Chart widgets often live in a
 * same-origin iframe, whose events never reach this window: those frames are listened to as well, their events
 * counted when the frame overlaps the pane. A page can still swallow these events before us; that, like patching
 * the chart itself, is a lie no overlay can catch (docs/overlay.md). An event is looked at only when `wanted` (the
 * controller would act on a move): during a drag a watch is already running for all but one move in LIVENESS_MS,
 * and each look measures the frame's rect. Returns the look for new frames, for the caller to repeat (the page
 * poll, every FRAMES_MS).
 */
function watchChartMoves(
  ctx: ContentScriptContext,
  guard: Guard,
  pane: () => { left: number; top: number; width: number; height: number } | null,
  wanted: () => boolean,
  moved: () => void,
): () => void {
  const inside = (x: number, y: number, r: { left: number; top: number; width: number; height: number }) =>
    x >= r.left && x <= r.left + r.width && y >= r.top && y <= r.top + r.height;
  const overlaps = (el: Element) => {
    const p = pane();
    if (!p) return false;
    const r = el.getBoundingClientRect();
    return r.left < p.left + p.width && r.right > p.left && r.top < p.top + p.height && r.bottom > p.top;
  };
  const onTop = guard.wrap('chart-move', (event: Event) => {
    const e = event as PointerEvent | WheelEvent;
    if ((event.type === 'pointermove' && (e as PointerEvent).buttons === 0) || !wanted()) return;
    const p = pane();
    if (p && inside(e.clientX, e.clientY, p)) moved();
  });
  const options = { capture: true, passive: true };
  for (const type of ['pointermove', 'wheel'] as const) ctx.addEventListener(window, type, onTop, options);
  ctx.addEventListener(window, 'resize', guard.wrap('chart-resize', moved));

  const watched = new WeakSet<Window>();
  const watchFrames = guard.wrap('chart-frames', () => {
    for (const frame of document.querySelectorAll('iframe')) {
      let win: Window | null = null;
      try {
        // Cross-origin frames throw or give no document: their events are out of reach.
        win = frame.contentDocument ? frame.contentWindow : null;
      } catch {
        win = null;
      }
      if (!win || watched.has(win)) continue;
      watched.add(win);
      const onFrame = guard.wrap('chart-move', (event: Event) => {
        if (event.type === 'pointermove' && (event as PointerEvent).buttons === 0) return;
        if (wanted() && overlaps(frame)) moved();
      });
      for (const type of ['pointermove', 'wheel'] as const) win.addEventListener(type, onFrame, options);
    }
  });
  return watchFrames;
}

function start(
  ctx: ContentScriptContext,
  site: SiteDefinition,
  browser: OverlayBrowser,
  core: OverlayCore,
  guard: Guard,
  setTeardown: (fn: (quiet: boolean) => void) => void,
): void {
  if (ctx.isInvalid) return;
  // Not ctx.setTimeout: that adds an invalidation listener per call and never removes it (a timer re-armed every
  // second while the page is open).
  const timers = core.createScopedTimers(
    window,
    () => ctx.isValid,
    (end) => ctx.onInvalidated(end),
  );
  // The style sheet travels inside this script (Vite's `?inline`): no CSS file is injected into the page or
  // exposed to it as a web-accessible resource.
  const ui = createShadowHost(document, {
    name: 'liqlens-overlay',
    css: overlayCss,
    onRemove: (el) => render(null, el),
  });
  let root: HTMLElement | null = null;
  const drawn: { current: OverlayRoot | null } = { current: null };
  let drawnIn: HTMLElement | null = null;
  const unmount = () => {
    ui.remove();
    root = null;
  };

  let done = false;
  let frame = 0;
  /** While the controller takes a snapshot: a change it reports is painted when it returns (`paintNow`). */
  let inSnapshot = false;
  let paintNow = false;
  let domDock: OverlayEnv['domDock'] = null;
  let domDockAt = 0;
  const view = () => ({ width: window.innerWidth, height: window.innerHeight });

  // Made below, once the controller they read for exists; the bridge's snapshots run them.
  let pagePoll: PagePoll | null = null;
  let frameLook: FrameLook | null = null;
  const messenger = core.createTabRequester((message) => browser.runtime.sendMessage(message));
  const bridge = core.createBridgeClient({
    win: window as unknown as BridgeWindow,
    channel: crypto.randomUUID(),
    onReady: guard.wrap('bridge', () => {
      frameLook?.onReady();
      controller.onBridgeReady();
    }),
    // Measured from the message's arrival: reading it and checking its envelope are the overlay's work too.
    now: () => performance.now(),
    // A snapshot that changes the drawing is painted at once: the bridge's event runs this inside its animation frame
    // callback, right after it read the chart, so the canvas changes in the frame the chart draws the same move
    // (lib/chart/bridge/protocol.ts). Waiting for the next animation frame would show it a frame late.
    onSnapshot: guard.wrap('snapshot', (_seq: number, raw: unknown, receivedAt: number) => {
      inSnapshot = true;
      try {
        pagePoll?.onSnapshot();
        controller.onSnapshot(raw);
        frameLook?.onPane(controller.state?.geometry?.pane ?? null);
      } finally {
        inSnapshot = false;
      }
      measure('liqlens:snapshot', receivedAt);
      if (!paintNow) return;
      paintNow = false;
      if (frame) cancelAnimationFrame(frame);
      paint();
    }),
    onStill: guard.wrap('still', () => drawn.current?.settle()),
    onDoubt: guard.wrap('bridge-doubt', (reason: string) => controller.onBridgeDoubt(reason)),
    setInterval: (fn, ms) => timers.setInterval(guard.wrap('hello', fn), ms),
    clearInterval: timers.clearInterval,
    newChannel: () => new MessageChannel(),
  });

  // `npm run bench` sets this attribute on the page to read the overlay's per-frame cost as performance measures;
  // otherwise nothing is recorded (measures pile up in the page's timeline). The page's HTML has it from the start.
  const benching = document.documentElement.hasAttribute('data-liqlens-bench');
  const measure = (name: string, start: number) => {
    if (benching) performance.measure(name, { start, end: performance.now() });
  };

  const paint = () => {
    const start = performance.now();
    frame = 0;
    const state = controller.state;
    if (done || !state) return;
    paintState(state);
    measure('liqlens:paint', start);
  };

  const paintState = (state: NonNullable<OverlayController['state']>) => {
    const needed = state.showBadge || state.hiddenBy === 'user' || state.mode === 'aligned';
    if (!needed) {
      if (root) unmount();
      return;
    }
    // Mounted afresh when the page removed the host.
    if (!root || !ui.host.isConnected) root = ui.mount();
    const viewport = view();
    if (state.mode === 'ladder' && !usableDock(state.snapshotPane, viewport)) {
      const now = Date.now();
      if (now - domDockAt >= DOCK_MS) {
        domDockAt = now;
        domDock = findChartRect(document, viewport);
      }
    }
    // Realised prints only for a chart the overlay draws on or badges: the asset the page shows.
    realised.follow(state.showBadge && state.symbol.status === 'ok' ? state.symbol.asset : null);
    const props: OverlayProps = {
      state,
      env: { viewport, dpr: window.devicePixelRatio || 1, domDock, doc: document },
      actions,
      realised: realised.shown,
      follower: drawn,
    };
    // A frame of a pan repaints the pane without Preact's pass over the root (the one rendered into this root).
    if (drawnIn === root && drawn.current?.followPan(props)) return;
    drawnIn = root;
    render(<OverlayRoot {...props} />, root);
  };
  const actions: OverlayActions = {
    hide: guard.wrap('hide', () => controller.hide()),
    restore: guard.wrap('restore', () => controller.restore()),
    toggleCollapsed: guard.wrap('collapse', () => controller.setCollapsed(!controller.state?.collapsed)),
    setHeatmap: guard.wrap('heatmap', (on: boolean) => controller.setHeatmap(on)),
    onError: (cause) => guard.report('paint', cause),
  };
  const schedule = () => {
    if (inSnapshot) {
      paintNow = true;
      return;
    }
    // The window's rAF: ctx.requestAnimationFrame adds an invalidation listener per call and never removes it (one
    // per frame while the chart pans). `stop` cancels the pending frame, and `paint` checks `done`.
    if (!done && !frame) frame = requestAnimationFrame(guard.wrap('paint', paint));
  };

  const controller: OverlayController = core.createOverlayController({
    site,
    messenger,
    // The worker reads storage.sync for the tab; the CoinGlass key (storage.local) never enters the page's process.
    settings: core.createTabSettings({
      requester: messenger,
      changes: browser.storage.sync.onChanged,
      setTimeout: timers.setTimeout,
      report: (cause) => guard.report('settings', cause),
    }),
    bridge,
    now: () => Date.now(),
    setTimeout: timers.setTimeout,
    clearTimeout: timers.clearTimeout,
    guard,
    onChange: schedule,
  });

  const realised = core.createRealisedFollower({
    request: async (asset) => {
      const reply = await messenger.request('getRealised', { asset });
      if (!reply.ok) throw new Error(reply.error);
      return reply.value.summary;
    },
    now: () => Date.now(),
    setTimeout: timers.setTimeout,
    clearTimeout: timers.clearTimeout,
    guard,
    onChange: schedule,
  });

  const receive = core.createTabPushReceiver(
    {
      viewUpdated: (reply) => guard.run('push', () => controller.onPush(reply)),
      realisedUpdated: (push) => guard.run('push', () => realised.onPush(push.asset, push.summary)),
    },
    (message) => console.warn(`[LiqLens:${site.id}] ${message}`),
  );
  // Never returns true: the background expects no answer to a push.
  const onMessage = guard.wrap('message', (message: unknown) => {
    receive(message);
  });
  browser.runtime.onMessage.addListener(onMessage);

  const watchFrames = watchChartMoves(
    ctx,
    guard,
    () => controller.state?.geometry?.pane ?? null,
    () => controller.awaitsChartMove(),
    () => controller.onChartMoved(),
  );
  frameLook = core.createFrameLook(watchFrames);
  pagePoll = core.createPagePoll({
    now: () => Date.now(),
    setTimeout: timers.setTimeout,
    tasks: [
      { everyMs: POLL_MS, run: guard.wrap('page', () => controller.setPage(location.href, document.title)) },
      {
        everyMs: DOCK_MS,
        // The ladder's dock and the badge's corner follow scrolling and resizing of a page whose chart gave no
        // geometry.
        run: guard.wrap('dock', () => {
          if (controller.state?.mode !== 'ladder') return;
          domDockAt = 0;
          schedule();
        }),
      },
      { everyMs: FRAMES_MS, run: watchFrames },
      {
        everyMs: BRIDGE_CHECK_MS,
        run: guard.wrap('bridge-check', () => controller.checkBridge(document.visibilityState === 'visible')),
      },
    ],
  });
  // The Navigation API reports a pushState before location.href changes: take the destination from the event.
  ctx.addEventListener(
    window,
    'wxt:locationchange',
    guard.wrap('locationchange', (event: { newUrl?: URL }) =>
      controller.setPage(event.newUrl?.href ?? location.href, document.title),
    ),
  );
  ctx.addEventListener(window, 'resize', guard.wrap('resize', schedule));

  const stop = (quiet: boolean) => {
    if (done) return;
    done = true;
    guard.run('teardown', () => {
      controller.dispose({ quiet });
      realised.dispose();
      bridge.stop();
      browser.runtime.onMessage.removeListener(onMessage);
    });
    if (frame) cancelAnimationFrame(frame);
    guard.run('teardown-ui', unmount);
  };
  setTeardown(stop);
  // WXT invalidates the context on an extension update or reload, and when a newer copy of this script starts.
  ctx.onInvalidated(() => stop(true));
  pagePoll.start();
}
