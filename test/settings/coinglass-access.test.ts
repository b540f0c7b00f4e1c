import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  COINGLASS_ORIGINS,
  coinglassUsable,
  type PermissionsLike,
  saveCoinglassKey,
} from '../../lib/settings/coinglass-access';
import { createSettingsStore } from '../../lib/settings/store';

const KEY = 'abcdef0123456789abcdef0123456789';

function fakePermissions(answer: boolean) {
  const granted = new Set<string>();
  const calls: string[] = [];
  const permissions: PermissionsLike = {
    request(p) {
      calls.push(`request ${p.origins.join(',')}`);
      if (answer) for (const o of p.origins) granted.add(o);
      return Promise.resolve(answer);
    },
    contains: (p) => Promise.resolve(p.origins.every((o) => granted.has(o))),
    remove(p) {
      calls.push(`remove ${p.origins.join(',')}`);
      for (const o of p.origins) granted.delete(o);
      return Promise.resolve(true);
    },
  };
  return { permissions, calls };
}

const store = () =>
  createSettingsStore({ shared: fakeBrowser.storage.sync, local: fakeBrowser.storage.local });

describe('saveCoinglassKey', () => {
  beforeEach(() => fakeBrowser.reset());

  it('asks for the CoinGlass host synchronously (inside the user gesture), then saves', async () => {
    const { permissions, calls } = fakePermissions(true);
    const pending = saveCoinglassKey({ key: KEY, permissions, store: store() });
    expect(calls).toEqual([`request ${COINGLASS_ORIGINS[0]}`]);
    expect(await pending).toEqual({ ok: true, value: 'saved' });
    expect((await store().load()).settings.coinglassKey).toBe(KEY);
    expect(await coinglassUsable(KEY, permissions)).toBe(true);
  });

  it('does not save the key when the permission is refused', async () => {
    const { permissions } = fakePermissions(false);
    const result = await saveCoinglassKey({ key: KEY, permissions, store: store() });
    expect(result.ok).toBe(false);
    expect((await store().load()).settings.coinglassKey).toBeNull();
    expect(await coinglassUsable(KEY, permissions)).toBe(false);
  });

  it('rejects a malformed key without asking', async () => {
    const { permissions, calls } = fakePermissions(true);
    const result = await saveCoinglassKey({ key: 'not a key', permissions, store: store() });
    expect(result.ok).toBe(false);
    expect(calls).toEqual([]);
  });

  it('an empty key clears it and gives the permission back', async () => {
    const { permissions, calls } = fakePermissions(true);
    await saveCoinglassKey({ key: KEY, permissions, store: store() });
    expect(await saveCoinglassKey({ key: '  ', permissions, store: store() })).toEqual({
      ok: true,
      value: 'cleared',
    });
    expect((await store().load()).settings.coinglassKey).toBeNull();
    expect(calls.at(-1)).toBe(`remove ${COINGLASS_ORIGINS[0]}`);
    expect(await coinglassUsable(null, permissions)).toBe(false);
  });
});
