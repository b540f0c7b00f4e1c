// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { Popup, type PopupProps } from '../../components/popup/Popup';
import { testDisplay } from '../fixtures/display';
import { domRoot } from '../fixtures/dom-root';
import { FETCHED_AT, makeView } from '../fixtures/views';

const mount = domRoot();

function props(overrides: Partial<PopupProps> = {}): PopupProps {
  return {
    asset: 'BTC',
    assets: ['BTC', 'ETH'],
    fromTab: false,
    display: testDisplay(),
    view: makeView(),
    status: { stale: false, refreshing: false, error: null },
    now: FETCHED_AT,
    onAssetChange: vi.fn(),
    onRefresh: vi.fn(),
    onExportView: vi.fn(),
    onExportSeries: vi.fn(),
    onOpenOptions: vi.fn(),
    ...overrides,
  };
}

const text = (selector: string) => mount.el.querySelector(selector)?.textContent ?? null;
const texts = (selector: string) => [...mount.el.querySelectorAll(selector)].map((e) => e.textContent);

describe('Popup', () => {
  it('offers "Retry now" only while a venue is paused, and calls back on a click', () => {
    const onRetryNow = vi.fn();
    act(() => render(<Popup {...props({ onRetryNow })} />, mount.el));
    expect(mount.el.querySelector('[data-action="retry-now"]')).toBeNull();
    const paused = { stale: false, refreshing: false, error: null, paused: true };
    act(() => render(<Popup {...props({ onRetryNow, status: paused })} />, mount.el));
    const button = mount.el.querySelector<HTMLButtonElement>('[data-action="retry-now"]');
    expect(button?.textContent).toBe('Retry now');
    act(() => button?.click());
    expect(onRetryNow).toHaveBeenCalledTimes(1);
  });

  it('shows the price, the at-risk lines with their inverse and cascade', () => {
    act(() => render(<Popup {...props()} />, mount.el));
    expect(text('[data-field="price"]')).toBe('95,000');
    expect(text('[data-direction="up"] [data-field="at-risk-usd"]')).toBe('$1.5B');
    expect(text('[data-direction="up"] [data-field="at-risk-move"]')).toBe('+3.0 %');
    expect(texts('[data-field="estimate"]')).toEqual(['estimate', 'estimate']);
    // 96,964.29 / 95,000 − 1 = +2.07 %; 93,087.5 / 95,000 − 1 = −2.01 %.
    expect(text('[data-direction="up"] [data-field="inverse"]')).toBe('$1B of shorts: +2.1 %');
    expect(text('[data-direction="down"] [data-field="inverse"]')).toBe('$1B of longs: −2.0 %');
    expect(text('[data-direction="up"] [data-field="cascade"]')).toBe(
      'Cascade 96,800 → 97,400 · $1.4B · 3 steps · estimate against resting depth only, not validated',
    );
    expect(text('[data-direction="down"] [data-field="cascade"]')).toBe(
      'Cascade 93,300 → 92,600 · $1.3B · 2 steps · past visible book · estimate against resting depth only, not validated',
    );
  });

  it('lists the nearest bands around the price row, highest first', () => {
    act(() => render(<Popup {...props()} />, mount.el));
    expect(texts('.bands tbody tr').map((t) => t?.replace(/\s+/g, ' '))).toEqual([
      'Shorts98,000–98,200+3.2 %$600M29 %',
      'Shorts96,800–97,100+1.9 %$1.4B68 %',
      'Price95,000',
      'Longs93,000–93,300−1.8 %$1.3B74 %',
      'Longs91,500–91,700−3.5 %$400M23 %',
    ]);
  });

  it('shows funding signed and coloured by who pays, the next funding, open interest and its change', () => {
    act(() => render(<Popup {...props()} />, mount.el));
    const binance = '[data-venue="binance"]';
    expect(text(`${binance} [data-field="funding"]`)).toBe('+0.0100 %');
    expect(mount.el.querySelector(`${binance} [data-field="funding"]`)?.classList.contains('long')).toBe(
      true,
    );
    expect(
      mount.el.querySelector('[data-venue="bybit"] [data-field="funding"]')?.classList.contains('short'),
    ).toBe(true);
    expect(text(`${binance} [data-field="next-funding"]`)).toBe('3:12');
    expect(text(`${binance} [data-field="oi"]`)).toBe('$8.1B');
    expect(text(`${binance} [data-field="oi-change"]`)).toBe('+2.1 %');
    expect(text('[data-venue="bybit"] [data-field="oi-change"]')).toBe('−1.4 %');
    // All: (8.1 × 0.01 % − 5.2 × 0.005 %) / 16.2 = +0.0034 %; 16.2B.
    expect(text('[data-venue="all"] [data-field="funding"]')).toBe('+0.0034 %');
    expect(text('[data-venue="all"] [data-field="oi"]')).toBe('$16.2B');
  });

  it('names failed venues once at the top and in their row', () => {
    act(() => render(<Popup {...props()} />, mount.el));
    expect(text('[data-field="venue-failures"]')).toBe('Hyperliquid failed: map from 3 of 4 venues');
    expect(text('[data-venue="hyperliquid"] [data-field="failure"]')).toBe(
      'Hyperliquid: rate limited, retrying in 30 s',
    );
  });

  it('says when the data is stale and when the last refresh failed', () => {
    const now = FETCHED_AT + 10 * 60_000 + 5_000;
    act(() =>
      render(
        <Popup
          {...props({ now, status: { stale: true, refreshing: false, error: 'no venue returned data' } })}
        />,
        mount.el,
      ),
    );
    expect(text('[data-field="stale"]')).toBe('Stale: data is 10 min old');
    expect(text('[data-field="age"]')).toBe('10 min ago');
    expect(text('[data-field="error"]')).toBe(
      'Refresh failed, showing the last good data: no venue returned data',
    );
    // 3 h 12 min to the funding at fetch time, 10 min 5 s later.
    expect(text('[data-venue="binance"] [data-field="next-funding"]')).toBe('3:01');
  });

  it('reads a funding time already past as due, not 0:00', () => {
    act(() => render(<Popup {...props({ now: FETCHED_AT + 4 * 3_600_000 })} />, mount.el));
    expect(text('[data-venue="binance"] [data-field="next-funding"]')).toBe('due');
  });

  it('without a view: says so, and the exports are off', () => {
    act(() =>
      render(
        <Popup {...props({ view: null, status: { stale: false, refreshing: true, error: null } })} />,
        mount.el,
      ),
    );
    expect(text('[data-field="loading"]')).toBe('Loading BTC…');
    expect(mount.el.querySelector<HTMLButtonElement>('.foot button')?.disabled).toBe(true);
    expect(text('[data-field="price"]')).toBe('—');
  });

  it('sends its events out', () => {
    const p = props();
    act(() => render(<Popup {...p} />, mount.el));
    const button = (name: string) =>
      [...mount.el.querySelectorAll('button')].find((b) => b.textContent === name) as HTMLButtonElement;
    act(() => button('Export view').click());
    act(() => button('Export series').click());
    act(() => button('Refresh').click());
    act(() => button('Options').click());
    expect(p.onExportView).toHaveBeenCalledTimes(1);
    expect(p.onExportSeries).toHaveBeenCalledTimes(1);
    expect(p.onRefresh).toHaveBeenCalledTimes(1);
    expect(p.onOpenOptions).toHaveBeenCalledTimes(1);
    const select = mount.el.querySelector('select') as HTMLSelectElement;
    select.value = 'ETH';
    act(() => {
      select.dispatchEvent(new Event('change'));
    });
    expect(p.onAssetChange).toHaveBeenCalledWith('ETH');
  });
});
