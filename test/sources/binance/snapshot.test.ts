import { describe, expect, it } from 'vitest';
import { createBinanceSource } from '../../../lib/sources/binance';
import { FUNDING_INFO_MAX_AGE_MS } from '../../../lib/sources/binance/snapshot';
import { fakeHttp } from '../shared/fake-http';
import { sample } from '../shared/samples';

const PREMIUM = '/fapi/v1/premiumIndex?symbol=BTCUSDT';
const OPEN_INTEREST = '/fapi/v1/openInterest?symbol=BTCUSDT';
const FUNDING_INFO = '/fapi/v1/fundingInfo';
// The docs' example of fundingInfo (no sample file was published): only non-default symbols are listed.
const fundingInfo = (symbol: string, hours: number) => [
  {
    symbol,
    adjustedFundingRateCap: '0.02500000',
    adjustedFundingRateFloor: '-0.02500000',
    fundingIntervalHours: hours,
    disclaimer: false,
  },
];

describe('Binance snapshot', () => {
  it('real samples: mark, funding (8 h by default) and one-sided OI in base', async () => {
    const http = fakeHttp({
      [PREMIUM]: { json: sample('binance-premiumIndex') },
      [OPEN_INTEREST]: { json: sample('binance-openInterest') },
      [FUNDING_INFO]: { json: fundingInfo('BLZUSDT', 4) },
    });
    const r = await createBinanceSource(http).snapshot('BTC');
    expect(r).toEqual({
      ok: true,
      value: {
        venue: 'binance',
        instrument: 'BTCUSDT',
        markPrice: 11793.63104562,
        funding: { rate: 0.00038246, intervalHours: 8, rate8h: 0.00038246, nextFundingTime: 1597392000000 },
        openInterest: 10659.509,
        time: 1597370495002,
      },
    });
    expect(http.sent.map((s) => s.weight)).toEqual([1, 1, 1]);
  });

  it('a 4 h funding interval from fundingInfo doubles the 8 h equivalent; fundingInfo is fetched once', async () => {
    const http = fakeHttp({
      [PREMIUM]: { json: sample('binance-premiumIndex') },
      [OPEN_INTEREST]: { json: sample('binance-openInterest') },
      [FUNDING_INFO]: { json: fundingInfo('BTCUSDT', 4) },
    });
    const source = createBinanceSource(http);
    const [a, b] = await Promise.all([source.snapshot('BTC'), source.snapshot('BTC')]);
    const c = await source.snapshot('BTC');
    for (const r of [a, b, c]) {
      expect(r.ok && r.value.funding).toEqual({
        rate: 0.00038246,
        intervalHours: 4,
        rate8h: 0.00076492,
        nextFundingTime: 1597392000000,
      });
    }
    expect(http.paths().filter((p) => p === FUNDING_INFO)).toHaveLength(1);
    expect(http.paths().filter((p) => p === PREMIUM)).toHaveLength(3);
  });

  it('a failed fundingInfo leaves the funding out (not the venue) and is asked again next time', async () => {
    let calls = 0;
    const http = fakeHttp({
      [PREMIUM]: { json: sample('binance-premiumIndex') },
      [OPEN_INTEREST]: { json: sample('binance-openInterest') },
      [FUNDING_INFO]: () =>
        ++calls === 1
          ? { failure: { kind: 'timeout', message: 'Binance fundingInfo: no answer within 10 s' } }
          : { json: [] },
    });
    const source = createBinanceSource(http);
    const first = await source.snapshot('BTC');
    expect(first.ok && [first.value.markPrice, first.value.openInterest, first.value.funding]).toEqual([
      11793.63104562,
      10659.509,
      null,
    ]);
    const second = await source.snapshot('BTC');
    expect(second.ok && second.value.funding?.intervalHours).toBe(8);
    expect(calls).toBe(2);
  });

  it('fundingInfo is asked again once the settlement seen has passed; a failed refetch keeps the last list', async () => {
    const settlement = 1597392000000; // nextFundingTime in the premiumIndex sample
    let t = settlement - 3 * 3_600_000;
    let calls = 0;
    const http = fakeHttp({
      [PREMIUM]: { json: sample('binance-premiumIndex') },
      [OPEN_INTEREST]: { json: sample('binance-openInterest') },
      [FUNDING_INFO]: () => {
        calls++;
        if (calls === 1) return { json: fundingInfo('BTCUSDT', 4) };
        if (calls === 2) return { failure: { kind: 'http', message: 'Binance fundingInfo: HTTP 500' } };
        return { json: [] };
      },
    });
    const source = createBinanceSource(http, { now: () => t });
    const hours = async () => {
      const r = await source.snapshot('BTC');
      return r.ok ? r.value.funding?.intervalHours : r.error.kind;
    };
    expect(await hours()).toBe(4);
    t = settlement - 1;
    expect(await hours()).toBe(4);
    expect(calls).toBe(1);
    t = settlement;
    expect(await hours()).toBe(4); // refetch failed: the last list stands
    expect(calls).toBe(2);
    t = settlement + 1;
    expect(await hours()).toBe(8); // BTCUSDT back to the default
    expect(calls).toBe(3);
    // The sample's settlement is now past: no later one known, so the list holds for a day.
    t = settlement + 1 + FUNDING_INFO_MAX_AGE_MS - 1;
    await hours();
    expect(calls).toBe(3);
    t = settlement + 1 + FUNDING_INFO_MAX_AGE_MS;
    await hours();
    expect(calls).toBe(4);
  });

  it('a renamed field in premiumIndex is a bad-response naming it', async () => {
    const premium = sample('binance-premiumIndex') as Record<string, unknown>;
    premium.markPx = premium.markPrice;
    delete premium.markPrice;
    const http = fakeHttp({
      [PREMIUM]: { json: premium },
      [OPEN_INTEREST]: { json: sample('binance-openInterest') },
      [FUNDING_INFO]: { json: [] },
    });
    const r = await createBinanceSource(http).snapshot('BTC');
    expect(r.ok || r.error).toEqual({
      kind: 'bad-response',
      host: 'binance',
      endpoint: 'premiumIndex',
      path: 'markPrice',
      message:
        'Binance premiumIndex: markPrice: expected a number string, got nothing (the field is missing)',
    });
  });
});
