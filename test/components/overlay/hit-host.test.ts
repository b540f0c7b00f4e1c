// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import {
  createHitHost,
  HIT_RECHECK_MS,
  HIT_SETTLE_MS,
  type HitHover,
  type Later,
} from '../../../components/overlay/hit-host';
import type { LaidOut } from '../../../lib/overlay/layers/painter';
import type { AnyLayer, HitTarget } from '../../../lib/overlay/layers/types';
import { paneFrame } from '../../overlay/fixtures';

const frame = paneFrame({ dpr: 1 });

/** A layer whose layout is its list of hits. */
const layer: AnyLayer = {
  id: 'bands',
  surfaces: ['pane'],
  layout: (hits: HitTarget[]) => hits,
  same: () => false,
  paint: () => undefined,
  hits: (hits: HitTarget[]) => hits,
};
const laid = (hits: HitTarget[]): LaidOut[] => [{ layer, layout: hits }];
const strip = (top: number, data: HitTarget['data'] = { 'liqlens-band': 'long' }): HitTarget => ({
  key: 'long:1:2',
  left: 786,
  top,
  width: 14,
  height: 8,
  data,
  hover: 'Longs 1–2',
});
const hook: HitTarget = { key: 'profile', left: 0, top: 0, width: 0, height: 0, data: { bins: '3' } };

describe('the hit host', () => {
  it('keeps one element per key, moves it in place, and removes it when its key is gone', () => {
    const container = document.createElement('div');
    const events: (string | null)[] = [];
    const hover: { current: HitHover } = { current: (key) => events.push(key) };
    const host = createHitHost(hover);
    host.sync(container, laid([strip(10), hook]), frame);
    const el = container.querySelector<HTMLElement>('[data-liqlens-band]');
    expect([el?.className, el?.getAttribute('role'), el?.getAttribute('aria-label')]).toEqual([
      'hit',
      'img',
      'Longs 1–2',
    ]);
    expect([el?.style.left, el?.style.top, el?.style.width, el?.style.height]).toEqual([
      '786px',
      '10px',
      '14px',
      '8px',
    ]);
    const hookEl = container.querySelector<HTMLElement>('[data-liqlens-hook="profile"]');
    expect([hookEl?.className, hookEl?.dataset.bins]).toEqual(['hook', '3']);

    host.sync(container, laid([strip(20, { 'liqlens-band': 'long', clipped: null })]), frame);
    expect(container.querySelector('[data-liqlens-band]')).toBe(el);
    expect(el?.style.top).toBe('20px');
    expect(container.querySelector('[data-liqlens-hook]')).toBeNull();

    host.sync(container, laid([strip(20, { 'liqlens-band': 'long', clipped: 'top' })]), frame);
    expect(el?.dataset.clipped).toBe('top');
    host.sync(container, laid([strip(20, { 'liqlens-band': 'long', clipped: null })]), frame);
    expect(el?.hasAttribute('data-clipped')).toBe(false);

    el?.dispatchEvent(new MouseEvent('mouseenter'));
    el?.dispatchEvent(new MouseEvent('mouseleave'));
    expect(events).toEqual(['long:1:2', null]);

    host.sync(container, [], null);
    expect(container.children).toHaveLength(0);
  });

  describe('a pan (syncSettled)', () => {
    /** A clock and a timer queue the test moves by hand. */
    function manualTime() {
      let t = 0;
      let fired = 0;
      const timers: { at: number; fn: () => void; live: boolean }[] = [];
      const later: Later = (fn, ms) => {
        const timer = { at: t + ms, fn, live: true };
        timers.push(timer);
        return () => {
          timer.live = false;
        };
      };
      const advance = (ms: number) => {
        const until = t + ms;
        for (;;) {
          const next = timers.filter((x) => x.live && x.at <= until).sort((a, b) => a.at - b.at)[0];
          if (!next) break;
          t = next.at;
          next.live = false;
          fired++;
          next.fn();
        }
        t = until;
      };
      return {
        later,
        now: () => t,
        advance,
        live: () => timers.filter((x) => x.live).length,
        armed: () => timers.length,
        fired: () => fired,
      };
    }
    const noHover: { current: HitHover } = { current: () => undefined };
    /** A host on a manual clock whose strip was written at `top`. */
    const panFrom = (top: number) => {
      const time = manualTime();
      const container = document.createElement('div');
      const host = createHitHost(noHover, time.later, time.now);
      host.sync(container, laid([strip(top)]), frame);
      return { time, container, host };
    };
    const topOf = (container: HTMLElement) =>
      container.querySelector<HTMLElement>('[data-liqlens-band]')?.style.top;

    it('writes the latest frame’s targets once the frames stop, with one timer for the whole pan', () => {
      const { time, container, host } = panFrom(10);
      for (let i = 1; i <= 30; i++) {
        host.syncSettled(container, laid([strip(10 + i)]), frame);
        time.advance(16);
        expect(topOf(container), `frame ${i}`).toBe('10px');
        expect(time.live()).toBeLessThanOrEqual(1);
      }
      // Without word from the bridge: nothing before the quiet time, then the timer's next look writes them.
      time.advance(HIT_SETTLE_MS - 17);
      expect(topOf(container)).toBe('10px');
      time.advance(HIT_RECHECK_MS);
      expect(topOf(container)).toBe('40px');
      expect(time.live()).toBe(0);
      // 30 frames of 16 ms: one timer at a time, every re-check, never one a frame.
      expect(time.armed()).toBeLessThanOrEqual(1 + Math.ceil((30 * 16) / HIT_RECHECK_MS));
    });

    it('leaves a pan that pauses for a frame now and then (a flush each time) without a timer task', () => {
      const { time, container, host } = panFrom(10);
      for (let i = 1; i <= 60; i++) {
        host.syncSettled(container, laid([strip(10 + i)]), frame);
        // The bridge's `still` after every tenth frame: the strips are written then, and the timer is dropped.
        if (i % 10 === 0) {
          host.flush();
          expect(topOf(container)).toBe(`${10 + i}px`);
        }
        time.advance(16);
      }
      expect(time.fired()).toBe(0);
    });

    it('writes them at once when the bridge says the chart stopped (flush), leaving the timer nothing', () => {
      const { time, container, host } = panFrom(10);
      host.syncSettled(container, laid([strip(20)]), frame);
      time.advance(16);
      host.syncSettled(container, laid([strip(30)]), frame);
      host.flush();
      expect(topOf(container)).toBe('30px');
      expect(time.live()).toBe(0);
      host.flush();
      time.advance(HIT_RECHECK_MS * 2);
      expect(topOf(container)).toBe('30px');
    });

    it('drops a waiting frame when a sync writes a newer one, and when disposed', () => {
      const { time, container, host } = panFrom(10);
      host.syncSettled(container, laid([strip(20)]), frame);
      host.sync(container, laid([strip(30)]), frame);
      time.advance(HIT_SETTLE_MS * 2);
      expect(topOf(container)).toBe('30px');
      host.syncSettled(container, laid([strip(40)]), frame);
      host.dispose();
      time.advance(HIT_SETTLE_MS * 2);
      expect(topOf(container)).toBe('30px');
      expect(time.live()).toBe(0);
    });
  });
});
