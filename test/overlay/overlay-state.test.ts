import { describe, expect, it } from 'vitest';
import { validateSnapshot } from '../../lib/chart/validate-snapshot';
import { decideMode, GRACE_MS, type ModeInputs, RECOVER_MS } from '../../lib/overlay/overlay-state';
import { makeSnapshot } from './fixtures';

const good = validateSnapshot(makeSnapshot(), 'BTC');
const wrongSymbol = validateSnapshot(makeSnapshot({ symbol: 'ETHUSDT' }), 'BTC');

const inputs = (overrides: Partial<ModeInputs> = {}): ModeInputs => ({
  chartPage: true,
  settingsLoaded: true,
  siteEnabled: true,
  siteLabel: 'Binance',
  userHidden: false,
  symbol: { status: 'ok', asset: 'BTC', raw: 'BTCUSDT', source: 'url' },
  bridgeReady: true,
  check: good,
  sinceStartMs: 5_000,
  sinceAlignedMs: null,
  ...overrides,
});

describe('decideMode', () => {
  it('aligns on a validated snapshot', () => {
    expect(good.ok).toBe(true);
    expect(decideMode(inputs())).toEqual({
      mode: 'aligned',
      reason: null,
      hiddenBy: null,
      recheckInMs: null,
    });
  });

  it('hides for the page, the settings, the site switch and the user, in that order', () => {
    expect(decideMode(inputs({ chartPage: false, siteEnabled: false }))).toMatchObject({
      mode: 'hidden',
      hiddenBy: 'page',
    });
    expect(decideMode(inputs({ settingsLoaded: false }))).toMatchObject({
      mode: 'hidden',
      hiddenBy: 'settings',
    });
    expect(decideMode(inputs({ siteEnabled: false, userHidden: true }))).toMatchObject({
      mode: 'hidden',
      hiddenBy: 'site-off',
      reason: 'off for Binance (options)',
    });
    expect(decideMode(inputs({ userHidden: true }))).toMatchObject({ mode: 'hidden', hiddenBy: 'user' });
  });

  it('says why a symbol is unsupported, even with a good chart', () => {
    const d = decideMode(
      inputs({
        symbol: { status: 'unsupported', raw: 'ETHBTC', reason: 'ETH/BTC is quoted in BTC', source: 'url' },
      }),
    );
    expect(d).toEqual({
      mode: 'unsupported',
      reason: 'ETH/BTC is quoted in BTC',
      hiddenBy: null,
      recheckInMs: null,
    });
  });

  it('waits for a symbol during the grace period, then calls it unsupported', () => {
    expect(decideMode(inputs({ symbol: { status: 'unknown' }, sinceStartMs: 500 }))).toEqual({
      mode: 'hidden',
      hiddenBy: 'pending',
      reason: 'looking for the symbol',
      recheckInMs: GRACE_MS - 500,
    });
    expect(decideMode(inputs({ symbol: { status: 'unknown' }, sinceStartMs: GRACE_MS }))).toMatchObject({
      mode: 'unsupported',
      reason: 'no symbol found on this page',
    });
  });

  it('fails closed to the ladder after the grace period, with the reason', () => {
    expect(decideMode(inputs({ check: wrongSymbol, sinceStartMs: 200 }))).toMatchObject({
      mode: 'hidden',
      hiddenBy: 'pending',
      recheckInMs: GRACE_MS - 200,
    });
    expect(decideMode(inputs({ check: wrongSymbol }))).toEqual({
      mode: 'ladder',
      reason: 'the chart shows ETHUSDT, the page BTC',
      hiddenBy: null,
      recheckInMs: null,
    });
    expect(decideMode(inputs({ check: null }))).toMatchObject({
      mode: 'ladder',
      reason: 'no chart found yet',
    });
    expect(decideMode(inputs({ check: null, bridgeReady: false }))).toMatchObject({
      mode: 'ladder',
      reason: 'the page bridge did not answer',
    });
  });

  it('gives an aligned chart a moment to recover before showing the ladder', () => {
    expect(decideMode(inputs({ check: wrongSymbol, sinceAlignedMs: 100 }))).toMatchObject({
      mode: 'hidden',
      hiddenBy: 'pending',
      recheckInMs: RECOVER_MS - 100,
    });
    expect(decideMode(inputs({ check: wrongSymbol, sinceAlignedMs: RECOVER_MS }))).toMatchObject({
      mode: 'ladder',
    });
  });
});
