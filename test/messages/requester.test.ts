import { describe, expect, it } from 'vitest';
import { createPushReceiver, createRequester } from '../../lib/messages/client';
import { pushMessage } from '../../lib/messages/dispatcher';
import { REQUEST_TYPES, REQUESTS, WATCH_REQUESTS } from '../../lib/messages/protocol';
import type { ViewReply } from '../../lib/messages/view-entry';
import { sampleView } from '../fixtures/views';

const reply: ViewReply = {
  asset: 'BTC',
  entry: { asset: 'BTC', view: sampleView('BTC'), viewAt: 1000, checkedAt: 1000, error: null, failures: [] },
  stale: false,
  refreshing: false,
  periodMs: 60_000,
};

describe("a chart tab's requester (the watch requests only)", () => {
  it('uses the very schemas of the protocol for its requests', () => {
    expect(Object.keys(WATCH_REQUESTS).sort()).toEqual([
      'getCalibration',
      'getHeatmap',
      'getHlPositions',
      'getRealised',
      'getSettings',
      'subscribeAsset',
      'unsubscribeAsset',
    ]);
    expect(REQUESTS.getHeatmap).toBe(WATCH_REQUESTS.getHeatmap);
    expect(REQUESTS.getRealised).toBe(WATCH_REQUESTS.getRealised);
    expect(REQUESTS.getCalibration).toBe(WATCH_REQUESTS.getCalibration);
    expect(REQUESTS.subscribeAsset).toBe(WATCH_REQUESTS.subscribeAsset);
    expect(REQUESTS.unsubscribeAsset).toBe(WATCH_REQUESTS.unsubscribeAsset);
    expect(REQUESTS.getHlPositions).toBe(WATCH_REQUESTS.getHlPositions);
  });

  it('sends a checked request and parses the reply', async () => {
    const sent: unknown[] = [];
    const requester = createRequester(async (message) => {
      sent.push(message);
      return { ok: true, data: reply };
    }, WATCH_REQUESTS);
    expect(await requester.request('subscribeAsset', { asset: 'BTC' })).toEqual({ ok: true, value: reply });
    expect(sent).toEqual([{ type: 'subscribeAsset', data: { asset: 'BTC' } }]);
    expect(await requester.request('subscribeAsset', { asset: 'btc' })).toEqual({
      ok: false,
      error: 'subscribeAsset: data.asset: expected an upper-case base asset such as BTC',
    });
  });

  it('refuses, without sending, a request that is not in its table', async () => {
    let sends = 0;
    const requester = createRequester(async () => {
      sends += 1;
      return { ok: true, data: reply };
    }, WATCH_REQUESTS);
    const untyped = requester as unknown as {
      request(type: string, data: unknown): Promise<unknown>;
    };
    expect(await untyped.request('getView', { asset: 'BTC' })).toEqual({
      ok: false,
      error: 'getView: not a request this context sends',
    });
    expect(await untyped.request('toString', {})).toEqual({
      ok: false,
      error: 'toString: not a request this context sends',
    });
    expect(sends).toBe(0);
  });
});

describe('REQUEST_TYPES', () => {
  it('names exactly the requests of the protocol', () => {
    expect([...REQUEST_TYPES].sort()).toEqual(Object.keys(REQUESTS).sort());
  });

  it('lets the push receiver pass every request by quietly', () => {
    const logs: string[] = [];
    const receive = createPushReceiver({}, (m) => logs.push(m));
    for (const type of REQUEST_TYPES) expect(receive({ type, data: {} })).toBe(false);
    expect(receive({ type: 'getEverything', data: {} })).toBe(false);
    expect(receive(pushMessage('viewUpdated', reply))).toBe(true);
    expect(logs).toEqual(['LiqLens: ignored unknown message "getEverything"']);
  });
});
