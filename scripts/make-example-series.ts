/**
 * Writes the bundled example inputs of `npm run clusters` from the seeded synthetic generator:
 * test/fixtures/series/btc-example.json and btc-example-depth.json. Re-running reproduces them byte for byte.
 *
 *   npx tsx scripts/make-example-series.ts [--check]
 *
 * `--check` writes nothing and exits 1 when the committed files differ from what the generator gives.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { exampleFiles } from './lib/example-series';

const check = process.argv.includes('--check');
let stale = false;
for (const [path, text] of Object.entries(exampleFiles())) {
  if (check) {
    const current = await readFile(path, 'utf8').catch(() => '');
    if (current !== text) {
      process.stderr.write(`${path} differs from the generator's output\n`);
      stale = true;
    }
  } else {
    await writeFile(path, text);
    process.stdout.write(`wrote ${path} (${Math.round(text.length / 1024)} KB)\n`);
  }
}
if (stale) process.exitCode = 1;
