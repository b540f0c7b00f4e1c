import { describe, expect, it } from 'vitest';
import { badgeModel } from '../../lib/overlay/badge-model';
import { makeReply, makeView, venue } from './fixtures';

const base = { asset: 'BTC', unsupported: null, requestError: null, movePct: 3 };
const NOW = 1_000_000 + 120_000;

describe('badgeModel', () => {
  it("shows the view's at-risk figures at its own price, with funding and age", () => {
    const b = badgeModel({ ...base, reply: makeReply(makeView()), price: null, now: NOW });
    expect(b.state).toBe('ok');
    expect(b.title).toBe('BTC');
    expect(b.lines?.map((l) => [l.label, l.usdText, l.moveText, l.priceText])).toEqual([
      ['↑ Shorts', '$1.5B', '+3.0 %', '97,850'],
      ['↓ Longs', '$1.4B', '−3.0 %', '92,150'],
    ]);
    expect(b.view).toEqual({ price: 95_000, movePct: 3, upUsd: 1.45e9, downUsd: 1.35e9 });
    expect(b.price).toEqual({ price: 95_000, source: 'view' });
    // (0.0001 × 6B + 0.0003 × 2B) / 8B = 0.015 %
    expect(b.funding?.text).toBe('+0.0150 %');
    expect(b.funding?.detail).toBe('8-hour funding: mean of 2 venues, weighted by open interest');
    expect(b.ageMs).toBe(120_000);
    expect(b.ageText).toBe('2 min ago');
    expect(b.stale).toBe(false);
    expect(b.notes).toEqual([]);
  });

  it('follows the live price between refreshes', () => {
    const b = badgeModel({
      ...base,
      reply: makeReply(makeView()),
      price: { price: 96_000, source: 'chart' },
      now: NOW,
    });
    expect(b.lines?.[0]?.notionalUsd).toBeCloseTo(2.025e9, 0);
    expect(b.lines?.[0]?.priceText).toBe('98,880');
    expect(b.lines?.[1]?.notionalUsd).toBeCloseTo(830e6, 0);
    expect(b.lines?.[1]?.priceText).toBe('93,120');
    expect(b.priceText).toBe('96,000');
  });

  it('marks data older than three refresh periods as stale', () => {
    const b = badgeModel({ ...base, reply: makeReply(makeView()), price: null, now: 1_000_000 + 180_001 });
    expect(b.stale).toBe(true);
    expect(b.ageText).toBe('3 min ago');
  });

  it('lists venue failures and a failed last refresh', () => {
    const reply = makeReply(makeView());
    if (reply.entry) {
      reply.entry.failures = [{ source: 'bybit', message: 'rate limited, retry in 20 s' }];
      reply.entry.error = 'every venue failed';
    }
    const b = badgeModel({
      ...base,
      reply,
      price: null,
      now: NOW,
      requestError: 'LiqLens background not answering',
    });
    expect(b.notes).toEqual([
      'Bybit: rate limited, retry in 20 s',
      'Last refresh failed: every venue failed',
      'LiqLens background not answering',
    ]);
  });

  it("falls back to the view's venue statuses when the entry lists no failures", () => {
    const view = makeView({ venues: [venue({ venue: 'okx', status: 'failed', message: 'timed out' })] });
    const b = badgeModel({ ...base, reply: makeReply(view), price: null, now: NOW });
    expect(b.notes).toEqual(['OKX: timed out']);
    expect(b.funding).toBeNull();
  });

  it('says why when the symbol is not supported', () => {
    const b = badgeModel({
      ...base,
      asset: null,
      unsupported: 'ETH/BTC is quoted in BTC',
      reply: null,
      price: null,
      now: NOW,
    });
    expect(b).toMatchObject({
      state: 'unsupported',
      title: 'LiqLens',
      message: 'ETH/BTC is quoted in BTC',
      lines: null,
    });
  });

  it('is loading until a view arrives, and shows an error without one', () => {
    expect(badgeModel({ ...base, reply: null, price: null, now: NOW })).toMatchObject({
      state: 'loading',
      message: 'Loading BTC…',
    });
    const failed = makeReply(null);
    if (failed.entry) failed.entry.error = 'no venue lists XYZ';
    expect(badgeModel({ ...base, reply: failed, price: null, now: NOW })).toMatchObject({
      state: 'error',
      message: 'no venue lists XYZ',
    });
    expect(
      badgeModel({
        ...base,
        reply: null,
        price: null,
        now: NOW,
        requestError: 'LiqLens background not answering',
      }),
    ).toMatchObject({ state: 'error', message: 'LiqLens background not answering' });
  });

  it('ignores a reply for another asset', () => {
    const b = badgeModel({ ...base, asset: 'ETH', reply: makeReply(makeView()), price: null, now: NOW });
    expect(b.state).toBe('loading');
  });
});
