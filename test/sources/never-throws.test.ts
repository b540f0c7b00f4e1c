import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HttpClient, HttpResult } from '../../lib/http/types';
import { VENUES } from '../../lib/market/venue';
import { createSources } from '../../lib/sources';
import { createCoinglassSource } from '../../lib/sources/coinglass';

// Whatever the venues answer (any JSON, any status, in any order), a source returns a Result: a failure is
// a value with a message, never an exception.

const NOW = Date.UTC(2026, 10, 2, 14, 0, 10);

function scripted(answers: { status: number; json: unknown }[]): HttpClient {
  let i = 0;
  return {
    async request(): Promise<HttpResult> {
      const a = answers[i++ % answers.length] ?? { status: 200, json: null };
      return { ok: true, value: { status: a.status, headers: {}, json: structuredClone(a.json) } };
    },
    stats: () => ({}),
  };
}

const answer = fc.record({
  status: fc.constantFrom(200, 200, 200, 400, 404, 500),
  json: fc.oneof(
    fc.jsonValue(),
    fc.constant(null),
    fc.constant([]),
    fc.constant({ retCode: 0, retMsg: 'OK', result: { list: [] }, time: NOW }),
    fc.constant({ code: '0', msg: '', data: [] }),
    fc.array(
      fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant('NaN'), fc.constant('')), { maxLength: 12 }),
    ),
  ),
});

describe('sources never throw', () => {
  it('returns a Result for any answer, for every method of every venue and CoinGlass', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(answer, { minLength: 1, maxLength: 6 }), async (answers) => {
        const http = scripted(answers);
        const sources = createSources(http, { now: () => NOW });
        for (const venue of VENUES) {
          const s = sources[venue];
          const results = await Promise.all([
            s.candles('BTC', '15m', NOW - 6 * 3_600_000, NOW - 900_000),
            s.openInterestHistory('BTC', '15m', NOW - 6 * 3_600_000, NOW - 900_000) ?? Promise.resolve(null),
            s.snapshot('BTC'),
            s.depth('BTC'),
          ]);
          for (const r of results) {
            if (r === null) continue;
            expect(typeof r.ok).toBe('boolean');
            if (!r.ok) expect(r.error.message.length).toBeGreaterThan(0);
          }
        }
        const cg = await createCoinglassSource(http, 'key-1234').aggregatedMap('BTC');
        expect(typeof cg.ok).toBe('boolean');
      }),
      { numRuns: 150, seed: 20261102 },
    );
  });
});
