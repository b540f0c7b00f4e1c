import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ViewReply } from '../../lib/messages/view-entry';
import type { HeatmapCells } from '../../lib/model/heatmap-cells';
import { FOLLOW_MS } from '../../lib/overlay/asset-watch';
import { createOverlayController, LIVENESS_MS, PRICE_MS, SILENT_MS } from '../../lib/overlay/controller';
import { createGuard } from '../../lib/overlay/guard';
import { GRACE_MS, RECOVER_MS } from '../../lib/overlay/overlay-state';
import type { OverlayViewState } from '../../lib/overlay/view-state';
import { defaultSettings, type Settings } from '../../lib/settings/schema';
import { binance } from '../../lib/sites/binance';
import type { CalibrationFactor } from '../../lib/track-record/calibration-factor';
import { err, ok } from '../../lib/util/result';
import { makeReply, makeSnapshot, makeView } from './fixtures';

afterEach(() => {
  vi.useRealTimers();
});

const BTC_URL = 'https://www.binance.com/en/futures/BTCUSDT';
const ETH_URL = 'https://www.binance.com/en/futures/ETHUSDT';

function setup(
  options: {
    answer?: (asset: string) => ViewReply | string;
    heatmap?: HeatmapCells | null;
    calibration?: Record<'long' | 'short', CalibrationFactor> | null;
  } = {},
) {
  // The controller's timers and clock are vitest's fake ones, from 1,000,000 ms.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: 1_000_000 });
  const requests: [string, unknown][] = [];
  /** getHeatmap requests, apart from the watch's. */
  const heatmapRequests: unknown[] = [];
  const states: OverlayViewState[] = [];
  const logs: string[] = [];
  const bridge: boolean[] = [];
  let invalidated = 0;
  let reconnects = 0;
  /** When the bridge last said anything (the controller only asks how long ago). */
  let heardAt = 1_000_000;
  let settings = defaultSettings();
  let watcher: ((s: Settings) => void) | null = null;
  const answer = options.answer ?? ((asset: string) => makeReply(makeView({ asset })));
  const guard = createGuard({
    tag: 'LiqLens:binance',
    log: (m) => logs.push(m),
    onInvalidated: () => {
      invalidated += 1;
      controller.dispose({ quiet: true });
    },
  });
  const controller = createOverlayController({
    site: binance,
    messenger: {
      request: (async (type: string, data: { asset: string }) => {
        if (type === 'getHeatmap') {
          heatmapRequests.push(data);
          return ok({ fetchedAt: null, heatmap: options.heatmap ?? null });
        }
        requests.push([type, data]);
        if (type === 'getCalibration') return ok({ calibration: options.calibration ?? null });
        if (type === 'getHlPositions')
          return ok({ status: 'ok', bins: makeView({ asset: data.asset }).bins });
        if (type !== 'subscribeAsset') return ok({ watching: [] });
        const reply = answer(data.asset);
        return typeof reply === 'string' ? err(reply) : ok(reply);
      }) as never,
    },
    settings: {
      load: async () => settings,
      watch: (cb) => {
        watcher = cb;
        return () => {
          watcher = null;
        };
      },
    },
    bridge: {
      setActive: (active) => {
        if (bridge.at(-1) !== active) bridge.push(active);
      },
      reconnect: () => {
        reconnects += 1;
      },
      silentMs: () => Date.now() - heardAt,
    },
    now: () => Date.now(),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    guard,
    onChange: (s) => states.push(s),
  });
  // setImmediate stays real: the pending promises (answers, settings) run, the fake clock does not move.
  const flush = () => new Promise((resolve) => setImmediate(resolve));
  return {
    controller,
    requests,
    heatmapRequests,
    states,
    logs,
    bridge,
    last: () => states.at(-1) as OverlayViewState,
    invalidated: () => invalidated,
    reconnects: () => reconnects,
    /** The bridge said something now (a heartbeat `still`). */
    heard: () => {
      heardAt = Date.now();
    },
    flush,
    /** Moves the clock on, running the timers that come due, in order. */
    advance: (ms: number) => vi.advanceTimersByTimeAsync(ms),
    setSettings: (next: Settings) => {
      settings = next;
      watcher?.(next);
    },
  };
}

