import { describe, expect, it } from 'vitest';
import { createBybitSource } from '../../../lib/sources/bybit';
import { TickersSchema } from '../../../lib/sources/bybit/schemas';
import { parseWith } from '../../../lib/sources/shared/parse';
import { fakeHttp } from '../shared/fake-http';
import { sample } from '../shared/samples';
import { envelope } from './envelope';

const TICKERS = '/v5/market/tickers?category=linear&symbol=BTCUSDT';
const INFO = '/v5/market/instruments-info?category=linear&symbol=BTCUSDT';

/** The linear ticker fields (from the ws-tickers-linear sample) in a REST envelope, with edits. */
function linearTicker(edit: (row: Record<string, unknown>) => void = () => {}) {
  const ws = sample('bybit-ws-tickers-linear') as { data: Record<string, unknown>; ts: number };
  edit(ws.data);
  return envelope({ category: 'linear', list: [ws.data] }, ws.ts);
}

describe('Bybit snapshot', () => {
  it('the REST tickers sample (inverse example) parses', () => {
    const r = parseWith(TickersSchema, sample('bybit-tickers'), 'bybit', 'tickers');
    expect(r.ok && r.value.result.list[0]).toMatchObject({
      symbol: 'BTCUSD',
      markPrice: 114898.43,
      fundingRate: 0.0001,
      nextFundingTime: 1760371200000,
      openInterest: 240113967,
      fundingIntervalHour: 8,
    });
  });

  it('linear ticker: mark, 8 h funding, open interest halved (both sides → one), venue time', async () => {
    const http = fakeHttp({ [TICKERS]: { json: linearTicker() } });
    const r = await createBybitSource(http).snapshot('BTC');
    expect(r).toEqual({
      ok: true,
      value: {
        venue: 'bybit',
        instrument: 'BTCUSDT',
        markPrice: 66666.6,
        funding: { rate: -0.005, intervalHours: 8, rate8h: -0.005, nextFundingTime: 1760342400000 },
        openInterest: 246186.86,
        time: 1760325052630,
      },
    });
    expect(http.sent).toHaveLength(1);
  });

  it('a 4 h funding interval doubles the 8 h equivalent; singleOpenInterest is used when sent', async () => {
    const http = fakeHttp({
      [TICKERS]: {
        json: linearTicker((row) => {
          row.fundingIntervalHour = '4';
          row.fundingRate = '0.0001';
          row.singleOpenInterest = '250000.5';
        }),
      },
    });
    const r = await createBybitSource(http).snapshot('BTC');
    expect(r.ok && r.value.funding).toEqual({
      rate: 0.0001,
      intervalHours: 4,
      rate8h: 0.0002,
      nextFundingTime: 1760342400000,
    });
    expect(r.ok && r.value.openInterest).toBe(250000.5);
  });

  it('without fundingIntervalHour: instruments-info fundingInterval (minutes), asked once per symbol', async () => {
    const http = fakeHttp({
      [TICKERS]: { json: linearTicker((row) => delete row.fundingIntervalHour) },
      [INFO]: { json: sample('bybit-instruments-info-linear') },
    });
    const source = createBybitSource(http);
    const [a, b] = await Promise.all([source.snapshot('BTC'), source.snapshot('BTC')]);
    const c = await source.snapshot('BTC');
    for (const r of [a, b, c]) expect(r.ok && r.value.funding?.intervalHours).toBe(8); // 480 min
    // Concurrent snapshots share the one instruments-info request.
    expect(http.paths().filter((p) => p === INFO)).toHaveLength(1);
    expect(http.paths().filter((p) => p === TICKERS)).toHaveLength(3);
  });

  it('an empty tickers list → unsupported-symbol', async () => {
    const http = fakeHttp({
      '/v5/market/tickers?category=linear&symbol=BTCXYZUSDT': {
        json: envelope({ category: 'linear', list: [] }, 1),
      },
    });
    const r = await createBybitSource(http).snapshot('BTCXYZ');
    expect(r.ok || r.error).toEqual({
      kind: 'unsupported-symbol',
      host: 'bybit',
      endpoint: 'tickers',
      message: 'BTCXYZUSDT is not listed on Bybit USDT perpetuals',
    });
  });

  it('a renamed field is a bad-response naming it', async () => {
    const http = fakeHttp({
      [TICKERS]: {
        json: linearTicker((row) => {
          row.markPx = row.markPrice;
          delete row.markPrice;
        }),
      },
    });
    const r = await createBybitSource(http).snapshot('BTC');
    expect(r.ok || r.error).toMatchObject({
      kind: 'bad-response',
      path: 'result.list[0].markPrice',
      message:
        'Bybit tickers: result.list[0].markPrice: expected a number string, got nothing (the field is missing)',
    });
  });
});
