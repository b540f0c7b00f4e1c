/**
 * Writes the HAR fixtures: the real sources and engine, run against the venue simulator through the
 * recording fetch. Deterministic: the same code gives the same files.
 *
 *   npx tsx scripts/make-fixtures.ts [--out test/fixtures/har]
 *
 * - <venue>-btc.har        one venue, a cold refresh over a week of 15-minute history
 * - btc-all.har            all four venues: a cold refresh, then a warm one a minute later
 * - broken/<case>.har      all four venues over a day, one of them broken (scripts/lib/sim/fixture-cases.ts)
 * - hyperliquid-btc-oi-snapshots.json  what a background refreshing every 5 min would have recorded of
 *                          Hyperliquid's open interest over the 8 days before, to seed a snapshot store
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createMemoryOiSnapshotStore } from '../lib/engine/oi-snapshot-store';
import type { EngineState } from '../lib/engine/series-cache';
import { createLiveEngine } from '../lib/engine/setup';
import { createRecordingFetch } from '../lib/http/har-record';
import type { Venue } from '../lib/market/venue';
import { DEFAULT_PARAMS, type ModelParams } from '../lib/model/params';
import {
  BROKEN_CASES,
  BROKEN_WINDOW,
  FIXTURE_ASSET,
  FIXTURE_NOW,
  FIXTURE_SEED,
  FIXTURE_WINDOW,
  WARM_AFTER_MS,
} from './lib/sim/fixture-cases';
import { createBtcMarket, createSimulatorFetch, type Fault, simulatedSnapshots } from './lib/sim/index';

const VENUES: Venue[] = ['binance', 'bybit', 'okx', 'hyperliquid'];
const DAY = 86_400_000;

const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const outDir = outIndex >= 0 && args[outIndex + 1] ? (args[outIndex + 1] as string) : 'test/fixtures/har';

const market = createBtcMarket(FIXTURE_NOW + DAY, FIXTURE_SEED);

interface Recording {
  venues: Venue[];
  window: string;
  faults?: Fault[];
  /** Also a warm refresh this long after the cold one. */
  warmAfterMs?: number;
}

async function record({ venues, window, faults = [], warmAfterMs }: Recording): Promise<string> {
  let t = FIXTURE_NOW;
  const now = () => t;
  const sleep = async (ms: number) => {
    t += Math.max(0, ms);
  };
  const sim = createSimulatorFetch(market, { now, faults });
  const recorder = createRecordingFetch(sim, { now });
  const { engine } = createLiveEngine({
    fetch: recorder.fetch,
    now,
    sleep,
    random: () => 0.5,
    oiStore: createMemoryOiSnapshotStore(),
  });
  const params: ModelParams = { ...DEFAULT_PARAMS, window };
  const cold = await engine.refresh(FIXTURE_ASSET, params, { venues });
  report('cold', venues, cold.requests, cold.venues);
  if (warmAfterMs !== undefined) {
    t = Math.max(t, FIXTURE_NOW + warmAfterMs);
    const warm = await engine.refresh(FIXTURE_ASSET, params, { venues, previous: cold.state as EngineState });
    report('warm', venues, warm.requests, warm.venues);
  }
  return `${JSON.stringify(recorder.har(), null, 1)}\n`;
}

function report(
  what: string,
  venues: Venue[],
  requests: Record<string, { requests: number }>,
  views: { venue: Venue; status: string; message: string | null }[],
): void {
  const counts = Object.entries(requests)
    .map(([host, s]) => `${host} ${s.requests}`)
    .join(', ');
  const statuses = views
    .filter((v) => venues.includes(v.venue))
    .map((v) => `${v.venue}: ${v.status}${v.message ? ` (${v.message})` : ''}`)
    .join('; ');
  console.log(`  ${what}: ${counts} | ${statuses}`);
}

async function write(path: string, text: string): Promise<void> {
  await writeFile(path, text, 'utf8');
  console.log(`${path}  ${(text.length / 1024).toFixed(0)} kB`);
}

await mkdir(join(outDir, 'broken'), { recursive: true });
for (const venue of VENUES) {
  await write(join(outDir, `${venue}-btc.har`), await record({ venues: [venue], window: FIXTURE_WINDOW }));
}
await write(
  join(outDir, 'btc-all.har'),
  await record({ venues: VENUES, window: FIXTURE_WINDOW, warmAfterMs: WARM_AFTER_MS }),
);
for (const c of BROKEN_CASES) {
  await write(
    join(outDir, 'broken', `${c.name}.har`),
    await record({ venues: VENUES, window: BROKEN_WINDOW, faults: c.faults }),
  );
}
const snapshots = simulatedSnapshots(market, 'hyperliquid', FIXTURE_NOW - 8 * DAY, FIXTURE_NOW - 60_000);
await write(join(outDir, 'hyperliquid-btc-oi-snapshots.json'), `${JSON.stringify(snapshots)}\n`);
