import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createHttpClient } from '../../../lib/http/client';
import type { FetchLike } from '../../../lib/http/types';
import { createHyperliquidSource } from '../../../lib/sources/hyperliquid';

const sample = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../fixtures/api-samples/${name}`, import.meta.url), 'utf8'));

const STEP = 15 * 60_000;
const NOW = 1_743_588_000_000;

/** Hyperliquid's /info over a FetchLike, dated by a Date header as the real API is. */
const fetch: FetchLike = async (url, init) => {
  expect(url).toBe('https://api.hyperliquid.xyz/info');
  expect(init?.method).toBe('POST');
  const body = JSON.parse(init?.body ?? '{}');
  let json: unknown;
  if (body.type === 'candleSnapshot') {
    const rows = [];
    for (let t = body.req.startTime; t <= body.req.endTime && t <= NOW; t += STEP) {
      rows.push({ t, T: t + STEP - 1, s: 'BTC', i: '15m', o: '1', c: '1', h: '1', l: '1', v: '3', n: 9 });
    }
    json = rows;
  } else if (body.type === 'metaAndAssetCtxs') json = sample('hyperliquid-metaAndAssetCtxs.json');
  else if (body.type === 'l2Book') json = sample('hyperliquid-l2Book.json');
  const text = JSON.stringify(json);
  const headers = new Headers({
    'content-type': 'application/json',
    date: new Date(NOW + 1000).toUTCString(),
  });
  return { status: 200, headers, text: async () => text };
};

describe('Hyperliquid through the HTTP client', () => {
  it('fetches a cold 7-day 15-minute window in 3 requests and 53 weight', async () => {
    let clock = NOW + 1000;
    const sleep = async (ms: number) => {
      clock += ms;
    };
    const http = createHttpClient({ fetch, now: () => clock, sleep });
    const hl = createHyperliquidSource(http, { now: () => 0 });
    const [candles, snapshot, depth] = await Promise.all([
      hl.candles('BTC', '15m', NOW - 672 * STEP, NOW),
      hl.snapshot('BTC'),
      hl.depth('BTC'),
    ]);
    // 673 candles served; the one opened at NOW is still forming by the Date header.
    expect(candles.ok && candles.value).toHaveLength(672);
    expect(snapshot.ok && snapshot.value.time).toBe(NOW + 1000);
    expect(snapshot.ok && snapshot.value.funding?.nextFundingTime).toBe(NOW + 3_600_000);
    expect(depth.ok).toBe(true);
    // candleSnapshot 20 + ⌊673 / 60⌋ = 31, metaAndAssetCtxs 20, l2Book 2.
    expect(http.stats().hyperliquid).toEqual({ requests: 3, weight: 53 });
  });
});
