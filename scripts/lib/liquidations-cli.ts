import { createMemoryOiSnapshotStore } from '../../lib/engine/oi-snapshot-store';
import { EngineInputError } from '../../lib/engine/pipeline';
import { createLiveEngine } from '../../lib/engine/setup';
import { formatUsd } from '../../lib/format/money';
import { formatPrice } from '../../lib/format/price';
import { formatUtc } from '../../lib/format/time';
import type { FetchLike } from '../../lib/http/types';
import { listingOf } from '../../lib/liquidations/feeds';
import { replayFrames } from '../../lib/liquidations/replay';
import { scoredSnapshot, scorePrints } from '../../lib/liquidations/scoring';
import { bandSnapshotOf } from '../../lib/liquidations/snapshot';
import type { LiqPrint, WsRecord } from '../../lib/liquidations/types';
import { parseWsRecording } from '../../lib/liquidations/ws-recording';
import { ModelInputError } from '../../lib/model/errors';
import { DEFAULT_PARAMS } from '../../lib/model/params';
import { createContractSize } from '../../lib/sources/okx/contract';
import { flagsOrHelp, formatHelp, required } from './args';
import { CliError, type CliIo, EXIT, withOneLineFailures } from './cli-io';
import { harOrNetwork } from './har-input';
import { assetFromSymbol } from './live-run';
import { readTextFile } from './read-json';

export const LIQUIDATIONS_FORMAT = 'liqlens.liquidations/1';

export const LIQUIDATIONS_FLAGS = [
  {
    name: 'replay',
    kind: 'string',
    value: 'REC.jsonl',
    help: 'a liqlens.wsrec/1 recording: one {"venue","url","t","data"} object per line',
  },
  {
    name: 'har',
    kind: 'string',
    value: 'REST.har',
    help: "answer REST calls (OKX's contract value; with --score the venues) from a HAR recording",
  },
  {
    name: 'symbol',
    kind: 'string',
    value: 'ASSET',
    help: 'the asset: BTC, ETH… (BTCUSDT also reads as BTC)',
  },
  { name: 'json', kind: 'boolean', help: `print ${LIQUIDATIONS_FORMAT} JSON on stdout, nothing else` },
  {
    name: 'score',
    kind: 'boolean',
    help: "with --har: score the view's bands against the prints after its time",
  },
  { name: 'help', kind: 'boolean', short: 'h', help: 'show this help' },
] as const;

export const LIQUIDATIONS_HELP = formatHelp({
  usage: ['npm run liquidations -- --replay REC.jsonl [--har REST.har] --symbol BTC [--json] [--score]'],
  flags: LIQUIDATIONS_FLAGS,
  notes: [
    "Reads a recording of the venues' liquidation streams the way the extension does: only the asset's",
    'USDT perpetual, bad frames or items counted as "rejected". OKX sizes are contracts × ctVal; ctVal comes',
    'from --har, else from OKX over the network. Exit codes: 0 done, 1 internal error, 2 bad input.',
    'Example: npm run liquidations -- --replay test/fixtures/wsrec/btc-mixed.jsonl --har test/fixtures/har/btc-all.har --symbol BTC --json --score',
  ],
});

export interface LiquidationsDeps {
  /** Network fetch, used only for OKX's contract value without --har. */
  fetch: FetchLike;
}

interface Score {
  price: number;
  time: number;
  bands: { side: 'long' | 'short'; low: number; high: number; notionalUsd: number; realisedUsd: number }[];
}

async function scoreAt(
  fetch: FetchLike,
  now: () => number,
  sleep: (ms: number) => Promise<void>,
  asset: string,
  prints: readonly LiqPrint[],
): Promise<Score> {
  const { engine } = createLiveEngine({ fetch, now, sleep, oiStore: createMemoryOiSnapshotStore() });
  const time = now();
  let result: Awaited<ReturnType<typeof engine.refresh>>;
  try {
    result = await engine.refresh(asset, DEFAULT_PARAMS, {});
  } catch (error) {
    if (error instanceof EngineInputError || error instanceof ModelInputError)
      throw new CliError(error.message);
    throw error;
  }
  if (!result.view) throw new CliError(`--har: ${result.error ?? 'no venue in the recording answered'}`);
  const scored = scoredSnapshot(bandSnapshotOf(result.view, time));
  scorePrints(scored, prints);
  return {
    price: scored.snapshot.price,
    time,
    bands: scored.snapshot.bands.map((b, i) => ({ ...b, realisedUsd: scored.realised[i] ?? 0 })),
  };
}

