import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type Background, createBackground } from '../../lib/background/create-background';
import { LIQ_FEEDS } from '../../lib/liquidations/feeds';
import { openLiqStore } from '../../lib/liquidations/liq-store';
import { createRealisedService } from '../../lib/liquidations/realised-service';
import { BandScoresReplySchema, RealisedSummarySchema } from '../../lib/liquidations/types';
import { CalibrationSchema } from '../../lib/track-record/calibration-factor';
import { fakeClock, settle as settleDb } from '../liquidations/fake-clock';
import { fakeSockets } from '../liquidations/fake-socket';
import { harness, request, settle, T0 } from './harness';

const BYBIT = LIQ_FEEDS.bybit.url;
const frame = (T: number, S: 'Buy' | 'Sell', v: string, p: string) =>
  JSON.stringify({
    topic: 'allLiquidation.BTCUSDT',
    type: 'snapshot',
    ts: T,
    data: [{ T, s: 'BTCUSDT', S, v, p }],
  });

function world(indexedDB = new IDBFactory(), clock = fakeClock(T0)) {
  const h = harness();
  const net = fakeSockets();
  const boot = (): Background =>
    createBackground({
      ...h.deps,
      now: clock.now,
      createRealised: ({ onUpdate }) =>
        createRealisedService({
          openSocket: net.open,
          clock,
          random: () => 0.5,
          contractSize: async () => 0.01,
          store: openLiqStore({
            indexedDB,
            keyRange: IDBKeyRange,
            setTimeout: clock.setTimeout,
            log: h.deps.log,
          }),
          onUpdate,
          log: h.deps.log,
        }),
    });
  return { h, net, clock, boot, indexedDB };
}

describe('background: realised liquidations', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => {
    vi.useRealTimers();
  });

  it('connects while a tab watches, pushes realised figures to it and the popup, and closes when it stops', async () => {
    const { h, net, clock, boot } = world();
    const bg = boot();
    await bg.start();
    expect(net.sockets).toHaveLength(0);
    await request(bg, 'subscribeAsset', { asset: 'BTC' }, 12);
    await settle(bg);
    expect(net.sockets.map((s) => s.url).sort()).toEqual(
      [LIQ_FEEDS.binance.url, LIQ_FEEDS.bybit.url, LIQ_FEEDS.okx.url].sort(),
    );
    net.last(BYBIT).accept();
    net.last(BYBIT).push(frame(clock.now(), 'Sell', '10', '100'));
    clock.advance(1000);
    await settle(bg);
    const pushed = h.tabMessages.filter((m) => (m.message as { type: string }).type === 'realisedUpdated');
    expect(pushed.at(-1)?.tabId).toBe(12);
    const last = pushed.at(-1) as { message: { data: { asset: string; summary: unknown } } };
    const data = last.message.data;
    expect(data.asset).toBe('BTC');
    expect(RealisedSummarySchema.parse(data.summary).windows.h1.short).toBe(1000);
    expect(h.broadcasts.some((m) => (m as { type: string }).type === 'realisedUpdated')).toBe(true);
    const reply = await request(bg, 'getRealised', { asset: 'BTC' });
    expect(RealisedSummarySchema.parse(reply.summary).windows.h24.short).toBe(1000);
    expect((await request(bg, 'exportWsRecording', {})).jsonl).toContain('allLiquidation.BTCUSDT');
    await request(bg, 'unsubscribeAsset', { asset: 'BTC' }, 12);
    expect(net.sockets.every((s) => s.closed)).toBe(true);
    bg.dispose();
  });

  it('stores the bands of each new view and scores them against the prints that follow', async () => {
    const { net, clock, boot } = world();
    const bg = boot();
    await bg.start();
    await request(bg, 'subscribeAsset', { asset: 'BTC' }, 3);
    await settle(bg);
    await settleDb();
    net.last(BYBIT).accept();
    clock.advance(1000);
    // The sample view at 100 has a long band 97–98 and a short band 102–103; ±0.5 % of P is ±0.5.
    net.last(BYBIT).push(frame(clock.now(), 'Buy', '2', '98.4'));
    net.last(BYBIT).push(frame(clock.now(), 'Sell', '1', '101.6'));
    net.last(BYBIT).push(frame(clock.now(), 'Sell', '1', '101.4'));
    clock.advance(1000);
    await settle(bg);
    const reply = BandScoresReplySchema.parse(await request(bg, 'getBandScores', { asset: 'BTC' }));
    expect(reply.snapshots).toHaveLength(1);
    expect(reply.snapshots[0]).toMatchObject({ asset: 'BTC', time: T0, price: 100, modelVersion: '1' });
    expect(reply.scores.map((s) => [s.side, s.realisedUsd])).toEqual([
      ['long', 196.8],
      ['short', 101.6],
    ]);
    expect(reply.priceRanges).toEqual([{ time: T0 - 900_000, high: 101, low: 99 }]);
    // The bands' day is not over: no swept band counts yet, so no factor on either side.
    const { calibration } = await request(bg, 'getCalibration', { asset: 'BTC' });
    expect(CalibrationSchema.parse(calibration)).toEqual({
      long: { side: 'long', sweptBands: 0, estimatedUsd: 0, realisedUsd: 0, factor: null },
      short: { side: 'short', sweptBands: 0, estimatedUsd: 0, realisedUsd: 0, factor: null },
    });
    bg.dispose();
  });

  it('has no calibration to give without the realised service', async () => {
    const h = harness();
    const bg = createBackground(h.deps);
    await bg.start();
    expect(await request(bg, 'getCalibration', { asset: 'BTC' })).toEqual({ calibration: null });
    bg.dispose();
  });

  it('a realised alert rule fires once across tabs and not again within its cooldown after a restart', async () => {
    const indexedDB = new IDBFactory();
    const clock = fakeClock(T0);
    const { h, net, boot } = world(indexedDB, clock);
    await fakeBrowser.storage.sync.set({
      'liqlens:settings': {
        v: 1,
        data: {
          alerts: {
            realisedRules: [
              {
                id: 'big-shorts',
                asset: 'BTC',
                side: 'short',
                aboveUsd: 1000,
                withinMinutes: 5,
                cooldownMinutes: 30,
              },
            ],
          },
        },
      },
    });
    const bg = boot();
    await bg.start();
    await settle(bg);
    // The rule alone makes the worker watch BTC's feeds.
    expect(net.sockets).toHaveLength(3);
    await request(bg, 'subscribeAsset', { asset: 'BTC' }, 1);
    await request(bg, 'subscribeAsset', { asset: 'BTC' }, 2);
    await settleDb();
    net.last(BYBIT).accept();
    net.last(BYBIT).push(frame(clock.now(), 'Sell', '6', '100'));
    clock.advance(1000);
    await settle(bg);
    net.last(BYBIT).push(frame(clock.now(), 'Sell', '6', '100'));
    clock.advance(1000);
    await settle(bg);
    const fired = () => h.notices.filter((n) => n.id === 'liqlens:realised-alert:big-shorts');
    expect(fired()).toHaveLength(1);
    expect(fired()[0]?.notice.message).toMatch(/^\$1\.2K of shorts liquidated in the last 5 min \(realised/);
    bg.dispose();

    const again = boot();
    await again.start();
    await settle(again);
    await settleDb();
    net.last(BYBIT).accept();
    net.last(BYBIT).push(frame(clock.now(), 'Sell', '20', '100'));
    clock.advance(1000);
    await settle(again);
    expect(fired()).toHaveLength(1);
    again.dispose();
  });
});
