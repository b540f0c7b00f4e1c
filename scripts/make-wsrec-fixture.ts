import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { simulateLiquidations, toJsonl, WSREC_FIXTURE } from './lib/ws-sim';

// Writes the example liquidation recording from the WebSocket simulator; `--check` compares instead.
const text = toJsonl(simulateLiquidations(WSREC_FIXTURE.options).records);
if (process.argv.includes('--check')) {
  const current = await readFile(WSREC_FIXTURE.path, 'utf8').catch(() => '');
  if (current !== text) {
    process.stderr.write(`${WSREC_FIXTURE.path} is out of date: run npx tsx scripts/make-wsrec-fixture.ts\n`);
    process.exitCode = 1;
  }
} else {
  await mkdir(dirname(WSREC_FIXTURE.path), { recursive: true });
  await writeFile(WSREC_FIXTURE.path, text, 'utf8');
  process.stdout.write(`wrote ${WSREC_FIXTURE.path}\n`);
}
