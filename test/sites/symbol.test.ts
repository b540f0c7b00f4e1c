import { describe, expect, it } from 'vitest';
import { parseChartSymbol } from '../../lib/sites/symbol';

describe('parseChartSymbol', () => {
  it.each([
    ['BINANCE:BTCUSDT.P', 'BTC', 'USDT', 'perp'],
    ['BYBIT:BTCUSDT.P', 'BTC', 'USDT', 'perp'],
    ['BTCUSDT', 'BTC', 'USDT', 'unknown'],
    ['btc-usdt-swap', 'BTC', 'USDT', 'perp'],
    ['BTC', 'BTC', 'USD', 'perp'],
    ['BINANCE:ETHUSDT', 'ETH', 'USDT', 'unknown'],
    ['COINBASE:SOLUSD', 'SOL', 'USD', 'unknown'],
    ['BYBIT:1000PEPEUSDT.P', '1000PEPE', 'USDT', 'perp'],
    ['OKX:BTCUSDC.P', 'BTC', 'USDC', 'perp'],
    ['BTC/USDT', 'BTC', 'USDT', 'unknown'],
    ['eth-usdc-swap', 'ETH', 'USDC', 'perp'],
  ])('%s → %s', (raw, asset, quote, market) => {
    expect(parseChartSymbol(raw)).toEqual({ supported: true, asset, quote, market, raw });
  });

  it.each([
    ['BINANCE:ETHBTC', 'quoted in BTC'],
    ['BITSTAMP:BTCEUR', 'quoted in EUR'],
    ['NASDAQ:AAPL', 'not a USD-quoted crypto pair'],
    ['BINANCE:BTCUSDT.P+BYBIT:BTCUSDT.P', 'spread'],
    ['', 'no symbol'],
    ['CME:BTC1!', 'not a crypto pair'],
  ])('%s is not supported (%s)', (raw, reason) => {
    const parsed = parseChartSymbol(raw);
    expect(parsed.supported).toBe(false);
    if (!parsed.supported) expect(parsed.reason).toContain(reason);
  });
});
