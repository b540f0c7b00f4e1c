import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../entrypoints/background/index';
import { REFRESH_ALARM } from '../../lib/background/scheduler';
import { createMessenger } from '../../lib/messages/client';
import { STORAGE_KEYS } from '../../lib/storage/keys';
import { sampleView } from '../fixtures/views';

describe('background entrypoint', () => {
  beforeEach(() => fakeBrowser.reset());

  it('arms the refresh alarm and answers messages from storage through runtime messaging', async () => {
    const entry = {
      asset: 'BTC',
      view: sampleView(),
      viewAt: Date.now(),
      checkedAt: Date.now(),
      error: null,
      failures: [],
    };
    await fakeBrowser.storage.local.set({ [STORAGE_KEYS.view('BTC')]: { v: 1, data: entry } });
    // fakeBrowser has no permissions events; the worker only registers listeners on them.
    const event = { addListener: () => {}, removeListener: () => {}, hasListener: () => false };
    Object.assign(fakeBrowser.permissions, { onAdded: event, onRemoved: event });
    background.main();
    const messenger = createMessenger((message) => fakeBrowser.runtime.sendMessage(message));
    const reply = await messenger.request('getView', { asset: 'BTC' });
    expect(reply).toMatchObject({
      ok: true,
      value: { asset: 'BTC', stale: false, entry: { viewAt: entry.viewAt } },
    });
    expect(await fakeBrowser.alarms.get(REFRESH_ALARM)).toMatchObject({ periodInMinutes: 1 });
    // Not ours: left unanswered.
    expect(await fakeBrowser.runtime.sendMessage({ hello: 'world' })).toBeUndefined();
  });
});
