import { describe, expect, it } from 'vitest';
import { type PopupDisplay, popupModel } from '../../components/popup/popup-model';
import { testDisplay } from '../fixtures/display';
import { makeView } from '../fixtures/views';

const display: PopupDisplay = testDisplay();

describe('popupModel', () => {
  it('takes the at-risk figures from the view and adds the inverse for a round notional', () => {
    const [up, down] = popupModel(makeView(), display).atRisk;
    expect(up).toMatchObject({
      direction: 'up',
      side: 'short',
      movePct: 3,
      price: 97_850,
      notionalUsd: 1.45e9,
    });
    // $1B of shorts: 50M in 95,500–96,500, 500M in 96,800–96,900, then 450M of the 700M bin from 96,900.
    expect(up.inverse?.usd).toBe(1e9);
    expect(up.inverse?.movePct).toBeCloseTo((96_900 + (450 / 700) * 100) / 950 - 100, 9);
    expect(down).toMatchObject({
      direction: 'down',
      side: 'long',
      movePct: -3,
      price: 92_150,
      notionalUsd: 1.35e9,
    });
    // $1B of longs: 50M in 94,000–95,000, 300M, 600M, then 50M of the 400M bin under 93,100.
    expect(down.inverse?.movePct).toBeCloseTo(-(100 - (93_100 - (50 / 400) * 100) / 950), 9);
  });

  it('recomputes the at-risk figure from the bins for another move', () => {
    const [up, down] = popupModel(makeView(), { ...display, movePct: 2 }).atRisk;
    expect(up.notionalUsd).toBeCloseTo(550e6, 0);
    expect(up.price).toBeCloseTo(96_900, 9);
    // Longs in [93,100, 95,000): 50M, the 300M and 600M bins.
    expect(down.notionalUsd).toBeCloseTo(950e6, 0);
  });

  it('picks the nearest-band cascade for each direction, not the move one', () => {
    const [up, down] = popupModel(makeView(), display).atRisk;
    expect(up.cascade).toMatchObject({ trigger: 'nearest-band', fromPrice: 96_800, endPrice: 97_400 });
    expect(down.cascade).toMatchObject({ trigger: 'nearest-band', fromPrice: 93_300, stop: 'beyond-depth' });
    const none = popupModel(makeView({ cascade: [] }), display).atRisk;
    expect(none[0].cascade).toBeNull();
  });

  it('lists the failed venues and applies the band threshold', () => {
    const model = popupModel(makeView(), { ...display, minBandUsd: 1e9 });
    expect(model.failedVenues.map((v) => v.venue)).toEqual(['hyperliquid']);
    expect(model.bands.above.map((b) => b.band.low)).toEqual([96_800]);
    expect(model.bands.below.map((b) => b.band.low)).toEqual([93_000]);
  });

  it('has no inverse when nothing is at risk', () => {
    const view = makeView();
    const empty = makeView({
      bins: { ...view.bins, short: view.bins.short.map(() => 0) },
      atRisk: { ...view.atRisk, up: { price: 97_850, notionalUsd: 0 } },
    });
    expect(popupModel(empty, display).atRisk[0].inverse).toBeNull();
  });
});

describe('popupModel venue totals', () => {
  it('weights funding by open interest and compounds the 24 h change of the sum', () => {
    // Binance 8.1B at +0.0100 %, Bybit 5.2B at −0.0050 %, OKX 2.9B at 0; Hyperliquid failed (left out).
    const total = popupModel(makeView(), display).venueTotals;
    expect(total.openInterestUsd).toBeCloseTo(16.2e9, 0);
    expect(total.funding?.rate8h).toBeCloseTo((8.1 * 0.0001 - 5.2 * 0.00005) / 16.2, 15);
    const before = 8.1e9 / 1.021 + 5.2e9 / 0.986 + 2.9e9 / 1.003;
    expect(total.openInterestChange24hPct).toBeCloseTo((16.2e9 / before - 1) * 100, 10);
  });

  it('has no total change when a venue in the sum has none', () => {
    const venues = makeView().venues.map((v) =>
      v.venue === 'okx' ? { ...v, openInterestChange24hPct: null } : v,
    );
    const total = popupModel({ ...makeView(), venues }, display).venueTotals;
    expect(total.openInterestUsd).toBeCloseTo(16.2e9, 0);
    expect(total.openInterestChange24hPct).toBeNull();
  });

  it('is empty when no venue reports open interest', () => {
    const view = makeView();
    const venues = view.venues.map((v) => ({ ...v, openInterestUsd: null }));
    expect(popupModel({ ...view, venues }, display).venueTotals).toEqual({
      funding: null,
      openInterestUsd: null,
      openInterestChange24hPct: null,
    });
  });
});
