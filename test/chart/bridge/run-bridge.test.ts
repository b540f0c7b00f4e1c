import { describe, expect, it } from 'vitest';
import { BRIDGE_TAG } from '../../../lib/chart/bridge/protocol';
import { runBridge } from '../../../lib/chart/bridge/run-bridge';

function fakeWindow() {
  const frames: (() => void)[] = [];
  const posted: Record<string, unknown>[] = [];
  let listener: ((e: { source: unknown; data: unknown }) => void) | null = null;
  let range = { from: 90_000, to: 100_000 };
  const pane = {
    hasMainSeries: () => true,
    getHeight: () => 400,
    getMainSourcePriceScale: () => ({
      getVisiblePriceRange: () => range,
      getMode: () => 0,
      isInverted: () => false,
    }),
  };
  const chart = { symbol: () => 'BINANCE:BTCUSDT.P', resolution: () => '15', getPanes: () => [pane] };
  const paneEl = { getBoundingClientRect: () => ({ left: 0, top: 50, width: 800, height: 400 }) };
  const win = {
    TradingViewApi: { activeChart: () => chart },
    document: {
      visibilityState: 'visible',
      querySelector: () => null,
      querySelectorAll: (s: string) => (s === '.chart-markup-table.pane' ? [paneEl] : []),
    },
    location: { origin: 'https://www.tradingview.com' },
    innerWidth: 1280,
    innerHeight: 800,
    requestAnimationFrame: (cb: () => void) => frames.push(cb),
    cancelAnimationFrame: () => {},
    postMessage: (data: Record<string, unknown>) => posted.push(data),
    addEventListener: (_: string, cb: typeof listener) => {
      listener = cb;
    },
    removeEventListener: () => {
      listener = null;
    },
  };
  return {
    win: win as unknown as Window,
    posted,
    send: (data: unknown, source: unknown = win) => listener?.({ source, data }),
    runFrame: () => frames.shift()?.(),
    setRange: (r: typeof range) => {
      range = r;
    },
    listening: () => listener !== null,
  };
}

const hello = { tag: BRIDGE_TAG, from: 'isolated', type: 'hello', channel: 'abcdef123456' };

describe('runBridge', () => {
  it('answers hello, then posts snapshots only when the chart changed', () => {
    const page = fakeWindow();
    runBridge(page.win);
    page.send(hello);
    expect(page.posted).toEqual([
      { tag: BRIDGE_TAG, from: 'bridge', type: 'ready', channel: 'abcdef123456' },
    ]);
    page.runFrame();
    page.runFrame();
    const snapshots = page.posted.filter((m) => m.type === 'snapshot');
    expect(snapshots).toHaveLength(1);
    expect((snapshots[0]?.snapshot as { scale?: unknown } | undefined)?.scale).toEqual({
      from: 90_000,
      to: 100_000,
      mode: 0,
      inverted: false,
    });
    page.setRange({ from: 91_000, to: 99_000 });
    page.runFrame();
    expect(page.posted.filter((m) => m.type === 'snapshot').map((m) => m.seq)).toEqual([0, 1]);
  });

  it('ignores messages from other sources, other tags and other channels', () => {
    const page = fakeWindow();
    const stop = runBridge(page.win);
    page.send(hello, {});
    page.send({ ...hello, tag: 'other' });
    page.send({ ...hello, from: 'bridge' });
    expect(page.posted).toHaveLength(0);
    page.send(hello);
    page.send({ tag: BRIDGE_TAG, from: 'isolated', type: 'stop', channel: 'someone-else' });
    expect(page.listening()).toBe(true);
    page.send({ tag: BRIDGE_TAG, from: 'isolated', type: 'stop', channel: 'abcdef123456' });
    expect(page.listening()).toBe(false);
    stop();
  });

  it('records one liqlens:bridge measure per frame only while <html> has data-liqlens-bench', () => {
    const page = fakeWindow();
    const attributes = new Set<string>();
    const measures: { name: string; start: number; end: number }[] = [];
    let clock = 100;
    const win = page.win as unknown as Record<string, unknown> & { document: Record<string, unknown> };
    win.document.documentElement = { hasAttribute: (name: string) => attributes.has(name) };
    win.performance = {
      now: () => (clock += 0.25),
      measure: (name: string, options: { start: number; end: number }) => measures.push({ name, ...options }),
    };
    runBridge(page.win);
    page.send(hello);
    page.runFrame();
    expect(measures).toEqual([]);
    attributes.add('data-liqlens-bench');
    page.runFrame();
    page.runFrame();
    expect(measures).toEqual([
      { name: 'liqlens:bridge', start: 100.25, end: 100.5 },
      { name: 'liqlens:bridge', start: 100.75, end: 101 },
    ]);
    attributes.clear();
    page.runFrame();
    expect(measures).toHaveLength(2);
    // Benching changes nothing else: the same single snapshot as without it.
    expect(page.posted.filter((m) => m.type === 'snapshot')).toHaveLength(1);
  });

  it('serves every channel that said hello until it pauses or stops', () => {
    const page = fakeWindow();
    runBridge(page.win);
    const msg = (type: string, channel: string) => ({ tag: BRIDGE_TAG, from: 'isolated', type, channel });
    page.send(msg('hello', 'first-channel'));
    page.runFrame();
    page.send(msg('hello', 'second-channel'));
    page.runFrame();
    const to = (channel: string) =>
      page.posted.filter((m) => m.type === 'snapshot' && m.channel === channel).map((m) => m.seq);
    // The newcomer gets the current snapshot at once; the first hears it again, harmlessly.
    expect([to('first-channel'), to('second-channel')]).toEqual([[0, 1], [1]]);
    page.send(msg('pause', 'first-channel'));
    page.setRange({ from: 91_000, to: 99_000 });
    page.runFrame();
    expect([to('first-channel'), to('second-channel')]).toEqual([
      [0, 1],
      [1, 2],
    ]);
    page.send(msg('stop', 'second-channel'));
    expect(page.listening()).toBe(false);
  });
});
