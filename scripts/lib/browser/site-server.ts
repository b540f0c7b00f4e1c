import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { CHART_FRAMES } from '../../../lib/chart/bridge/read-chart';
import { siteById } from '../../../lib/sites';
import type { SiteId } from '../../../lib/sites/types';
import { ROOT } from './harness';

const SITES_DIR = path.join(ROOT, 'test/fixtures/sites');
const ASSETS: Record<string, { file: string; type: string }> = {
  'lightweight-charts.js': {
    file: path.join(ROOT, 'node_modules/lightweight-charts/dist/lightweight-charts.standalone.production.js'),
    type: 'text/javascript',
  },
  'fake-cl.js': { file: path.join(SITES_DIR, 'assets/fake-cl.js'), type: 'text/javascript' },
  'host-page.js': { file: path.join(SITES_DIR, 'assets/host-page.js'), type: 'text/javascript' },
  'lwc-page.js': { file: path.join(SITES_DIR, 'assets/lwc-page.js'), type: 'text/javascript' },
  'cl-frame.html': { file: path.join(SITES_DIR, 'assets/cl-frame.html'), type: 'text/html' },
  'charting_library/sameorigin.html': {
    file: path.join(SITES_DIR, 'assets/cl-frame.html'),
    type: 'text/html',
  },
};

/**
 * `lwc`: the page draws its own chart with the lightweight-charts standalone global, no TradingView API.
 * `okx-static` and `hl-financial`: the chart frames as the public evidence shows OKX's and Hyperliquid's
 * (site-support.md, "The real sites as the public evidence shows them").
 */
export type ChartMode =
  | 'site'
  | 'blob'
  | 'about-blank'
  | 'sameorigin'
  | 'okx-static'
  | 'hl-financial'
  | 'native'
  | 'none'
  | 'lwc';

/** Where the fixtures put their chart frame: the bridge's own list (`CHART_FRAMES`), first match. */
export const FIXTURE_FRAME = CHART_FRAMES;

/** OKX's chart frame document: `/tradingview/static/<lang>-tv-chart.<hash>.html`. */
const OKX_STATIC_FRAME = /^\/tradingview\/static\/[a-z]{2}(?:[-_][A-Za-z]{2})?-tv-chart\.[0-9a-f]+\.html$/;

