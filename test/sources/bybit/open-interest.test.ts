import { describe, expect, it } from 'vitest';
import { createBybitSource } from '../../../lib/sources/bybit';
import { cursorParam, oneSide } from '../../../lib/sources/bybit/open-interest';
import { fakeHttp } from '../shared/fake-http';
import { sample } from '../shared/samples';
import { envelope } from './envelope';

const M15 = 900_000;
const DAY = 86_400_000;
const END = 1_700_000_100_000; // a 15-minute boundary
const WEEK = 7 * DAY;
const oi = (interval: string, start: number, end: number, limit: number, cursor?: string) =>
  `/v5/market/open-interest?category=linear&symbol=BTCUSDT&intervalTime=${interval}&startTime=${start}&endTime=${end}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;

/** Rows stamped from..to (newest first): single side = stamp index, both sides = 2 × that + 1. */
function rows(from: number, to: number) {
  const out = [];
  for (let T = to; T >= from; T -= M15) {
    const n = T / M15 - 1_888_000;
    out.push({ openInterest: String(2 * n + 1), singleOpenInterest: String(n), timestamp: String(T) });
  }
  return out;
}

describe('Bybit open-interest history', () => {
  it('the real sample: singleOpenInterest, stamp T → the day candle that opened at T − 1 d, ascending', async () => {
    const first = 1780617600000;
    const last = 1780963200000;
    const path = oi('1d', first, last, 5);
    const http = fakeHttp({ [path]: { json: sample('bybit-open-interest') } });
    const r = await createBybitSource(http).openInterestHistory('BTC', '1d', first - DAY, last - DAY);
    // the page is full and carries a cursor, but it reached startTime: no second request
    expect(http.paths()).toEqual([path]);
    expect(r).toEqual({
      ok: true,
      value: [
        { t: 1780617600000 - DAY, oi: 31971156 },
        { t: 1780704000000 - DAY, oi: 31971156 },
        { t: 1780790400000 - DAY, oi: 31955346 },
        { t: 1780876800000 - DAY, oi: 31955346 },
        { t: 1780963200000 - DAY, oi: 31955346 },
      ],
    });
  });

  it('a cold week of 15m: 4 cursor pages (200, 200, 200, 73), the cursor sent back as given', async () => {
    const from = END - WEEK;
    const start = from + M15; // stamps from + 15m … END + 15m: 673
    const stop = END + M15;
    const base = (cursor?: string) => oi('15min', start, stop, 200, cursor);
    const c = (n: number) => `lastid%3D${n}%26lasttime%3D${n * 7}`;
    const paths = [base(), base(c(1)), base(c(2)), base(c(3))];
    const page = (hi: number, lo: number, next: string) => ({
      json: envelope(
        { category: 'linear', list: rows(stop - lo * M15, stop - hi * M15), nextPageCursor: next },
        stop,
      ),
    });
    const http = fakeHttp({
      [paths[0] as string]: page(0, 199, c(1)),
      [paths[1] as string]: page(200, 399, c(2)),
      [paths[2] as string]: page(400, 599, c(3)),
      [paths[3] as string]: page(600, 672, c(4)),
    });
    const r = await createBybitSource(http).openInterestHistory('BTC', '15m', from, END);
    expect(http.paths()).toEqual(paths);
    if (!r?.ok) throw new Error('failed');
    expect(r.value).toHaveLength(673);
    // last stamp END + 15m → t = END; n = 1_888_890 − 1_888_000 = 890
    expect(r.value.at(-1)).toEqual({ t: END, oi: 890 });
    // first stamp from + 15m → t = from; from / M15 = 1_888_217 → n = 218
    expect(r.value[0]).toEqual({ t: from, oi: 218 });
  });

  it('stops when a page brings nothing new, even with a cursor', async () => {
    const from = END - 599 * M15;
    const start = from + M15;
    const stop = END + M15;
    const same = envelope({ list: rows(stop - 199 * M15, stop), nextPageCursor: 'again' }, stop);
    const http = fakeHttp({
      [oi('15min', start, stop, 200)]: { json: same },
      [oi('15min', start, stop, 200, 'again')]: { json: same },
    });
    const r = await createBybitSource(http).openInterestHistory('BTC', '15m', from, END);
    expect(http.sent).toHaveLength(2);
    expect(r?.ok && r.value.length).toBe(200);
  });

  it('one side: singleOpenInterest when present, else half of openInterest', async () => {
    expect(oneSide({ openInterest: 30, singleOpenInterest: 10 })).toBe(10);
    expect(oneSide({ openInterest: 30 })).toBe(15);
    expect(oneSide({ openInterest: 30, singleOpenInterest: null })).toBe(15);
    const T = END + M15;
    const http = fakeHttp({
      [oi('15min', T - M15, T, 2)]: {
        json: envelope(
          {
            list: [
              { openInterest: '30.5', timestamp: String(T) },
              { openInterest: '30', singleOpenInterest: '', timestamp: String(T - M15) },
            ],
            nextPageCursor: '',
          },
          T,
        ),
      },
    });
    const r = await createBybitSource(http).openInterestHistory('BTC', '15m', END - M15, END);
    expect(r).toEqual({
      ok: true,
      value: [
        { t: END - M15, oi: 15 },
        { t: END, oi: 15.25 },
      ],
    });
  });

  it('an empty list is an empty history', async () => {
    const T = END + M15;
    const http = fakeHttp({
      [oi('15min', T, T, 1)]: { json: envelope({ list: [], nextPageCursor: '' }, T) },
    });
    expect(await createBybitSource(http).openInterestHistory('BTC', '15m', END, END)).toEqual({
      ok: true,
      value: [],
    });
  });

  it('"NaN" in singleOpenInterest is a bad-response with its path', async () => {
    const T = END + M15;
    const http = fakeHttp({
      [oi('15min', T, T, 1)]: {
        json: envelope({ list: [{ openInterest: '1', singleOpenInterest: 'NaN', timestamp: String(T) }] }, T),
      },
    });
    const r = await createBybitSource(http).openInterestHistory('BTC', '15m', END, END);
    expect(r?.ok || r?.error.message).toBe(
      'Bybit open-interest: result.list[0].singleOpenInterest: expected a number string or "", got "NaN"',
    );
  });

  it('cursors: already-encoded ones go back as they are, others are encoded', () => {
    expect(cursorParam('lastid%3D19408935%26lasttime%3D1780617600')).toBe(
      'lastid%3D19408935%26lasttime%3D1780617600',
    );
    expect(cursorParam('lastid=1&lasttime=2')).toBe('lastid%3D1%26lasttime%3D2');
  });
});
