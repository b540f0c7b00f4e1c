import { readFile } from 'node:fs/promises';
import { createMemoryOiSnapshotStore } from '../../../lib/engine/oi-snapshot-store';
import type { EngineState } from '../../../lib/engine/series-cache';
import { createLiveEngine, createVirtualClock } from '../../../lib/engine/setup';
import { budgetRules, requestWeight, responseWeight } from '../../../lib/http/budgets';
import { type HarDocument, parseHarText } from '../../../lib/http/har';
import { createHarFetch, harNow } from '../../../lib/http/har-replay';
import type { FetchLike, HostId, HttpRequest } from '../../../lib/http/types';
import { VENUE_LABEL, VENUES } from '../../../lib/market/venue';
import { DEFAULT_PARAMS } from '../../../lib/model/params';
import { FIXTURE_NOW, FIXTURE_SEED } from '../sim/fixture-cases';
import { createBtcMarket } from '../sim/market';
import { createSimulatorFetch } from '../sim/simulator';
import { type BenchCase, type Metric, timedCase } from './types';

const HAR_PATH = 'test/fixtures/har/btc-all.har';
const HOSTS: Record<string, HostId> = {
  'fapi.binance.com': 'binance',
  'api.bybit.com': 'bybit',
  'www.okx.com': 'okx',
  'api.hyperliquid.xyz': 'hyperliquid',
  'open-api-v4.coinglass.com': 'coinglass',
};
const MIN = 60_000;

async function loadHar(): Promise<HarDocument> {
  const parsed = parseHarText(await readFile(HAR_PATH, 'utf8'));
  if (!parsed.ok) throw new Error(`${HAR_PATH}: ${parsed.error}`);
  return parsed.value;
}

interface Sent {
  req: HttpRequest;
  json: unknown;
}

/** A fetch that notes every request (and its answer, for Hyperliquid's per-item weight). */
function logging(inner: FetchLike, sent: Sent[]): FetchLike {
  return async (url, init) => {
    const res = await inner(url, init);
    const text = await res.text();
    const host = HOSTS[new URL(url).hostname] ?? 'binance';
    const req: HttpRequest = { host, endpoint: '', method: init?.method === 'POST' ? 'POST' : 'GET', url };
    if (init?.body) req.body = JSON.parse(init.body);
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
    sent.push({ req, json });
    return { status: res.status, headers: res.headers, text: async () => text };
  };
}

/**
 * Per venue: requests, and the share of its published limits the burst takes — in each limit's own
 * window (a cold refresh is one burst) and per minute at one refresh a minute (the background's pace).
 */
function budgetMetrics(
  sent: Sent[],
  what: string,
  targets: { total?: number; perMinutePct?: number },
): Metric[] {
  const metrics: Metric[] = [];
  for (const venue of VENUES) {
    const mine = sent.filter((s) => s.req.host === venue);
    const units = new Map<string, { published: number; windowMs: number; used: number }>();
    for (const { req, json } of mine) {
      const weight = requestWeight(req) + responseWeight(req, json);
      for (const rule of budgetRules(req)) {
        const u = units.get(rule.key) ?? { published: rule.published, windowMs: rule.windowMs, used: 0 };
        u.used += rule.unit === 'weight' ? weight : 1;
        units.set(rule.key, u);
      }
    }
    let burst = { pct: 0, key: '' };
    let perMinute = 0;
    for (const [key, u] of units) {
      const pct = (100 * u.used) / u.published;
      if (pct > burst.pct) burst = { pct, key };
      perMinute = Math.max(perMinute, (100 * u.used) / (u.published * (MIN / u.windowMs)));
    }
    const label = VENUE_LABEL[venue];
    metrics.push({ label: `${label}: requests, ${what}`, value: mine.length, unit: 'req' });
    metrics.push({
      label: `${label}: busiest limit in its window (${burst.key || 'none'})`,
      value: Number(burst.pct.toFixed(1)),
      unit: '%',
    });
    const perMinuteMetric: Metric = {
      label: `${label}: busiest limit per minute at 1 refresh / min`,
      value: Number(perMinute.toFixed(2)),
      unit: '%',
    };
    if (targets.perMinutePct !== undefined) perMinuteMetric.targetMax = targets.perMinutePct;
    metrics.push(perMinuteMetric);
  }
  const total: Metric = { label: `all venues: requests, ${what}`, value: sent.length, unit: 'req' };
  if (targets.total !== undefined) total.targetMax = targets.total;
  metrics.push(total);
  return metrics;
}

