import { describe, expect, it } from 'vitest';
import { emptyHlRealView } from '../../lib/hl-positions/real-view';
import { createMessenger, createPushReceiver } from '../../lib/messages/client';
import { createDispatcher, pushMessage, type RequestHandlers } from '../../lib/messages/dispatcher';
import { isStale } from '../../lib/messages/staleness';
import type { ViewReply } from '../../lib/messages/view-entry';
import { defaultSettings } from '../../lib/settings/schema';
import { sampleView } from '../fixtures/views';

const reply = (asset = 'BTC'): ViewReply => ({
  asset,
  entry: { asset, view: sampleView(asset), viewAt: 1000, checkedAt: 1000, error: null, failures: [] },
  stale: false,
  refreshing: false,
  periodMs: 60_000,
});

function setup() {
  const calls: string[] = [];
  const logs: string[] = [];
  const handlers: RequestHandlers = {
    subscribeAsset: async (data, sender) => {
      calls.push(`subscribe ${data.asset} tab ${sender.tabId}`);
      return reply(data.asset);
    },
    unsubscribeAsset: async () => ({ watching: [] }),
    getHeatmap: async () => ({ fetchedAt: null, heatmap: null }),
    getView: async (data) => {
      if (data.asset === 'FAIL') throw new Error('storage is gone');
      return reply(data.asset);
    },
    getSeries: async () => ({ series: null }),
    getHlPositions: async ({ asset }) => emptyHlRealView(asset, 'off', 'off', 0),
    getSettings: async () => defaultSettings(),
    getTabAsset: async ({ tabId }) => ({ asset: tabId === 7 ? 'BTC' : null }),
    retryNow: async () => ({ cleared: true }),
    testAlert: async () => ({ shown: true, message: 'ok' }),
    getRealised: async () => ({ summary: null }),
    getCalibration: async () => ({ calibration: null }),
    getBandScores: async () => ({ snapshots: [], scores: [], priceRanges: [] }),
    exportWsRecording: async () => ({ jsonl: '' }),
  };
  const dispatcher = createDispatcher(handlers, (m) => logs.push(m));
  return { dispatcher, calls, logs };
}

describe('message dispatcher', () => {
  it('routes a request with its parsed data and sender', async () => {
    const { dispatcher, calls } = setup();
    const answer = await dispatcher.handle({ type: 'subscribeAsset', data: { asset: 'ETH' } }, { tabId: 4 });
    expect(calls).toEqual(['subscribe ETH tab 4']);
    expect(answer).toEqual({ ok: true, data: reply('ETH') });
  });

  it('ignores unknown messages and logs each kind once', () => {
    const { dispatcher, logs } = setup();
    expect(dispatcher.handle({ type: 'dance', data: {} }, {})).toBeUndefined();
    expect(dispatcher.handle({ type: 'dance', data: { x: 1 } }, {})).toBeUndefined();
    expect(dispatcher.handle('hello', {})).toBeUndefined();
    expect(dispatcher.handle(null, {})).toBeUndefined();
    expect(logs).toEqual([
      'LiqLens: ignored unknown message "dance"',
      'LiqLens: ignored a message that is not { type, data }',
    ]);
  });

  it('ignores malformed requests, logging once per type with the field path', () => {
    const { dispatcher, calls, logs } = setup();
    expect(dispatcher.handle({ type: 'getView', data: { asset: 'btc' } }, {})).toBeUndefined();
    expect(dispatcher.handle({ type: 'getView', data: { asset: 'BTC', extra: 1 } }, {})).toBeUndefined();
    expect(dispatcher.handle({ type: 'subscribeAsset', data: {} }, {})).toBeUndefined();
    expect(calls).toEqual([]);
    expect(logs).toEqual([
      'LiqLens: ignored malformed getView: data.asset: expected an upper-case base asset such as BTC',
      'LiqLens: ignored malformed subscribeAsset: data.asset: Invalid input: expected string, received undefined',
    ]);
  });

  it('lets pushes pass by without logging them', () => {
    const { dispatcher, logs } = setup();
    expect(dispatcher.handle(pushMessage('viewUpdated', reply()), {})).toBeUndefined();
    expect(logs).toEqual([]);
  });

  it('answers a failing handler with its message', async () => {
    const { dispatcher } = setup();
    expect(await dispatcher.handle({ type: 'getView', data: { asset: 'FAIL' } }, {})).toEqual({
      ok: false,
      error: 'storage is gone',
    });
  });
});

