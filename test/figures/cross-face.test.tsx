// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { Popup } from '../../components/popup/Popup';
import { bandTexts } from '../../lib/chart/layout';
import { calibratedAtRisk } from '../../lib/figures/calibrated-at-risk';
import { formatPrice } from '../../lib/format';
import type { Band } from '../../lib/model/cluster-view';
import { badgeModel } from '../../lib/overlay/badge-model';
import { clusterReport } from '../../lib/report/cluster-report';
import type { CalibrationFactor } from '../../lib/track-record/calibration-factor';
import { testDisplay } from '../fixtures/display';
import { domRoot } from '../fixtures/dom-root';
import { FETCHED_AT, makeView } from '../fixtures/views';
import { makeReply } from '../overlay/fixtures';

/** The hand-made view plus two bands that straddle its price (95,000): a short one and a long one. */
const straddling: Band[] = [
  { side: 'short', low: 94_900, high: 95_300, peak: 95_150, notionalUsd: 2e8, share: 0.05 },
  { side: 'long', low: 94_800, high: 95_100, peak: 94_850, notionalUsd: 1e8, share: 0.05 },
];
const base = makeView();
const view = { ...base, bands: [...base.bands, ...straddling] };
const MOVE = view.atRisk.movePct;

const mount = domRoot();

/** What the popup shows for the view: band rows (range, distance, notional), at-risk, inverse, funding. */
function popupFaces(calibration: Calibration | null = null) {
  const display = testDisplay({ movePct: MOVE });
  act(() =>
    render(
      <Popup
        asset="BTC"
        assets={['BTC']}
        fromTab={false}
        display={display}
        view={view}
        status={{ stale: false, refreshing: false, error: null }}
        now={FETCHED_AT}
        onAssetChange={vi.fn()}
        onRefresh={vi.fn()}
        onExportView={vi.fn()}
        onExportSeries={vi.fn()}
        onOpenOptions={vi.fn()}
        calibration={calibration}
      />,
      mount.el,
    ),
  );
  const rows = [...mount.el.querySelectorAll('.bands tbody tr.band-row')].map((tr) => {
    const cells = [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '');
    return { side: tr.getAttribute('data-side'), range: squash(cells[0]), distance: cells[1], usd: cells[2] };
  });
  const split = priceRowIndex();
  const above = rows.slice(0, split);
  const below = rows.slice(split);
  const field = (direction: string, name: string) =>
    mount.el.querySelector(`[data-direction="${direction}"] [data-field="${name}"]`)?.textContent ?? null;
  return {
    // The popup lists the side above highest first; the others from the price out.
    above: above.reverse(),
    below,
    atRisk: { up: field('up', 'at-risk-usd'), down: field('down', 'at-risk-usd') },
    inverse: { up: field('up', 'inverse'), down: field('down', 'inverse') },
    funding: mount.el.querySelector('[data-venue="all"] [data-field="funding"]')?.textContent ?? null,
    label: { up: field('up', 'estimate'), down: field('down', 'estimate') },
    note: { up: field('up', 'calibration'), down: field('down', 'calibration') },
  };
}

function priceRowIndex(): number {
  const rows = [...mount.el.querySelectorAll('.bands tbody tr')].filter(
    (tr) => tr.classList.contains('band-row') || tr.classList.contains('price-row'),
  );
  return rows.findIndex((tr) => tr.classList.contains('price-row'));
}

const squash = (s: string | undefined) => (s ?? '').replace(/\s+/g, '');

