import { describe, expect, it } from 'vitest';
import { createMemoryOiSnapshotStore } from '../../lib/engine/oi-snapshot-store';
import { createMemorySeriesCache } from '../../lib/engine/series-cache';
import { createLiveEngine } from '../../lib/engine/setup';
import { createSimulatorFetch } from '../../scripts/lib/sim/simulator';
import { market, params } from './helpers';

const MIN = 60_000;

describe('Hyperliquid: from no ledger to a ledger on its own snapshots', () => {
  it('builds 4 h of candle-aligned open interest, then joins the model', async () => {
    // Refreshes every 15 minutes, 30 s after each candle closes, from 12:00:30 on.
    const start = Date.UTC(2026, 10, 20, 12, 0, 30);
    let t = start;
    const oiStore = createMemoryOiSnapshotStore();
    const { engine } = createLiveEngine({
      fetch: createSimulatorFetch(market(), { now: () => t }),
      now: () => t,
      sleep: async (ms) => {
        t += ms;
      },
      oiStore,
      cache: createMemorySeriesCache(),
    });
    const seen: { status: string | undefined; message: string | null | undefined; inLedger: boolean }[] = [];
    for (let k = 0; k <= 16; k++) {
      t = start + k * 15 * MIN;
      const r = await engine.refresh('BTC', params({ window: '1d' }));
      const hl = r.view?.venues.find((v) => v.venue === 'hyperliquid');
      seen.push({
        status: hl?.status,
        message: hl?.message,
        // Context-only venues are in the series without open interest: liquidation only, and their mark.
        inLedger: (r.series?.venues.find((v) => v.venue === 'hyperliquid')?.openInterest.length ?? 0) > 0,
      });
      // Mark, funding and open interest show from the first refresh on.
      expect(hl?.markPrice).toBeGreaterThan(0);
      expect(hl?.openInterestUsd).toBeGreaterThan(0);
    }
    // Refresh k has recorded k + 1 snapshots, each standing for the candle that closed 30 s before.
    expect(seen[0]).toEqual({
      status: 'no-ledger',
      message: 'Hyperliquid: building open-interest history (15 min of 4 h)',
      inLedger: false,
    });
    expect(seen[7]?.message).toBe('Hyperliquid: building open-interest history (2 h of 4 h)');
    expect(seen[14]?.message).toBe('Hyperliquid: building open-interest history (3 h 45 min of 4 h)');
    expect(seen[15]).toEqual({ status: 'ok', message: null, inLedger: true });
    expect(seen[16]?.status).toBe('ok');
    expect((await oiStore.load('hyperliquid', 'BTC')).length).toBe(17);
  });

  it('a snapshot more than 5 minutes from a candle end stands for no candle', async () => {
    const t = Date.UTC(2026, 10, 20, 12, 7, 30);
    const oiStore = createMemoryOiSnapshotStore();
    const { engine } = createLiveEngine({
      fetch: createSimulatorFetch(market(), { now: () => t }),
      now: () => t,
      oiStore,
    });
    const r = await engine.refresh('BTC', params({ window: '1d' }), { venues: ['hyperliquid'] });
    expect(r.venues.find((v) => v.venue === 'hyperliquid')?.message).toBe(
      'Hyperliquid: building open-interest history (0 min of 4 h)',
    );
    // With nothing else to show, the view still carries Hyperliquid's price and context.
    expect(r.view?.price).toBe(r.venues.find((v) => v.venue === 'hyperliquid')?.markPrice);
    expect(r.view?.bands).toEqual([]);
  });
});
