import { deliverEvent, isolated } from './fake-port';

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

/** A `CustomEvent` as the bridge makes one. */
class FakeCustomEvent {
  constructor(
    readonly type: string,
    init: { detail?: unknown } = {},
  ) {
    this.detail = init.detail;
  }
  readonly detail: unknown;
}

/**
 * The page's window as the bridge sees it: animation frames run by hand, window posts recorded, one `message`
 * listener, the bridge's events recorded (`dispatched`) and delivered to the fake port they are for (`deliverEvent`),
 * and the Charting Library's pane element at (0, 50) 800 × 400. Page globals (`TradingViewApi`) are set on `win` by
 * the test.
 */
export function fakeBridgeWindow(origin: string) {
  const frames: (() => void)[] = [];
  const posted: Record<string, unknown>[] = [];
  const dispatched: { type: string; detail: unknown }[] = [];
  let uuids = 0;
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
    CustomEvent: FakeCustomEvent,
    dispatchEvent: (event: FakeCustomEvent) => {
      dispatched.push({ type: event.type, detail: event.detail });
      deliverEvent(event);
      return true;
    },
    crypto: { randomUUID: () => `0f8e2b6c-1d2e-4f00-9a1b-${String(++uuids).padStart(12, '0')}` },
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
    dispatched,
    /** A window message to the bridge (from the page itself unless `source` says otherwise). */
    send: (data: unknown, source: unknown = win, ports: unknown[] = []) =>
      listener?.({ source, data, ports }),
    /** The isolated side's hello on the window, handing over `port`. */
    /** Then, unless `listen` is false, `listening` on the port as the isolated side says it once `ready` came. */
    hello: (port: unknown, channel?: string, listen = true) => {
      listener?.({ source: win, data: isolated('hello', channel), ports: [port] });
      const p = port as { sent?: { type?: unknown }[]; receive?: (data: unknown) => void };
      if (listen && p.sent?.some((m) => m.type === 'ready')) p.receive?.(isolated('listening', channel));
    },
    runFrame: () => frames.shift()?.(),
    pendingFrames: () => frames.length,
    listening: () => listener !== null,
  };
}
