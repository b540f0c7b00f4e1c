import { isolated } from './fake-port';

export interface PriceRange {
  from: number;
  to: number;
}

/** A Charting Library chart (as `TradingViewApi.activeChart()` returns it) with one main pane of 400 px. */
export function fakeTvChart(symbol: () => string, range: () => PriceRange) {
  const pane = {
    hasMainSeries: () => true,
    getHeight: () => 400,
    getMainSourcePriceScale: () => ({
      getVisiblePriceRange: range,
      getMode: () => 0,
      isInverted: () => false,
    }),
  };
  return { symbol, resolution: () => '15', getPanes: () => [pane] };
}

type Listener = (e: { source: unknown; data: unknown; ports: unknown[] }) => void;

/**
 * The page's window as the bridge sees it: animation frames run by hand, window posts recorded, one `message`
 * listener, and the Charting Library's pane element at (0, 50) 800 × 400. Page globals (`TradingViewApi`) are set on
 * `win` by the test.
 */
export function fakeBridgeWindow(origin: string) {
  const frames: (() => void)[] = [];
  const posted: Record<string, unknown>[] = [];
  let listener: Listener | null = null;
  const paneEl = { getBoundingClientRect: () => ({ left: 0, top: 50, width: 800, height: 400 }) };
  const doc = {
    visibilityState: 'visible',
    querySelector: () => null,
    querySelectorAll: () => [],
    getElementsByClassName: (names: string) => (names === 'chart-markup-table pane' ? [paneEl] : []),
  };
  const win: Record<string, unknown> = {
    document: doc,
    location: { origin },
    innerWidth: 1280,
    innerHeight: 800,
    requestAnimationFrame: (cb: () => void) => frames.push(cb),
    cancelAnimationFrame: () => {
      frames.length = 0;
    },
    postMessage: (data: Record<string, unknown>) => posted.push(data),
    // The bridge's window `message` listener; other events (the pane rect's scroll and resize) are never fired here.
    addEventListener: (type: string, cb: Listener) => {
      if (type === 'message') listener = cb;
    },
    removeEventListener: (type: string) => {
      if (type === 'message') listener = null;
    },
  };
  return {
    win,
    doc,
    posted,
    /** A window message to the bridge (from the page itself unless `source` says otherwise). */
    send: (data: unknown, source: unknown = win, ports: unknown[] = []) =>
      listener?.({ source, data, ports }),
    /** The isolated side's hello on the window, handing over `port`. */
    hello: (port: unknown, channel?: string) =>
      listener?.({ source: win, data: isolated('hello', channel), ports: [port] }),
    runFrame: () => frames.shift()?.(),
    pendingFrames: () => frames.length,
    listening: () => listener !== null,
  };
}
