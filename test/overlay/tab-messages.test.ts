import { describe, expect, it } from 'vitest';
import { emptyHlRealView } from '../../lib/hl-positions/real-view';
import { pushMessage } from '../../lib/messages/dispatcher';
import { REQUESTS } from '../../lib/messages/protocol';
import type { ViewReply } from '../../lib/messages/view-entry';
import { createTabPushReceiver, createTabRequester, type TabRequests } from '../../lib/overlay/tab-messages';
import { defaultSettings } from '../../lib/settings/schema';
import { sampleView } from '../fixtures/views';
import { summary } from '../realised/summary-fixture';

const reply: ViewReply = {
  asset: 'BTC',
  entry: { asset: 'BTC', view: sampleView('BTC'), viewAt: 1000, checkedAt: 1000, error: null, failures: [] },
  stale: false,
  refreshing: false,
  periodMs: 60_000,
};

/** One good reply per request a chart tab sends, each accepted by the protocol's own schema. */
const GOOD: { [K in keyof TabRequests]: unknown } = {
  subscribeAsset: reply,
  unsubscribeAsset: { watching: ['BTC'] },
  getHeatmap: { fetchedAt: null, heatmap: null },
  getHlPositions: emptyHlRealView('BTC', 'off', 'off', 0),
  getRealised: { summary: summary() },
  getCalibration: { calibration: null },
  getSettings: { ...defaultSettings(), coinglassKey: null },
};
const TYPES = Object.keys(GOOD) as (keyof TabRequests)[];

const answering = (answer: unknown) => {
  const sent: unknown[] = [];
  const requester = createTabRequester(async (message) => {
    sent.push(message);
    return answer;
  });
  // Every request of the table with plain data: the replies are what is tested here.
  const ask = (type: keyof TabRequests) =>
    (requester.request as (t: string, d: unknown) => Promise<unknown>)(
      type,
      type === 'getSettings' ? {} : { asset: 'BTC' },
    );
  return { ask, sent };
};

describe('the chart tab’s requests, checked by shape', () => {
  it.each(TYPES)('%s: takes what the protocol’s schema takes', async (type) => {
    expect(REQUESTS[type].reply.safeParse(GOOD[type]).success).toBe(true);
    const { ask, sent } = answering({ ok: true, data: GOOD[type] });
    expect(await ask(type)).toEqual({ ok: true, value: GOOD[type] });
    expect(sent).toHaveLength(1);
  });

  it.each(TYPES)('%s: a reply of another shape is an error result', async (type) => {
    for (const data of [null, 'x', [], {}]) {
      const { ask } = answering({ ok: true, data });
      expect(await ask(type)).toEqual({ ok: false, error: `${type}: malformed reply` });
    }
  });

  it('words a failed or missing answer and a broken envelope in one line', async () => {
    expect(await answering({ ok: false, error: 'storage is gone' }).ask('getSettings')).toEqual({
      ok: false,
      error: 'getSettings: storage is gone',
    });
    expect(await answering(undefined).ask('getRealised')).toEqual({
      ok: false,
      error: 'getRealised: the background did not answer',
    });
    expect(await answering({ yes: 1 }).ask('getRealised')).toEqual({
      ok: false,
      error: 'getRealised: malformed reply',
    });
    const failing = createTabRequester(async () => {
      throw new Error('Extension context invalidated.');
    });
    expect(await failing.request('unsubscribeAsset', { asset: 'BTC' })).toEqual({
      ok: false,
      error: 'unsubscribeAsset: the background did not answer (Extension context invalidated.)',
    });
  });

  it('refuses, without sending, a request a chart tab does not send', async () => {
    const { sent } = answering({ ok: true, data: {} });
    const untyped = createTabRequester(async (m) => {
      sent.push(m);
      return { ok: true, data: {} };
    }) as unknown as { request(type: string, data: unknown): Promise<unknown> };
    expect(await untyped.request('getView', { asset: 'BTC' })).toEqual({
      ok: false,
      error: 'getView: not a request this context sends',
    });
    expect(await untyped.request('toString', {})).toMatchObject({ ok: false });
    expect(sent).toEqual([]);
  });
});

describe('the chart tab’s pushes, checked by shape', () => {
  it('hands on a push of the right shape and passes anything else by', () => {
    const seen: unknown[] = [];
    const logs: string[] = [];
    const receive = createTabPushReceiver(
      { viewUpdated: (data) => seen.push(data), realisedUpdated: (data) => seen.push(data.asset) },
      (m) => logs.push(m),
    );
    expect(receive(pushMessage('viewUpdated', reply))).toBe(true);
    expect(receive(pushMessage('realisedUpdated', { asset: 'BTC', summary: summary() }))).toBe(true);
    expect(receive({ type: 'subscribeAsset', data: { asset: 'BTC' } })).toBe(false);
    expect(receive('hello')).toBe(false);
    expect(receive({ type: 'viewUpdated', data: { asset: 'BTC' } })).toBe(false);
    expect(receive({ type: 'viewUpdated', data: null })).toBe(false);
    expect(seen).toEqual([reply, 'BTC']);
    expect(logs).toEqual(['LiqLens: ignored malformed viewUpdated']);
  });
});
