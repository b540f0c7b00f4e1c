// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { HlPositionsPanel } from '../../components/popup/HlPositionsPanel';
import { emptyHlRealView, type HlRealView } from '../../lib/hl-positions/real-view';
import { domRoot } from '../fixtures/dom-root';

const mount = domRoot();

const field = (name: string) => mount.el.querySelector(`[data-field="${name}"]`)?.textContent ?? null;

const ok: HlRealView = {
  ...emptyHlRealView('BTC', 'waiting', '', 1_000),
  status: 'ok',
  message: null,
  price: 95_000,
  bins: { low: 71_200, width: 100, long: [1], short: [2] },
  positions: { total: 10, offGrid: 1, notLiquidatable: 2 },
  coverage: {
    observedSize: 300,
    openInterest: 30_000,
    openInterestSides: 1,
    share: 0.005,
    accounts: 1_200,
    staleAccounts: 3,
    oldestAgeMs: 9 * 60_000,
    crossShare: 0.8,
  },
  comparison: {
    movePct: 3,
    up: { real: 12_500_000, estimated: 40_000_000 },
    down: { real: 3_000_000, estimated: null },
    agreement: 0.62,
  },
  scan: { knownAccounts: 4_000, requestsLastMinute: 287, rate: 300, failures: 4 },
};

describe('HlPositionsPanel', () => {
  it('shows real against estimated Hyperliquid at-risk, coverage and agreement, and says it covers one venue', () => {
    act(() => render(<HlPositionsPanel hl={ok} now={1_000} />, mount.el));
    expect(mount.el.textContent).toContain('Hyperliquid: real positions');
    expect(mount.el.textContent).toContain('this venue only');
    expect(field('hl-real-up')).toBe('$12.5M');
    expect(field('hl-est-up')).toBe('$40.0M');
    expect(field('hl-est-down')).toBe('—');
    expect(field('hl-coverage-share')).toBe('0.5 %');
    expect(field('hl-agreement')).toBe('62 %');
    expect(field('hl-coverage')).toContain('1200 accounts (3 stale)');
    expect(field('hl-scan')).toContain('287 requests in the last minute');
  });

  it('says why there is nothing yet, and shows nothing while the option is off', () => {
    act(() =>
      render(
        <HlPositionsPanel
          hl={emptyHlRealView('BTC', 'waiting', 'Scanning Hyperliquid accounts (12 known)', 0)}
          now={0}
        />,
        mount.el,
      ),
    );
    expect(field('hl-message')).toBe('Scanning Hyperliquid accounts (12 known)');
    expect(field('hl-real-up')).toBeNull();
    act(() => render(<HlPositionsPanel hl={emptyHlRealView('BTC', 'off', 'off', 0)} now={0} />, mount.el));
    expect(mount.el.textContent).toBe('');
  });
});
