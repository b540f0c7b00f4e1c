import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

describe('the README and CI', () => {
  it('.ci/run runs exactly the README test line', () => {
    const readmeLine = read('README.md')
      .split('\n')
      .find((line) => /^npm .*&& npm test\b/.test(line));
    const ciLine = read('.ci/run').trim().split('\n').at(-1);
    expect(readmeLine?.replace(/\s+#.*$/, '')).toBe(ciLine);
    expect(ciLine).toBe('npm ci && npm test');
  });

  it('installs with npm ci in every README line that installs', () => {
    const installs = read('README.md')
      .split('\n')
      .filter((line) => /^npm (ci|install)\b/.test(line));
    expect(installs.length).toBeGreaterThan(0);
    for (const line of installs) expect(line).toMatch(/^npm ci /);
  });
});
