// @vitest-environment happy-dom
import { options, render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HIT_RECHECK_MS, HIT_SETTLE_MS } from '../../../components/overlay/hit-host';
import { type OverlayActions, OverlayRoot } from '../../../components/overlay/OverlayRoot';
import { badgeModel } from '../../../lib/overlay/badge-model';
import { MARKS_LANE_CSS } from '../../../lib/overlay/layers/prints';
import type { OverlayViewState } from '../../../lib/overlay/view-state';
import { velocityLine } from '../../../lib/realised/velocity';
import { testDisplay } from '../../fixtures/display';
import { makeReply, makeView } from '../../overlay/fixtures';
import { print as realisedPrint, summary as realisedSummary } from '../../realised/summary-fixture';

const view = makeView();
const viewport = { width: 1280, height: 800 };
const pane = { left: 100, top: 80, width: 800, height: 401 };

function state(overrides: Partial<OverlayViewState> = {}): OverlayViewState {
  return {
    mode: 'aligned',
    reason: null,
    hiddenBy: null,
    siteId: 'binance',
    siteLabel: 'Binance',
    symbol: { status: 'ok', asset: 'BTC', raw: 'BTCUSDT', source: 'url' },
    // 100,000 on row 0, 90,000 on row 400: 40 px per 1,000 USD, y = 0.04 × (100,000 − price).
    geometry: { pane, scale: { from: 90_000, to: 100_000, mode: 0, height: 401 } },
    snapshotPane: null,
    view,
    realPositions: null,
    price: { price: 95_000, source: 'view' },
    display: testDisplay({ minBandUsd: 1e6 }),
    rangePct: 25,
    corner: 'top-right',
    badge: badgeModel({
      asset: 'BTC',
      unsupported: null,
      reply: makeReply(view),
      requestError: null,
      price: { price: 95_000, source: 'view' },
      movePct: 3,
      now: 1_060_000,
    }),
    showBadge: true,
    collapsed: false,
    heatmap: null,
    layers: { heatmap: false, profile: false },
    ...overrides,
  };
}

const calls: string[] = [];
const actions: OverlayActions = {
  hide: () => calls.push('hide'),
  restore: () => calls.push('restore'),
  toggleCollapsed: () => calls.push('toggle'),
  onError: (cause) => calls.push(`error: ${String(cause)}`),
};

function mount(s: OverlayViewState, dpr = 2) {
  const root = document.createElement('div');
  document.body.append(root);
  render(<OverlayRoot state={s} env={{ viewport, dpr, domDock: null }} actions={actions} />, root);
  return root;
}

/** Preact applies hook state changes on its next render tick. */
const rerendered = () => new Promise((resolve) => setTimeout(resolve, 10));

const attr = (el: Element | null, name: string) => el?.getAttribute(name) ?? null;

afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
  calls.length = 0;
});

