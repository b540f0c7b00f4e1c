import { describe, expect, it } from 'vitest';
import { resolvePageSymbol } from '../../lib/overlay/page-symbol';
import { binance } from '../../lib/sites/binance';
import { tradingview } from '../../lib/sites/tradingview';

const url = (href: string) => new URL(href);

describe('resolvePageSymbol', () => {
  it('takes the URL first on an exchange, and cross-checks the chart against it', () => {
    const r = resolvePageSymbol({
      site: binance,
      url: url('https://www.binance.com/en/futures/ETHUSDT'),
      title: '97,123.4 | BTCUSDT USDⓈ-M Futures | Binance',
      apiSymbol: 'BTCUSDT',
    });
    expect(r.symbol).toEqual({ status: 'ok', asset: 'ETH', raw: 'ETHUSDT', source: 'url' });
    expect(r.expectedAsset).toBe('ETH');
  });

  it("takes the chart API first on tradingview.com, cross-checked with the title's ticker", () => {
    const r = resolvePageSymbol({
      site: tradingview,
      url: url('https://www.tradingview.com/chart/abc/?symbol=BINANCE%3ABTCUSDT.P'),
      title: 'ETHUSDT.P 3,312.5 ▲ +1.20% Unnamed',
      apiSymbol: 'BYBIT:ETHUSDT.P',
    });
    expect(r.symbol).toEqual({ status: 'ok', asset: 'ETH', raw: 'BYBIT:ETHUSDT.P', source: 'api' });
    expect(r.expectedAsset).toBe('ETH');
  });

  it('has nothing to cross-check the API with when the title says nothing', () => {
    const r = resolvePageSymbol({
      site: tradingview,
      url: url('https://www.tradingview.com/chart/abc/'),
      title: 'TradingView',
      apiSymbol: 'BINANCE:SOLUSDT.P',
    });
    expect(r.symbol.status === 'ok' && r.symbol.asset).toBe('SOL');
    expect(r.expectedAsset).toBeNull();
  });

  it('falls back to the URL, then the title, before the bridge has spoken', () => {
    const fromUrl = resolvePageSymbol({
      site: tradingview,
      url: url('https://www.tradingview.com/chart/abc/?symbol=BINANCE%3ABTCUSDT.P'),
      title: '',
      apiSymbol: null,
    });
    expect(fromUrl.symbol).toMatchObject({ status: 'ok', asset: 'BTC', source: 'url' });
    const fromTitle = resolvePageSymbol({
      site: tradingview,
      url: url('https://www.tradingview.com/chart/abc/'),
      title: 'SOLUSDT.P 150.25 ▼ −1.00% Unnamed',
      apiSymbol: null,
    });
    expect(fromTitle.symbol).toMatchObject({ status: 'ok', asset: 'SOL', source: 'title' });
    expect(fromTitle.expectedAsset).toBe('SOL');
  });

  it('says why a symbol is not supported', () => {
    const r = resolvePageSymbol({
      site: binance,
      url: url('https://www.binance.com/en/futures/ETHBTC'),
      title: '',
      apiSymbol: null,
    });
    expect(r.symbol).toMatchObject({ status: 'unsupported', raw: 'ETHBTC' });
    expect(r.symbol.status === 'unsupported' && r.symbol.reason).toContain('quoted in BTC');
    expect(r.expectedAsset).toBeNull();
  });

  it('is unknown when nothing names a symbol', () => {
    const r = resolvePageSymbol({
      site: tradingview,
      url: url('https://www.tradingview.com/chart/abc/'),
      title: 'TradingView',
      apiSymbol: '  ',
    });
    expect(r.symbol).toEqual({ status: 'unknown' });
  });
});
