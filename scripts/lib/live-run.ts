import { mkdir, readFile, writeFile } from 'node:fs/promises';
import {
  createFileOiSnapshotStore,
  createMemoryOiSnapshotStore,
  OiSnapshotListSchema,
  type OiSnapshotStore,
} from '../../lib/engine/oi-snapshot-store';
import { EngineInputError, type RefreshResult } from '../../lib/engine/pipeline';
import { createLiveEngine, createVirtualClock } from '../../lib/engine/setup';
import { parseHarText } from '../../lib/http/har';
import { createHarFetch, harNow } from '../../lib/http/har-replay';
import type { FetchLike } from '../../lib/http/types';
import { withoutCredentials } from '../../lib/http/without-credentials';
import { VENUE_LABEL, VENUES, type Venue } from '../../lib/market/venue';
import { ClusterViewSchema } from '../../lib/model/cluster-view';
import { ModelInputError } from '../../lib/model/errors';
import { DEFAULT_PARAMS, type ModelParams, resolveParams } from '../../lib/model/params';
import { clusterReport } from '../../lib/report/cluster-report';
import { terminalSafe, terminalSafeJson } from '../../lib/report/terminal-safe';
import { CliError, type CliIo, EXIT, firstLine } from './cli-io';
import { parseJson, parseWithSchema, readJsonFile } from './read-json';
import { zodLine } from './zod-line';

/** The live-fetching flags of `npm run clusters`, added to its table. */
export const LIVE_FLAGS = [
  {
    name: 'symbol',
    kind: 'string',
    value: 'ASSET',
    help: 'fetch live from the venues: BTC, ETH, SOL… (BTCUSDT, BTC-USDT-SWAP also read as BTC)',
  },
  {
    name: 'venues',
    kind: 'string',
    value: 'LIST',
    help: `venues to fetch, comma-separated (default ${VENUES.join(',')})`,
  },
  {
    name: 'har',
    kind: 'string',
    value: 'FILE',
    help: 'answer the venues from a HAR recording instead of the network ("now" is the recording\'s)',
  },
  {
    name: 'export-series',
    kind: 'string',
    value: 'FILE',
    help: 'write the fetched liqlens.series/1 input to FILE',
  },
  {
    name: 'oi-store',
    kind: 'string',
    value: 'DIR',
    help: 'where Hyperliquid open-interest snapshots are kept between runs (default .cache/liqlens/oi)',
  },
  {
    name: 'oi-snapshots',
    kind: 'string',
    value: 'FILE',
    help: 'with --har: seed Hyperliquid\'s snapshots from a JSON list [{"time","oi"}]',
  },
] as const;

export const LIVE_USAGE =
  'npm run clusters -- --symbol BTC [--venues binance,okx] [--har FILE] [--export-series FILE] [--params JSON] [--json]';

export const LIVE_NOTES = [
  'Live: one request burst per venue, about 33 in all for a week of 15m candles. A CoinGlass second',
  'opinion is added when LIQLENS_COINGLASS_KEY is set in the environment (the key is never printed).',
  'Exit 3: no venue could be reached. Example: npm run clusters -- --har test/fixtures/har/btc-all.har',
];

/** What live runs touch beyond `CliIo`; defaults are Node's. Tests pass stand-ins as extra `io` fields. */
export interface LiveDeps {
  fetch: FetchLike;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  writeFile: (path: string, text: string) => Promise<void>;
  env: Record<string, string | undefined>;
  /** A snapshot store for live runs (default: files under --oi-store). */
  oiStore?: OiSnapshotStore;
}

export interface LiveFlags {
  symbol: string | undefined;
  venues: string | undefined;
  har: string | undefined;
  'export-series': string | undefined;
  'oi-store': string | undefined;
  'oi-snapshots': string | undefined;
  params: string | undefined;
  json: boolean;
}

/** Live-only flags without --symbol or --har are a mistake worth saying. */
export function rejectLiveOnly(flags: LiveFlags): void {
  for (const name of ['venues', 'export-series', 'oi-store', 'oi-snapshots'] as const) {
    if (flags[name] !== undefined) throw new CliError(`--${name} goes with --symbol or --har`);
  }
}

/** `BTC`, `btc`, `BTCUSDT`, `BTC-USDT-SWAP`, `BTC/USDT` → `BTC`. */
export function assetFromSymbol(text: string): string {
  let s = text
    .trim()
    .toUpperCase()
    .replace(/-SWAP$/, '');
  s = s.replace(/[-/:_]?(USDT|USDC|USD)$/, '') || s;
  if (!/^[A-Z0-9]{1,20}$/.test(s)) {
    throw new CliError(`--symbol: expected a base asset such as BTC, got "${text}"`);
  }
  return s;
}

export function parseVenues(text: string | undefined): Venue[] {
  if (text === undefined) return [...VENUES];
  const names = text
    .split(',')
    .map((v) => v.trim().toLowerCase())
    .filter(Boolean);
  if (names.length === 0) throw new CliError('--venues: expected a comma-separated list such as binance,okx');
  for (const name of names) {
    if (!(VENUES as readonly string[]).includes(name)) {
      throw new CliError(`--venues: unknown venue "${name}" (known: ${VENUES.join(', ')})`);
    }
  }
  return names.filter((v, i) => names.indexOf(v) === i) as Venue[];
}

