import { formatUsd } from '../../lib/format';
import { createMemoryAccountStore } from '../../lib/hl-positions/account-store';
import { type HlPositionsDoc, HlPositionsDocSchema, hlPositionsDoc } from '../../lib/hl-positions/document';
import { buildRealMap, usableStates } from '../../lib/hl-positions/real-map';
import { createPositionScanner } from '../../lib/hl-positions/scanner';
import { AddressSchema } from '../../lib/hl-positions/schemas';
import { createHttpClient } from '../../lib/http/client';
import { type createHarFetch, HarMissError } from '../../lib/http/har-replay';
import type { FetchLike } from '../../lib/http/types';
import { DEFAULT_PARAMS } from '../../lib/model/params';
import { createHyperliquidSource } from '../../lib/sources/hyperliquid';
import { flagsOrHelp, formatHelp, required } from './args';
import { CliError, type CliIo, EXIT, withOneLineFailures } from './cli-io';
import { harOrNetwork } from './har-input';
import { assetFromSymbol } from './live-run';
import { readTextFile } from './read-json';
import { zodLine } from './zod-line';

export const HL_POSITIONS_FLAGS = [
  {
    name: 'addresses',
    kind: 'string',
    value: 'FILE',
    help: 'the accounts to read: one address (0x…) per line',
  },
  {
    name: 'har',
    kind: 'string',
    value: 'FILE',
    help: 'answer Hyperliquid from a HAR recording instead of the network ("now" is the recording\'s)',
  },
  {
    name: 'symbol',
    kind: 'string',
    value: 'ASSET',
    help: 'the coin whose positions are mapped: BTC, ETH, SOL…',
  },
  { name: 'json', kind: 'boolean', help: 'print the liqlens.hlpositions/1 document on stdout, nothing else' },
  { name: 'help', kind: 'boolean', short: 'h', help: 'show this help' },
] as const;

export const HL_POSITIONS_HELP = formatHelp({
  usage: ['npm run hl-positions -- --addresses FILE --symbol BTC [--har FILE] [--json]'],
  flags: HL_POSITIONS_FLAGS,
  notes: [
    "Hyperliquid's real liquidation map: each account's clearinghouseState (weight 2, at most 300 requests a",
    "minute), each position's own liquidationPx binned on the model's grid (binPct 0.1 % snapped to 1-2-5,",
    '±25 %) around the mark price of metaAndAssetCtxs. Failing accounts are counted in failedAccounts, never',
    'read as empty. Exit codes: 0 done, 1 internal error, 2 bad input, 3 Hyperliquid could not be reached.',
  ],
});

/** What the tool touches beyond `CliIo`; tests pass a fetch, a clock and a sleep. */
export interface HlPositionsDeps {
  fetch: FetchLike;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

/** One address per line; blank lines are skipped, repeats read once. */
export function parseAddresses(text: string, file: string): string[] {
  const out = new Set<string>();
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    const trimmed = line.trim();
    if (trimmed === '') return;
    const parsed = AddressSchema.safeParse(trimmed);
    if (!parsed.success) {
      const shown = trimmed.length > 24 ? `${trimmed.slice(0, 24)}…` : trimmed;
      throw new CliError(
        `${file} line ${i + 1}: expected an address 0x followed by 40 hex digits, got "${shown}"`,
      );
    }
    out.add(parsed.data);
  });
  if (out.size === 0) throw new CliError(`${file}: no addresses (one 0x… address per line)`);
  return [...out];
}

/**
 * A replay answers an account only from its own recording: the closest other entry would be another
 * account's positions.
 */
function exactAccounts(fetch: ReturnType<typeof createHarFetch>): FetchLike {
  return async (url, init) => {
    const res = await fetch(url, init);
    const line = fetch.log().at(-1);
    if (line?.match === 'closest' && init?.body?.includes('"clearinghouseState"'))
      throw new HarMissError(`no recorded response for this account (${init.body})`);
    return res;
  };
}

