import type { ViewReply } from '../messages/view-entry';
import type { Bins } from '../model/cluster-view';
import type { CalibrationFactor } from '../track-record/calibration-factor';
import type { Guard } from './guard';
import type { TabRequester } from './tab-messages';

export interface AssetWatchDeps {
  messenger: Pick<TabRequester, 'request'>;
  guard: Guard;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** The option "Hyperliquid: real positions" as the settings say now. */
  realPositionsOn(): boolean;
  /** The option "calibrated at-risk" as the settings say now. */
  calibrationOn(): boolean;
  /** Something the overlay shows changed: the view, its error, the real positions. */
  onChange(): void;
}

export interface AssetWatch {
  /** The asset the page shows while the overlay is active, or null: watched, renewed, and dropped when it goes. */
  follow(asset: string | null): void;
  /** A `viewUpdated` push, already checked. */
  onPush(reply: ViewReply): void;
  readonly asset: string | null;
  /** The background's last answer for `asset` (null before the first, and after a switch). */
  readonly reply: ViewReply | null;
  /** Why the background gave no answer, in the badge's words. */
  readonly error: string | null;
  /** Hyperliquid's real map of `asset`, while the option is on. */
  readonly real: Bins | null;
  /** The calibration factors of `asset` while "calibrated at-risk" is on. */
  readonly calibration: Calibration | null;
  /** The settings changed: the real positions and the calibration are asked for (or dropped) anew. */
  settingsChanged(): void;
  /** `quiet`: the extension context is gone, so send nothing to the background. */
  dispose(quiet: boolean): void;
}

export type Calibration = Readonly<Record<'long' | 'short', CalibrationFactor>>;

const RETRY_MS = 5_000;
const MIN_RENEW_MS = 15_000;
/**
 * A switch to another symbol is followed once the page has shown it this long: skimming through symbols (a pushState
 * every few hundred ms) asks the background for the one the user stops on, not for every one passed.
 */
export const FOLLOW_MS = 400;

/**
 * The chart tab's watch of one asset in the background: `subscribeAsset` at once for the page's first asset, after
 * FOLLOW_MS for a switch, renewed every period (at least MIN_RENEW_MS) and retried after a failure; the previous
 * asset unsubscribed. Its answers, the pushes for it and its real positions are kept here.
 */
export function createAssetWatch(deps: AssetWatchDeps): AssetWatch {
  const { guard } = deps;
  let disposed = false;
  let asset: string | null = null;
  let reply: ViewReply | null = null;
  let error: string | null = null;
  let timer: unknown = null;
  let real: Bins | null = null;
  /** The view the real positions were asked after. */
  let realFor: ViewReply['entry'] | null = null;
  let calibration: Calibration | null = null;
  /** The view the calibration was asked after. */
  let calibrationFor: ViewReply['entry'] | null = null;

  const clearTimer = () => {
    if (timer !== null) deps.clearTimeout(timer);
    timer = null;
  };
  const request = <T>(work: () => Promise<T>, kind: string): Promise<T | undefined> =>
    work().catch((cause) => {
      guard.report(kind, cause);
      return undefined;
    });

  /** Asks for the real positions once per new view while the option is on; a failure keeps the last map. */
  async function askRealPositions(of: string) {
    if (!deps.realPositionsOn()) {
      realFor = null;
      if (real === null) return;
      real = null;
      deps.onChange();
      return;
    }
    if (realFor === reply?.entry) return;
    realFor = reply?.entry ?? null;
    const result = await request(
      () => deps.messenger.request('getHlPositions', { asset: of }),
      'hl-positions',
    );
    if (disposed || asset !== of || !result?.ok) return;
    real = result.value.status === 'ok' ? result.value.bins : null;
    deps.onChange();
  }

  /**
   * Asks for the calibration factors once per new view while "calibrated at-risk" is on (the track record
   * changes as bands are scored, no faster); a failure keeps the last factors.
   */
  async function askCalibration(of: string) {
    if (!deps.calibrationOn()) {
      if (calibration === null) return;
      calibration = null;
      calibrationFor = null;
      deps.onChange();
      return;
    }
    if (calibrationFor === reply?.entry) return;
    calibrationFor = reply?.entry ?? null;
    const result = await request(
      () => deps.messenger.request('getCalibration', { asset: of }),
      'calibration',
    );
    if (disposed || asset !== of || !result?.ok) return;
    calibration = result.value.calibration;
    deps.onChange();
  }

  function renewLater(ms: number) {
    clearTimer();
    timer = deps.setTimeout(
      guard.wrap('renew', () => {
        timer = null;
        if (asset) void subscribe(asset);
      }),
      ms,
    );
  }

  async function subscribe(of: string) {
    const result = await request(() => deps.messenger.request('subscribeAsset', { asset: of }), 'subscribe');
    if (disposed || asset !== of || !result) return;
    if (result.ok) {
      reply = result.value;
      error = null;
      renewLater(Math.max(MIN_RENEW_MS, result.value.periodMs));
      void askRealPositions(of);
      void askCalibration(of);
    } else {
      // Also "Extension context invalidated" (the messenger words it inside its error): a quiet teardown.
      guard.report('subscribe', new Error(result.error));
      if (disposed) return;
      error = 'LiqLens background not answering';
      renewLater(RETRY_MS);
    }
    deps.onChange();
  }

  return {
    follow(next) {
      if (next === asset) return;
      const previous = asset;
      asset = next;
      reply = null;
      error = null;
      real = null;
      realFor = null;
      calibration = null;
      calibrationFor = null;
      clearTimer();
      if (previous)
        void request(() => deps.messenger.request('unsubscribeAsset', { asset: previous }), 'unsubscribe');
      if (!next) return;
      if (!previous) {
        void subscribe(next);
        return;
      }
      timer = deps.setTimeout(
        guard.wrap('follow', () => {
          timer = null;
          if (asset === next) void subscribe(next);
        }),
        FOLLOW_MS,
      );
    },
    onPush(next) {
      if (next.asset !== asset) return;
      reply = next;
      error = null;
      deps.onChange();
      void askRealPositions(next.asset);
      void askCalibration(next.asset);
    },
    settingsChanged() {
      if (!asset || !reply) return;
      void askRealPositions(asset);
      void askCalibration(asset);
    },
    get asset() {
      return asset;
    },
    get reply() {
      return reply && reply.asset === asset ? reply : null;
    },
    get error() {
      return error;
    },
    get real() {
      return real;
    },
    get calibration() {
      return calibration;
    },
    dispose(quiet) {
      if (disposed) return;
      disposed = true;
      clearTimer();
      const last = asset;
      asset = null;
      if (last && !quiet) {
        void request(() => deps.messenger.request('unsubscribeAsset', { asset: last }), 'unsubscribe');
      }
    },
  };
}
