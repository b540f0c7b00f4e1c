import path from 'node:path';

// Apart from harness.ts, which loads Playwright: the bench's case registry needs these paths without it.

export const ROOT = path.resolve(import.meta.dirname, '../../..');
/** Where `wxt build` writes the extension (LIQLENS_OUT_DIR moves it, as in wxt.config.ts). */
export const EXTENSION_DIR = path.resolve(ROOT, process.env.LIQLENS_OUT_DIR ?? '.output', 'chrome-mv3');
/** The extension the browsers load: the run's private copy (global-setup.ts) when there is one. */
export const loadedExtensionDir = () => process.env.LIQLENS_E2E_EXTENSION_DIR ?? EXTENSION_DIR;
export const CHROMIUM = process.env.LIQLENS_CHROMIUM ?? '/usr/bin/chromium';
