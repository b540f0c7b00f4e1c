import { type Market, MINUTE, type SimVenue } from './market';

/**
 * The open-interest snapshots a background refreshing every `stepMs` (default 5 min, 20 s after each
 * step) would have recorded from the simulated venue between `from` and `to`.
 */
export function simulatedSnapshots(
  market: Market,
  venue: SimVenue,
  from: number,
  to: number,
  stepMs = 5 * MINUTE,
): { time: number; oi: number }[] {
  const out: { time: number; oi: number }[] = [];
  for (let t = Math.ceil(from / stepMs) * stepMs + 20_000; t <= to; t += stepMs) {
    const oi = market.openInterest(venue, t);
    if (oi !== null) out.push({ time: t, oi });
  }
  return out;
}
