import { frameContext, LIQ_FEEDS } from './feeds';
import type { LiqPrint, WsRecord } from './types';

export interface ReplayResult {
  /** In time order (OKX's out-of-order items sorted in); equal times keep the order received. */
  prints: LiqPrint[];
  /** Frames or items dropped as malformed. */
  rejected: number;
}

/**
 * Reads a recording's frames as the worker does, for one asset: the same parsers, the same instrument filter.
 * `contractSize` answers OKX's base units per contract; without it OKX's prints cannot be sized and are left out.
 */
export function replayFrames(
  records: readonly WsRecord[],
  asset: string,
  contractSize?: (instrument: string) => number | undefined,
): ReplayResult {
  const contexts = {
    bybit: frameContext('bybit', [asset]),
    binance: frameContext('binance', [asset]),
    okx: frameContext('okx', [asset], contractSize),
  };
  const prints: LiqPrint[] = [];
  let rejected = 0;
  for (const record of records) {
    // Hyperliquid's trades carry no liquidations.
    if (record.venue === 'hyperliquid') continue;
    const result = LIQ_FEEDS[record.venue].parse(record.data, contexts[record.venue]);
    rejected += result.rejected;
    for (const p of result.prints) prints.push(p);
  }
  // Array.prototype.sort is stable: ties keep the order received.
  prints.sort((a, b) => a.time - b.time);
  return { prints, rejected };
}