/** A candle as the fake chart draws it: open time in unix seconds. */
export interface FixtureCandle {
  time: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

export interface ChartOptions {
  price: number;
  /** The candles to draw (oldest first); without them, a seeded random walk that ends at `price`. */
  candles?: readonly FixtureCandle[];
  version?: 24 | 29;
  tiny?: boolean;
  margins?: boolean;
  volumePane?: boolean;
  /** lwc: the volume series is added before the candles (it draws under them; the bridge must still take the candles). */
  volumeFirst?: boolean;
  mainInPane1?: boolean;
  leftScale?: boolean;
  inverted?: boolean;
  log?: boolean;
  /** An API that lies: its range shifted by a fraction, or its pane height off by some px. */
  lie?: { rangeShift?: number; heightDelta?: number; timeShiftBars?: number };
  /**
   * Mode `lwc` only: the library arrives late (a script the page inserts after load), or the page's own
   * `LightweightCharts` is hostile (createChart throws, or returns an object without the chart API).
   */
  lwc?: 'late' | 'throws' | 'no-api';
  /** A build without `getVisiblePriceRange`: the scale is read through `coordinateToPrice`. */
  noVisibleRange?: boolean;
  /** Binance's: the widget exists this long before its model (`activeChart().hasModel()` false until then). */
  modelDelayMs?: number;
}

export interface SiteFixture {
  site: SiteId;
  /** The real URL the page is served at. */
  url: string;
  mode: ChartMode;
  /** The chart API's symbol, e.g. `BINANCE:BTCUSDT.P`. */
  symbol: string;
  chart: ChartOptions;
  frameBorder?: number;
  /** Extra page height below the chart, to test page scroll. */
  below?: number;
  /** Attributes for the page's <html> element, e.g. `data-liqlens-bench` for the overlay benchmark. */
  htmlAttributes?: Record<string, string>;
}

const CONTAINER: Record<SiteId, string> = {
  tradingview: '.chart-widget',
  binance: '#chart_futures-tradingview',
  bybit: '#tv_chart_container',
  okx: '#okx-tv-chart',
  hyperliquid: '#tv_chart_container',
};

function pageHtml(fixture: SiteFixture): string {
  const template = fs.readFileSync(path.join(SITES_DIR, `${fixture.site}.html`), 'utf8');
  const config = { ...fixture, container: CONTAINER[fixture.site] };
  // JSON inside a <script>: escape "<" so no value can close the element.
  const json = JSON.stringify(config).replaceAll('<', '\\u003c');
  const below = fixture.below ? `<div style="height:${fixture.below}px" data-fixture-spacer></div>` : '';
  const attributes = Object.entries(fixture.htmlAttributes ?? {})
    .map(([name, value]) => ` ${name.replace(/[^a-z0-9-]/gi, '')}="${value.replace(/[&"<]/g, '')}"`)
    .join('');
  let html = template
    .replace('<html lang="en"', `<html lang="en"${attributes}`)
    .replace('{{FIXTURE}}', `${below}<script>window.__FIXTURE__ = ${json};</script>`);
  if (fixture.mode === 'lwc') {
    const library = '<script src="/__liqlens_fixtures__/lightweight-charts.js"></script>';
    if (fixture.chart.lwc) html = html.replace(library, '');
    html = html.replace('</body>', '<script src="/__liqlens_fixtures__/lwc-page.js"></script>\n  </body>');
  }
  return html;
}

/** What a site's origin answers in a fixture: a status, a content type and a body. */
export interface SiteAnswer {
  status: number;
  contentType: string;
  body: string;
}

/**
 * The answer to a request for `url` on the fixture's origin: the fixture assets under /__liqlens_fixtures__/, the
 * fixture page for a chart-page document, a plain page for any other document, and null for everything else (the
 * caller's other routes take it). Shared by the Chromium routes below and the Firefox proxy (scripts/lib/firefox).
 */
export function siteAnswer(fixture: SiteFixture, url: URL, isDocument: boolean): SiteAnswer | null {
  const origin = new URL(fixture.url).origin;
  if (url.pathname.startsWith('/__liqlens_fixtures__/')) {
    const asset = ASSETS[url.pathname.slice('/__liqlens_fixtures__/'.length)];
    if (!asset) return { status: 404, contentType: 'text/plain', body: 'no such fixture asset' };
    let body = fs.readFileSync(asset.file, 'utf8');
    if (asset.type === 'text/html')
      body = body.replaceAll('{{ORIGIN}}', origin).replaceAll('{{SYMBOL}}', fixture.symbol);
    return { status: 200, contentType: asset.type, body };
  }
  if (OKX_STATIC_FRAME.test(url.pathname)) {
    const body = fs
      .readFileSync(path.join(SITES_DIR, 'assets/cl-frame.html'), 'utf8')
      .replaceAll('{{ORIGIN}}', origin)
      .replaceAll('{{SYMBOL}}', fixture.symbol);
    return { status: 200, contentType: 'text/html', body };
  }
  if (!isDocument) return null;
  if (siteById(fixture.site).isChartPage(url))
    return { status: 200, contentType: 'text/html; charset=utf-8', body: pageHtml(fixture) };
  return { status: 200, contentType: 'text/html', body: '<!doctype html><title>Not a chart</title>' };
}

/**
 * Serves a site's fixture page at its real URL, and the fixture assets beside it under /__liqlens_fixtures__/.
 * Register after routeExchanges: the last route registered runs first, and API paths fall back to it.
 * `fixture` may be a function, read at every request: one route then serves the variant a test asks for next.
 */
export async function routeSite(
  context: BrowserContext,
  fixtureOrCurrent: SiteFixture | (() => SiteFixture),
): Promise<void> {
  const current = typeof fixtureOrCurrent === 'function' ? fixtureOrCurrent : () => fixtureOrCurrent;
  const origin = new URL(current().url).origin;
  await context.route(`${origin}/**`, async (route) => {
    const request = route.request();
    const answer = siteAnswer(current(), new URL(request.url()), request.resourceType() === 'document');
    return answer ? route.fulfill(answer) : route.fallback();
  });
}

/** Waits until the fixture's chart exists (top document or the chart iframe). */
export async function chartReady(page: Page, mode: ChartMode): Promise<void> {
  if (mode === 'native' || mode === 'none') return;
  if (mode === 'site' || mode === 'lwc') {
    await page.waitForFunction(() => document.documentElement.dataset.fixtureChart === 'ready');
    return;
  }
  await page.waitForFunction((selector) => {
    const frame = document.querySelector<HTMLIFrameElement>(selector);
    return frame?.contentDocument?.documentElement?.dataset.fixtureChart === 'ready';
  }, FIXTURE_FRAME);
}

/** The chart's own y (top-document viewport px) for a price, through lightweight-charts' conversion. */
export async function chartY(page: Page, price: number): Promise<number | null> {
  return page.evaluate(
    ([p, selector]) => {
      type Fixture = { priceToClientY(price: number): number | null };
      const top = (window as unknown as { __fixture?: Fixture }).__fixture;
      if (top) return top.priceToClientY(p);
      const frame = document.querySelector<HTMLIFrameElement>(selector);
      const inner = (frame?.contentWindow as unknown as { __fixture?: Fixture } | null)?.__fixture;
      if (!frame || !inner) return null;
      const y = inner.priceToClientY(p);
      const rect = frame.getBoundingClientRect();
      return y === null ? null : rect.top + frame.clientTop + y;
    },
    [price, FIXTURE_FRAME] as const,
  );
}

/** Runs a function on the fixture handle, wherever the chart lives. */
export async function onFixture(page: Page, action: string, ...args: unknown[]): Promise<void> {
  await page.evaluate(
    ([name, params, selector]) => {
      type Handle = Record<string, (...a: unknown[]) => unknown>;
      const top = (window as unknown as { __fixture?: Handle }).__fixture;
      const frame = document.querySelector<HTMLIFrameElement>(selector);
      const handle = top ?? (frame?.contentWindow as unknown as { __fixture?: Handle } | null)?.__fixture;
      handle?.[name as string]?.(...(params as unknown[]));
    },
    [action, args, FIXTURE_FRAME] as const,
  );
}
