import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { REFRESH_ALARM } from '../../lib/background/scheduler';
import { harness, request, sampleState, settle, T0 } from './harness';

const PERIOD = 60_000;

describe('worker restart', () => {
  beforeEach(() => fakeBrowser.reset());

  it('a killed and restarted worker serves the cached view at once and resumes its schedule', async () => {
    const h = harness();
    const first = h.boot();
    await first.start();
    await request(first, 'subscribeAsset', { asset: 'BTC' }, 5);
    await settle(first);
    const armed = await fakeBrowser.alarms.get(REFRESH_ALARM);
    // The browser stops the worker: its memory is gone, storage and alarms stay.
    first.dispose();
    h.clock.advance(20_000);
    const second = h.boot();
    await second.start();
    expect(await fakeBrowser.alarms.get(REFRESH_ALARM)).toEqual(armed);
    const reply = await request(second, 'getView', { asset: 'BTC' });
    expect(reply).toMatchObject({ stale: false, refreshing: false, entry: { viewAt: T0, error: null } });
    expect(reply.entry?.view?.price).toBe(100);
    expect(h.fake.calls).toHaveLength(1);
    // Not due yet: the restarted worker knows when BTC was last refreshed.
    await request(second, 'subscribeAsset', { asset: 'BTC' }, 5);
    await settle(second);
    expect(h.fake.calls).toHaveLength(1);
    h.clock.advance(PERIOD - 20_000);
    await second.onAlarm(REFRESH_ALARM);
    await settle(second);
    expect(h.fake.calls).toHaveLength(2);
    expect(h.tabMessages.at(-1)?.tabId).toBe(5);
    expect(h.fake.calls[1]?.previous).toEqual(sampleState('BTC', T0));
  });

  it('re-creates a lost alarm on start, and start() is idempotent', async () => {
    const h = harness();
    const bg = h.boot();
    await bg.start();
    await fakeBrowser.alarms.clearAll();
    await bg.start();
    const armed = await fakeBrowser.alarms.get(REFRESH_ALARM);
    expect(armed).toMatchObject({ name: REFRESH_ALARM, periodInMinutes: 1 });
    h.clock.advance(30_000);
    await h.boot().start();
    expect(await fakeBrowser.alarms.getAll()).toEqual([armed]);
  });

  it('a worker stopped during a refresh does not block the next one', async () => {
    const h = harness({ manual: true });
    const first = h.boot();
    await request(first, 'subscribeAsset', { asset: 'BTC' }, 1);
    await new Promise((r) => setTimeout(r, 0));
    expect(h.fake.waiting()).toBe(1);
    first.dispose();
    const second = h.boot();
    await request(second, 'subscribeAsset', { asset: 'BTC' }, 1);
    await new Promise((r) => setTimeout(r, 0));
    expect(h.fake.calls).toHaveLength(2);
    h.fake.resolveNext();
    h.fake.resolveNext();
    await settle(second);
    expect((await request(second, 'getView', { asset: 'BTC' })).entry?.view).not.toBeNull();
  });
});
