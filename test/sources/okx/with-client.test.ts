import { describe, expect, it } from 'vitest';
import { createHttpClient } from '../../../lib/http/client';
import type { FetchLike, HttpRequest } from '../../../lib/http/types';
import { createOkxSource } from '../../../lib/sources/okx';
import { NOW, okxServer, STEP } from './okx-server';

/** A FetchLike over the small OKX, with a virtual clock the client's limiter waits on. */
function venueFetch(answer: (req: HttpRequest, url: URL) => unknown): FetchLike {
  return async (url, init) => {
    const req: HttpRequest = { host: 'okx', endpoint: '', method: 'GET', url, headers: init?.headers ?? {} };
    const body = JSON.stringify(answer(req, new URL(url)));
    return {
      status: 200,
      headers: new Headers({ 'content-type': 'application/json' }),
      text: async () => body,
    };
  };
}

function client(fetch: FetchLike) {
  let clock = NOW + 60_000;
  return createHttpClient({
    fetch,
    now: () => clock,
    sleep: async (ms) => {
      clock += ms;
    },
    random: () => 0.5,
  });
}

describe('OKX through the HTTP client', () => {
  it('fetches a cold 7-day 15-minute window in 15 requests, then a warm refresh in 6', async () => {
    const mark = {
      code: '0',
      msg: '',
      data: [{ instId: 'BTC-USDT-SWAP', markPx: '84000', ts: String(NOW) }],
    };
    const funding = {
      code: '0',
      msg: '',
      data: [
        {
          instId: 'BTC-USDT-SWAP',
          fundingRate: '0.0001',
          fundingTime: String(NOW + 3_600_000),
          nextFundingTime: String(NOW + 8 * 3_600_000 + 3_600_000),
        },
      ],
    };
    const oi = { code: '0', msg: '', data: [{ instId: 'BTC-USDT-SWAP', oi: '2000000', ts: String(NOW) }] };
    const book = {
      code: '0',
      msg: '',
      data: [{ bids: [['83999', '10', '0', '1']], asks: [['84001', '20', '0', '1']], ts: String(NOW) }],
    };
    const http = client(
      venueFetch(
        okxServer((_req, url) => {
          if (url.pathname.endsWith('/mark-price')) return mark;
          if (url.pathname.endsWith('/funding-rate')) return funding;
          if (url.pathname.endsWith('/open-interest')) return oi;
          if (url.pathname.endsWith('/books')) return book;
          return undefined;
        }) as (req: HttpRequest, url: URL) => unknown,
      ),
    );
    const okx = createOkxSource(http);
    const from = NOW - 672 * STEP;
    const [candles, history, snapshot, depth] = await Promise.all([
      okx.candles('BTC', '15m', from, NOW),
      okx.openInterestHistory('BTC', '15m', from, NOW - STEP),
      okx.snapshot('BTC'),
      okx.depth('BTC'),
    ]);
    expect([candles.ok, history.ok, snapshot.ok, depth.ok]).toEqual([true, true, true, true]);
    expect(candles.ok && candles.value).toHaveLength(672);
    expect(history.ok && history.value).toHaveLength(672);
    expect(snapshot.ok && snapshot.value.openInterest).toBe(20_000);
    expect(depth.ok && depth.value).toEqual({ bids: [[83999, 0.1]], asks: [[84001, 0.2]] });
    // candles 3 + open-interest history 7 + instruments 1 + mark, funding, open interest 3 + books 1.
    expect(http.stats().okx?.requests).toBe(15);

    // Warm: the last closed candle and OI point again, plus snapshot and book; the contract size is kept.
    await Promise.all([
      okx.candles('BTC', '15m', NOW - STEP, NOW),
      okx.openInterestHistory('BTC', '15m', NOW - STEP, NOW),
      okx.snapshot('BTC'),
      okx.depth('BTC'),
    ]);
    expect(http.stats().okx?.requests).toBe(21);
  });

  it('turns a 51001 answer into unsupported-symbol', async () => {
    const http = client(venueFetch(() => ({ code: '51001', msg: 'Instrument ID does not exist', data: [] })));
    const res = await createOkxSource(http).snapshot('FOO');
    expect(res).toMatchObject({ ok: false, error: { kind: 'unsupported-symbol', host: 'okx' } });
  });
});
