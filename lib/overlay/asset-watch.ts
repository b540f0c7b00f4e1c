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
  const clearTimer = () => {
    if (timer !== null) deps.clearTimeout(timer);
    timer = null;
  };
  const request = <T>(work: () => Promise<T>, kind: string): Promise<T | undefined> =>
    work().catch((cause) => {
      guard.report(kind, cause);
      return undefined;
    });

  /**
   * Something asked of the background once per new view while its option is on (a failure keeps the last answer),
   * and dropped when the option goes off: the real positions, the calibration factors (the track record changes as
   * bands are scored, no faster than views).
   */
  function perView<T>(on: () => boolean, fetch: (of: string) => Promise<{ value: T | null } | undefined>) {
    let value: T | null = null;
    let askedFor: ViewReply['entry'] | null = null;
    return {
      get value() {
        return value;
      },
      reset() {
        value = null;
        askedFor = null;
      },
      async ask(of: string) {
        if (!on()) {
          askedFor = null;
          if (value === null) return;
          value = null;
          deps.onChange();
          return;
        }
        if (askedFor === reply?.entry) return;
        askedFor = reply?.entry ?? null;
        const answer = await fetch(of);
        if (disposed || asset !== of || !answer) return;
        value = answer.value;
        deps.onChange();
      },
    };
  }

  const real = perView<Bins>(deps.realPositionsOn, async (of) => {
    const result = await request(
      () => deps.messenger.request('getHlPositions', { asset: of }),
      'hl-positions',
    );
    return result?.ok ? { value: result.value.status === 'ok' ? result.value.bins : null } : undefined;
  });
  const calibration = perView<Calibration>(deps.calibrationOn, async (of) => {
    const result = await request(
      () => deps.messenger.request('getCalibration', { asset: of }),
      'calibration',
    );
    return result?.ok ? { value: result.value.calibration } : undefined;
  });

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
      void real.ask(of);
      void calibration.ask(of);
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
      real.reset();
      calibration.reset();
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
      void real.ask(next.asset);
      void calibration.ask(next.asset);
    },
    settingsChanged() {
      if (!asset || !reply) return;
      void real.ask(asset);
      void calibration.ask(asset);
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
      return real.value;
    },
    get calibration() {
      return calibration.value;
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
