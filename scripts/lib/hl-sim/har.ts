import { createVirtualClock } from '../../../lib/engine/setup';
import { fetchAccount } from '../../../lib/hl-positions/fetch-account';
import { createHttpClient } from '../../../lib/http/client';
import type { HarDocument } from '../../../lib/http/har';
import { createRecordingFetch } from '../../../lib/http/har-record';
import { createHyperliquidSource } from '../../../lib/sources/hyperliquid';
import type { SimAccount } from './accounts';
import { type AccountFault, createHlSimFetch } from './simulator';

/**
 * A HAR of what the scanner would record: one `metaAndAssetCtxs`, then one `clearinghouseState` per address
 * (faults included, answered as the simulator answers them), at `start`. The HTTP client does not retry the
 * faults it would retry live (5xx), so each address has exactly one entry.
 */
export async function recordAccountsHar(options: {
  accounts: SimAccount[];
  /** Addresses to record (default: every account's). */
  addresses?: string[];
  faults?: AccountFault[];
  start?: number;
  asset?: string;
}): Promise<HarDocument> {
  const clock = createVirtualClock(options.start ?? Date.UTC(2026, 11, 6, 3, 0, 0));
  const sim = createHlSimFetch({ now: clock.now, accounts: options.accounts, faults: options.faults ?? [] });
  const recorder = createRecordingFetch(sim, { now: clock.now });
  const http = createHttpClient({ fetch: recorder.fetch, now: clock.now, sleep: clock.sleep, retries: 0 });
  await createHyperliquidSource(http, { now: clock.now }).snapshot(options.asset ?? 'BTC');
  for (const address of options.addresses ?? options.accounts.map((a) => a.address)) {
    await fetchAccount(http, address, clock.now);
    // A 429 pauses the client for a minute: let it pass, so every address gets its own answer.
    await clock.sleep(61_000);
  }
  return recorder.har();
}
