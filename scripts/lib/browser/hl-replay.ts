import type { BrowserContext, Worker } from '@playwright/test';
import type { ClusterView } from '../../../lib/model/cluster-view';
import { defaultSettings } from '../../../lib/settings/schema';
import { STORAGE_KEYS } from '../../../lib/storage/keys';
import { type SimAccount, simAccounts } from '../hl-sim/accounts';
import { createHlSimFetch } from '../hl-sim/simulator';
import type { PlainTrade } from './venue-sockets/frames';

/**
 * Hyperliquid's real positions offline, for the end-to-end tests and the demo: simulated accounts holding BTC
 * around the replay's Hyperliquid mark, each account's `clearinghouseState` answered at the real URL by the
 * account simulator (`scripts/lib/hl-sim/`), and trades naming them for the local venue sockets to push.
 */
export const HL_INFO_URL = 'https://api.hyperliquid.xyz/info';

/** `count` seeded accounts with BTC positions around the view's Hyperliquid mark, so their liquidation prices fall on its grid. */
export function btcAccountsFor(view: ClusterView, count: number, seed = 13): SimAccount[] {
  const hl = view.venues.find((v) => v.venue === 'hyperliquid');
  if (!hl?.markPrice || !hl.openInterestBase)
    throw new Error('the view has no Hyperliquid mark or open interest');
  return simAccounts(count, seed, [
    { coin: 'BTC', mark: hl.markPrice, openInterest: hl.openInterestBase, szDecimals: 5 },
  ]);
}

export interface HlAccountsRoute {
  /** Every `clearinghouseState` asked, lower-case address and time, in order. */
  asked: { user: string; t: number }[];
  /** How many of `addresses` have been asked at least once. */
  askedOnce(addresses: readonly string[]): number;
}

/**
 * Answers `clearinghouseState` for `accounts` (an unknown address is an empty account, as on the venue). Register
 * it after the HAR's routes: it is then asked first, and passes every other request on to them.
 */
export async function routeHlAccounts(
  context: BrowserContext,
  accounts: SimAccount[],
): Promise<HlAccountsRoute> {
  const sim = createHlSimFetch({ now: Date.now, accounts });
  const asked: HlAccountsRoute['asked'] = [];
  await context.route(HL_INFO_URL, async (route) => {
    const body = route.request().postData() ?? '';
    let request: { type?: unknown; user?: unknown } = {};
    try {
      request = JSON.parse(body);
    } catch {
      return route.fallback();
    }
    if (request.type !== 'clearinghouseState') return route.fallback();
    asked.push({ user: String(request.user).toLowerCase(), t: Date.now() });
    const res = await sim(HL_INFO_URL, { method: 'POST', body });
    return route.fulfill({
      status: res.status,
      contentType: res.headers.get('content-type') ?? 'application/json',
      body: await res.text(),
    });
  });
  return {
    asked,
    askedOnce(addresses) {
      const seen = new Set(asked.map((a) => a.user));
      return addresses.filter((a) => seen.has(a.toLowerCase())).length;
    },
  };
}

/** Trades between neighbours in `list`, so that every account is a party at least once. */
export function tradesAmong(list: readonly SimAccount[], now: number, price: number): PlainTrade[] {
  const out: PlainTrade[] = [];
  for (let i = 0; i < list.length; i += 2) {
    const buyer = (list[i] as SimAccount).address;
    const seller = ((list[i + 1] ?? list[0]) as SimAccount).address;
    out.push({ buyer, seller, price, size: 0.01, time: now - 1_000 + i });
  }
  return out;
}

/** Turns "Hyperliquid: real positions" on, as the options page writes it (storage.sync). */
export async function enableRealPositions(worker: Worker): Promise<void> {
  const settings = defaultSettings();
  await worker.evaluate(({ key, data }) => chrome.storage.sync.set({ [key]: { v: 1, data } }), {
    key: STORAGE_KEYS.settings,
    data: { ...settings, realPositions: { ...settings.realPositions, hyperliquid: true } },
  });
}
