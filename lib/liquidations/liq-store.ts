import type { Idb, IdbDeps, Range } from '../storage/idb';
import { openIdb } from '../storage/idb';
import { z } from '../util/zod';
import type { ScoredSnapshot } from './scoring';
import { BandSnapshotSchema, type LiqPrint, LiqPrintSchema, LiqVenueSchema } from './types';

const DAY = 86_400_000;
/** Prints are kept at least 7 days, plus the scoring horizon of a week-old snapshot. */
export const PRINT_RETENTION_MS = 8 * DAY;
/** Band snapshots and their scores: the track record's week, plus the horizon. */
export const SNAPSHOT_RETENTION_MS = 8 * DAY;
/** A bound on one asset's stored batches whatever the market does (a week of one batch a second is 600,000). */
export const MAX_BATCHES_PER_ASSET = 700_000;
/** Writes are batched: at most this long after a print arrives, or sooner once this many wait. */
export const FLUSH_MS = 500;
export const FLUSH_AT = 2_000;

export const LIQ_DB = { name: 'liqlens-liquidations', version: 1 } as const;

/** A stretch of time in which one venue's feed of one asset was live. `to` is the last time known live. */
export const CoverageSpanSchema = z.object({
  asset: z.string(),
  venue: LiqVenueSchema,
  from: z.number(),
  to: z.number(),
});
export type CoverageSpan = z.infer<typeof CoverageSpanSchema>;

const BatchHeadSchema = z.object({ asset: z.string(), first: z.number(), last: z.number() });
const StoredSnapshotKeySchema = z.object({ asset: z.string(), time: z.number() });
const StoredSnapshotSchema = z.object({
  asset: z.string(),
  time: z.number(),
  snapshot: BandSnapshotSchema,
  realised: z.array(z.number().check(z.nonnegative())),
});

export interface LiqStore {
  /** Buffered; written with the next batch. */
  addPrints(asset: string, prints: readonly LiqPrint[]): void;
  /** Creates or extends the span starting at `span.from`. */
  putSpan(span: CoverageSpan): void;
  putSnapshot(scored: ScoredSnapshot): void;
  /** Writes everything buffered in one transaction. */
  flush(): Promise<void>;
  /** Stored prints of `asset` with time in [from, to], in time order. */
  prints(asset: string, from: number, to: number): Promise<LiqPrint[]>;
  spans(asset: string, from: number): Promise<CoverageSpan[]>;
  snapshots(asset: string, from: number): Promise<ScoredSnapshot[]>;
  /** Drops what is older than the retention, oldest first, and an asset's oldest prints beyond its cap. */
  prune(now: number): Promise<void>;
  /** Records that failed validation on read (skipped). */
  readonly corrupt: number;
  close(): void;
}

export interface LiqStoreDeps extends IdbDeps {
  setTimeout(run: () => void, ms: number): unknown;
  log(message: string): void;
}

const MIN_KEY = -Infinity;
const MAX_KEY = Infinity;
const assetRange = (asset: string, from: number, to = MAX_KEY): Range => ({
  lower: [asset, from],
  upper: [asset, to],
});

/**
 * Prints, feed coverage and band snapshots in the extension's own IndexedDB. Writes are buffered and land in
 * batches, one transaction each, so a burst costs one write, and what was written survives a worker restart.
 */
