import { describe, expect, it } from 'vitest';
import { createFrameLook } from '../../lib/overlay/frame-look';

const pane = (left: number, top = 40, width = 800, height = 500) => ({ left, top, width, height });

describe('createFrameLook', () => {
  it('looks at the first pane, again only when the pane moves or resizes, and never for none', () => {
    let looks = 0;
    const look = createFrameLook(() => looks++);
    look.onPane(null);
    expect(looks).toBe(0);
    look.onPane(pane(10));
    expect(looks).toBe(1);
    // A pan: the same rect in new objects, frame after frame.
    for (let i = 0; i < 5; i++) look.onPane(pane(10));
    expect(looks).toBe(1);
    look.onPane(pane(10, 40, 790));
    expect(looks).toBe(2);
    look.onPane(pane(30, 40, 790));
    expect(looks).toBe(3);
  });

  it('looks again at the first pane after the bridge answers a new hello, and after a spell without one', () => {
    let looks = 0;
    const look = createFrameLook(() => looks++);
    look.onPane(pane(10));
    look.onReady();
    look.onPane(pane(10));
    expect(looks).toBe(2);
    look.onPane(null);
    look.onPane(pane(10));
    expect(looks).toBe(3);
  });
});