async function started(options: Parameters<typeof setup>[0] = {}) {
  const t = setup(options);
  t.controller.setPage(BTC_URL, 'Binance');
  await t.flush();
  await t.flush();
  return t;
}

describe('overlay controller', () => {
  it('watches the page asset, waits for the chart, then aligns on a validated snapshot', async () => {
    const t = await started();
    expect(t.requests).toEqual([['subscribeAsset', { asset: 'BTC' }]]);
    expect(t.bridge).toEqual([false, true]);
    expect(t.last()).toMatchObject({ mode: 'hidden', hiddenBy: 'pending', showBadge: true });
    expect(t.last().view?.asset).toBe('BTC');
    t.controller.onBridgeReady();
    t.controller.onSnapshot(makeSnapshot());
    const aligned = t.last();
    expect(aligned.mode).toBe('aligned');
    expect(aligned.geometry).toEqual({
      pane: { left: 100, top: 80, width: 800, height: 401 },
      scale: { from: 90_000, to: 100_000, mode: 0, height: 401 },
      time: null,
    });
    expect(aligned.badge.lines?.[0]?.usdText).toBe('$1.5B');
  });

  it('emits nothing when a snapshot changes nothing it draws, and new geometry when it does', async () => {
    const t = await started();
    t.controller.onBridgeReady();
    t.controller.onSnapshot(makeSnapshot());
    const count = t.states.length;
    t.controller.onSnapshot(makeSnapshot({ crosshair: null, interval: '60' }));
    expect(t.states).toHaveLength(count);
    t.controller.onSnapshot(makeSnapshot({ scale: { from: 91_000, to: 99_000, mode: 0, inverted: false } }));
    expect(t.states).toHaveLength(count + 1);
    expect(t.last().geometry?.scale.from).toBe(91_000);
  });

  it('keeps everything but the geometry, object for object, while the chart pans', async () => {
    const t = await started();
    t.controller.onBridgeReady();
    t.controller.onSnapshot(makeSnapshot());
    const before = t.last();
    for (const from of [90_100, 90_200, 90_300]) {
      t.controller.onSnapshot(makeSnapshot({ scale: { from, to: from + 10_000, mode: 0, inverted: false } }));
    }
    const after = t.last();
    expect(after.geometry?.scale.from).toBe(90_300);
    expect(after.geometry).not.toBe(before.geometry);
    // The renderer skips what it shows from these by identity (the badge, the dock, the band texts).
    expect(after.symbol).toBe(before.symbol);
    expect(after.display).toBe(before.display);
    expect(after.badge).toBe(before.badge);
    expect(after.view).toBe(before.view);
    expect(after.price).toBe(before.price);
  });

  it('keeps the display object through a settings change that leaves the display as it was', async () => {
    const t = await started();
    t.controller.onBridgeReady();
    t.controller.onSnapshot(makeSnapshot());
    const before = t.last().display;
    const settings = defaultSettings();
    t.setSettings({ ...settings, display: { ...settings.display } });
    expect(t.last().display).toBe(before);
    t.setSettings({ ...settings, display: { ...settings.display, bandsPerSide: 5 } });
    expect(t.last().display).not.toBe(before);
    expect(t.last().display).toMatchObject({ bandsPerSide: 5, movePct: 3 });
  });

  it('falls back to the ladder with the reason after the grace period', async () => {
    const t = await started();
    t.controller.onBridgeReady();
    t.controller.onSnapshot(makeSnapshot({ apiPaneHeight: 300 }));
    expect(t.last().mode).toBe('hidden');
    await t.advance(GRACE_MS + 1);
    expect(t.last()).toMatchObject({
      mode: 'ladder',
      reason: "pane height 401px disagrees with the chart's 300px",
      geometry: null,
      snapshotPane: { left: 100, top: 80, width: 800, height: 401 },
    });
  });

  it('aligns a chart that names no instrument only while its last price could be the page asset', async () => {
    const t = await started();
    t.controller.onBridgeReady();
    const lwc = (lastPrice: number | null) =>
      makeSnapshot({ kind: 'lwc', symbol: null, apiPaneHeight: null, lastPrice });
    t.controller.onSnapshot(lwc(95_200));
    expect(t.last().mode).toBe('aligned');
    // The page's chart now shows another market (ETH prices on a BTC page): never drawn on, then the ladder.
    t.controller.onSnapshot(lwc(3_112.4));
    expect(t.last()).toMatchObject({ mode: 'hidden', hiddenBy: 'pending', geometry: null });
    await t.advance(GRACE_MS + 1);
    expect(t.last()).toMatchObject({
      mode: 'ladder',
      reason: "the chart names no instrument and its last price 3,112.4 is not BTC's (95,000)",
    });
    t.controller.onSnapshot(lwc(95_300));
    expect(t.last().mode).toBe('aligned');
  });

  it('follows an in-page symbol switch: new watch, ladder until the rebuilt chart shows the new symbol', async () => {
    const t = await started();
    t.controller.onBridgeReady();
    t.controller.onSnapshot(makeSnapshot());
    t.controller.setPage(ETH_URL, 'Binance');
    await t.flush();
    expect(t.requests.slice(1)).toEqual([['unsubscribeAsset', { asset: 'BTC' }]]);
    await t.advance(FOLLOW_MS);
    expect(t.requests.slice(1)).toEqual([
      ['unsubscribeAsset', { asset: 'BTC' }],
      ['subscribeAsset', { asset: 'ETH' }],
    ]);
    // The old chart still shows BTC: never drawn on, pending and then the ladder.
    expect(t.last()).toMatchObject({ mode: 'hidden', hiddenBy: 'pending', geometry: null });
    await t.advance(GRACE_MS + 1);
    expect(t.last()).toMatchObject({ mode: 'ladder', reason: 'the chart shows BTCUSDT, the page ETH' });
    t.controller.onSnapshot(
      makeSnapshot({ symbol: 'ETHUSDT', scale: { from: 3_000, to: 3_500, mode: 0, inverted: false } }),
    );
    expect(t.last().mode).toBe('aligned');
    expect(t.last().view?.asset).toBe('ETH');
  });

  it('skimming 29 symbols in 9 s asks the background only for the one the user stops on (debounced)', async () => {
    const t = await started();
    const symbols = ['ETH', 'SOL', 'XRP', 'DOGE', 'ADA', 'AVAX', 'LINK', 'DOT', 'LTC', 'BCH'];
    const pages = Array.from({ length: 29 }, (_, i) => symbols[i % symbols.length] as string);
    for (const symbol of pages) {
      t.controller.setPage(`https://www.binance.com/en/futures/${symbol}USDT`, 'Binance');
      await t.advance(9000 / 29);
    }
    await t.advance(FOLLOW_MS);
    const subscribes = t.requests.filter(([type]) => type === 'subscribeAsset').map(([, d]) => d);
    expect(subscribes).toEqual([{ asset: 'BTC' }, { asset: pages.at(-1) }]);
    expect(t.last().view?.asset).toBe(pages.at(-1));
  });

  describe('a bridge that stops telling the truth (issue 9)', () => {
    const aligned = async () => {
      const t = await started();
      t.controller.onBridgeReady();
      t.controller.onSnapshot(makeSnapshot());
      await t.advance(GRACE_MS);
      expect(t.last().mode).toBe('aligned');
      return t;
    };

    it('the chart moved and no snapshot followed (the port was closed): a new hello, then bands off and the ladder', async () => {
      const t = await aligned();
      t.controller.onChartMoved();
      await t.advance(LIVENESS_MS - 1);
      expect([t.last().mode, t.reconnects()]).toEqual(['aligned', 0]);
      await t.advance(2);
      // First a new port: the bridge answers a newcomer at once, so an honest bridge is heard again.
      expect([t.last().mode, t.reconnects()]).toEqual(['aligned', 1]);
      await t.advance(LIVENESS_MS);
      expect(t.last().geometry).toBeNull();
      expect(t.last().mode).not.toBe('aligned');
      await t.advance(RECOVER_MS + 1);
      expect(t.last()).toMatchObject({
        mode: 'ladder',
        reason: 'the chart moved but the page bridge sent nothing',
      });
      // The new port's first snapshot is the bridge's own: aligned again.
      t.controller.onSnapshot(makeSnapshot());
      expect(t.last().mode).toBe('aligned');
    });

    it('a move the bridge does not report (nothing it reads changed) is settled by the new port at once', async () => {
      const t = await aligned();
      t.controller.onChartMoved();
      await t.advance(LIVENESS_MS + 1);
      expect(t.reconnects()).toBe(1);
      t.controller.onSnapshot(makeSnapshot());
      await t.advance(LIVENESS_MS * 4);
      expect(t.last().mode).toBe('aligned');
      expect(t.reconnects()).toBe(1);
    });

    it('awaits a move only while a chart is aligned and no move is watched (the pointer listeners ask first)', async () => {
      const early = await started();
      expect(early.controller.awaitsChartMove()).toBe(false);
      const t = await aligned();
      expect(t.controller.awaitsChartMove()).toBe(true);
      t.controller.onChartMoved();
      // The drag's further moves change nothing while the watch runs.
      expect(t.controller.awaitsChartMove()).toBe(false);
      await t.advance(100);
      t.controller.onSnapshot(
        makeSnapshot({ scale: { from: 94_000, to: 96_500, mode: 0, inverted: false } }),
      );
      expect(t.controller.awaitsChartMove()).toBe(false);
      await t.advance(LIVENESS_MS);
      expect(t.controller.awaitsChartMove()).toBe(true);
      expect(t.reconnects()).toBe(0);
      t.controller.dispose();
      expect(t.controller.awaitsChartMove()).toBe(false);
    });

    it('a snapshot after the move keeps it aligned, and a still chart needs none', async () => {
      const t = await aligned();
      t.controller.onChartMoved();
      await t.advance(100);
      t.controller.onSnapshot(
        makeSnapshot({ scale: { from: 94_000, to: 96_500, mode: 0, inverted: false } }),
      );
      await t.advance(LIVENESS_MS * 4);
      expect(t.last().mode).toBe('aligned');
      expect(t.reconnects()).toBe(0);
    });

    it('a bridge silent for SILENT_MS while bands are drawn (the port closed, the chart moving on its own): a new hello, then the ladder', async () => {
      const t = await aligned();
      t.heard();
      // Heartbeats every second: never taken for silence.
      for (let i = 0; i < 5; i++) {
        await t.advance(1_000);
        t.heard();
        t.controller.checkBridge(true);
      }
      expect([t.last().mode, t.reconnects()]).toEqual(['aligned', 0]);
      await t.advance(SILENT_MS);
      t.controller.checkBridge(true);
      expect([t.last().mode, t.reconnects()]).toEqual(['aligned', 0]);
      await t.advance(2);
      t.controller.checkBridge(true);
      expect([t.last().mode, t.reconnects()]).toEqual(['aligned', 1]);
      // Checks while the new port is awaited change nothing.
      t.controller.checkBridge(true);
      expect(t.reconnects()).toBe(1);
      await t.advance(LIVENESS_MS + 1);
      expect(t.last().geometry).toBeNull();
      await t.advance(RECOVER_MS + 1);
      expect(t.last()).toMatchObject({ mode: 'ladder', reason: 'the page bridge went silent' });
      t.controller.onSnapshot(makeSnapshot());
      expect(t.last().mode).toBe('aligned');
    });

    it('a silent bridge that answers the new hello keeps the bands; a hidden tab, and the first look after it, ask nothing', async () => {
      const t = await aligned();
      t.heard();
      await t.advance(SILENT_MS * 4);
      t.controller.checkBridge(false);
      t.controller.checkBridge(true);
      expect(t.reconnects()).toBe(0);
      t.controller.checkBridge(true);
      expect(t.reconnects()).toBe(1);
      t.controller.onSnapshot(makeSnapshot());
      t.heard();
      await t.advance(LIVENESS_MS * 4);
      t.controller.checkBridge(true);
      expect([t.last().mode, t.reconnects()]).toEqual(['aligned', 1]);
    });

    it('a doubt from the bridge client (a poisoned sequence number, a flood) drops the bands at once', async () => {
      const t = await aligned();
      t.controller.onBridgeDoubt('the page bridge sent too many messages');
      expect(t.last().geometry).toBeNull();
      expect(t.last().mode).not.toBe('aligned');
      await t.advance(RECOVER_MS + 1);
      expect(t.last()).toMatchObject({ mode: 'ladder', reason: 'the page bridge sent too many messages' });
    });
  });

  it('ignores pushes for another asset and takes those for its own', async () => {
    const t = await started();
    const before = t.last();
    t.controller.onPush(makeReply(makeView({ asset: 'ETH' })));
    expect(t.last()).toBe(before);
    const fresh = makeView({ price: 96_000, fetchedAt: 1_000_500 });
    t.controller.onPush(makeReply(fresh));
    expect(t.last().view).toBe(fresh);
  });

  it('turns off with the site switch: hidden, bridge paused, watch dropped; back on when switched on', async () => {
    const t = await started();
    const off = defaultSettings();
    off.sites.binance = false;
    t.setSettings(off);
    await t.flush();
    expect(t.last()).toMatchObject({ mode: 'hidden', hiddenBy: 'site-off', showBadge: false });
    expect(t.bridge.at(-1)).toBe(false);
    expect(t.requests.at(-1)).toEqual(['unsubscribeAsset', { asset: 'BTC' }]);
    t.setSettings(defaultSettings());
    await t.flush();
    expect(t.bridge.at(-1)).toBe(true);
    expect(t.requests.at(-1)).toEqual(['subscribeAsset', { asset: 'BTC' }]);
  });

  it('applies display settings live', async () => {
    const t = await started();
    const next = defaultSettings();
    next.display.opacity = 0.8;
    next.display.badgeCorner = 'bottom-left';
    next.model.movePct = 5;
    t.setSettings(next);
    expect(t.last().display).toMatchObject({ opacity: 0.8, movePct: 5 });
    expect(t.last().corner).toBe('bottom-left');
    expect(t.last().badge.lines?.[0]?.moveText).toBe('+5.0 %');
  });

  it('hides and restores on one click', async () => {
    const t = await started();
    t.controller.hide();
    expect(t.last()).toMatchObject({ mode: 'hidden', hiddenBy: 'user', showBadge: false });
    expect(t.bridge.at(-1)).toBe(false);
    t.controller.restore();
    expect(t.bridge.at(-1)).toBe(true);
    expect(t.last().hiddenBy).toBe('pending');
  });

  it('moves the badge with the live chart price, at most every PRICE_MS', async () => {
    const t = await started();
    t.controller.onBridgeReady();
    t.controller.onSnapshot(makeSnapshot({ lastPrice: 96_000 }));
    expect(t.last().price).toEqual({ price: 96_000, source: 'chart' });
    expect(t.last().badge.lines?.[0]?.notionalUsd).toBeCloseTo(2.025e9, 0);
    t.controller.onSnapshot(makeSnapshot({ lastPrice: 95_000 }));
    expect(t.last().price?.price).toBe(96_000);
    await t.advance(PRICE_MS + 1);
    expect(t.last().price).toEqual({ price: 95_000, source: 'chart' });
    expect(t.last().badge.lines?.[0]?.notionalUsd).toBe(1.45e9);
  });

  it("takes the title's price when the chart gives none, but not another asset's", async () => {
    const t = await started();
    t.controller.setPage(BTC_URL, '95,500 | BTCUSDT USDⓈ-M Futures | Binance');
    expect(t.last().price).toEqual({ price: 95_500, source: 'title' });
    await t.advance(PRICE_MS + 1);
    t.controller.setPage(BTC_URL, '3,300 | ETHUSDT USDⓈ-M Futures | Binance');
    expect(t.last().price).toEqual({ price: 95_000, source: 'view' });
  });

  it('says why an unsupported symbol gets no bands, and watches nothing', async () => {
    const t = setup();
    t.controller.setPage('https://www.binance.com/en/futures/ETHBTC', 'Binance');
    await t.flush();
    expect(t.last()).toMatchObject({ mode: 'unsupported', showBadge: true });
    expect(t.last().badge).toMatchObject({ state: 'unsupported', title: 'ETHBTC' });
    expect(t.last().badge.message).toContain('quoted in BTC');
    expect(t.requests).toEqual([]);
  });

  it('leaves a page that is not a chart alone', async () => {
    const t = setup();
    t.controller.setPage('https://www.binance.com/en/markets', 'Binance');
    await t.flush();
    expect(t.last()).toMatchObject({ mode: 'hidden', hiddenBy: 'page', showBadge: false });
    expect(t.bridge).toEqual([false]);
    expect(t.requests).toEqual([]);
  });

  it('tears down quietly when the extension context is invalidated', async () => {
    const t = await started({
      answer: () => 'subscribeAsset: the background did not answer (Extension context invalidated.)',
    });
    expect(t.invalidated()).toBe(1);
    expect(t.logs).toEqual([]);
    const count = t.requests.length;
    t.controller.setPage(ETH_URL, 'Binance');
    await t.advance(60_000);
    expect(t.requests).toHaveLength(count);
  });

  it('shows a background that does not answer, retries, and renews the watch every period', async () => {
    let calls = 0;
    const t = await started({
      answer: (asset) =>
        ++calls === 1 ? 'subscribeAsset: the background did not answer' : makeReply(makeView({ asset })),
    });
    expect(t.last().badge).toMatchObject({ state: 'error', message: 'LiqLens background not answering' });
    expect(t.logs).toEqual(['[LiqLens:binance] subscribe: subscribeAsset: the background did not answer']);
    await t.advance(5_000);
    expect(t.last().badge.state).toBe('ok');
    await t.advance(60_000);
    expect(t.requests.filter(([type]) => type === 'subscribeAsset')).toHaveLength(3);
  });

  it('drops its watch on dispose', async () => {
    const t = await started();
    t.controller.dispose();
    await t.flush();
    expect(t.requests.at(-1)).toEqual(['unsubscribeAsset', { asset: 'BTC' }]);
  });
  it('asks for the heatmap once per view while it is on, decodes it, and stops at the badge switch', async () => {
    const cells: HeatmapCells = {
      t0: 1_795_000_000_000,
      intervalMs: 900_000,
      columns: 2,
      low: 90_000,
      width: 100,
      rowFrom: 3,
      rows: 2,
      floorUsd: 1e4,
      maxUsd: 1e8,
      // Runs of empty cells as 0 and their length (heatmap-cells.ts): 0 | 255 1 2, and 0 0 0 | 9.
      long: btoa(String.fromCharCode(0, 1, 255, 1, 2)),
      short: btoa(String.fromCharCode(0, 3, 9)),
    };
    const t = setup({ heatmap: cells });
    t.controller.setPage(BTC_URL, 'BTCUSDT');
    await t.flush();
    t.controller.onSnapshot(makeSnapshot());
    await t.flush();
    expect(t.heatmapRequests).toEqual([{ asset: 'BTC' }]);
    const state = t.last();
    expect(state.layers).toEqual({ heatmap: true, profile: true });
    expect(Array.from(state.heatmap?.long ?? [])).toEqual([0, 255, 1, 2]);
    t.controller.onSnapshot(makeSnapshot());
    await t.flush();
    expect(t.heatmapRequests).toHaveLength(1);
    t.controller.setHeatmap(false);
    expect(t.last().heatmap).toBeNull();
    expect(t.last().layers.heatmap).toBe(false);
  });

  it('with calibrated at-risk on, asks for the factors once per view and shows the badge calibrated; off again, the model', async () => {
    const calibration = {
      short: {
        side: 'short' as const,
        sweptBands: 12,
        estimatedUsd: 1e9,
        realisedUsd: 5e8,
        factor: { value: 0.5, low: 0.4, high: 0.6 },
      },
      long: { side: 'long' as const, sweptBands: 4, estimatedUsd: 1e8, realisedUsd: 0, factor: null },
    };
    const t = await started({ calibration });
    const calibrationAsks = () => t.requests.filter(([type]) => type === 'getCalibration');
    expect(calibrationAsks()).toEqual([]);
    const settings = defaultSettings();
    const on = { ...settings, display: { ...settings.display, calibratedAtRisk: true } };
    t.setSettings(on);
    await t.flush();
    expect(calibrationAsks()).toEqual([['getCalibration', { asset: 'BTC' }]]);
    const [up, down] = t.last().badge.lines ?? [];
    // The view's $1.45B of shorts × 0.5 (0.4–0.6) = $725M, to the interval's tens of millions: $730M. The longs keep
    // the model's figure.
    expect(up?.calibrated).toMatchObject({ status: 'calibrated', label: 'calibrated estimate' });
    expect(up?.usdText).toBe(up?.calibrated.usdText);
    expect(up?.notionalUsd).toBe(1.45e9);
    expect(up?.calibrated.usd).toBeCloseTo(7.3e8, 0);
    expect(down?.calibrated).toMatchObject({ status: 'not-enough', label: 'estimate' });
    expect(down?.calibrated.usd).toBe(down?.notionalUsd);
    // The same view again: no new request.
    t.setSettings({ ...on });
    await t.flush();
    expect(calibrationAsks()).toHaveLength(1);
    // A new view (a push): asked again.
    t.controller.onPush(makeReply(makeView({ asset: 'BTC' })));
    await t.flush();
    expect(calibrationAsks()).toHaveLength(2);
    t.setSettings(settings);
    await t.flush();
    expect(t.last().badge.lines?.[0]?.calibrated.status).toBe('off');
    expect(calibrationAsks()).toHaveLength(2);
  });

  it('asks for the real positions as soon as the option is switched on, and again after off and on', async () => {
    const t = await started();
    const asks = () => t.requests.filter(([type]) => type === 'getHlPositions');
    expect(asks()).toEqual([]);
    const settings = defaultSettings();
    const on = { ...settings, realPositions: { hyperliquid: true } };
    t.setSettings(on);
    await t.flush();
    expect(asks()).toEqual([['getHlPositions', { asset: 'BTC' }]]);
    expect(t.last().realPositions).not.toBeNull();
    t.setSettings(settings);
    await t.flush();
    expect(t.last().realPositions).toBeNull();
    t.setSettings({ ...on });
    await t.flush();
    expect(asks()).toHaveLength(2);
    expect(t.last().realPositions).not.toBeNull();
  });
});