describe('messenger', () => {
  it('round-trips through the dispatcher with parsed replies', async () => {
    const { dispatcher } = setup();
    const messenger = createMessenger(async (message) => dispatcher.handle(message, {}));
    expect(await messenger.request('getView', { asset: 'SOL' })).toEqual({ ok: true, value: reply('SOL') });
    expect(await messenger.request('getView', { asset: 'FAIL' })).toEqual({
      ok: false,
      error: 'getView: storage is gone',
    });
  });

  it('refuses to send bad data, and reports a malformed or missing reply', async () => {
    const sent: unknown[] = [];
    const messenger = createMessenger(async (message) => {
      sent.push(message);
      return { ok: true, data: { ...reply(), periodMs: -1 } };
    });
    expect(await messenger.request('getView', { asset: 'not an asset' })).toMatchObject({ ok: false });
    expect(sent).toEqual([]);
    const bad = await messenger.request('getView', { asset: 'BTC' });
    expect(bad).toEqual({
      ok: false,
      error: 'getView: malformed reply: data.periodMs: Too small: expected number to be >0',
    });
    const silent = createMessenger(async () => undefined);
    expect(await silent.request('testAlert', {})).toEqual({
      ok: false,
      error: 'testAlert: the background did not answer',
    });
    const gone = createMessenger(async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    expect((await gone.request('testAlert', {})).ok).toBe(false);
  });
});

describe('getTabAsset', () => {
  it('takes a tab id (a whole number ≥ 0) and answers an asset or null', async () => {
    const { dispatcher, logs } = setup();
    expect(await dispatcher.handle({ type: 'getTabAsset', data: { tabId: 7 } }, {})).toEqual({
      ok: true,
      data: { asset: 'BTC' },
    });
    expect(await dispatcher.handle({ type: 'getTabAsset', data: { tabId: 0 } }, {})).toEqual({
      ok: true,
      data: { asset: null },
    });
    for (const data of [{ tabId: -1 }, { tabId: 1.5 }, { tabId: '7' }, {}, { tabId: 7, url: 'x' }]) {
      expect(dispatcher.handle({ type: 'getTabAsset', data }, {})).toBeUndefined();
    }
    expect(logs).toEqual([
      'LiqLens: ignored malformed getTabAsset: data.tabId: Too small: expected number to be >=0',
    ]);
  });

  it('the popup side refuses a bad tab id before sending and a reply that is not an asset', async () => {
    const sent: unknown[] = [];
    const messenger = createMessenger(async (message) => {
      sent.push(message);
      return { ok: true, data: { asset: 'btc' } };
    });
    expect((await messenger.request('getTabAsset', { tabId: Number.NaN })).ok).toBe(false);
    expect(sent).toEqual([]);
    expect(await messenger.request('getTabAsset', { tabId: 3 })).toEqual({
      ok: false,
      error: 'getTabAsset: malformed reply: data.asset: expected an upper-case base asset such as BTC',
    });
    expect(sent).toEqual([{ type: 'getTabAsset', data: { tabId: 3 } }]);
  });
});

describe('push receiver', () => {
  it('parses pushes, passes requests by quietly and logs junk once', () => {
    const seen: ViewReply[] = [];
    const logs: string[] = [];
    const receive = createPushReceiver({ viewUpdated: (data) => seen.push(data) }, (m) => logs.push(m));
    expect(receive(pushMessage('viewUpdated', reply('ETH')))).toBe(true);
    expect(receive({ type: 'getView', data: { asset: 'BTC' } })).toBe(false);
    expect(receive({ type: 'viewUpdated', data: { asset: 'ETH' } })).toBe(false);
    expect(receive({ type: 'viewUpdated', data: {} })).toBe(false);
    expect(receive({ type: 'wat', data: {} })).toBe(false);
    expect(seen).toEqual([reply('ETH')]);
    expect(logs).toHaveLength(2);
    expect(logs[0]).toMatch(/^LiqLens: ignored malformed viewUpdated: data\.entry: /);
    expect(logs[1]).toBe('LiqLens: ignored unknown message "wat"');
  });
});

describe('isStale', () => {
  it('marks data older than three periods', () => {
    expect(isStale({ viewAt: 0 }, 180_000, 60_000)).toBe(false);
    expect(isStale({ viewAt: 0 }, 180_001, 60_000)).toBe(true);
    expect(isStale({ viewAt: null }, 0, 60_000)).toBe(true);
    expect(isStale(null, 0, 60_000)).toBe(true);
  });
});
