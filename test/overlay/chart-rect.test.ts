import { describe, expect, it } from 'vitest';
import { findChartRect, usableDock } from '../../lib/overlay/chart-rect';

const el = (left: number, top: number, width: number, height: number) => ({
  getBoundingClientRect: () => ({ left, top, width, height }),
});
const viewport = { width: 1280, height: 800 };

describe('findChartRect', () => {
  it('picks the largest chart-like element, clipped to the viewport', () => {
    const doc = {
      querySelectorAll: (selector: string) => {
        expect(selector).toBe(
          'iframe[id^="tradingview_"], .tv-chart-box iframe, #tv_chart_container iframe, canvas',
        );
        return [el(0, 0, 100, 40), el(200, 100, 900, 500), el(-50, 600, 1400, 400)];
      },
    };
    // 900 × 500 = 450,000 against the clipped 1,280 × 200 = 256,000.
    expect(findChartRect(doc, viewport)).toEqual({ left: 200, top: 100, width: 900, height: 500 });
  });

  it('ignores elements too small to be a chart', () => {
    expect(findChartRect({ querySelectorAll: () => [el(0, 0, 200, 150)] }, viewport)).toBeNull();
  });
});

describe('usableDock', () => {
  it('keeps an on-screen pane and clips it to the viewport', () => {
    expect(usableDock({ left: 1000, top: 100, width: 600, height: 500 }, viewport)).toEqual({
      left: 1000,
      top: 100,
      width: 280,
      height: 500,
    });
  });

  it('refuses a pane off screen or absent', () => {
    expect(usableDock({ left: 0, top: 900, width: 800, height: 400 }, viewport)).toBeNull();
    expect(usableDock(null, viewport)).toBeNull();
  });
});
