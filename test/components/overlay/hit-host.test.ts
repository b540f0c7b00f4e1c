// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createHitHost, type HitHover } from '../../../components/overlay/hit-host';
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
});
