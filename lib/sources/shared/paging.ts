import type { SourceFailure } from '../../http/types';
import { ok, type Result } from '../../util/result';

export interface Page<T, C> {
  items: T[];
  /** Where the next page starts (a cursor, a time, a chunk index), or `null` when this was the last. */
  next: C | null;
}

export interface CollectOptions<T, C> {
  first: C;
  fetchPage: (cursor: C, index: number) => Promise<Result<Page<T, C>, SourceFailure>>;
  /** The dedupe and sort key, normally the time in ms. */
  key: (item: T) => number;
  /**
   * A guard against a venue that never stops paging (default 40). Pass what the window needs (the chunk
   * count, or the points over the page size plus slack, `pagesFor`): a cap below that silently cuts the
   * oldest part of the history off.
   */
  maxPages?: number;
}

/** Pages a cursor-paged window of `count` points needs at `perPage` a page, plus `slack` for overlaps. */
export function pagesFor(count: number, perPage: number, slack = 2): number {
  return Math.ceil(Math.max(0, count) / Math.max(1, perPage)) + slack;
}

/**
 * Fetches pages until one says there is no next, one brings no item not already seen (a venue that
 * repeats itself or has nothing older), or `maxPages` (default 40) is reached. Returns the items
 * deduplicated by key (the later page wins) and sorted ascending. The first failing page fails the whole.
 */
export async function collectPages<T, C>(options: CollectOptions<T, C>): Promise<Result<T[], SourceFailure>> {
  const { fetchPage, key, maxPages = 40 } = options;
  const byKey = new Map<number, T>();
  let cursor: C | null = options.first;
  for (let index = 0; cursor !== null && index < maxPages; index++) {
    const page = await fetchPage(cursor, index);
    if (!page.ok) return page;
    let fresh = 0;
    for (const item of page.value.items) {
      const k = key(item);
      if (!byKey.has(k)) fresh++;
      byKey.set(k, item);
    }
    if (fresh === 0) break;
    cursor = page.value.next;
  }
  return ok([...byKey.values()].sort((a, b) => key(a) - key(b)));
}

// `+ 0` turns -0 (from Math.ceil(-0.5)) into 0.
export const alignDown = (t: number, step: number): number => Math.floor(t / step) * step + 0;
export const alignUp = (t: number, step: number): number => Math.ceil(t / step) * step + 0;

export interface TimeChunk {
  /** First and last point time in the chunk, both inclusive and aligned to `step`. */
  start: number;
  end: number;
  /** Points in the chunk: (end − start) / step + 1. */
  count: number;
}

/**
 * Splits the aligned points in [fromMs, toMs] into chunks of at most `perChunk` points, newest chunk
 * first — so a venue with a short memory (Binance OI: 30 days) or a recent listing ends paging with an
 * empty page. Empty when the window holds no aligned point.
 */
export function timeChunks(fromMs: number, toMs: number, step: number, perChunk: number): TimeChunk[] {
  const first = alignUp(fromMs, step);
  const last = alignDown(toMs, step);
  const chunks: TimeChunk[] = [];
  for (let end = last; end >= first; end -= perChunk * step) {
    const start = Math.max(first, end - (perChunk - 1) * step);
    chunks.push({ start, end, count: (end - start) / step + 1 });
  }
  return chunks;
}

/**
 * Fetches time chunks (from `timeChunks`, newest first) through `collectPages`: one request a chunk, until the
 * last chunk, a chunk that brings nothing new, or one that says it reached the end of the venue's history.
 */
export function collectChunks<T>(
  chunks: readonly TimeChunk[],
  key: (item: T) => number,
  fetchChunk: (chunk: TimeChunk) => Promise<Result<{ items: T[]; end?: boolean }, SourceFailure>>,
): Promise<Result<T[], SourceFailure>> {
  return collectPages<T, number>({
    first: 0,
    maxPages: chunks.length,
    key,
    fetchPage: async (index) => {
      const page = await fetchChunk(chunks[index] as TimeChunk);
      if (!page.ok) return page;
      const last = page.value.end === true || index + 1 >= chunks.length;
      return ok({ items: page.value.items, next: last ? null : index + 1 });
    },
  });
}
