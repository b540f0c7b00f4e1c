import { describe, expect, it } from 'vitest';
import { cornerPlacement, viewportRect } from '../../lib/overlay/anchor';

const pane = { left: 100, top: 80, width: 800, height: 401 };
const viewport = { width: 1280, height: 800 };

describe('cornerPlacement', () => {
  it('sticks to the two sides of its corner, 8 px inside the rect', () => {
    expect(cornerPlacement(pane, 'top-right', viewport)).toEqual({
      right: 388,
      top: 88,
      maxHeight: 385,
      maxWidth: 784,
    });
    expect(cornerPlacement(pane, 'top-left', viewport)).toEqual({
      left: 108,
      top: 88,
      maxHeight: 385,
      maxWidth: 784,
    });
    // Bottom: 800 − (80 + 401) + 8 = 327.
    expect(cornerPlacement(pane, 'bottom-right', viewport)).toMatchObject({ right: 388, bottom: 327 });
    expect(cornerPlacement(pane, 'bottom-left', viewport)).toMatchObject({ left: 108, bottom: 327 });
  });

  it('never offers negative room', () => {
    expect(cornerPlacement({ left: 0, top: 0, width: 10, height: 10 }, 'top-left', viewport)).toMatchObject({
      maxHeight: 0,
      maxWidth: 0,
    });
  });
});

describe('viewportRect', () => {
  it('is the whole viewport', () => {
    expect(viewportRect(viewport)).toEqual({ left: 0, top: 0, width: 1280, height: 800 });
  });
});
