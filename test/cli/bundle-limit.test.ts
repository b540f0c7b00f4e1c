import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { oversizedContentScripts } from '../../scripts/lib/bundle-limit';

describe('the content scripts’ size limit', () => {
  it('names each built script over 60 kB, and only those', () => {
    const dir = mkdtempSync(join(tmpdir(), 'liqlens-bundle-'));
    mkdirSync(join(dir, 'content-scripts'));
    writeFileSync(join(dir, 'content-scripts', 'okx.js'), 'x'.repeat(60_000));
    writeFileSync(join(dir, 'content-scripts', 'binance.js'), 'x'.repeat(61_234));
    writeFileSync(join(dir, 'content-scripts', 'overlay.css'), 'x'.repeat(70_000));
    expect(oversizedContentScripts(dir)).toEqual(['binance.js: 61.2 kB > 60 kB']);
    expect(oversizedContentScripts(join(dir, 'nowhere'))).toEqual([]);
  });
});
