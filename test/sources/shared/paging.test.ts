import { describe, expect, it } from 'vitest';
import type { SourceFailure } from '../../../lib/http/types';
import {
  alignDown,
  alignUp,
  collectChunks,
  collectPages,
  type Page,
  type TimeChunk,
  timeChunks,
} from '../../../lib/sources/shared/paging';
import { ok, type Result } from '../../../lib/util/result';

type Item = { t: number; v: string };

function pages(list: Page<Item, number>[]) {
  const asked: number[] = [];
  const fetchPage = async (cursor: number): Promise<Result<Page<Item, number>, SourceFailure>> => {
    asked.push(cursor);
    const page = list[cursor];
    return ok(page ?? { items: [], next: null });
  };
  return { asked, fetchPage };
}

describe('collectPages', () => {
  it('dedupes overlapping pages (later wins), sorts ascending, follows next', async () => {
    const { asked, fetchPage } = pages([
      {
        items: [
          { t: 30, v: 'a' },
          { t: 20, v: 'a' },
        ],
        next: 1,
      },
      {
        items: [
          { t: 20, v: 'b' },
          { t: 10, v: 'b' },
        ],
        next: 2,
      },
      { items: [{ t: 0, v: 'c' }], next: null },
    ]);
    const r = await collectPages({ first: 0, fetchPage, key: (i) => i.t });
    expect(asked).toEqual([0, 1, 2]);
    expect(r).toEqual({
      ok: true,
      value: [
        { t: 0, v: 'c' },
        { t: 10, v: 'b' },
        { t: 20, v: 'b' },
        { t: 30, v: 'a' },
      ],
    });
  });

  it('stops when a page brings nothing new even if it offers a next page', async () => {
    const { asked, fetchPage } = pages([
      { items: [{ t: 2, v: 'a' }], next: 1 },
      { items: [{ t: 2, v: 'a' }], next: 2 },
      { items: [{ t: 1, v: 'never' }], next: null },
    ]);
    const r = await collectPages({ first: 0, fetchPage, key: (i) => i.t });
    expect(asked).toEqual([0, 1]);
    expect(r.ok && r.value.map((i) => i.t)).toEqual([2]);
  });

  it('an empty first page gives an empty result', async () => {
    const { fetchPage } = pages([{ items: [], next: 1 }]);
    expect(await collectPages({ first: 0, fetchPage, key: (i) => i.t })).toEqual({ ok: true, value: [] });
  });

  it('respects maxPages', async () => {
    const fetchPage = async (c: number) => ok({ items: [{ t: c, v: '' }], next: c + 1 });
    const r = await collectPages({ first: 0, fetchPage, key: (i: Item) => i.t, maxPages: 3 });
    expect(r.ok && r.value.length).toBe(3);
  });

  it('a failing page fails the whole', async () => {
    const failure: SourceFailure = { kind: 'timeout', host: 'bybit', endpoint: 'kline', message: 'slow' };
    const fetchPage = async (c: number): Promise<Result<Page<Item, number>, SourceFailure>> =>
      c === 0 ? ok({ items: [{ t: 1, v: '' }], next: 1 }) : { ok: false, error: failure };
    expect(await collectPages({ first: 0, fetchPage, key: (i) => i.t })).toEqual({
      ok: false,
      error: failure,
    });
  });
});

describe('time chunks', () => {
  it('aligns', () => {
    expect(alignDown(1_000_123, 1000)).toBe(1_000_000);
    expect(alignUp(1_000_123, 1000)).toBe(1_001_000);
    expect(alignUp(1_000_000, 1000)).toBe(1_000_000);
  });

  it('splits the aligned points newest chunk first', () => {
    // points 0,10,…,90 (10 points), chunks of 4: [60..90], [20..50], [0..10]
    expect(timeChunks(-5, 95, 10, 4)).toEqual([
      { start: 60, end: 90, count: 4 },
      { start: 20, end: 50, count: 4 },
      { start: 0, end: 10, count: 2 },
    ]);
  });

  it('7 days of 15m in chunks of 500 → 500 + 173', () => {
    const m15 = 900_000;
    const to = 1_700_000_100_000; // aligned to 15 min
    const chunks = timeChunks(to - 7 * 86_400_000, to, m15, 500);
    expect(chunks.map((c) => c.count)).toEqual([500, 173]);
    expect(chunks[0]?.end).toBe(to);
    expect(chunks[1]?.start).toBe(to - 672 * m15);
  });

  it('no aligned point in the window → no chunk', () => {
    expect(timeChunks(11, 19, 10, 4)).toEqual([]);
  });
});

describe('collectChunks', () => {
  // Points 1…25 by 1, chunks of 10 newest first: [16, 25], [6, 15], [1, 5].
  const chunks = timeChunks(1, 25, 1, 10);
  const points = (c: TimeChunk) => Array.from({ length: c.count }, (_, i) => c.start + i);

  it('asks every chunk once, newest first, and returns the points ascending', async () => {
    const asked: number[] = [];
    const r = await collectChunks<number>(
      chunks,
      (t) => t,
      async (c) => {
        asked.push(c.start);
        return ok({ items: points(c) });
      },
    );
    expect(asked).toEqual([16, 6, 1]);
    expect(r).toEqual({ ok: true, value: Array.from({ length: 25 }, (_, i) => i + 1) });
  });

  it('stops after a chunk that says the history ends there, keeping its points', async () => {
    const asked: number[] = [];
    const r = await collectChunks<number>(
      chunks,
      (t) => t,
      async (c) => {
        asked.push(c.start);
        return ok({ items: c.start === 6 ? [14, 15] : points(c), end: c.start === 6 });
      },
    );
    expect(asked).toEqual([16, 6]);
    expect(r.ok && r.value).toEqual([14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25]);
  });

  it('fails with the first failing chunk', async () => {
    const failure: SourceFailure = { kind: 'network', host: 'binance', endpoint: 'klines', message: 'down' };
    const r = await collectChunks<number>(
      chunks,
      (t) => t,
      async (c) => (c.start === 6 ? { ok: false, error: failure } : ok({ items: points(c) })),
    );
    expect(r).toEqual({ ok: false, error: failure });
  });
});
