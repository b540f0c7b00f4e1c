import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createVirtualClock } from '../../../lib/engine/setup';
import { createIdbAccountStore, createMemoryAccountStore } from '../../../lib/hl-positions/account-store';
import { parseAccount } from '../../../lib/hl-positions/fetch-account';
import { createPacer, MAX_REQUESTS_PER_MINUTE } from '../../../lib/hl-positions/pacer';
import { buildRealMap, usableStates } from '../../../lib/hl-positions/real-map';
import { createPositionScanner } from '../../../lib/hl-positions/scanner';
import type { AccountRecord } from '../../../lib/hl-positions/schemas';
import { createHttpClient } from '../../../lib/http/client';
import { layoutPositions, paintPositions } from '../../../lib/overlay/layers/positions';
import { clearinghouseState, simAccounts } from '../hl-sim/accounts';
import { createHlSimFetch } from '../hl-sim/simulator';
import { type BenchCase, timedCase } from './types';

const START = Date.UTC(2026, 11, 6);
const round = (v: number, places: number) => Math.round(v * 10 ** places) / 10 ** places;
const MINUTE = 60_000;

/** A full pass over `count` accounts on the simulator, in virtual time (no near positions: the pass alone). */
async function fullPass(count: number) {
  const clock = createVirtualClock(START);
  const accounts = simAccounts(count);
  const sim = createHlSimFetch({ now: clock.now, accounts });
  const http = createHttpClient({ fetch: sim, now: clock.now, sleep: clock.sleep });
  const scanner = createPositionScanner({
    http,
    store: createMemoryAccountStore(),
    now: clock.now,
    sleep: clock.sleep,
    prices: () => new Map(),
    pacer: createPacer(),
  });
  await scanner.addAddresses(
    accounts.map((a) => a.address),
    START,
  );
  const cpu = performance.now();
  await scanner.passOnce();
  const cpuMs = performance.now() - cpu;
  const times = sim.log.filter((e) => e.type === 'clearinghouseState').map((e) => e.t);
  let worst = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while ((times[j] as number) <= (times[i] as number) - MINUTE) j++;
    worst = Math.max(worst, i - j + 1);
  }
  return {
    passMs: clock.now() - START,
    worst,
    cpuMs,
    answered: scanner.records().filter((r) => r.state).length,
  };
}

/** 5,000 accounts as the scanner stores them: the simulator's positions, parsed as the venue's answers. */
function records(count: number): AccountRecord[] {
  return simAccounts(count).map((a, i) => {
    const parsed = parseAccount(clearinghouseState(a, START), START + i);
    return {
      address: a.address,
      seenAt: START,
      state: parsed.ok ? parsed.value : null,
      failedAt: null,
      failure: null,
    };
  });
}

export const HL_POSITIONS_CASES: BenchCase[] = [
  {
    kind: 'metrics',
    name: 'hl-positions-pass',
    description:
      'Position scanner on the account simulator, virtual clock: the most clearinghouseState requests in any 60 s, and the time for a full pass over 3,000 addresses at that budget (plus the CPU it took)',
    async measure() {
      const pass = await fullPass(3_000);
      return [
        {
          label: 'requests in any minute',
          value: pass.worst,
          unit: 'req',
          targetMax: MAX_REQUESTS_PER_MINUTE,
        },
        { label: 'full pass over 3,000 addresses', value: round(pass.passMs / MINUTE, 2), unit: 'min' },
        { label: 'accounts answered', value: pass.answered, unit: 'accounts' },
        { label: 'CPU for the pass', value: Math.round(pass.cpuMs), unit: 'ms' },
      ];
    },
  },
  {
    kind: 'metrics',
    name: 'hl-positions-storage',
    description:
      '5,000 scanned accounts (simulated positions, 1 to 3 coins each): heap held by the book in memory, JSON size of the IndexedDB records, and the time to write and read them back (fake-indexeddb in Node)',
    async measure() {
      const gc = (globalThis as { gc?: () => void }).gc;
      gc?.();
      const before = process.memoryUsage().heapUsed;
      const book = records(5_000);
      gc?.();
      const heap = process.memoryUsage().heapUsed - before;
      const bytes = book.reduce((s, r) => s + JSON.stringify(r).length, 0);
      const store = await createIdbAccountStore({ indexedDB: new IDBFactory(), keyRange: IDBKeyRange });
      const t0 = performance.now();
      await store.put(book);
      const t1 = performance.now();
      const loaded = await store.loadAll();
      const t2 = performance.now();
      return [
        {
          label: 'heap for 5,000 accounts',
          value: round(heap / 1024 / 1024, 1),
          unit: gc ? 'MB' : 'MB (no --expose-gc)',
        },
        { label: 'stored JSON for 5,000 accounts', value: round(bytes / 1024 / 1024, 2), unit: 'MB' },
        { label: 'write all', value: Math.round(t1 - t0), unit: 'ms' },
        { label: 'read back', value: Math.round(t2 - t1), unit: 'ms' },
        { label: 'records read back', value: loaded.records.length, unit: 'records' },
      ];
    },
  },
  timedCase({
    name: 'hl-positions-map',
    description: 'The real map of 5,000 accounts for BTC (bins, coverage) on the default grid',
    setup: () => records(5_000),
    run: (book) =>
      buildRealMap({
        asset: 'BTC',
        price: 95_000,
        openInterest: 30_000,
        grid: { binPct: 0.1, rangePct: 25 },
        states: usableStates(book, START + MINUTE),
        now: START + MINUTE,
      }),
  }),
  timedCase({
    name: 'hl-positions-layer',
    description:
      "The layer 'Hyperliquid: real positions', one frame: layout of the 5,000-account map on an 800×600 pane at dpr 2 and its paint on a no-op context (the overlay's layers together must stay under 1 ms a frame)",
    setup: () => {
      const map = buildRealMap({
        asset: 'BTC',
        price: 95_000,
        openInterest: 30_000,
        grid: { binPct: 0.1, rangePct: 25 },
        states: usableStates(records(5_000), START + MINUTE),
        now: START + MINUTE,
      });
      const noop = () => {};
      const ctx = {
        globalAlpha: 1,
        strokeStyle: '',
        fillStyle: '',
        lineWidth: 1,
        font: '',
        textAlign: 'left' as CanvasTextAlign,
        textBaseline: 'alphabetic' as CanvasTextBaseline,
        beginPath: noop,
        moveTo: noop,
        lineTo: noop,
        stroke: noop,
        setLineDash: noop,
        fillText: noop,
      };
      return { bins: map.bins, ctx, shift: 0 };
    },
    run: (c) => {
      c.shift = (c.shift + 37) % 2_000;
      const scale = { from: 88_000 + c.shift, to: 102_000 + c.shift, mode: 0 as const, height: 600 };
      const data = { bins: c.bins, longColor: '#2f80ed', shortColor: '#f2994a' };
      const layout = layoutPositions(data, { width: 800, height: 600, dpr: 2, scale });
      if (layout) paintPositions(c.ctx, layout, data, '22px sans-serif');
      return layout;
    },
    targetMedianMs: 1,
  }),
];