describe('OverlayRoot: the DOM contract', () => {
  it('labels the heatmap an estimate while it is on, and its switch too', () => {
    const withSwitch = { ...actions, setHeatmap: () => undefined };
    const on = document.createElement('div');
    document.body.append(on);
    const layers = { heatmap: true, profile: false };
    render(
      <OverlayRoot
        state={state({ layers })}
        env={{ viewport, dpr: 2, domDock: null }}
        actions={withSwitch}
      />,
      on,
    );
    expect(on.querySelector('[data-field="heatmap-label"]')?.textContent).toMatch(/estimated map/);
    expect(attr(on.querySelector('[data-liqlens-heatmap-switch]'), 'aria-label')).toBe(
      'Hide the estimated heatmap',
    );
    const off = mount(state({ layers: { heatmap: false, profile: false } }));
    expect(off.querySelector('[data-field="heatmap-label"]')).toBeNull();
  });

  it('labels the profile an estimate of the whole map while it is on', () => {
    const on = mount(state({ layers: { heatmap: false, profile: true } }));
    expect(on.querySelector('[data-field="profile-label"]')?.textContent).toMatch(/whole estimated map/);
    const off = mount(state({ layers: { heatmap: false, profile: false } }));
    expect(off.querySelector('[data-field="profile-label"]')).toBeNull();
  });

  it('marks the root with the mode, site and asset', () => {
    const root = mount(state());
    const el = root.querySelector('[data-liqlens-overlay]');
    expect(attr(el, 'data-mode')).toBe('aligned');
    expect(attr(el, 'data-site')).toBe('binance');
    expect(attr(el, 'data-asset')).toBe('BTC');
    expect(el?.hasAttribute('data-reason')).toBe(false);
  });

  it('gives every drawn band a hit strip on exactly its painted rows', () => {
    const root = mount(state());
    const hits = [...root.querySelectorAll<HTMLElement>('[data-liqlens-band]')];
    const rows = hits.map((h) => [
      h.dataset.liqlensBand,
      h.dataset.low,
      h.dataset.high,
      h.style.top,
      h.style.height,
    ]);
    // 93,300 → row 268, 93,000 → 280; 91,700 → 332, 91,500 → 340; 97,100 → 116, 96,800 → 128; 98,200 → 72, 98,000 → 80.
    expect(rows).toEqual([
      ['long', '93000', '93300', '268px', '12px'],
      ['long', '91500', '91700', '332px', '8px'],
      ['short', '96800', '97100', '116px', '12px'],
      ['short', '98000', '98200', '72px', '8px'],
    ]);
    expect(Number(hits[0]?.dataset.yHigh)).toBeCloseTo(268, 9);
    expect(Number(hits[0]?.dataset.yLow)).toBeCloseTo(280, 9);
    expect(hits.every((h) => h.style.width === '14px')).toBe(true);
    const layer = root.querySelector<HTMLElement>('[data-liqlens-pane]');
    expect([layer?.style.left, layer?.style.top, layer?.style.width, layer?.style.height]).toEqual([
      '100px',
      '80px',
      '800px',
      '401px',
    ]);
    const canvas = layer?.querySelector('canvas');
    expect([canvas?.style.width, canvas?.style.height]).toEqual(['800px', '401px']);
  });

  it('follows a pan: the same strips move to the new rows, the badge and dock are left alone', () => {
    vi.useFakeTimers();
    const first = state();
    const root = mount(first);
    const strips = [...root.querySelectorAll<HTMLElement>('[data-liqlens-band]')];
    const badge = root.querySelector('[data-liqlens-badge]');
    const observed: string[] = [];
    const observer = new MutationObserver((records) => {
      for (const r of records) {
        const el = r.target as HTMLElement;
        if (!el.hasAttribute('data-liqlens-band')) observed.push(`${el.className || el.nodeName} ${r.type}`);
      }
    });
    observer.observe(root, { subtree: true, attributes: true, childList: true, characterData: true });
    // The scale 250 USD lower (99,750 on row 0): every price 0.04 × 250 = 10 px higher up the pane.
    const panned = state({
      geometry: { pane, scale: { from: 89_750, to: 99_750, mode: 0, height: 401 } },
      badge: first.badge,
      display: first.display,
      price: first.price,
    });
    render(<OverlayRoot state={panned} env={{ viewport, dpr: 2, domDock: null }} actions={actions} />, root);
    vi.advanceTimersByTime(HIT_SETTLE_MS);
    const moved = [...root.querySelectorAll<HTMLElement>('[data-liqlens-band]')];
    expect(moved).toHaveLength(strips.length);
    expect(moved.every((el, i) => el === strips[i])).toBe(true);
    expect(moved.map((h) => [h.dataset.low, h.style.top, h.style.height])).toEqual([
      ['93000', '258px', '12px'],
      ['91500', '322px', '8px'],
      ['96800', '106px', '12px'],
      ['98000', '62px', '8px'],
    ]);
    expect(Number(moved[0]?.dataset.yHigh)).toBeCloseTo(258, 9);
    expect(Number(moved[0]?.dataset.yLow)).toBeCloseTo(270, 9);
    expect(root.querySelector('[data-liqlens-badge]')).toBe(badge);
    observer.takeRecords();
    observer.disconnect();
    // Nothing but the strips was touched in the DOM (the canvas repaints through its context).
    expect(observed).toEqual([]);
  });

  describe('a frame of a pan (only the scale moved)', () => {
    /** Element vnodes Preact diffs during `work`: none when the frame bypasses the render. */
    function diffedElements(work: () => void): number {
      const previous = options.diffed;
      let count = 0;
      options.diffed = (vnode) => {
        if (typeof vnode.type === 'string') count += 1;
        previous?.(vnode);
      };
      try {
        work();
      } finally {
        options.diffed = previous;
      }
      return count;
    }
    const scaled = (s: OverlayViewState, from: number) => ({
      ...s,
      geometry: { pane, scale: { from, to: from + 10_000, mode: 0 as const, height: 401 } },
    });
    const env = { viewport, dpr: 2, domDock: null };

    it('moves the strips (once the pan pauses) and repaints without a render', () => {
      vi.useFakeTimers();
      const first = state();
      const root = mount(first);
      const strips = [...root.querySelectorAll<HTMLElement>('[data-liqlens-band]')];
      const diffed = diffedElements(() =>
        render(<OverlayRoot state={scaled(first, 89_750)} env={{ ...env }} actions={actions} />, root),
      );
      expect(diffed).toBe(0);
      // The strips wait for the pan to pause: the bridge's `still`, or without it the timer's first look.
      expect(root.querySelector<HTMLElement>('[data-liqlens-band]')?.style.top).toBe(strips[0]?.style.top);
      vi.advanceTimersByTime(HIT_SETTLE_MS);
      expect(root.querySelector<HTMLElement>('[data-liqlens-band]')?.style.top).toBe(strips[0]?.style.top);
      vi.advanceTimersByTime(HIT_RECHECK_MS - HIT_SETTLE_MS);
      const moved = [...root.querySelectorAll<HTMLElement>('[data-liqlens-band]')];
      expect(moved.every((el, i) => el === strips[i])).toBe(true);
      expect(moved.map((h) => h.style.top)).toEqual(['258px', '322px', '106px', '62px']);
      expect(Number(moved[3]?.dataset.yLow)).toBeCloseTo(0.04 * (99_750 - 98_000), 9);
    });

    it('renders when a band leaves the pane for an edge marker', () => {
      const first = state();
      const root = mount(first);
      // 102,000 on row 0: 91,500–91,700 maps to rows 412–420, below the pane.
      const diffed = diffedElements(() =>
        render(<OverlayRoot state={scaled(first, 92_000)} env={{ ...env }} actions={actions} />, root),
      );
      expect(diffed).toBeGreaterThan(0);
      expect(root.querySelector('[data-liqlens-band][data-low="91500"]')).toBeNull();
      const edge = root.querySelector<HTMLElement>('[data-liqlens-edge][data-low="91500"]');
      expect(edge?.dataset.edge).toBe('bottom');
    });

    it('is followed by followPan without Preact, settled at the bridge’s word; a render starts from it', () => {
      vi.useFakeTimers();
      const first = state();
      const root = document.createElement('div');
      document.body.append(root);
      const ref: { current: OverlayRoot | null } = { current: null };
      render(<OverlayRoot follower={ref} state={first} env={{ ...env }} actions={actions} />, root);
      const canvas = root.querySelector('canvas');
      let followed = false;
      const diffed = diffedElements(() => {
        const next = { state: scaled(first, 89_750), env: { ...env }, actions, follower: ref };
        followed = ref.current?.followPan(next) === true;
      });
      expect([followed, diffed]).toEqual([true, 0]);
      // The bridge says the chart stopped: the strips are written at once, no timer needed.
      ref.current?.settle();
      expect([...root.querySelectorAll<HTMLElement>('[data-liqlens-band]')].map((h) => h.style.top)).toEqual([
        '258px',
        '322px',
        '106px',
        '62px',
      ]);
      // Not a pan: a band leaves the pane for an edge marker, so followPan declines and leaves the DOM alone.
      expect(
        ref.current?.followPan({ state: scaled(first, 92_000), env: { ...env }, actions, follower: ref }),
      ).toBe(false);
      expect(root.querySelector('[data-liqlens-edge]')).toBeNull();
      // The followed frame is the one a render compares with: the same scale again is no change to draw.
      const again = diffedElements(() =>
        render(
          <OverlayRoot follower={ref} state={scaled(first, 89_750)} env={{ ...env }} actions={actions} />,
          root,
        ),
      );
      expect(again).toBe(0);
      expect(root.querySelector('canvas')).toBe(canvas);
    });

    it('renders while a band is hovered, so that the hover card follows its band', async () => {
      const first = state();
      const root = mount(first);
      root
        .querySelector('[data-liqlens-band="short"][data-low="96800"]')
        ?.dispatchEvent(new MouseEvent('mouseenter'));
      await rerendered();
      const before = root.querySelector<HTMLElement>('[data-liqlens-hover]')?.style.top;
      render(<OverlayRoot state={scaled(first, 89_750)} env={{ ...env }} actions={actions} />, root);
      const after = root.querySelector<HTMLElement>('[data-liqlens-hover]')?.style.top;
      expect(before).toBeDefined();
      // The band's rows 116–128 became 106–118: its centre moved up 10 px.
      expect(Number.parseFloat(after ?? '')).toBeCloseTo(Number.parseFloat(before ?? '') - 10, 9);
    });
  });

  it('puts the badge figures in data attributes', () => {
    const root = mount(state());
    const badge = root.querySelector<HTMLElement>('[data-liqlens-badge]');
    expect(badge?.dataset).toMatchObject({
      state: 'ok',
      asset: 'BTC',
      price: '95000',
      priceSource: 'view',
      movePct: '3',
      upUsd: '1450000000',
      upPrice: '97850',
      downUsd: '1350000000',
      downPrice: '92150',
      viewUpUsd: '1450000000',
      viewDownUsd: '1350000000',
      fundingVenues: '2',
      ageMs: '60000',
      stale: 'false',
      notes: '0',
    });
    expect(Number(badge?.dataset.funding)).toBeCloseTo(0.00015, 12);
    expect(badge?.textContent).toContain('↑ Shorts$1.5Bat+3.0 %97,850estimate');
    expect(badge?.querySelectorAll('[data-field="estimate"]')).toHaveLength(2);
  });

  it('shows the hover card for the band under the pointer', async () => {
    const root = mount(state());
    const hit = root.querySelector('[data-liqlens-band="short"][data-low="96800"]');
    hit?.dispatchEvent(new MouseEvent('mouseenter'));
    await rerendered();
    const card = root.querySelector<HTMLElement>('[data-liqlens-hover]');
    expect(card?.dataset).toMatchObject({ side: 'short', low: '96800', high: '97100', usd: '1400000000' });
    expect(card?.textContent).toContain('96,800 – 97,100');
    expect(card?.textContent).toContain('$1.4B · 68 % of shorts');
    hit?.dispatchEvent(new MouseEvent('mouseleave'));
    await rerendered();
    expect(root.querySelector('[data-liqlens-hover]')).toBeNull();
  });

  it('docks the ladder with the reason, and draws no aligned bands', () => {
    const root = mount(state({ mode: 'ladder', reason: 'no chart API on this page', geometry: null }));
    expect(attr(root.querySelector('[data-liqlens-overlay]'), 'data-reason')).toBe(
      'no chart API on this page',
    );
    const ladder = root.querySelector<HTMLElement>('[data-liqlens-ladder]');
    expect(ladder?.dataset.reason).toBe('no chart API on this page');
    expect(root.querySelectorAll('[data-liqlens-band]')).toHaveLength(0);
    expect(root.querySelectorAll('[data-liqlens-ladder-band]').length).toBe(4);
    expect(root.querySelector('[data-liqlens-badge]')).not.toBeNull();
    // Docked in the viewport's top-right corner when nothing better is known.
    const dock = ladder?.parentElement;
    expect([dock?.style.right, dock?.style.top]).toEqual(['8px', '8px']);
  });

  it('draws the ladder through the same painter: bands, the profile when it is on, never the heatmap', async () => {
    const ladderState = (profile: boolean) =>
      state({ mode: 'ladder', reason: 'no chart API', geometry: null, layers: { heatmap: true, profile } });
    const root = mount(ladderState(true));
    const ladder = root.querySelector<HTMLElement>('[data-liqlens-ladder]');
    const profile = ladder?.querySelector<HTMLElement>('[data-liqlens-hook="profile"]');
    // The view's map: bins of 100 from 90,000 to 100,000.
    expect(profile?.dataset.bins).toBe('100');
    expect(ladder?.querySelector('[data-liqlens-hook="heatmap"]')).toBeNull();
    const rows = [...(ladder?.querySelectorAll<HTMLElement>('[data-liqlens-ladder-band]') ?? [])];
    expect(
      rows.map((r) => [r.dataset.liqlensLadderBand, r.dataset.low, r.style.left, r.style.width]),
    ).toEqual([
      ['long', '93000', '0px', '150px'],
      ['long', '91500', '0px', '150px'],
      ['short', '96800', '0px', '150px'],
      ['short', '98000', '0px', '150px'],
    ]);
    rows[2]?.dispatchEvent(new MouseEvent('mouseenter'));
    await rerendered();
    expect(root.querySelector('[data-liqlens-hover]')).not.toBeNull();
    rows[2]?.dispatchEvent(new MouseEvent('mouseleave'));
    await rerendered();
    expect(root.querySelector('[data-liqlens-hover]')).toBeNull();
    expect(mount(ladderState(false)).querySelector('[data-liqlens-hook="profile"]')).toBeNull();
  });

  it('lists bands beyond the reach of the ladder at its ends', () => {
    const far = makeView({
      bands: [
        ...view.bands,
        { side: 'short', low: 109_000, high: 109_200, peak: 109_100, notionalUsd: 2e9, share: 0.5 },
      ],
    });
    const root = mount(
      state({ mode: 'ladder', reason: 'no chart API on this page', geometry: null, view: far }),
    );
    // The ladder reaches ±10 % (3 × 3 % is less): 109,100 is +14.8 % from 95,000.
    const ladder = root.querySelector<HTMLElement>('[data-liqlens-ladder]');
    expect(ladder?.dataset.spanPct).toBe('10');
    const notes = [...root.querySelectorAll<HTMLElement>('[data-liqlens-ladder] [data-liqlens-edge]')];
    expect(notes.map((n) => [n.dataset.liqlensEdge, n.dataset.edge, n.textContent])).toEqual([
      ['short', 'top', '↑ +14.8 % $2.0B'],
    ]);
  });

  it('leaves only a restore button after a one-click hide', () => {
    const root = mount(
      state({ mode: 'hidden', hiddenBy: 'user', reason: 'hidden by you', showBadge: false }),
    );
    expect(root.querySelector('[data-liqlens-badge]')).toBeNull();
    expect(root.querySelector('[data-liqlens-pane]')).toBeNull();
    root.querySelector<HTMLElement>('[data-liqlens-restore]')?.click();
    expect(calls).toEqual(['restore']);
  });

  it('wires the hide and collapse buttons', () => {
    const root = mount(state());
    root.querySelector<HTMLElement>('[data-liqlens-collapse]')?.click();
    root.querySelector<HTMLElement>('[data-liqlens-hide]')?.click();
    expect(calls).toEqual(['toggle', 'hide']);
  });

  it('says why an unsupported symbol has no bands', () => {
    const unsupported = badgeModel({
      asset: null,
      unsupported: 'ETH/BTC is quoted in BTC; liquidation maps need a USD quote',
      reply: null,
      requestError: null,
      price: null,
      movePct: 3,
      now: 0,
    });
    const root = mount(
      state({
        mode: 'unsupported',
        reason: unsupported.message,
        geometry: null,
        view: null,
        price: null,
        badge: unsupported,
        symbol: { status: 'unsupported', raw: 'ETHBTC', reason: 'x', source: 'url' },
      }),
    );
    const badge = root.querySelector<HTMLElement>('[data-liqlens-badge]');
    expect(badge?.dataset.state).toBe('unsupported');
    expect(badge?.querySelector('[data-field="message"]')?.textContent).toContain('quoted in BTC');
    expect(root.querySelectorAll('[data-liqlens-band], [data-liqlens-ladder]')).toHaveLength(0);
  });
});