export async function openLiqStore(deps: LiqStoreDeps): Promise<LiqStore> {
  const db: Idb = await openIdb(deps, {
    ...LIQ_DB,
    stores: [
      // One record per asset per written batch: a burst of prints costs one put, not one each.
      {
        name: 'printBatches',
        keyPath: 'id',
        autoIncrement: true,
        indexes: [{ name: 'assetLast', keyPath: ['asset', 'last'] }],
      },
      { name: 'coverage', keyPath: ['asset', 'venue', 'from'] },
      { name: 'snapshots', keyPath: ['asset', 'time'] },
    ],
  });
  let pendingPrints = new Map<string, LiqPrint[]>();
  let pendingCount = 0;
  const pendingSpans = new Map<string, CoverageSpan>();
  const pendingSnapshots = new Map<string, ScoredSnapshot>();
  let timer: unknown = null;
  let writing: Promise<void> = Promise.resolve();
  let corrupt = 0;

  /** The first asset after `after` among the stored batches (alphabetical), or null: walks assets without a list. */
  const nextAsset = async (after: string | null): Promise<string | null> => {
    const [row] = await db.getAll('printBatches', {
      index: 'assetLast',
      range: after === null ? undefined : { lower: [after, MAX_KEY], lowerOpen: true },
      limit: 1,
    });
    return BatchHeadSchema.safeParse(row).data?.asset ?? null;
  };

  const schedule = () => {
    if (pendingCount >= FLUSH_AT) void flush();
    else if (timer === null)
      timer = deps.setTimeout(() => {
        timer = null;
        void flush();
      }, FLUSH_MS);
  };

  const flush = (): Promise<void> => {
    const prints = pendingPrints;
    const spans = [...pendingSpans.values()];
    const snapshots = [...pendingSnapshots.values()];
    pendingPrints = new Map();
    pendingCount = 0;
    pendingSpans.clear();
    pendingSnapshots.clear();
    const run = async () => {
      if (prints.size + spans.length + snapshots.length === 0) return;
      await db.write(['printBatches', 'coverage', 'snapshots'], (tx) => {
        for (const [asset, batch] of prints) {
          let first = Infinity;
          let last = -Infinity;
          for (const p of batch) {
            first = Math.min(first, p.time);
            last = Math.max(last, p.time);
          }
          tx.put('printBatches', { asset, first, last, prints: batch });
        }
        for (const span of spans) tx.put('coverage', span);
        for (const s of snapshots)
          tx.put('snapshots', {
            asset: s.snapshot.asset,
            time: s.snapshot.time,
            snapshot: s.snapshot,
            realised: [...s.realised],
          });
      });
    };
    writing = writing.then(run).catch((cause) => {
      deps.log(
        `LiqLens: could not store liquidations: ${cause instanceof Error ? cause.message : String(cause)}`,
      );
    });
    return writing;
  };

  const valid =
    <T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }) =>
    (rows: unknown[]): T[] => {
      const out: T[] = [];
      for (const row of rows) {
        const parsed = schema.safeParse(row);
        if (parsed.success) out.push(parsed.data);
        else corrupt++;
      }
      return out;
    };

  return {
    addPrints(asset, prints) {
      if (prints.length === 0) return;
      const batch = pendingPrints.get(asset) ?? [];
      for (const print of prints) batch.push(print);
      pendingPrints.set(asset, batch);
      pendingCount += prints.length;
      schedule();
    },
    putSpan(span) {
      pendingSpans.set(`${span.asset}|${span.venue}|${span.from}`, { ...span });
      schedule();
    },
    putSnapshot(scored) {
      pendingSnapshots.set(`${scored.snapshot.asset}|${scored.snapshot.time}`, scored);
      schedule();
    },
    flush,
    async prints(asset, from, to) {
      await flush();
      const batches = await db.getAll('printBatches', { index: 'assetLast', range: assetRange(asset, from) });
      const rows: unknown[] = [];
      for (const batch of batches) {
        const head = BatchHeadSchema.safeParse(batch);
        if (!head.success || !Array.isArray((batch as { prints?: unknown }).prints)) {
          corrupt++;
          continue;
        }
        if (head.data.first > to) continue;
        rows.push(...(batch as { prints: unknown[] }).prints);
      }
      return valid(LiqPrintSchema)(rows)
        .filter((p) => p.time >= from && p.time <= to)
        .sort((a, b) => a.time - b.time);
    },
    async spans(asset, from) {
      await flush();
      const rows = await db.getAll('coverage', {
        range: { lower: [asset, MIN_KEY, MIN_KEY], upper: [asset, '\uffff', MAX_KEY] },
      });
      return valid(CoverageSpanSchema)(rows)
        .filter((s) => s.to >= from)
        .sort((a, b) => a.from - b.from);
    },
    async snapshots(asset, from) {
      await flush();
      const rows = await db.getAll('snapshots', { range: assetRange(asset, from) });
      return valid(StoredSnapshotSchema)(rows).map((r) => ({ snapshot: r.snapshot, realised: r.realised }));
    },
    async prune(now) {
      await flush();
      const printCutoff = now - PRINT_RETENTION_MS;
      for (let asset = await nextAsset(null); asset !== null; asset = await nextAsset(asset)) {
        // A batch goes once its newest print is past the retention: prints are kept at least that long.
        await db.deleteWhere('printBatches', {
          index: 'assetLast',
          range: { ...assetRange(asset, MIN_KEY, printCutoff), upperOpen: true },
        });
        const count = await db.count('printBatches', {
          index: 'assetLast',
          range: assetRange(asset, MIN_KEY),
        });
        if (count > MAX_BATCHES_PER_ASSET)
          await db.deleteWhere('printBatches', {
            index: 'assetLast',
            range: assetRange(asset, MIN_KEY),
            limit: count - MAX_BATCHES_PER_ASSET,
          });
      }
      const snapshotCutoff = now - SNAPSHOT_RETENTION_MS;
      const oldSnapshots = (await db.getAll('snapshots')).filter(
        (row) => (StoredSnapshotKeySchema.safeParse(row).data?.time ?? 0) < snapshotCutoff,
      );
      const oldSpans = (await db.getAll('coverage')).filter(
        (row) => (CoverageSpanSchema.safeParse(row).data?.to ?? 0) < printCutoff,
      );
      await db.write(['snapshots', 'coverage'], (tx) => {
        for (const row of oldSnapshots) {
          const key = StoredSnapshotKeySchema.safeParse(row).data;
          if (key) tx.delete('snapshots', [key.asset, key.time]);
        }
        for (const row of oldSpans) {
          const span = CoverageSpanSchema.safeParse(row).data;
          if (span) tx.delete('coverage', [span.asset, span.venue, span.from]);
        }
      });
    },
    get corrupt() {
      return corrupt;
    },
    close: () => db.close(),
  };
}
