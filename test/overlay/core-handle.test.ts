import { describe, expect, it } from 'vitest';
import { overlayCore } from '../../lib/overlay/core';
import { provideOverlayCore, takeOverlayCore } from '../../lib/overlay/core-handle';

describe('the overlay core between the shared script and a site’s script', () => {
  it('is what the shared script left, frozen, and null before it ran', () => {
    const scope = {};
    expect(takeOverlayCore(scope)).toBeNull();
    provideOverlayCore(scope, overlayCore);
    const core = takeOverlayCore(scope);
    expect(core?.createOverlayController).toBe(overlayCore.createOverlayController);
    expect(Object.isFrozen(core)).toBe(true);
    // Not enumerable: it does not show among the scope's own properties.
    expect(Object.keys(scope)).toEqual([]);
  });
});
