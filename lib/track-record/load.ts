import { TRACK_WINDOW_MS, type TrackRecord, trackRecord } from './aggregate';
import type { BandScoreInput, BandSnapshotInput, PriceRangeInput, PrintInput } from './inputs';

/** The `getBandScores` reply (issue 10's contract), with the prints when the background sends them. */
export interface BandScoresReplyInput {
  snapshots: readonly BandSnapshotInput[];
  scores: readonly BandScoreInput[];
  priceRanges: readonly PriceRangeInput[];
  prints?: readonly PrintInput[];
  /** More prints than one reply carries: the lift and the control zones would miss the oldest, so they have no figure. */
  printsCapped?: boolean;
}

export type TrackRecordLoad =
  | { status: 'ready'; record: TrackRecord; scores: readonly BandScoreInput[]; hasPrints: boolean }
  | { status: 'none'; message: string };

/**
 * The track record of `asset` from the band scores of the last 7 days, or why there is none, in words.
 * `request` asks the background (`getBandScores`); a failure is a message, never a throw.
 */
export async function loadTrackRecord(
  request: (
    asset: string,
    sinceMs: number,
  ) => Promise<{ ok: true; value: BandScoresReplyInput } | { ok: false; error: string }>,
  asset: string,
  now: number,
  intervalMs: number,
): Promise<TrackRecordLoad> {
  const reply = await request(asset, now - TRACK_WINDOW_MS);
  if (!reply.ok) return { status: 'none', message: `Track record unavailable: ${reply.error}` };
  const { snapshots, scores, priceRanges, printsCapped } = reply.value;
  const prints = printsCapped ? undefined : reply.value.prints;
  if (snapshots.length === 0) {
    return {
      status: 'none',
      message: `No band scored yet: the record starts once LiqLens has mapped ${asset} with the liquidation feeds on`,
    };
  }
  const record = trackRecord({
    asset,
    now,
    snapshots,
    scores,
    priceRanges,
    intervalMs,
    prints: prints ?? null,
  });
  return { status: 'ready', record, scores, hasPrints: prints !== undefined };
}