describe('OverlayRoot: realised prints', () => {
  const NOW = 1_060_000;
  const summary = {
    ...realisedSummary(),
    now: NOW,
    velocity5m: { long: 0, short: 42e6 },
    marks: [
      { ...realisedPrint(), price: 96_000, time: NOW - 60_000 },
      { ...realisedPrint(), side: 'long' as const, price: 94_000, time: NOW - 1_000 },
      // Above the pane (100,000 on row 0): not drawn.
      { ...realisedPrint(), price: 101_000, time: NOW - 1_000 },
    ],
  };
  const realised = { asset: 'BTC', now: NOW, summary, velocity: velocityLine(summary) };

  it('draws the marks on their own canvas over the pane and the velocity line on the badge', () => {
    const ctx = new Proxy({}, { get: () => () => undefined, set: () => true });
    const spy = vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(ctx as never);
    const root = document.createElement('div');
    document.body.append(root);
    render(
      <OverlayRoot
        state={state()}
        env={{ viewport, dpr: 2, domDock: null }}
        actions={actions}
        realised={realised}
      />,
      root,
    );
    const marks = root.querySelector('[data-liqlens-pane] [data-liqlens-marks]');
    expect(attr(marks, 'data-count')).toBe('2');
    // A lane at the pane's right edge, not a canvas the size of the 800 px pane.
    const canvas = marks as HTMLCanvasElement;
    const laneBitmap = Math.ceil(MARKS_LANE_CSS * 2);
    expect([canvas.width, canvas.height]).toEqual([laneBitmap, 802]);
    expect([canvas.style.left, canvas.style.width]).toEqual([
      `${800 - laneBitmap / 2}px`,
      `${laneBitmap / 2}px`,
    ]);
    expect(attr(marks, 'data-off-pane')).toBe('1');
    const velocity = root.querySelector('[data-liqlens-badge] [data-field="velocity"]');
    expect(velocity?.textContent).toBe('Realised ↑ shorts $42.0M liquidated in 5 min');
    expect(attr(velocity, 'data-usd')).toBe('42000000');
    spy.mockRestore();
  });

  it('without a summary there is no marks canvas and no velocity line', () => {
    const root = mount(state());
    expect(root.querySelector('[data-liqlens-marks]')).toBeNull();
    expect(root.querySelector('[data-field="velocity"]')).toBeNull();
  });
});
