// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { Popup, type PopupProps } from '../../components/popup/Popup';
import { TrackRecordPage, type TrackRecordPageProps } from '../../components/track-record/TrackRecordPage';
import { type TrackRecord, trackRecord } from '../../lib/track-record/aggregate';
import { estimateText } from '../../lib/track-record/factor-text';
import { testDisplay } from '../fixtures/display';
import { domRoot } from '../fixtures/dom-root';
import { FETCHED_AT, makeView } from '../fixtures/views';
import { recorded } from '../track-record/fixture';

const mount = domRoot();

const text = (selector: string) => mount.el.querySelector(selector)?.textContent ?? null;

function popupProps(overrides: Partial<PopupProps> = {}): PopupProps {
  return {
    asset: 'BTC',
    assets: ['BTC'],
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

const ten = trackRecord(recorded(10));
const three = trackRecord(recorded(3));
const factorOf = (r: TrackRecord) =>
  estimateText(r.calibration.long.factor as NonNullable<TrackRecord['lift']>);
const liftOf = (r: TrackRecord) => estimateText(r.lift as NonNullable<TrackRecord['lift']>);

describe('the popup track record', () => {
  it('shows the 7-day line and the chart, and opens the explanation page', () => {
    const onOpen = vi.fn();
    act(() =>
      render(
        <Popup
          {...popupProps({ trackRecord: { status: 'ready', record: ten }, onOpenTrackRecord: onOpen })}
        />,
        mount.el,
      ),
    );
    expect(text('[data-field="track-record"] strong')).toBe('Track record, 7 d');
    expect(text('[data-field="track-record-summary"]')).toBe(
      `10 bands swept, 10 not reached · realised ÷ estimate: longs ${factorOf(ten)}, shorts not enough data yet (0 of 10 swept bands) · lift ${liftOf(ten)}`,
    );
    expect(mount.el.querySelectorAll('[data-field="track-record-chart"] g')).toHaveLength(5);
    act(() => (mount.el.querySelector('[data-field="track-record-open"]') as HTMLButtonElement).click());
    expect(onOpen).toHaveBeenCalledOnce();
  });

  it('says why there is no record', () => {
    act(() =>
      render(
        <Popup {...popupProps({ trackRecord: { status: 'none', message: 'No band stored yet' } })} />,
        mount.el,
      ),
    );
    expect(text('[data-field="track-record-none"]')).toBe('No band stored yet');
  });

  it('multiplies at-risk by the factor when calibrated, with its interval; changes nothing without one', () => {
    const factor = { value: 0.3, low: 0.2, high: 0.4 };
    const calibration = {
      short: { ...ten.calibration.long, side: 'short' as const, factor },
      long: three.calibration.long,
    };
    act(() => render(<Popup {...popupProps({ calibration })} />, mount.el));
    // Shorts up: $1.45B × 0.3 = $435M, interval × 0.2 and × 0.4 ($290M–$580M): to tens of millions, $440M.
    expect(text('[data-direction="up"] [data-field="at-risk-usd"]')).toBe('$440M');
    expect(text('[data-direction="up"] [data-field="estimate"]')).toBe('calibrated estimate');
    expect(text('[data-direction="up"] [data-field="calibration"]')).toBe(
      "$290M–$580M at 95 %: the model's $1.5B × realised ÷ estimate 0.30 (0.20–0.40) over 7 days",
    );
    expect(text('[data-direction="down"] [data-field="at-risk-usd"]')).toBe('$1.4B');
    expect(text('[data-direction="down"] [data-field="calibration"]')).toBe(
      'Calibration: not enough data yet (3 of 10 swept bands); figure unchanged',
    );
  });
});

describe('the track record page', () => {
  function page(overrides: Partial<TrackRecordPageProps> = {}): TrackRecordPageProps {
    return {
      asset: 'BTC',
      assets: ['BTC', 'ETH'],
      record: ten,
      message: null,
      hasPrints: true,
      calibratedAtRisk: false,
      onAssetChange: vi.fn(),
      onExportCsv: vi.fn(),
      ...overrides,
    };
  }

  it('shows each figure beside its explanation, and exports the scores', () => {
    const onExportCsv = vi.fn();
    act(() => render(<TrackRecordPage {...page({ onExportCsv })} />, mount.el));
    expect(text('[data-field="bands"]')).toBe('10 swept · 10 not reached · 0 still in their day');
    expect(text('[data-field="factor"]')).toBe(
      `longs ${factorOf(ten)} · shorts not enough data yet (0 of 10 swept bands)`,
    );
    expect(text('[data-field="lift"]')).toBe(liftOf(ten));
    expect(factorOf(ten)).toMatch(/^0\.570 \(0\.5\d\d–0\.6\d\d\)$/);
    expect(text('[data-field="hit-rate"]')).toBe(
      'bands 100 % (72–100 %) of 10 · control zones 50 % (30–70 %) of 20',
    );
    expect(mount.el.textContent).toContain('not been checked against real cascades');
    act(() => (mount.el.querySelector('[data-field="export-csv"]') as HTMLButtonElement).click());
    expect(onExportCsv).toHaveBeenCalledOnce();
  });

  it('says what is missing', () => {
    act(() =>
      render(
        <TrackRecordPage {...page({ record: null, message: 'No band stored yet', hasPrints: false })} />,
        mount.el,
      ),
    );
    expect(text('[data-field="message"]')).toBe('No band stored yet');
    expect(mount.el.textContent).toContain('It needs the prints of the last 7 days');
    expect((mount.el.querySelector('[data-field="export-csv"]') as HTMLButtonElement).disabled).toBe(true);
  });
});
