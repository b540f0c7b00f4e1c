/**
 * Preact travels in the overlay's shared content script (entrypoints/overlay-core.content.ts), not in every site's:
 * a site's script is built with these packages external, read from this global of the content scripts' isolated
 * world (wxt.config.ts). The names here are the one place both sides agree on.
 */
export const SHARED_PREACT_GLOBAL = 'liqlensPreact';

export const SHARED_PREACT_PACKAGES = {
  preact: `${SHARED_PREACT_GLOBAL}.preact`,
  'preact/hooks': `${SHARED_PREACT_GLOBAL}.hooks`,
  'preact/jsx-runtime': `${SHARED_PREACT_GLOBAL}.jsxRuntime`,
} as const;
