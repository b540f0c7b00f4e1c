import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAccount } from '../../lib/hl-positions/fetch-account';

const sample = JSON.parse(
  readFileSync('test/fixtures/api-samples/hyperliquid-clearinghouseState.json', 'utf8'),
);

describe('parseAccount', () => {
  it('reads the real sample: four positions, signed sizes, null liquidation prices kept as null', () => {
    const res = parseAccount(sample, 1000);
    expect(res).toEqual({
      ok: true,
      value: {
        fetchedAt: 1000,
        positions: [
          { coin: 'BTC', szi: -0.00785, liquidationPx: 173198.69592357, margin: 'cross' },
          { coin: 'ETH', szi: 0.1334, liquidationPx: null, margin: 'cross' },
          { coin: 'ATOM', szi: -0.45, liquidationPx: 2561.83187333, margin: 'cross' },
          { coin: 'SOL', szi: 7.39, liquidationPx: null, margin: 'cross' },
        ],
      },
    });
  });

  it('an empty account is an answer with no positions', () => {
    const res = parseAccount({ ...sample, assetPositions: [] }, 5);
    expect(res).toEqual({ ok: true, value: { fetchedAt: 5, positions: [] } });
  });

  it('a 200 without marginSummary is a throttled failure, not an empty account', () => {
    const { marginSummary: _, ...throttled } = sample;
    expect(parseAccount(throttled, 0)).toMatchObject({ ok: false, error: { kind: 'throttled' } });
    expect(parseAccount({ assetPositions: [] }, 0)).toMatchObject({
      ok: false,
      error: { kind: 'throttled' },
    });
    expect(parseAccount({}, 0)).toMatchObject({ ok: false, error: { kind: 'throttled' } });
  });

  it('a malformed position is a bad response naming the field', () => {
    const broken = structuredClone(sample);
    broken.assetPositions[1].position.szi = 'NaN';
    const res = parseAccount(broken, 0);
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.kind).toBe('bad-response');
      expect(res.error.message).toContain('assetPositions[1].position.szi');
    }
    expect(parseAccount(null, 0)).toMatchObject({ ok: false, error: { kind: 'bad-response' } });
    expect(parseAccount([], 0)).toMatchObject({ ok: false, error: { kind: 'bad-response' } });
  });
});