function liveParams(text: string | undefined): ModelParams {
  const overrides = text === undefined ? {} : parseJson(text, '--params');
  if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) {
    throw new CliError('--params: expected a JSON object such as {"movePct":5}');
  }
  const resolved = resolveParams(overrides);
  if (!resolved.ok) {
    const unknown = resolved.error.issues.some((issue) => issue.code === 'unrecognized_keys');
    const known = unknown ? ` (known: ${Object.keys(DEFAULT_PARAMS).join(', ')})` : '';
    throw new CliError(`${zodLine(resolved.error, '--params')}${known}`);
  }
  return resolved.params;
}

function nodeDeps(): LiveDeps {
  return {
    fetch: withoutCredentials((url, init) => globalThis.fetch(url, init)),
    now: Date.now,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    writeFile: (path, text) => writeFile(path, text, 'utf8'),
    env: process.env,
  };
}

/**
 * `npm run clusters -- --symbol BTC` and `--har FILE`: the engine over the real fetch or a recording,
 * the report with each venue's funding, open interest and status. Exit 3 when no venue answered.
 */
export async function runLive(flags: LiveFlags, io: CliIo & Partial<LiveDeps>): Promise<number> {
  const d: LiveDeps = { ...nodeDeps() };
  if (io.fetch) d.fetch = io.fetch;
  if (io.now) d.now = io.now;
  if (io.sleep) d.sleep = io.sleep;
  if (io.writeFile) d.writeFile = io.writeFile;
  if (io.env) d.env = io.env;
  if (io.oiStore) d.oiStore = io.oiStore;
  const asset = flags.symbol === undefined ? 'BTC' : assetFromSymbol(flags.symbol);
  const venues = parseVenues(flags.venues);
  const params = liveParams(flags.params);

  let fetch = d.fetch;
  let now = d.now;
  let sleep = d.sleep;
  let oiStore: OiSnapshotStore;
  if (flags.har !== undefined) {
    let text: string;
    try {
      text = await io.readFile(flags.har);
    } catch (error) {
      throw new CliError(`cannot read ${flags.har}: ${firstLine(error)}`);
    }
    const har = parseHarText(text);
    if (!har.ok) throw new CliError(`${flags.har}: ${har.error}`);
    const clock = createVirtualClock(harNow(har.value));
    fetch = createHarFetch(har.value, { now: clock.now });
    now = clock.now;
    sleep = clock.sleep;
    // A replay never writes to the live snapshot history.
    oiStore = createMemoryOiSnapshotStore();
    if (flags['oi-snapshots'] !== undefined) {
      const seed = parseWithSchema(
        OiSnapshotListSchema,
        await readJsonFile(io, flags['oi-snapshots']),
        flags['oi-snapshots'],
      );
      for (const s of seed.sort((a, b) => a.time - b.time)) await oiStore.append('hyperliquid', asset, s);
    }
  } else {
    if (flags['oi-snapshots'] !== undefined) throw new CliError('--oi-snapshots only goes with --har');
    oiStore =
      d.oiStore ??
      createFileOiSnapshotStore({
        fs: { readFile, writeFile, mkdir },
        dir: flags['oi-store'] ?? '.cache/liqlens/oi',
      });
  }

  const { engine } = createLiveEngine({
    fetch,
    now,
    sleep,
    oiStore,
    coinglassKey: d.env.LIQLENS_COINGLASS_KEY ?? null,
  });
  let result: RefreshResult;
  try {
    result = await engine.refresh(asset, params, { venues });
  } catch (error) {
    if (error instanceof EngineInputError || error instanceof ModelInputError)
      throw new CliError(error.message);
    throw error;
  }
  if (!result.view || !result.series)
    throw new CliError(result.error ?? 'no venue could be reached', EXIT.unreachable);

  if (flags['export-series'] !== undefined) {
    try {
      await d.writeFile(flags['export-series'], `${JSON.stringify(result.series, null, 1)}\n`);
    } catch (error) {
      throw new CliError(`cannot write ${flags['export-series']}: ${firstLine(error)}`);
    }
  }
  const view = ClusterViewSchema.safeParse(result.view);
  if (!view.success)
    throw new CliError(zodLine(view.error, 'internal error: invalid ClusterView'), EXIT.internal);

  if (flags.json) {
    io.stdout(`${terminalSafeJson(JSON.stringify(view.data, null, 2))}\n`);
  } else {
    const lines = clusterReport(view.data, { now: result.fetchedAt });
    const sent = Object.entries(result.requests)
      .map(([host, s]) => `${host in VENUE_LABEL ? VENUE_LABEL[host as Venue] : 'CoinGlass'} ${s.requests}`)
      .join(' · ');
    lines.push(
      '',
      `Requests ${sent || 'none'}${flags.har !== undefined ? ` (replayed from ${flags.har})` : ''}`,
    );
    io.stdout(`${lines.map(terminalSafe).join('\n')}\n`);
  }
  if (result.allFailed) throw new CliError(result.error ?? 'no venue could be reached', EXIT.unreachable);
  return EXIT.ok;
}
