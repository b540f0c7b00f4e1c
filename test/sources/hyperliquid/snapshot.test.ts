import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createHyperliquidSource } from '../../../lib/sources/hyperliquid';
import { fakeHttp } from '../okx/fake-http';

const sample = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../fixtures/api-samples/${name}`, import.meta.url), 'utf8'));

// 2023-11-14T22:15:23.456Z; the next full hour is 23:00:00Z = 1700002800000.
const NOW = 1700000123456;

describe('Hyperliquid snapshot', () => {
  it('joins universe and contexts by index; hourly funding scaled ×8; next full hour', async () => {
    const http = fakeHttp(() => sample('hyperliquid-metaAndAssetCtxs.json'));
    const res = await createHyperliquidSource(http, { now: () => NOW }).snapshot('BTC');
    expect(res).toEqual({
      ok: true,
      value: {
        venue: 'hyperliquid',
        instrument: 'BTC',
        markPrice: 14.3161,
        funding: { rate: 0.0000125, intervalHours: 1, rate8h: 0.0001, nextFundingTime: 1700002800000 },
        openInterest: 688.11,
        time: NOW,
      },
    });
    expect(http.requests).toEqual([
      {
        host: 'hyperliquid',
        endpoint: 'metaAndAssetCtxs',
        method: 'POST',
        url: 'https://api.hyperliquid.xyz/info',
        body: { type: 'metaAndAssetCtxs' },
        weight: 20,
      },
    ]);
  });

  it('takes the second context for the second coin', async () => {
    const http = fakeHttp(() => sample('hyperliquid-metaAndAssetCtxs.json'));
    const res = await createHyperliquidSource(http, { now: () => NOW }).snapshot('ETH');
    expect(res.ok && [res.value.markPrice, res.value.openInterest]).toEqual([6.0436, 1882.55]);
  });

  it('halves open interest when told it counts both sides', async () => {
    const http = fakeHttp(() => sample('hyperliquid-metaAndAssetCtxs.json'));
    const res = await createHyperliquidSource(http, { now: () => NOW, openInterestSides: 2 }).snapshot('BTC');
    expect(res.ok && res.value.openInterest).toBe(344.055);
  });

  it("dates the snapshot and the next funding by the venue's Date header", async () => {
    const http = fakeHttp(() => ({
      status: 200,
      headers: { date: 'Tue, 14 Nov 2023 23:00:00 GMT' },
      json: sample('hyperliquid-metaAndAssetCtxs.json'),
    }));
    const res = await createHyperliquidSource(http, { now: () => NOW }).snapshot('BTC');
    // On the hour exactly, the next payment is the hour after.
    expect(res.ok && [res.value.time, res.value.funding?.nextFundingTime]).toEqual([
      1700002800000, 1700006400000,
    ]);
  });

  it('reports an unlisted coin as unsupported-symbol and remembers the listing', async () => {
    const http = fakeHttp((req) => {
      const type = (req.body as { type: string }).type;
      if (type === 'metaAndAssetCtxs') return sample('hyperliquid-metaAndAssetCtxs.json');
      if (type === 'l2Book') return null;
      throw new Error(`unexpected ${type}`);
    });
    const hl = createHyperliquidSource(http, { now: () => NOW });
    expect(await hl.snapshot('FOO')).toMatchObject({
      ok: false,
      error: { kind: 'unsupported-symbol', endpoint: 'metaAndAssetCtxs' },
    });
    // A later empty book is checked against the listing already known: no `meta` request.
    expect(await hl.depth('FOO')).toMatchObject({
      ok: false,
      error: { kind: 'unsupported-symbol', endpoint: 'l2Book' },
    });
    expect(http.requests.map((r) => r.endpoint)).toEqual(['metaAndAssetCtxs', 'l2Book']);
  });

  it('reports a delisted coin as unsupported-symbol (its context is stale), keeping the index join', async () => {
    const [meta, ctxs] = sample('hyperliquid-metaAndAssetCtxs.json');
    // The real `meta` sample lists LOOM with isDelisted: true, after BTC, ETH and HPOS.
    const universe = sample('hyperliquid-meta.json').universe;
    const json = [{ ...meta, universe }, [...ctxs, { ...ctxs[0], markPx: '0.05' }]];
    const http = fakeHttp((req) => {
      const type = (req.body as { type: string }).type;
      if (type === 'metaAndAssetCtxs') return json;
      if (type === 'l2Book') return null;
      throw new Error(`unexpected ${type}`);
    });
    const hl = createHyperliquidSource(http, { now: () => NOW });
    expect(await hl.snapshot('LOOM')).toMatchObject({
      ok: false,
      error: { kind: 'unsupported-symbol', message: 'LOOM is not listed on Hyperliquid perpetuals' },
    });
    expect(await hl.snapshot('HPOS')).toMatchObject({ ok: true, value: { markPrice: 8.4542 } });
    // The remembered listing leaves LOOM out too.
    expect(await hl.depth('LOOM')).toMatchObject({ ok: false, error: { kind: 'unsupported-symbol' } });
  });

  it('shares one `meta` lookup between concurrent callers that need the listing', async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const http = fakeHttp((req) => {
      const type = (req.body as { type: string }).type;
      if (type === 'meta') return sample('hyperliquid-meta.json');
      if (type === 'l2Book') return null;
      if (type === 'candleSnapshot') return [];
      throw new Error(`unexpected ${type}`);
    });
    const slowHttp = {
      ...http,
      request: async (req: Parameters<typeof http.request>[0]) => {
        if ((req.body as { type: string }).type === 'meta') await gate;
        return http.request(req);
      },
    };
    const hl = createHyperliquidSource(slowHttp, { now: () => NOW });
    const all = Promise.all([
      hl.depth('FOO'),
      hl.depth('LOOM'),
      hl.candles('FOO', '1h', NOW - 3_600_000, NOW),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    release();
    const [a, b, c] = await all;
    for (const r of [a, b, c]) expect(r).toMatchObject({ ok: false, error: { kind: 'unsupported-symbol' } });
    expect(http.requests.filter((r) => r.endpoint === 'meta')).toHaveLength(1);
  });

  it('names the field path of a renamed field in the asked coin', async () => {
    const json = sample('hyperliquid-metaAndAssetCtxs.json');
    json[1][1].markPrice = json[1][1].markPx;
    delete json[1][1].markPx;
    const res = await createHyperliquidSource(
      fakeHttp(() => json),
      { now: () => NOW },
    ).snapshot('ETH');
    expect(res).toMatchObject({
      ok: false,
      error: {
        kind: 'bad-response',
        host: 'hyperliquid',
        endpoint: 'metaAndAssetCtxs',
        path: '[1][1].markPx',
      },
    });
    expect(!res.ok && res.error.message).toMatch(
      /^Hyperliquid metaAndAssetCtxs: \[1\]\[1\]\.markPx: .*missing/,
    );
  });

  it('is not failed by a "NaN" in another coin, but is by one in its own', async () => {
    const json = sample('hyperliquid-metaAndAssetCtxs.json');
    json[1][2].funding = 'NaN';
    const hl = createHyperliquidSource(
      fakeHttp(() => json),
      { now: () => NOW },
    );
    expect((await hl.snapshot('BTC')).ok).toBe(true);
    expect(await hl.snapshot('HPOS')).toMatchObject({ ok: false, error: { path: '[1][2].funding' } });
  });

  it('fails when the universe is renamed', async () => {
    const [meta, ctxs] = sample('hyperliquid-metaAndAssetCtxs.json');
    const json = [{ coins: meta.universe }, ctxs];
    const res = await createHyperliquidSource(
      fakeHttp(() => json),
      { now: () => NOW },
    ).snapshot('BTC');
    expect(res).toMatchObject({ ok: false, error: { kind: 'bad-response', path: '[0].universe' } });
  });
});

describe('Hyperliquid depth', () => {
  it('reads the real l2Book sample: bids down, asks up, sizes in coins', async () => {
    const http = fakeHttp(() => sample('hyperliquid-l2Book.json'));
    const res = await createHyperliquidSource(http).depth('BTC');
    expect(res).toEqual({
      ok: true,
      value: {
        bids: [
          [2.111, 134.4],
          [2.1105, 141.1],
          [2.1104, 125.8],
        ],
        asks: [
          [2.1124, 352.3],
          [2.1125, 364.9],
          [2.1128, 3798],
        ],
      },
    });
    expect(http.requests[0]).toMatchObject({
      endpoint: 'l2Book',
      body: { type: 'l2Book', coin: 'BTC' },
      weight: 2,
    });
  });

  it('reports an unknown coin (null book) as unsupported-symbol', async () => {
    const http = fakeHttp((req) =>
      (req.body as { type: string }).type === 'meta' ? { universe: [{ name: 'BTC' }] } : null,
    );
    const res = await createHyperliquidSource(http).depth('FOO');
    expect(res).toMatchObject({ ok: false, error: { kind: 'unsupported-symbol', endpoint: 'l2Book' } });
  });

  it('reports a null book for a listed coin as a bad response', async () => {
    const http = fakeHttp((req) =>
      (req.body as { type: string }).type === 'meta' ? { universe: [{ name: 'BTC' }] } : null,
    );
    const res = await createHyperliquidSource(http).depth('BTC');
    expect(res).toMatchObject({
      ok: false,
      error: {
        kind: 'bad-response',
        endpoint: 'l2Book',
        message: 'Hyperliquid l2Book: no order book for BTC',
      },
    });
  });
});
