import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/**
 * The Playwright modules a fresh Node process holds after importing `module` (a path from the repository's root):
 * Playwright is CommonJS, so whatever of it loads lands in the require cache.
 */
function playwrightLoadedBy(module: string): string[] {
  const probe = `
    import { createRequire } from 'node:module';
    import { pathToFileURL } from 'node:url';
    await import(pathToFileURL(process.argv[1]).href);
    const cache = Object.keys(createRequire(import.meta.url).cache);
    console.log(JSON.stringify(cache.filter((file) => /node_modules[\\\\/]@?playwright/.test(file))));
  `;
  const result = spawnSync('node', ['--import', 'tsx', '--input-type=module', '-e', probe, module], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as string[];
}

describe('the bench case registry', () => {
  // Playwright's modules add some 30 MB to the heap: a heatmap measured in the same process took 10 ms more, the
  // collector marking the bigger heap while the run allocates. The browser cases load it when they run.
  it('loads no Playwright, whose heap would slow the Node cases measured beside it', () => {
    expect(playwrightLoadedBy('scripts/lib/bench/cases.ts')).toEqual([]);
  }, 60_000);

  it('is told apart from a module that does load it', () => {
    expect(playwrightLoadedBy('scripts/lib/bench/overlay-browser.ts').length).toBeGreaterThan(0);
  }, 60_000);
});
