// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BandCanvas } from '../../../components/overlay/BandCanvas';
import type { PaintPlan } from '../../../lib/overlay/paint-plan';

/** Counts the frames painted: every paint starts by clearing the whole bitmap. */
function stubContext() {
  let clears = 0;
  const ctx = new Proxy(
    {},
    {
      get: (_target, key) =>
        key === 'clearRect'
          ? () => {
              clears += 1;
            }
          : key === 'measureText'
            ? () => ({ width: 10, actualBoundingBoxAscent: 8, actualBoundingBoxDescent: 2 })
            : () => undefined,
      set: () => true,
    },
  );
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(ctx as never);
  return { clears: () => clears };
}

const plan = (): PaintPlan => ({
  width: 800,
  height: 401,
  dpr: 1,
  font: '11px system-ui',
  bands: [],
  labels: [],
  lines: [],
});

describe('BandCanvas', () => {
  const host = document.createElement('div');
  afterEach(() => {
    render(null, host);
    vi.restoreAllMocks();
  });

  it('keeps its bitmap for a plan that paints the same, and paints again when the browser restores a lost context', () => {
    const painted = stubContext();
    render(<BandCanvas plan={plan()} onError={() => {}} />, host);
    expect(painted.clears()).toBe(1);
    render(<BandCanvas plan={plan()} onError={() => {}} />, host);
    expect(painted.clears(), 'an equal plan keeps the bitmap').toBe(1);
    host.querySelector('canvas')?.dispatchEvent(new Event('contextrestored'));
    expect(painted.clears(), 'a restored (blank) context is painted again').toBe(2);
  });
});