/** What `npm run clusters` prints for the view (its text report). */
function cliFaces() {
  const lines = clusterReport(view, { nearest: 3 });
  const section = (title: string) => {
    const start = lines.findIndex((l) => l.startsWith(title));
    const out = [];
    for (let i = start + 1; i < lines.length && lines[i]?.startsWith('  '); i++) out.push(lines[i] as string);
    return out
      .filter((l) => l.trim() !== 'none')
      .map((l) => {
        const [range, distance, usd] = l.trim().split(/\s{2,}/);
        return { range: squash(range), distance, usd };
      });
  };
  const risk = (label: string) => lines.find((l) => l.trim().startsWith(label)) ?? '';
  const usdOf = (line: string) => line.trim().split(/\s{2,}/)[2] ?? null;
  const inverseOf = (line: string) => /· (\$.*)$/.exec(line)?.[1] ?? null;
  return {
    above: section('Nearest bands above'),
    below: section('Nearest bands below'),
    atRisk: { up: usdOf(risk('Up ')), down: usdOf(risk('Down ')) },
    inverse: { up: inverseOf(risk('Up ')), down: inverseOf(risk('Down ')) },
    funding: /funding (\S+ %) \/ 8h \(/.exec(lines.find((l) => l.includes('All venues')) ?? '')?.[1] ?? null,
  };
}

/** What the overlay's badge shows at the same price and move. */
function badgeFaces(calibration: Calibration | null = null) {
  const model = badgeModel({
    calibration,
    asset: 'BTC',
    unsupported: null,
    reply: makeReply(view),
    requestError: null,
    price: { price: view.price, source: 'view' },
    movePct: MOVE,
    now: FETCHED_AT,
  });
  return {
    atRisk: { up: model.lines?.[0].usdText ?? null, down: model.lines?.[1].usdText ?? null },
    funding: model.funding?.text ?? null,
    label: { up: model.lines?.[0].calibrated.label ?? null, down: model.lines?.[1].calibrated.label ?? null },
    note: { up: model.lines?.[0].calibrated.note ?? null, down: model.lines?.[1].calibrated.note ?? null },
  };
}

type Calibration = Record<'long' | 'short', CalibrationFactor>;

/** Shorts with a factor over 14 swept bands; longs with 6, "not enough data yet". */
const calibration: Calibration = {
  short: {
    side: 'short',
    sweptBands: 14,
    estimatedUsd: 8e8,
    realisedUsd: 2.5e8,
    factor: { value: 0.31, low: 0.18, high: 0.52 },
  },
  long: { side: 'long', sweptBands: 6, estimatedUsd: 3e8, realisedUsd: 1e8, factor: null },
};

describe('one figure, one definition: the popup, the badge and the CLI agree', () => {
  it('on the nearest bands, straddling ones included, with the same distances', () => {
    const popup = popupFaces();
    const cli = cliFaces();
    const strip = (rows: { range: string; distance?: string; usd?: string }[]) =>
      rows.map(({ range, distance, usd }) => ({ range, distance, usd }));
    expect(strip(popup.above)).toEqual(strip(cli.above));
    expect(strip(popup.below)).toEqual(strip(cli.below));
    // The straddling short band is the nearest above, the straddling long band the nearest below, both at 0.
    expect(popup.above[0]).toMatchObject({ side: 'short', range: '94,900–95,300', distance: '0.0 %' });
    expect(popup.below[0]).toMatchObject({ side: 'long', range: '94,800–95,100', distance: '0.0 %' });
  });

  it("on each band's distance, the chart's band labels included", () => {
    const popup = popupFaces();
    const rows = [...popup.above, ...popup.below];
    expect(rows.length).toBe(6);
    for (const row of rows) {
      const band = view.bands.find(
        (b) =>
          `${formatPrice(b.low, { step: view.bins.width })}–${formatPrice(b.high, { step: view.bins.width })}` ===
          row.range,
      ) as Band;
      expect(bandTexts(band, view.price).label.endsWith(` · ${row.distance}`)).toBe(true);
    }
  });

  it('on at-risk, its inverse and the aggregate funding', () => {
    const popup = popupFaces();
    const cli = cliFaces();
    const badge = badgeFaces();
    expect(popup.atRisk).toEqual(cli.atRisk);
    expect(badge.atRisk).toEqual(cli.atRisk);
    expect(popup.inverse).toEqual(cli.inverse);
    expect(popup.inverse.up).toMatch(/^\$\S+ of shorts: \+/);
    expect(popup.funding).toEqual(cli.funding);
    expect(badge.funding).toEqual(cli.funding);
    expect(cli.funding).not.toBeNull();
  });

  it('on calibrated at-risk: the same figure, label and range on the popup and the badge', () => {
    const popup = popupFaces(calibration);
    const badge = badgeFaces(calibration);
    expect(badge.atRisk).toEqual(popup.atRisk);
    expect(badge.label).toEqual(popup.label);
    expect(badge.note).toEqual(popup.note);
    // Shorts (up) are calibrated; longs (down) have too few swept bands and keep the model's figure.
    const model = atRiskOf(cliFaces());
    expect(popup.label).toEqual({ up: 'calibrated estimate', down: 'estimate' });
    expect(popup.atRisk.up).toBe(calibratedAtRisk(view.atRisk.up.notionalUsd, calibration.short).usdText);
    expect(popup.atRisk.up).not.toBe(model.up);
    expect(popup.atRisk.down).toBe(model.down);
    expect(popup.note.down).toBe('Calibration: not enough data yet (6 of 10 swept bands); figure unchanged');
    expect(popup.note.up).toMatch(
      /^\$\S+–\$\S+ at 95 %: the model's \$\S+ × realised ÷ estimate 0\.31 \(0\.18–0\.52\)/,
    );
  });

  it('with calibrated at-risk off, both say "estimate" and show no calibration note', () => {
    const popup = popupFaces();
    const badge = badgeFaces();
    expect(popup.label).toEqual({ up: 'estimate', down: 'estimate' });
    expect(badge.label).toEqual(popup.label);
    expect(popup.note).toEqual({ up: null, down: null });
    expect(badge.note).toEqual(popup.note);
  });
});

const atRiskOf = (faces: ReturnType<typeof cliFaces>) => faces.atRisk;
