import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assertBuilt, EXTENSION_DIR } from '../../scripts/lib/browser/harness';

/**
 * Copies the built extension to a private directory for this run, so that a `wxt build` started
 * meanwhile (another terminal, the demo) cannot swap files under a running browser. Workers read the
 * copy's path from LIQLENS_E2E_EXTENSION_DIR; the teardown removes it.
 */
export default function globalSetup(): () => void {
  assertBuilt(EXTENSION_DIR);
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'liqlens-ext-'));
  fs.cpSync(EXTENSION_DIR, copy, { recursive: true });
  process.env.LIQLENS_E2E_EXTENSION_DIR = copy;
  return () => fs.rmSync(copy, { recursive: true, force: true });
}
