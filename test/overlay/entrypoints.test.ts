import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SITES } from '../../lib/sites';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('every site adapter has its overlay content script (style.md item 9)', () => {
  for (const site of SITES) {
    it(`entrypoints/${site.id}.content wires lib/sites/${site.id}`, () => {
      const file = path.join(ROOT, 'entrypoints', `${site.id}.content`, 'index.ts');
      expect(fs.existsSync(file)).toBe(true);
      const text = fs.readFileSync(file, 'utf8');
      expect(text).toContain(`from '../../lib/sites/${site.id}'`);
      expect(text).toContain(`import { ${site.id} as site }`);
      expect(text).toContain('matches: [...site.matches]');
      // The style sheet goes into the overlay's shadow root from the script itself: nothing injected into the page.
      expect(text).toContain("cssInjectionMode: 'manual'");
      expect(text).not.toContain('.css');
      // The logic and Preact come from the shared script, which the manifest lists first.
      expect(text).toContain('const core = takeOverlayCore(globalThis);');
      expect(text).toContain('mountOverlay(ctx, site, browser, core)');
    });
  }

  it('has one shared script on every site, which leaves the core and Preact for the sites’ scripts', () => {
    const text = fs.readFileSync(path.join(ROOT, 'entrypoints', 'overlay-core.content.ts'), 'utf8');
    expect(text).toContain('matches: ALL_SITE_MATCHES');
    expect(text).toContain('provideOverlayCore(globalThis, overlayCore)');
    expect(text).toContain('SHARED_PREACT_GLOBAL');
  });

  it('has no overlay content script for a site the registry does not know', () => {
    const ids = fs
      .readdirSync(path.join(ROOT, 'entrypoints'))
      .filter(
        (name) =>
          name.endsWith('.content') && fs.existsSync(path.join(ROOT, 'entrypoints', name, 'index.ts')),
      )
      .map((name) => name.slice(0, -'.content'.length));
    expect(ids.sort()).toEqual(SITES.map((s) => s.id).sort());
  });
});
