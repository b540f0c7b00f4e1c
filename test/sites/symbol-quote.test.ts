import { describe, expect, it } from 'vitest';
import { parseChartSymbol } from '../../lib/sites/symbol';

describe('parseChartSymbol with a non-USD quote and no exchange prefix', () => {
  it.each([
    ['ETHBTC', 'BTC'],
    ['SOLEUR', 'EUR'],
    ['BNBETH', 'ETH'],
  ])('refuses %s instead of reading it as a bare coin', (raw, quote) => {
    const parsed = parseChartSymbol(raw);
    expect(parsed.supported).toBe(false);
    expect(!parsed.supported && parsed.reason).toContain(`quoted in ${quote}`);
  });

  it('still reads a bare coin (Hyperliquid) as a USD perpetual', () => {
    expect(parseChartSymbol('HYPE')).toEqual({
      supported: true,
      asset: 'HYPE',
      quote: 'USD',
      market: 'perp',
      raw: 'HYPE',
    });
    expect(parseChartSymbol('BTC')).toMatchObject({ supported: true, asset: 'BTC' });
  });
});
