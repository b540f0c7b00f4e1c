import type { Page } from '@playwright/test';
import type { LiqVenue, WsRecord } from '../../../lib/liquidations/types';
import {
  binanceFrame,
  bybitFrame,
  okxFrame,
  type PlainPrint,
  rawFrame,
} from '../../../scripts/lib/browser/venue-sockets/frames';

export { feedsLive, feedsSubscribed } from '../../../scripts/lib/browser/venue-sockets/feeds-ready';

const MIN = 60_000;

export interface Replay {
  records: WsRecord[];
  /** The BTC prints in the records, with the notional the extension should compute. */
  prints: (PlainPrint & { venue: LiqVenue; notionalUsd: number })[];
  /** Malformed frames or items in the records, per venue. */
  bad: Record<LiqVenue, number>;
}

/**
 * A minute-by-minute stretch of BTC liquidations on the three venues within the last hour before `now`, in the real
 * frame shapes, with what must be ignored (another instrument) and what must be counted as bad (a malformed item
 * beside good ones, a frame that is not JSON). Sizes are whole hundredths so OKX's contracts are exact.
 */
export function btcReplay(now: number, price: number, shift = 0): Replay {
  const at = (minutesAgo: number) => now - minutesAgo * MIN + shift;
  const p = (side: 'long' | 'short', pct: number, size: number, minutesAgo: number): PlainPrint => ({
    side,
    price: Math.round(price * (1 + pct / 100) * 10) / 10,
    size,
    time: at(minutesAgo),
  });
  const bybit = [p('long', -0.4, 0.25, 50), p('short', 0.3, 1.5, 20), p('long', -0.2, 0.01, 2)];
  const okx = [p('short', 0.5, 0.4, 40), p('long', -0.6, 2.0, 3)];
  const binance = [p('long', -0.8, 0.12, 30), p('short', 0.2, 0.05, 1)];
  const records: WsRecord[] = [
    bybitFrame(bybit.slice(0, 2), at(19)),
    okxFrame(okx, at(3)),
    // Another instrument on the shared OKX channel: ignored, not bad.
    okxFrame([p('long', 0, 3, 3)], at(3), 'ETH-USDT-SWAP'),
    ...binance.map((x) => binanceFrame(x, x.time)),
    // One malformed item beside a good one: the good one is kept.
    {
      ...bybitFrame(bybit.slice(2), at(2)),
      data: JSON.stringify({
        topic: 'allLiquidation.BTCUSDT',
        type: 'snapshot',
        ts: at(2),
        data: [
          { T: bybit[2]?.time, s: 'BTCUSDT', S: 'Buy', v: '0.01', p: String(bybit[2]?.price) },
          { T: at(2), s: 'BTCUSDT', S: 'Buy', v: 'lots', p: String(price) },
        ],
      }),
    },
    rawFrame('binance', '{"e":"forceOrder","o":', at(1)),
  ];
  const tag = (venue: LiqVenue) => (x: PlainPrint) => ({ ...x, venue, notionalUsd: x.size * x.price });
  return {
    records,
    prints: [...bybit.map(tag('bybit')), ...okx.map(tag('okx')), ...binance.map(tag('binance'))],
    bad: { bybit: 1, okx: 0, binance: 1 },
  };
}

export const sumOf = (prints: Replay['prints'], side: 'long' | 'short', venue?: LiqVenue) =>
  prints
    .filter((p) => p.side === side && (!venue || p.venue === venue))
    .reduce((s, p) => s + p.notionalUsd, 0);

/** The popup's realised total for a window and side, as its exact figure (`data-usd`). */
export async function popupTotal(page: Page, window: 'h1' | 'h24', side: 'long' | 'short'): Promise<number> {
  const cell = page.locator(`[data-section="realised"] [data-venue="all"] [data-field="${window}-${side}"]`);
  return Number(await cell.getAttribute('data-usd'));
}
