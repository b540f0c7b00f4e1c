import { createVirtualClock } from '../../lib/engine/setup';
import { parseHarText } from '../../lib/http/har';
import { createHarFetch, harNow } from '../../lib/http/har-replay';
import type { FetchLike } from '../../lib/http/types';
import { CliError, type CliIo } from './cli-io';
import { readTextFile } from './read-json';

/** A HAR recording to answer from, with a virtual clock that starts at the recording's own "now". */
export interface HarReplay {
  fetch: ReturnType<typeof createHarFetch>;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

/** Reads `--har FILE`; an unreadable file or one that is not a HAR is a `CliError` naming it. */
export async function readHarReplay(io: CliIo, file: string): Promise<HarReplay> {
  const har = parseHarText(await readTextFile(io, file));
  if (!har.ok) throw new CliError(`${file}: ${har.error}`);
  const clock = createVirtualClock(harNow(har.value));
  return { fetch: createHarFetch(har.value, { now: clock.now }), now: clock.now, sleep: clock.sleep };
}

/** Where a tool's requests go: the HAR of `--har` when given, else the injected or real network and clock. */
export async function harOrNetwork(
  io: CliIo & { fetch?: FetchLike; now?: () => number; sleep?: (ms: number) => Promise<void> },
  har: string | undefined,
): Promise<
  | (HarReplay & { replay: true })
  | { fetch: FetchLike; now: () => number; sleep: (ms: number) => Promise<void>; replay: false }
> {
  if (har !== undefined) return { ...(await readHarReplay(io, har)), replay: true as const };
  return {
    fetch: io.fetch ?? ((url, init) => globalThis.fetch(url, init)),
    now: io.now ?? Date.now,
    sleep: io.sleep ?? ((ms) => new Promise<void>((resolve) => setTimeout(resolve, ms))),
    replay: false as const,
  };
}
