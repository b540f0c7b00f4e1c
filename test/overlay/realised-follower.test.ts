import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RealisedSummary } from '../../lib/liquidations/types';
import { createGuard } from '../../lib/overlay/guard';
import { createRealisedFollower, FADE_TICK_MS, REALISED_POLL_MS } from '../../lib/overlay/realised-follower';
import { velocityLine } from '../../lib/realised/velocity';
import { print, summary } from '../realised/summary-fixture';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function setup(answer: (asset: string) => Promise<RealisedSummary | null | undefined>) {
  const asked: string[] = [];
  const logged: string[] = [];
  let changes = 0;
  const follower = createRealisedFollower({
    request: (asset) => {
      asked.push(asset);
      return answer(asset);
    },
    now: () => Date.now(),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    guard: createGuard({ tag: 'test', log: (m) => logged.push(m), onInvalidated: () => {} }),
    onChange: () => {
      changes += 1;
    },
  });
  return { follower, asked, logged, changes: () => changes };
}

describe('createRealisedFollower', () => {
  it('asks for the asset at once and again every poll period', async () => {
    const s = summary({ marks: [] });
    const { follower, asked, changes } = setup(async () => s);
    follower.follow('BTC');
    await vi.advanceTimersByTimeAsync(0);
    expect(asked).toEqual(['BTC']);
    expect(follower.shown?.summary).toBe(s);
    expect(follower.shown?.velocity).toEqual(velocityLine(s));
    expect(changes()).toBe(1);
    await vi.advanceTimersByTimeAsync(REALISED_POLL_MS);
    expect(asked).toEqual(['BTC', 'BTC']);
    follower.dispose();
  });

  it('takes pushes for its asset only, and ticks while marks are shown so that they fade', async () => {
    const { follower } = setup(async () => null);
    follower.follow('BTC');
    await vi.advanceTimersByTimeAsync(0);
    expect(follower.shown).toBeNull();
    follower.onPush('ETH', summary({ asset: 'ETH' }));
    expect(follower.shown).toBeNull();
    const withMarks = summary({ marks: [print()] });
    follower.onPush('BTC', withMarks);
    const first = follower.shown;
    expect(first?.summary).toBe(withMarks);
    await vi.advanceTimersByTimeAsync(FADE_TICK_MS);
    expect(follower.shown?.summary).toBe(withMarks);
    expect(follower.shown?.now).toBe((first?.now ?? 0) + FADE_TICK_MS);
    follower.dispose();
  });

  it('a failed request keeps the last good summary; a new asset drops it', async () => {
    let fail = false;
    const s = summary();
    const { follower, logged } = setup(async () => {
      if (fail) throw new Error('worker gone');
      return s;
    });
    follower.follow('BTC');
    await vi.advanceTimersByTimeAsync(0);
    fail = true;
    await vi.advanceTimersByTimeAsync(REALISED_POLL_MS);
    expect(follower.shown?.summary).toBe(s);
    expect(logged.join('\n')).toContain('worker gone');
    follower.follow(null);
    expect(follower.shown).toBeNull();
    follower.dispose();
  });
});
