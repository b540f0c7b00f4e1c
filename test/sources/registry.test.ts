import { describe, expect, it } from 'vitest';
import { VENUES } from '../../lib/market/venue';
import { createSources } from '../../lib/sources';
import { fakeHttp } from './okx/fake-http';

describe('createSources', () => {
  it('gives one source per venue, each naming its venue and instrument', () => {
    const sources = createSources(fakeHttp(() => null));
    expect(Object.keys(sources).sort()).toEqual([...VENUES].sort());
    for (const venue of VENUES) expect(sources[venue].venue).toBe(venue);
    expect(VENUES.map((v) => sources[v].instrument('BTC'))).toEqual([
      'BTCUSDT',
      'BTCUSDT',
      'BTC-USDT-SWAP',
      'BTC',
    ]);
  });

  it('passes the Hyperliquid open-interest reading through', async () => {
    const json = [
      { universe: [{ name: 'BTC' }] },
      [{ markPx: '100', funding: '0.00001', openInterest: '10' }],
    ];
    const sources = createSources(
      fakeHttp(() => json),
      { now: () => 0, hyperliquid: { openInterestSides: 2 } },
    );
    const snap = await sources.hyperliquid.snapshot('BTC');
    expect(snap.ok && snap.value.openInterest).toBe(5);
  });
});
