import { describe, expect, it, vi } from 'vitest';
import { createTabSettings, LOAD_TRIES, RETRY_MS } from '../../lib/overlay/tab-settings';
import { defaultSettings, type Settings } from '../../lib/settings/schema';
import { createMemoryArea } from '../../lib/storage/area';
import { STORAGE_KEYS } from '../../lib/storage/keys';
import { err, ok, type Result } from '../../lib/util/result';

const settings = (bandsPerSide: number): Settings => ({
  ...defaultSettings(),
  display: { ...defaultSettings().display, bandsPerSide },
});

function setup(answers: (() => Promise<Result<Settings, string>>)[]) {
  const area = createMemoryArea();
  const asked: unknown[] = [];
  const reports: unknown[] = [];
  const source = createTabSettings({
    requester: {
      request: (async (type: string, data: unknown) => {
        asked.push([type, data]);
        const next = answers.shift();
        return next ? next() : err('no more answers');
      }) as never,
    },
    changes: area.onChanged,
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    report: (cause) => reports.push(cause),
  });
  return { area, asked, reports, source };
}

describe('a chart tab’s settings, from the worker', () => {
  it('asks the worker, and again after a failure while the worker starts', async () => {
    vi.useFakeTimers();
    try {
      const { source, asked } = setup([
        async () => err('getSettings: the background did not answer'),
        async () => ok(settings(4)),
      ]);
      const loading = source.load();
      await vi.advanceTimersByTimeAsync(RETRY_MS);
      expect(await loading).toEqual(settings(4));
      expect(asked).toEqual([
        ['getSettings', {}],
        ['getSettings', {}],
      ]);
    } finally {
      vi.useRealTimers();
    }
  });

  it(`gives up after ${LOAD_TRIES} tries with the worker's words`, async () => {
    vi.useFakeTimers();
    try {
      const { source } = setup(Array.from({ length: LOAD_TRIES }, () => async () => err('getSettings: no')));
      const loading = source.load().catch((cause: Error) => cause.message);
      await vi.advanceTimersByTimeAsync(LOAD_TRIES * RETRY_MS);
      expect(await loading).toBe('getSettings: no');
    } finally {
      vi.useRealTimers();
    }
  });

  it('asks again when the stored settings change, not for other keys, and keeps only the latest answer', async () => {
    let release: (value: Result<Settings, string>) => void = () => {};
    const slow = new Promise<Result<Settings, string>>((resolve) => {
      release = resolve;
    });
    const { area, source, asked, reports } = setup([
      () => slow,
      async () => ok(settings(6)),
      async () => err('gone'),
    ]);
    const seen: Settings[] = [];
    const stop = source.watch((next) => seen.push(next));
    await area.set({ [STORAGE_KEYS.watches]: {} });
    expect(asked).toEqual([]);
    await area.set({ [STORAGE_KEYS.settings]: { v: 1, data: {} } });
    await area.set({ [STORAGE_KEYS.settings]: { v: 1, data: { x: 1 } } });
    await vi.waitFor(() => expect(seen).toEqual([settings(6)]));
    release(ok(settings(5)));
    await slow;
    await Promise.resolve();
    expect(seen).toEqual([settings(6)]);
    await area.set({ [STORAGE_KEYS.settings]: { v: 1, data: { x: 2 } } });
    await vi.waitFor(() => expect(reports).toHaveLength(1));
    expect(seen).toEqual([settings(6)]);
    stop();
    await area.set({ [STORAGE_KEYS.settings]: { v: 1, data: { x: 3 } } });
    expect(asked).toHaveLength(3);
  });
});
