import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assertBuilt, EXTENSION_DIR } from '../../scripts/lib/browser/harness';
import { oversizedContentScripts } from '../../scripts/lib/bundle-limit';

/**
 * Copies the built extension to a private directory for this run, so that a `wxt build` started
 * meanwhile (another terminal, the demo) cannot swap files under a running browser. Workers read the
 * copy's path from LIQLENS_E2E_EXTENSION_DIR; the teardown removes it. It also holds every content script to the
 * 60 kB limit (`scripts/lib/bundle-limit.ts`): the end-to-end tests run after a build, the unit tests without one.
 */
export default function globalSetup(): () => void {
  assertBuilt(EXTENSION_DIR);
  const oversized = oversizedContentScripts(EXTENSION_DIR);
  if (oversized.length > 0) throw new Error(`content scripts over the size limit: ${oversized.join('; ')}`);
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'liqlens-ext-'));
  fs.cpSync(EXTENSION_DIR, copy, { recursive: true });
  process.env.LIQLENS_E2E_EXTENSION_DIR = copy;
  return () => fs.rmSync(copy, { recursive: true, force: true });
}
