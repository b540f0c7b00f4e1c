import type { overlayCore } from './core';

export type OverlayCore = typeof overlayCore;

/**
 * Where the shared script leaves the overlay core: a property of the content scripts' own global (the extension's
 * isolated world, which the page cannot see). Only this extension's content scripts share it.
 */
const CORE_KEY = 'liqlensOverlayCore';

export function provideOverlayCore(scope: object, core: OverlayCore): void {
  Object.defineProperty(scope, CORE_KEY, { value: Object.freeze(core), configurable: true });
}

/** The core the shared script left, or null when it has not run (the manifest lists it before the sites' scripts). */
export function takeOverlayCore(scope: object): OverlayCore | null {
  const core = (scope as Record<string, unknown>)[CORE_KEY];
  return core ? (core as OverlayCore) : null;
}
