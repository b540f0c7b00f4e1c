import { describe, expect, it } from 'vitest';
import { parseFidelityCsv } from '../../lib/fidelity/csv';
import { runFidelity } from '../../lib/fidelity/run-fidelity';
import { resolveParams } from '../../lib/model/params';
import { fidelityCsv, swingingCsv } from './csv-builder';

const params = (version: 'v1' | 'v2') => {
  const r = resolveParams({ interval: '1h', version });
  if (!r.ok) throw r.error;
  return r.params;
};
const FAST = { resamples: 100, seed: 11, blockDays: 4, level: 0.95 };

describe('runFidelity', { timeout: 60_000 }, () => {
  it('scores v1 and v2 beside the null, reproducibly', () => {
    const rows = parseFidelityCsv(swingingCsv());
    const progress: number[] = [];
    const run = () =>
      runFidelity(rows, {
        models: [params('v1'), params('v2')],
        bootstrap: FAST,
        onProgress: (d) => progress.push(d),
      });
    const a = run();
    expect(a.points).toBe(13);
    expect(a.models.map((m) => m.version)).toEqual(['v1', 'v2']);
    expect(progress.slice(0, 26)).toEqual(Array.from({ length: 26 }, (_, i) => i + 1));
    for (const m of a.models) {
      expect(m.j).not.toBeNull();
      expect(m.vsNull.low as number).toBeLessThanOrEqual(m.vsNull.high as number);
    }
    expect(a.v2VsV1?.diff).toBeCloseTo((a.models[1]?.j as number) - (a.models[0]?.j as number), 12);
    expect(run()).toEqual(a);
  });

  it('reports no J for a file whose liquidations are all zero', () => {
    const rows = parseFidelityCsv(fidelityCsv(32 * 24, (i) => ({ high: 100 + (i % 3), low: 99 })));
    const r = runFidelity(rows, { models: [params('v1')], bootstrap: FAST });
    expect(r.points).toBe(5);
    expect(r.null.j).toBeNull();
    expect(r.models[0]?.vsNull).toEqual({ of: 'v1', against: 'null', diff: null, low: null, high: null });
    expect(r.v2VsV1).toBeNull();
  });
});
