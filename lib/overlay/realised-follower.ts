import type { RealisedSummary } from '../liquidations/types';
import { type VelocityLine, velocityLine } from '../realised/velocity';
import type { Guard } from './guard';

/** The realised summary the overlay draws, with the time its marks fade against. */
export interface RealisedShown {
  asset: string;
  summary: RealisedSummary;
  /** The badge's line, made once per summary (here, in the shared script). */
  velocity: VelocityLine;
  /** Advances every FADE_TICK_MS while there are marks, so that they fade without new prints. */
  now: number;
}

export interface RealisedFollowerDeps {
  /** `getRealised` for the asset: the summary, null when the background has none, undefined when it failed. */
  request(asset: string): Promise<RealisedSummary | null | undefined>;
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  guard: Guard;
  onChange(): void;
}

export interface RealisedFollower {
  /** The asset the page shows (null: none, or the overlay is off): asked for at once when it changes. */
  follow(asset: string | null): void;
  /** A `realisedUpdated` push, already parsed. */
  onPush(asset: string, summary: RealisedSummary | null): void;
  readonly shown: RealisedShown | null;
  dispose(): void;
}

/** Pushes bring new prints; this asks again in case a push was lost (a restarted worker). */
export const REALISED_POLL_MS = 30_000;
/** Marks fade with age: the layout is redone this often while any are shown. */
export const FADE_TICK_MS = 5_000;

/**
 * Keeps the overlay's realised summary for the page's asset: a request when the asset changes and every
 * REALISED_POLL_MS, the background's pushes in between, and a slow tick so that the marks fade.
 */
export function createRealisedFollower(deps: RealisedFollowerDeps): RealisedFollower {
  const { guard } = deps;
  let asset: string | null = null;
  let shown: RealisedShown | null = null;
  let poll: unknown = null;
  let tick: unknown = null;
  let disposed = false;

  const clear = (handle: unknown) => {
    if (handle !== null) deps.clearTimeout(handle);
    return null;
  };

  function show(summary: RealisedSummary | null) {
    const next =
      summary && asset ? { asset, summary, velocity: velocityLine(summary), now: deps.now() } : null;
    if (next === null && shown === null) return;
    shown = next;
    tick = clear(tick);
    if (shown?.summary.marks.length) tick = deps.setTimeout(guard.wrap('realised-tick', fade), FADE_TICK_MS);
    deps.onChange();
  }

  function fade() {
    tick = null;
    if (!shown || disposed) return;
    shown = { ...shown, now: deps.now() };
    tick = deps.setTimeout(guard.wrap('realised-tick', fade), FADE_TICK_MS);
    deps.onChange();
  }

  async function ask(forAsset: string) {
    poll = clear(poll);
    const summary = await deps.request(forAsset).catch((cause) => {
      guard.report('realised', cause);
      return undefined;
    });
    if (disposed || asset !== forAsset) return;
    // A failed request keeps what is shown (the last good data) until the next one.
    if (summary !== undefined) show(summary?.asset === forAsset ? summary : null);
    poll = deps.setTimeout(
      guard.wrap('realised-poll', () => void ask(forAsset)),
      REALISED_POLL_MS,
    );
  }

  return {
    follow(next) {
      if (disposed || next === asset) return;
      asset = next;
      poll = clear(poll);
      if (shown) show(null);
      if (next) void ask(next);
    },
    onPush(pushed, summary) {
      if (disposed || pushed !== asset) return;
      show(summary);
    },
    get shown() {
      return shown;
    },
    dispose() {
      disposed = true;
      poll = clear(poll);
      tick = clear(tick);
    },
  };
}
