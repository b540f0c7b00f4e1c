import { describe, expect, it } from 'vitest';
import { priceRangesOf } from '../../lib/liquidations/price-ranges';
import type { WsRecord } from '../../lib/liquidations/types';
import { createWsRecorder, parseWsRecording } from '../../lib/liquidations/ws-recording';
import type { SeriesCandle } from '../../lib/market/series';

const rec = (t: number, data = 'x'): WsRecord => ({
  venue: 'okx',
  url: 'wss://ws.okx.com:8443/ws/v5/public',
  t,
  data,
});

describe('the debug recording', () => {
  it('keeps the latest frames within its frame bound, oldest first, and reads back as written', () => {
    const recorder = createWsRecorder({ frames: 3, chars: 1e9 });
    for (let t = 1; t <= 5000; t++) recorder.add(rec(t));
    expect(recorder.size).toBe(3);
    const parsed = parseWsRecording(recorder.toJsonl());
    expect(parsed).toEqual({ ok: true, records: [rec(4998), rec(4999), rec(5000)] });
  });

  it('keeps within its size bound, but always the latest frame', () => {
    const recorder = createWsRecorder({ frames: 100, chars: 200 });
    recorder.add(rec(1, 'a'.repeat(50)));
    recorder.add(rec(2, 'b'.repeat(50)));
    recorder.add(rec(3, 'c'.repeat(500)));
    expect(recorder.size).toBe(1);
    expect(recorder.toJsonl()).toContain('ccc');
    expect(createWsRecorder().toJsonl()).toBe('');
  });

  it('a bad line is named by its number; blank lines are allowed', () => {
    expect(parseWsRecording(`${JSON.stringify(rec(1))}\n\n{"venue":"okx"}\n`)).toEqual({
      ok: false,
      error: expect.stringMatching(/^line 3: url: /),
    });
    expect(parseWsRecording(`\n${JSON.stringify(rec(1))}\n`)).toMatchObject({ ok: true, records: [rec(1)] });
  });
});

describe('price ranges from the engine candles', () => {
  it('merge the venues per interval (highest high, lowest low) since the given time', () => {
    const M15 = 900_000;
    const c = (t: number, h: number, l: number): SeriesCandle => [t, 1, h, l, 1, 1, null, null];
    const { ranges, intervalMs } = priceRangesOf(
      {
        format: 'liqlens.series/1',
        asset: 'BTC',
        interval: '15m',
        venues: [
          {
            venue: 'binance',
            instrument: 'BTCUSDT',
            markPrice: 1,
            candles: [c(0, 10, 8), c(M15, 11, 9)],
            openInterest: [],
          },
          {
            venue: 'okx',
            instrument: 'BTC-USDT-SWAP',
            markPrice: 1,
            candles: [c(M15, 12, 9.5), c(2 * M15, 13, 10)],
            openInterest: [],
          },
        ],
      },
      M15,
    );
    expect(intervalMs).toBe(M15);
    expect(ranges).toEqual([
      { time: M15, high: 12, low: 9 },
      { time: 2 * M15, high: 13, low: 10 },
    ]);
    expect(priceRangesOf(null, 0)).toEqual({ ranges: [], intervalMs: 0 });
  });
});
