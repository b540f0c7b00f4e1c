import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createMemoryArea, type StorageAreaLike } from '../../lib/storage/area';
import { migrate } from '../../lib/storage/migrate';
import { parseWithFallback } from '../../lib/storage/repair';
import { defineVersionedItem } from '../../lib/storage/versioned-item';
import { z } from '../../lib/util/zod';

// A made-up second release: v1 stored `{ periodSeconds }`, v2 stores `{ refresh: { seconds, jitter } }`.
const V2Schema = z.strictObject({
  refresh: z.strictObject({ seconds: z.int().check(z.gte(30)), jitter: z.boolean() }),
});
type V2 = z.infer<typeof V2Schema>;
const V2_DEFAULT: V2 = { refresh: { seconds: 60, jitter: false } };
const migrations = {
  2: (old: unknown) => ({
    refresh: { seconds: (old as { periodSeconds: number }).periodSeconds, jitter: false },
  }),
};

const itemV2 = (area: StorageAreaLike = fakeBrowser.storage.local) =>
  defineVersionedItem<V2>({
    area,
    key: 'test:item',
    version: 2,
    migrations,
    parse: (data) => parseWithFallback(V2Schema, data, V2_DEFAULT),
    fallback: () => structuredClone(V2_DEFAULT),
  });

describe('versioned storage item', () => {
  beforeEach(() => fakeBrowser.reset());

  it('migrates a v1 value on read without writing', async () => {
    await fakeBrowser.storage.local.set({ 'test:item': { v: 1, data: { periodSeconds: 90 } } });
    const loaded = await itemV2().load();
    expect(loaded).toEqual({
      value: { refresh: { seconds: 90, jitter: false } },
      issues: [],
      storedVersion: 1,
    });
    expect((await fakeBrowser.storage.local.get('test:item'))['test:item']).toEqual({
      v: 1,
      data: { periodSeconds: 90 },
    });
  });

  it('upgrade() rewrites the stored value in the current version once', async () => {
    await fakeBrowser.storage.local.set({ 'test:item': { v: 1, data: { periodSeconds: 90 } } });
    expect(await itemV2().upgrade()).toBe(true);
    expect((await fakeBrowser.storage.local.get('test:item'))['test:item']).toEqual({
      v: 2,
      data: { refresh: { seconds: 90, jitter: false } },
    });
    expect(await itemV2().upgrade()).toBe(false);
  });

  it('a migrated value that fails validation falls back per field and is not rewritten', async () => {
    await fakeBrowser.storage.local.set({ 'test:item': { v: 1, data: { periodSeconds: 5 } } });
    const loaded = await itemV2().load();
    expect(loaded.value).toEqual(V2_DEFAULT);
    expect(loaded.issues.map((i) => i.path)).toEqual(['refresh.seconds']);
    expect(await itemV2().upgrade()).toBe(false);
  });

  it('a throwing or missing migration gives the defaults and says why', async () => {
    await fakeBrowser.storage.local.set({ 'test:item': { v: 1, data: null } });
    const thrown = await itemV2().load();
    expect(thrown.value).toEqual(V2_DEFAULT);
    expect(thrown.issues[0]?.message).toMatch(/^migration to version 2 failed: .*; defaults used$/);
    await fakeBrowser.storage.local.set({ 'test:item': { v: 0, data: {} } });
    expect((await itemV2().load()).issues[0]?.message).toBe(
      'no migration from version 0 to 1; defaults used',
    );
  });

  it('reads a value from a newer version as the current one, with a note', async () => {
    await fakeBrowser.storage.local.set({
      'test:item': { v: 3, data: { refresh: { seconds: 45, jitter: true } } },
    });
    const loaded = await itemV2().load();
    expect(loaded.value).toEqual({ refresh: { seconds: 45, jitter: true } });
    expect(loaded.issues).toEqual([
      { path: '', message: 'stored by a newer LiqLens (version 3); read as version 2' },
    ]);
  });

  it('watch() reports each new value; works over the in-memory area too', async () => {
    const area = createMemoryArea();
    const seen: unknown[] = [];
    const off = itemV2(area).watch((loaded) => seen.push(loaded.value));
    await itemV2(area).save({ refresh: { seconds: 31, jitter: true } });
    await itemV2(area).clear();
    off();
    await itemV2(area).save(V2_DEFAULT);
    expect(seen).toEqual([{ refresh: { seconds: 31, jitter: true } }, V2_DEFAULT]);
  });

  it('migrate() runs the steps in order', () => {
    const steps = { 1: (d: unknown) => `${d}a`, 2: (d: unknown) => `${d}b`, 3: (d: unknown) => `${d}c` };
    expect(migrate('', 0, 3, steps)).toEqual({ ok: true, value: 'abc' });
    expect(migrate('x', 2, 3, steps)).toEqual({ ok: true, value: 'xc' });
  });
});
