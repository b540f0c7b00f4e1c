import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createOkxSource } from '../../../lib/sources/okx';
import { fakeHttp, query } from './fake-http';
import { contractsAt, NOW, okxServer, STEP } from './okx-server';

const sample = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../fixtures/api-samples/${name}`, import.meta.url), 'utf8'));

const instruments = { code: '0', msg: '', data: [{ instId: 'BTC-USDT-SWAP', ctVal: '0.01', ctMult: '1' }] };

describe('OKX open-interest history', () => {
  it('parses the real sample: contracts × ctVal, stamped at the end of the candle before', async () => {
    const http = fakeHttp((req) =>
      req.endpoint === 'instruments' ? instruments : sample('okx-rubik-open-interest-history.json'),
    );
    const res = await createOkxSource(http).openInterestHistory('BTC', '5m', 1701417000000, 1701417300000);
    // The row stamped 1701417600000 was measured then: it closes the 5-minute candle opened 300000 ms
    // earlier. The sample's other stamp, 1701417500000, is off the 5-minute grid: aligned down to
    // 1701417300000 it closes the candle opened at 1701417000000 (never a time no candle opens at).
    // 731377.57500501 contracts × 0.01 BTC = 7313.7757500501 BTC.
    expect(res).toEqual({
      ok: true,
      value: [
        { t: 1701417000000, oi: 731377.57500501 * 0.01 },
        { t: 1701417300000, oi: 731377.57500501 * 0.01 },
      ],
    });
    expect(res.ok && res.value[0]?.oi).toBeCloseTo(7313.7757500501, 9);
    expect(http.requests.map((r) => r.url)).toEqual([
      'https://www.okx.com/api/v5/public/instruments?instType=SWAP&instId=BTC-USDT-SWAP',
      'https://www.okx.com/api/v5/rubik/stat/contracts/open-interest-history?instId=BTC-USDT-SWAP&period=5m&end=1701417600001&limit=2',
    ]);
  });

  it('pages a 7-day window backwards with `end`, 100 stamps a request', async () => {
    const http = fakeHttp(okxServer());
    const from = NOW - 672 * STEP;
    const to = NOW - STEP;
    const res = await createOkxSource(http).openInterestHistory('BTC', '15m', from, to);
    if (!res.ok) throw new Error(res.error.message);
    const pages = http.requests.filter((r) => r.endpoint === 'open-interest-history');
    expect(pages.map((r) => [query(r).end, query(r).limit])).toEqual([
      [String(NOW + 1), '100'],
      [String(NOW - 99 * STEP), '100'],
      [String(NOW - 199 * STEP), '100'],
      [String(NOW - 299 * STEP), '100'],
      [String(NOW - 399 * STEP), '100'],
      [String(NOW - 499 * STEP), '100'],
      [String(NOW - 599 * STEP), '72'],
    ]);
    expect(query(pages[0] as never)).toMatchObject({ instId: 'BTC-USDT-SWAP', period: '15m' });
    expect(res.value).toHaveLength(672);
    expect(res.value[0]).toEqual({ t: from, oi: contractsAt(from + STEP) * 0.01 });
    expect(res.value.at(-1)).toEqual({ t: to, oi: contractsAt(NOW) * 0.01 });
    expect(res.value.every((p, i) => i === 0 || p.t - (res.value[i - 1]?.t ?? 0) === STEP)).toBe(true);
  });

  it('asks the contract size once per source, however many calls need it', async () => {
    const http = fakeHttp(
      okxServer((req) => {
        if (req.endpoint === 'open-interest')
          return { code: '0', msg: '', data: [{ instId: 'BTC-USDT-SWAP', oi: '5000', ts: '1' }] };
        if (req.endpoint === 'funding-rate') return sample('okx-funding-rate.json');
        if (req.endpoint === 'books') return sample('okx-books.json');
        return undefined;
      }),
    );
    const okx = createOkxSource(http);
    await Promise.all([
      okx.snapshot('BTC'),
      okx.depth('BTC'),
      okx.openInterestHistory('BTC', '15m', NOW - STEP, NOW),
    ]);
    await okx.snapshot('BTC');
    expect(http.requests.filter((r) => r.endpoint === 'instruments')).toHaveLength(1);
  });

  it('returns an empty history when OKX has none', async () => {
    const http = fakeHttp((req) =>
      req.endpoint === 'instruments' ? instruments : { code: '0', msg: '', data: [] },
    );
    const res = await createOkxSource(http).openInterestHistory('BTC', '15m', NOW - 10 * STEP, NOW);
    expect(res).toEqual({ ok: true, value: [] });
  });
});
