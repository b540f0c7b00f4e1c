import { describe, expect, it } from 'vitest';
import { loadTrackRecord } from '../../lib/track-record/load';
import { HOUR, recorded } from './fixture';

describe('loadTrackRecord', () => {
  it('asks for the last 7 days and aggregates the reply', async () => {
    const data = recorded(10);
    const asked: [string, number][] = [];
    const load = await loadTrackRecord(
      async (asset, since) => {
        asked.push([asset, since]);
        return { ok: true, value: data };
      },
      'BTC',
      data.now,
      HOUR,
    );
    expect(asked).toEqual([['BTC', data.now - 7 * 24 * HOUR]]);
    expect(load.status).toBe('ready');
    if (load.status === 'ready') {
      expect(load.hasPrints).toBe(true);
      expect(load.record.bands.swept).toBe(10);
      expect(load.scores).toBe(data.scores);
    }
  });

  it('says when nothing is scored yet, when the prints are missing, and when the request failed', async () => {
    const empty = await loadTrackRecord(
      async () => ({ ok: true, value: { snapshots: [], scores: [], priceRanges: [] } }),
      'ETH',
      0,
      HOUR,
    );
    expect(empty).toEqual({
      status: 'none',
      message:
        'No band scored yet: the record starts once LiqLens has mapped ETH with the liquidation feeds on',
    });
    const { prints: _, ...noPrints } = recorded(10);
    const partial = await loadTrackRecord(
      async () => ({ ok: true, value: noPrints }),
      'BTC',
      noPrints.now,
      HOUR,
    );
    expect(partial.status === 'ready' && partial.hasPrints).toBe(false);
    expect(partial.status === 'ready' && partial.record.lift).toBeNull();
    expect(partial.status === 'ready' && partial.record.hitRate.control.trials).toBe(0);
    expect(partial.status === 'ready' && partial.record.hitRate.bands.trials).toBe(10);
    const failed = await loadTrackRecord(
      async () => ({ ok: false, error: 'the worker did not answer' }),
      'BTC',
      0,
      HOUR,
    );
    expect(failed).toEqual({
      status: 'none',
      message: 'Track record unavailable: the worker did not answer',
    });
  });
});
