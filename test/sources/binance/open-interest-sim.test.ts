import { describe, expect, it } from 'vitest';
import { createHttpClient } from '../../../lib/http/client';
import { createBinanceSource } from '../../../lib/sources/binance';
import { createBtcMarket, createSimulatorFetch } from '../../../scripts/lib/sim/index';

const NOW = Date.UTC(2026, 10, 20, 12, 5, 30);
const DAY = 86_400_000;
const H4 = 4 * 3_600_000;
const M15 = 900_000;
// 40 days of market, so that the simulator has data older than the 30 days Binance keeps.
const market = createBtcMarket(NOW + DAY, 7, 41);
const HIST = 'https://fapi.binance.com/futures/data/openInterestHist?symbol=BTCUSDT&period=4h&limit=10';

function setup() {
  const sim = createSimulatorFetch(market, { now: () => NOW });
  const http = createHttpClient({ fetch: sim, now: () => NOW, sleep: async () => {} });
  const asked = () => sim.log.filter((e) => e.endpoint === 'openInterestHist').map((e) => e.status);
  return { sim, http, asked };
}

describe('Binance open-interest history against the simulator’s 30-day limit', () => {
  it('the simulator refuses a startTime older than 30 days the way Binance does (HTTP 400, -1130)', async () => {
    const { sim } = setup();
    const old = await sim(`${HIST}&startTime=${NOW - 30 * DAY - 1}`);
    expect(old.status).toBe(400);
    expect(JSON.parse(await old.text())).toEqual({
      code: -1130,
      msg: "Data sent for parameter 'startTime' is not valid.",
    });
    const recent = await sim(`${HIST}&startTime=${NOW - 30 * DAY}`);
    expect(recent.status).toBe(200);
    // 2026-10-21 12:05:30 → the first 4h stamp is 16:00
    const rows = JSON.parse(await recent.text()) as { timestamp: number }[];
    expect(rows[0]?.timestamp).toBe(Date.UTC(2026, 9, 21, 16));
  });

  it('35 days of 4h (one chunk, refused): asked again without a start, it keeps the 30 days', async () => {
    const { http, asked } = setup();
    // The last complete 4h candle opened at 08:00; 210 candles back to 35 days.
    const to = Date.UTC(2026, 10, 20, 8);
    const from = to - 209 * H4;
    const r = await createBinanceSource(http).openInterestHistory('BTC', '4h', from, to);
    expect(asked()).toEqual([400, 200]);
    if (!r?.ok) throw new Error(`no history: ${JSON.stringify(r)}`);
    // Stamps 2026-10-21 16:00 … 2026-11-20 12:00 (179 steps of 4h), each the candle that opened 4h before.
    expect(r.value).toHaveLength(180);
    expect(r.value[0]?.t).toBe(Date.UTC(2026, 9, 21, 12));
    expect(r.value.at(-1)?.t).toBe(to);
    const stamp = Date.UTC(2026, 9, 21, 16);
    expect(r.value[0]?.oi).toBeCloseTo(market.openInterest('binance', stamp) ?? Number.NaN, 6);
  });

  it('35 days of 15m: five whole chunks, then the straddling one again without a start; never the oldest', async () => {
    const { http, asked } = setup();
    const to = Date.UTC(2026, 10, 20, 11, 45);
    const from = to - (35 * 96 - 1) * M15; // 3360 candles: chunks of 500 × 6 + 360, newest first
    const r = await createBinanceSource(http).openInterestHistory('BTC', '15m', from, to);
    expect(asked()).toEqual([200, 200, 200, 200, 200, 400, 200]);
    if (!r?.ok) throw new Error(`no history: ${JSON.stringify(r)}`);
    // Every stamp from 2026-10-21 12:15 (the first after now − 30 days) to 12:00 today: 2880, no gap.
    expect(r.value).toHaveLength(2880);
    expect(r.value[0]?.t).toBe(Date.UTC(2026, 9, 21, 12));
    expect(r.value.at(-1)?.t).toBe(to);
    for (let i = 1; i < r.value.length; i++) {
      expect((r.value[i]?.t ?? 0) - (r.value[i - 1]?.t ?? 0)).toBe(M15);
    }
  });

  it('within the 30 days nothing is refused', async () => {
    const { http, asked } = setup();
    const to = Date.UTC(2026, 10, 20, 8);
    const from = to - 179 * H4; // the first stamp, from + 4h, is 2026-10-21 16:00
    const r = await createBinanceSource(http).openInterestHistory('BTC', '4h', from, to);
    expect(asked()).toEqual([200]);
    expect(r?.ok && r.value.length).toBe(180);
  });
});
