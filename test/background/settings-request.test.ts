import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultSettings } from '../../lib/settings/schema';
import { createSettingsStore } from '../../lib/settings/store';
import { harness, request } from './harness';

describe('background: getSettings (what a chart tab draws with)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('answers the stored settings as just saved, with the CoinGlass key left out', async () => {
    const bg = harness().boot();
    await bg.start();
    const store = createSettingsStore({ shared: fakeBrowser.storage.sync, local: fakeBrowser.storage.local });
    const saved = {
      ...defaultSettings(),
      coinglassKey: 'a'.repeat(32),
      display: { ...defaultSettings().display, bandsPerSide: 5 },
    };
    expect((await store.save(saved)).ok).toBe(true);
    const answer = await request(bg, 'getSettings', {}, 3);
    expect(answer.display).toEqual(saved.display);
    expect(answer.coinglassKey).toBeNull();
    expect(JSON.stringify(answer)).not.toContain('a'.repeat(32));
  });

  it('answers the defaults over empty storage, and refuses data it does not take', async () => {
    const bg = harness().boot();
    await bg.start();
    expect(await request(bg, 'getSettings', {})).toEqual({ ...defaultSettings(), coinglassKey: null });
    // Data it does not take is not a request it answers (the dispatcher's rule for every request).
    expect(bg.handle({ type: 'getSettings', data: { all: true } }, {})).toBeUndefined();
  });
});