async function run(argv: readonly string[], io: CliIo & Partial<HlPositionsDeps>): Promise<number> {
  const flags = flagsOrHelp(argv, HL_POSITIONS_FLAGS, HL_POSITIONS_HELP, io);
  if (!flags) return EXIT.ok;
  const file = required(flags.addresses, '--addresses FILE is required (see --help)');
  const asset = assetFromSymbol(
    required(flags.symbol, '--symbol is required, e.g. --symbol BTC (see --help)'),
  );
  const addresses = parseAddresses(await readTextFile(io, file), file);

  const net = await harOrNetwork(io, flags.har);
  const { now, sleep } = net;
  // A replay answers an account only from its own recorded request.
  const fetch = net.replay ? exactAccounts(net.fetch) : net.fetch;

  const http = createHttpClient({ fetch, now, sleep });
  const snapshot = await createHyperliquidSource(http, { now }).snapshot(asset);
  if (!snapshot.ok) {
    const exit = snapshot.error.kind === 'unsupported-symbol' ? EXIT.usage : EXIT.unreachable;
    throw new CliError(snapshot.error.message, exit);
  }
  const price = snapshot.value.markPrice;
  const prices = new Map([[asset, price]]);
  const scanner = createPositionScanner({
    http,
    store: createMemoryAccountStore(),
    now,
    sleep,
    prices: () => prices,
    maxAccounts: Math.max(addresses.length, 1),
  });
  await scanner.addAddresses(addresses, now());
  await scanner.passOnce();

  const records = scanner.records();
  const failed = records.filter((r) => r.state === null);
  const map = buildRealMap({
    asset,
    price,
    openInterest: snapshot.value.openInterest,
    grid: { binPct: DEFAULT_PARAMS.binPct, rangePct: DEFAULT_PARAMS.rangePct },
    states: usableStates(records, now(), Number.POSITIVE_INFINITY),
    now: now(),
  });
  const doc = HlPositionsDocSchema.safeParse(hlPositionsDoc(map, failed.length));
  if (!doc.success) throw new CliError(zodLine(doc.error, 'internal error: invalid document'), EXIT.internal);
  if (flags.json) io.stdout(`${JSON.stringify(doc.data)}\n`);
  else io.stdout(`${textReport(doc.data, failed).join('\n')}\n`);
  return EXIT.ok;
}

function textReport(doc: HlPositionsDoc, failed: { address: string; failure: string | null }[]): string[] {
  const c = doc.coverage;
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const lines = [
    `Hyperliquid ${doc.asset}: real positions at mark ${doc.price} (one venue only)`,
    `Accounts answered ${doc.accounts}, failed ${doc.failedAccounts}`,
    `Positions ${doc.positions.total}: ${doc.positions.binned} in ±25 %, ${doc.positions.offGrid} liquidated outside it, ${doc.positions.notLiquidatable} not liquidatable in range`,
    `Coverage ${c.share === null ? 'unknown' : `${(c.share * 100).toFixed(2)} %`} of open interest (${c.observedSize} coins seen, long + short, against 2 × ${c.openInterest ?? '?'} one-side OI); cross margin ${c.crossShare === null ? '–' : `${Math.round(c.crossShare * 100)} %`}`,
    `Longs at risk in range ${formatUsd(sum(doc.bins.long))}, shorts ${formatUsd(sum(doc.bins.short))}`,
  ];
  for (const f of failed) lines.push(`  failed ${f.address}: ${f.failure ?? 'no answer'}`);
  return lines;
}

/** `npm run hl-positions` as a function: every failure is one line on stderr, never a stack trace. */
export function runHlPositionsCli(
  argv: readonly string[],
  io: CliIo & Partial<HlPositionsDeps>,
): Promise<number> {
  return withOneLineFailures('hl-positions', io, () => run(argv, io));
}