function textReport(
  asset: string,
  prints: readonly LiqPrint[],
  rejected: number,
  score: Score | null,
): string[] {
  const sum = (side: LiqPrint['side']) =>
    prints.filter((p) => p.side === side).reduce((a, p) => a + p.notionalUsd, 0);
  const lines = [
    `${asset} realised liquidations (replayed): ${prints.length} prints, ${rejected} rejected`,
    `  longs liquidated  ${formatUsd(sum('long'))}`,
    `  shorts liquidated ${formatUsd(sum('short'))}`,
  ];
  if (prints.length > 0)
    lines.push(
      `  from ${formatUtc((prints[0] as LiqPrint).time)} to ${formatUtc((prints.at(-1) as LiqPrint).time)}`,
    );
  if (score) {
    lines.push(
      '',
      `Bands of the estimate at ${formatUtc(score.time)} (P ${formatPrice(score.price)}), scored:`,
    );
    for (const b of score.bands)
      lines.push(
        `  ${b.side.padEnd(5)} ${formatPrice(b.low)}–${formatPrice(b.high)}  estimated ${formatUsd(b.notionalUsd)}, realised ${formatUsd(b.realisedUsd)}`,
      );
  }
  return lines;
}

async function run(argv: readonly string[], io: CliIo & Partial<LiquidationsDeps>): Promise<number> {
  const flags = flagsOrHelp(argv, LIQUIDATIONS_FLAGS, LIQUIDATIONS_HELP, io);
  if (!flags) return EXIT.ok;
  const file = required(flags.replay, '--replay REC.jsonl is required (see --help)');
  const symbol = required(flags.symbol, '--symbol is required, e.g. --symbol BTC');
  if (flags.score && flags.har === undefined)
    throw new CliError('--score needs --har (the view is built from it)');
  const asset = assetFromSymbol(symbol);

  const recording = parseWsRecording(await readTextFile(io, file));
  if (!recording.ok) throw new CliError(`${file}: ${recording.error}`);
  const records: WsRecord[] = recording.records;

  const clock = await harOrNetwork(io, flags.har);
  const { fetch } = clock;

  const okxInstrument = listingOf('okx', asset).instrument;
  let ctVal: number | undefined;
  if (records.some((r) => r.venue === 'okx' && r.data.includes(`"${okxInstrument}"`))) {
    const { http } = createLiveEngine({
      fetch,
      now: clock.now,
      sleep: clock.sleep,
      oiStore: createMemoryOiSnapshotStore(),
    });
    const size = await createContractSize(http, clock.now)(okxInstrument);
    if (size.ok) ctVal = size.value;
    else
      io.stderr(
        `liquidations: OKX prints left out: no contract value for ${okxInstrument} (${size.error.message})\n`,
      );
  }
  const { prints, rejected } = replayFrames(records, asset, (inst) =>
    inst === okxInstrument ? ctVal : undefined,
  );
  const score = flags.score ? await scoreAt(fetch, clock.now, clock.sleep, asset, prints) : null;

  if (flags.json) {
    const out: Record<string, unknown> = { format: LIQUIDATIONS_FORMAT, asset, prints, rejected };
    if (score) out.score = score;
    io.stdout(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    io.stdout(`${textReport(asset, prints, rejected, score).join('\n')}\n`);
  }
  return EXIT.ok;
}

/** `npm run liquidations`: one line on stderr and exit 2 for bad input, never a stack trace. */
export function runLiquidationsCli(
  argv: readonly string[],
  io: CliIo & Partial<LiquidationsDeps>,
): Promise<number> {
  return withOneLineFailures('liquidations', io, () => run(argv, io));
}
