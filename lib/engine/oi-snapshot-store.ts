import type { Venue } from '../market/venue';
import { z } from '../util/zod';

/**
 * Current open interest as the engine saw it at `time` (ms): one-sided, in base units. Stored raw, not
 * per candle, so that a change of candle interval keeps the history usable.
 */
export interface OiSnapshot {
  time: number;
  oi: number;
}

/**
 * Where the engine keeps its own open-interest history for venues that publish none (Hyperliquid).
 * Implementations: memory and a file (here, Node), extension storage (the background).
 */
export interface OiSnapshotStore {
  /** Snapshots ascending by time. */
  load(venue: Venue, asset: string): Promise<OiSnapshot[]>;
  /** Adds one snapshot; the store thins and prunes with `mergeSnapshot`. */
  append(venue: Venue, asset: string, snapshot: OiSnapshot): Promise<void>;
}

export const OiSnapshotSchema = z.object({
  time: z.int().check(z.nonnegative()),
  oi: z.number().check(z.refine(Number.isFinite, 'expected a finite number'), z.nonnegative()),
});
export const OiSnapshotListSchema = z.array(OiSnapshotSchema);

/** Every candle interval we serve is a multiple of 5 minutes, so every candle end is a slot centre. */
export const SNAPSHOT_SLOT_MS = 5 * 60_000;
/** Longer than any window the settings allow, short enough for extension storage (~4,000 points). */
export const SNAPSHOT_RETENTION_MS = 14 * 24 * 3_600_000;

/**
 * `list` with `snapshot` added, keeping per 5-minute slot only the snapshot nearest to the slot's centre
 * (a candle end), dropping those older than `retentionMs` before the newest. Pure; ascending.
 */
export function mergeSnapshot(
  list: readonly OiSnapshot[],
  snapshot: OiSnapshot,
  retentionMs = SNAPSHOT_RETENTION_MS,
): OiSnapshot[] {
  const slotOf = (t: number) => Math.round(t / SNAPSHOT_SLOT_MS);
  const offset = (t: number) => Math.abs(t - slotOf(t) * SNAPSHOT_SLOT_MS);
  const last = list[list.length - 1];
  if (last && slotOf(snapshot.time) > slotOf(last.time)) {
    // The usual case, a snapshot in a new slot after the others: no re-sorting.
    const horizon = snapshot.time - retentionMs;
    return [...list.filter((s) => s.time >= horizon), snapshot];
  }
  const bySlot = new Map<number, OiSnapshot>();
  for (const s of [...list, snapshot]) {
    const slot = slotOf(s.time);
    const kept = bySlot.get(slot);
    // Nearest to the centre wins; on a tie the later one (the fresher reading).
    if (
      !kept ||
      offset(s.time) < offset(kept.time) ||
      (offset(s.time) === offset(kept.time) && s.time >= kept.time)
    )
      bySlot.set(slot, s);
  }
  const newest = Math.max(...[...bySlot.values()].map((s) => s.time));
  return [...bySlot.values()].filter((s) => s.time >= newest - retentionMs).sort((a, b) => a.time - b.time);
}

const key = (venue: Venue, asset: string) => `${venue}:${asset}`;

export function createMemoryOiSnapshotStore(retentionMs = SNAPSHOT_RETENTION_MS): OiSnapshotStore {
  const lists = new Map<string, OiSnapshot[]>();
  return {
    load: async (venue, asset) => [...(lists.get(key(venue, asset)) ?? [])],
    append: async (venue, asset, snapshot) => {
      lists.set(key(venue, asset), mergeSnapshot(lists.get(key(venue, asset)) ?? [], snapshot, retentionMs));
    },
  };
}

/** The part of `node:fs/promises` the file store uses (injected: lib imports no Node module). */
export interface SnapshotFs {
  readFile(path: string, encoding: 'utf8'): Promise<string>;
  writeFile(path: string, data: string, encoding: 'utf8'): Promise<void>;
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
}

/**
 * One JSON file per venue and asset in `dir` (`hyperliquid-BTC.json`). A missing file is an empty
 * history; an unreadable one too (it is rewritten on the next append) — a broken file must not stop the
 * refresh, and these snapshots are rebuilt within hours.
 */
export function createFileOiSnapshotStore(options: {
  fs: SnapshotFs;
  dir: string;
  retentionMs?: number;
}): OiSnapshotStore {
  const { fs, dir } = options;
  const retentionMs = options.retentionMs ?? SNAPSHOT_RETENTION_MS;
  const path = (venue: Venue, asset: string) => `${dir.replace(/\/+$/, '')}/${venue}-${asset}.json`;
  // Appends to one file are chained so that two refreshes cannot interleave read and write.
  const queues = new Map<string, Promise<unknown>>();

  async function read(venue: Venue, asset: string): Promise<OiSnapshot[]> {
    let text: string;
    try {
      text = await fs.readFile(path(venue, asset), 'utf8');
    } catch {
      return [];
    }
    try {
      const parsed = OiSnapshotListSchema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data.sort((a, b) => a.time - b.time) : [];
    } catch {
      return [];
    }
  }

  return {
    load: (venue, asset) => read(venue, asset),
    append: (venue, asset, snapshot) => {
      const k = key(venue, asset);
      const next = (queues.get(k) ?? Promise.resolve()).then(async () => {
        const merged = mergeSnapshot(await read(venue, asset), snapshot, retentionMs);
        await fs.mkdir(dir, { recursive: true });
        await fs.writeFile(path(venue, asset), JSON.stringify(merged), 'utf8');
      });
      queues.set(
        k,
        next.catch(() => undefined),
      );
      return next;
    },
  };
}
