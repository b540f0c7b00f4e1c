import { describe, expect, it } from 'vitest';
import { samePlain } from '../../../lib/chart/bridge/same-plain';

describe('samePlain', () => {
  const snapshot = () => ({
    kind: 'tv-cl-iframe',
    symbol: 'BINANCE:BTCUSDT.P',
    pane: { left: 0, top: 50, width: 800, height: 400 },
    scale: { from: 90_000, to: 100_000, mode: 0, inverted: false },
    crosshair: null,
    time: { t0: 1, x0: 2.5, spacing: 7, intervalMs: 900_000, checks: [{ t: 1, x: 2.5 }], visible: null },
  });

  it('holds two snapshots read apart equal when every value is, at any depth', () => {
    expect(samePlain(snapshot(), snapshot())).toBe(true);
    expect(samePlain(null, null)).toBe(true);
    expect(samePlain(Number.NaN, Number.NaN)).toBe(true);
  });

  it('tells any change apart: a number deep down, a key more or less, an array for an object, null for a value', () => {
    const changed = [
      (s: ReturnType<typeof snapshot>) => {
        s.scale.to = 100_000.5;
      },
      (s: ReturnType<typeof snapshot>) => {
        (s.time.checks[0] as { x: number }).x = 2.6;
      },
      (s: ReturnType<typeof snapshot>) => {
        s.time.checks.push({ t: 2, x: 9.5 });
      },
      (s: ReturnType<typeof snapshot>) => {
        (s as Record<string, unknown>).extra = 1;
      },
      (s: ReturnType<typeof snapshot>) => {
        (s.pane as unknown as unknown[]) = [0, 50, 800, 400];
      },
      (s: ReturnType<typeof snapshot>) => {
        (s as Record<string, unknown>).crosshair = { price: 95_000, y: 200 };
      },
    ];
    for (const change of changed) {
      const s = snapshot();
      change(s);
      expect(samePlain(snapshot(), s)).toBe(false);
      expect(samePlain(s, snapshot())).toBe(false);
    }
    expect(samePlain(snapshot(), null)).toBe(false);
    expect(samePlain(0, -0)).toBe(false);
  });
});
