import { describe, expect, it } from 'vitest';
import { createHttpClient } from '../../../lib/http/client';
import type { FetchLike } from '../../../lib/http/types';
import { createBinanceSource } from '../../../lib/sources/binance';
import { fakeHttp } from '../shared/fake-http';
import { sample } from '../shared/samples';

const M15 = 900_000;
const END = 1_700_000_100_000; // a 15-minute boundary
const WEEK = 7 * 86_400_000;
const hist = (start: number, end: number, limit: number) =>
  `/futures/data/openInterestHist?symbol=BTCUSDT&period=15m&limit=${limit}&startTime=${start}&endTime=${end}`;
const row = (timestamp: number, oi: string) => ({
  symbol: 'BTCUSDT',
  sumOpenInterest: oi,
  sumOpenInterestValue: '1',
  timestamp,
});

describe('Binance open-interest history', () => {
  it('a cold week of 15m: two requests (500 + 173), stamps shifted to the candle that ended there', async () => {
    const from = END - WEEK;
    // OiPoint.t in [from, END] ⇔ stamp T = t + 15m in [from + 15m, END + 15m]: 673 stamps
    const newest = hist(END + M15 - 499 * M15, END + M15, 500);
    const oldest = hist(from + M15, END + M15 - 500 * M15, 173);
    const rows = (a: number, b: number) => {
      const out = [];
      for (let T = a; T <= b; T += M15) out.push(row(T, String(T / M15 - 1_888_000)));
      return out;
    };
    const http = fakeHttp({
      [newest]: { json: rows(END + M15 - 499 * M15, END + M15) },
      [oldest]: { json: rows(from + M15, END + M15 - 500 * M15) },
    });
    const r = await createBinanceSource(http).openInterestHistory('BTC', '15m', from, END);
    expect(http.paths()).toEqual([newest, oldest]);
    expect(http.sent.map((s) => [s.endpoint, s.weight])).toEqual([
      ['openInterestHist', 1],
      ['openInterestHist', 1],
    ]);
    if (!r?.ok) throw new Error('failed');
    expect(r.value).toHaveLength(673);
    // stamp END + 15m = 1_700_000_100_000 + 900_000 → t = END, oi = 1_888_890 − 1_888_000 = 890
    expect(r.value.at(-1)).toEqual({ t: END, oi: 890 });
    // stamp from + 15m → t = from; from / M15 = 1_888_889 − 672 = 1_888_217 → oi = 1_888_218 − 1_888_000 = 218
    expect(r.value[0]).toEqual({ t: from, oi: 218 });
  });

  it('the real sample: one side in base, a late stamp aligned down then shifted one period back', async () => {
    // timestamp 1591261042378 = 2020-06-04 08:57:22.378 → aligned down to 08:45:00 (1591260300000)
    // → measured at the end of the candle that opened at 08:30:00 = 1591259400000
    const t = 1591259400000;
    const path = hist(t + M15, t + M15, 1);
    const http = fakeHttp({ [path]: { json: sample('binance-openInterestHist') } });
    const r = await createBinanceSource(http).openInterestHistory('BTC', '15m', t, t);
    expect(r).toEqual({ ok: true, value: [{ t, oi: 20403.12345678 }] });
  });

  it('stops when a page brings nothing (data older than 30 days)', async () => {
    const from = END - 1200 * M15; // 1201 stamps → pages 500, 500, 201
    const first = hist(END + M15 - 499 * M15, END + M15, 500);
    const second = hist(END + M15 - 999 * M15, END + M15 - 500 * M15, 500);
    const http = fakeHttp({ [first]: { json: [row(END + M15, '5')] }, [second]: { json: [] } });
    const r = await createBinanceSource(http).openInterestHistory('BTC', '15m', from, END);
    expect(http.paths()).toEqual([first, second]);
    expect(r).toEqual({ ok: true, value: [{ t: END, oi: 5 }] });
  });

  it('an empty answer is an empty history, not a failure', async () => {
    const path = hist(END + M15, END + M15, 1);
    const http = fakeHttp({ [path]: { json: [] } });
    expect(await createBinanceSource(http).openInterestHistory('BTC', '15m', END, END)).toEqual({
      ok: true,
      value: [],
    });
  });

  it('"NaN" and a renamed field are bad-responses with the field path', async () => {
    const path = hist(END + M15, END + M15, 1);
    const nan = fakeHttp({ [path]: { json: [row(END + M15, 'NaN')] } });
    const r1 = await createBinanceSource(nan).openInterestHistory('BTC', '15m', END, END);
    expect(r1?.ok || r1?.error.message).toBe(
      'Binance openInterestHist: [0].sumOpenInterest: expected a number string, got "NaN"',
    );
    const renamed = fakeHttp({
      [path]: { json: [{ symbol: 'BTCUSDT', openInterest: '1', timestamp: END + M15 }] },
    });
    const r2 = await createBinanceSource(renamed).openInterestHistory('BTC', '15m', END, END);
    expect(r2?.ok || r2?.error).toMatchObject({ kind: 'bad-response', path: '[0].sumOpenInterest' });
  });

  it('a chunk refused as older than 30 days (HTTP 400, -1130) ends the history instead of failing it', async () => {
    const from = END - 1200 * M15; // pages 500, 500, 201; the second starts before Binance's 30 days
    const first = hist(END + M15 - 499 * M15, END + M15, 500);
    const asked: string[] = [];
    const fetch: FetchLike = async (url) => {
      const path = url.replace('https://fapi.binance.com', '');
      asked.push(path);
      const refused = { code: -1130, msg: "Data sent for parameter 'startTime' is not valid." };
      const body = path === first ? [row(END + M15, '5')] : refused;
      return {
        status: path === first ? 200 : 400,
        headers: { get: () => null },
        text: async () => JSON.stringify(body),
      };
    };
    const http = createHttpClient({ fetch, now: () => END, sleep: async () => {} });
    const r = await createBinanceSource(http).openInterestHistory('BTC', '15m', from, END);
    // The refused chunk is asked once more without its start; refused again, the history ends there.
    expect(asked).toHaveLength(3);
    expect(asked[2]).toBe(asked[1]?.replace(/&startTime=\d+/, ''));
    expect(r).toEqual({ ok: true, value: [{ t: END, oi: 5 }] });
  });

  it('a refused chunk asked again and failing for another reason fails the history, not ends it', async () => {
    const from = END - 1200 * M15; // pages 500, 500, 201; the second starts before Binance's 30 days
    const first = hist(END + M15 - 499 * M15, END + M15, 500);
    const second = hist(END + M15 - 999 * M15, END + M15 - 500 * M15, 500);
    const again = second.replace(/&startTime=\d+/, '');
    const http = fakeHttp({
      [first]: { json: [row(END + M15, '5')] },
      [second]: {
        failure: {
          kind: 'http',
          status: 400,
          message: "Binance rejected the request: -1130 Data sent for parameter 'startTime' is not valid.",
        },
      },
      [again]: { failure: { kind: 'rate-limited', status: 429, message: 'Binance: rate limited' } },
    });
    const r = await createBinanceSource(http).openInterestHistory('BTC', '15m', from, END);
    expect(http.paths()).toEqual([first, second, again]);
    // A pause is the venue's state, not the end of its history: the older part was not had, and that is said.
    expect(r?.ok || r?.error.kind).toBe('rate-limited');
  });

  it('any other HTTP 400 still fails the history', async () => {
    const path = hist(END + M15, END + M15, 1);
    const http = fakeHttp({
      [path]: {
        failure: { kind: 'http', status: 400, message: 'Binance rejected the request: Illegal characters' },
      },
    });
    const r = await createBinanceSource(http).openInterestHistory('BTC', '15m', END, END);
    expect(r?.ok || r?.error.kind).toBe('http');
  });
});
