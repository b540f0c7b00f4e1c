import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const DIR = fileURLToPath(new URL('../../fixtures/api-samples/', import.meta.url));

/** A real response body from test/fixtures/api-samples/<name>.json, parsed fresh on every call. */
export function sample(name: string): unknown {
  return JSON.parse(readFileSync(`${DIR}${name}.json`, 'utf8'));
}