function replayEngine(har: HarDocument, sent?: Sent[]) {
  const clock = createVirtualClock(harNow(har));
  const replay = createHarFetch(har, { now: clock.now });
  const fetch = sent ? logging(replay, sent) : replay;
  return createLiveEngine({
    fetch,
    now: clock.now,
    sleep: clock.sleep,
    random: () => 0.5,
    oiStore: createMemoryOiSnapshotStore(),
  }).engine;
}

interface WarmContext {
  har: HarDocument;
  state: EngineState;
}

/** The live pipeline on the btc-all replay, and its requests per venue cold and warm. */
export const PIPELINE_CASES: BenchCase[] = [
  timedCase<HarDocument>({
    name: 'pipeline-cold',
    description: 'engine.refresh, cold, btc-all replay (4 venues, 7 d × 15 m: HTTP, zod, model, cascade)',
    setup: loadHar,
    run: (har) => replayEngine(har).refresh('BTC', DEFAULT_PARAMS),
    runs: 15,
    warmup: 3,
  }),
  timedCase<WarmContext>({
    name: 'pipeline-warm',
    description: 'engine.refresh, warm a minute later (same candle), btc-all replay',
    setup: async () => {
      const har = await loadHar();
      const cold = await replayEngine(har).refresh('BTC', DEFAULT_PARAMS);
      return { har, state: cold.state };
    },
    run: ({ har, state }) => replayEngine(har).refresh('BTC', DEFAULT_PARAMS, { previous: state }),
    runs: 30,
  }),
  {
    kind: 'metrics',
    name: 'requests-cold',
    description: 'requests per venue for a cold refresh (btc-all replay) and share of each venue’s budget',
    measure: async () => {
      const sent: Sent[] = [];
      await replayEngine(await loadHar(), sent).refresh('BTC', DEFAULT_PARAMS);
      return budgetMetrics(sent, 'cold', { total: 40, perMinutePct: 10 });
    },
  },
  {
    kind: 'metrics',
    name: 'requests-warm',
    description:
      'requests per venue for warm refreshes: within a candle (replay), after a candle close (simulator)',
    measure: async () => {
      // One engine for both, as a background keeps it: cached contract sizes and funding intervals stay.
      const sent: Sent[] = [];
      const engine = replayEngine(await loadHar(), sent);
      const cold = await engine.refresh('BTC', DEFAULT_PARAMS);
      sent.length = 0;
      await engine.refresh('BTC', DEFAULT_PARAMS, { previous: cold.state });
      const metrics = budgetMetrics(sent, 'warm, same candle', { total: 12, perMinutePct: 10 });
      metrics.push(...(await simulatedHour()));
      return metrics;
    },
  },
];

/** A background's hour against the simulator: one refresh a minute after a cold start. */
async function simulatedHour(): Promise<Metric[]> {
  const market = createBtcMarket(FIXTURE_NOW + 24 * 60 * MIN, FIXTURE_SEED);
  let t = FIXTURE_NOW;
  const sent: Sent[] = [];
  const fetch = logging(createSimulatorFetch(market, { now: () => t }), sent);
  const { engine } = createLiveEngine({
    fetch,
    now: () => t,
    sleep: async (ms) => {
      t += ms;
    },
    random: () => 0.5,
    oiStore: createMemoryOiSnapshotStore(),
  });
  let state = (await engine.refresh('BTC', DEFAULT_PARAMS)).state;
  const perRefresh: number[] = [];
  const atClose: number[] = [];
  const within: number[] = [];
  for (let k = 1; k <= 60; k++) {
    t = FIXTURE_NOW + k * MIN;
    const before = sent.length;
    const r = await engine.refresh('BTC', DEFAULT_PARAMS, { previous: state });
    state = r.state;
    const n = sent.length - before;
    perRefresh.push(n);
    if (Math.floor(t / (15 * MIN)) !== Math.floor((t - MIN) / (15 * MIN))) atClose.push(n);
    else within.push(n);
  }
  return [
    {
      label: 'warm after a candle close (simulator)',
      value: Math.max(...atClose),
      unit: 'req',
      targetMax: 12,
    },
    {
      label: 'warm within a candle, the most (simulator)',
      value: Math.max(...within),
      unit: 'req',
      targetMax: 12,
    },
    {
      label: 'mean per refresh over an hour at 1 / min (simulator)',
      value: Number((perRefresh.reduce((a, b) => a + b, 0) / perRefresh.length).toFixed(2)),
      unit: 'req',
    },
  ];
}
