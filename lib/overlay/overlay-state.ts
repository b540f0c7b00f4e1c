import type { SnapshotCheck } from '../chart/validate-snapshot';
import type { PageSymbol } from './page-symbol';

/**
 * - `aligned`: bands painted on the chart's own pane (a validated snapshot).
 * - `ladder`: the docked price ladder, with the reason the chart could not be trusted.
 * - `hidden`: nothing drawn: not a chart page, switched off, hidden by the user, or briefly while waiting.
 * - `unsupported`: the symbol is not one LiqLens maps; the badge says why.
 */
export type OverlayMode = 'aligned' | 'ladder' | 'hidden' | 'unsupported';

/** Why the overlay is hidden; `pending` still shows the badge, so that a short wait does not flicker. */
export type HiddenBy = 'page' | 'settings' | 'site-off' | 'user' | 'pending';

export interface ModeInputs {
  chartPage: boolean;
  settingsLoaded: boolean;
  siteEnabled: boolean;
  siteLabel: string;
  userHidden: boolean;
  symbol: PageSymbol;
  bridgeReady: boolean;
  /** The latest snapshot's validation; null before any snapshot arrived in this page session. */
  check: SnapshotCheck | null;
  /** Time since this page session began (mount, or the last URL change). */
  sinceStartMs: number;
  /** Time since the overlay was last aligned, while it is not; null when it is aligned or never was. */
  sinceAlignedMs: number | null;
}

export interface ModeDecision {
  mode: OverlayMode;
  reason: string | null;
  hiddenBy: HiddenBy | null;
  /** Decide again after this long even if nothing else changes (a grace period ends). */
  recheckInMs: number | null;
}

/** How long a new page may take to show its chart before the ladder stands in. */
export const GRACE_MS = 1500;
/** How long an aligned chart may fail its checks (a resize, a rebuilt widget) before the ladder stands in. */
export const RECOVER_MS = 400;

const hidden = (hiddenBy: HiddenBy, reason: string, recheckInMs: number | null = null): ModeDecision => ({
  mode: 'hidden',
  reason,
  hiddenBy,
  recheckInMs,
});

/**
 * The overlay's state machine, as a pure function of what is known now. Fail closed: a band is drawn on the chart
 * only from a snapshot that passed validation; anything else gives the ladder (after a short grace, so that a
 * loading page or a widget being rebuilt does not flash it), never a misplaced band.
 */
export function decideMode(inputs: ModeInputs): ModeDecision {
  if (!inputs.chartPage) return hidden('page', 'not a chart page');
  if (!inputs.settingsLoaded) return hidden('settings', 'loading settings');
  if (!inputs.siteEnabled) return hidden('site-off', `off for ${inputs.siteLabel} (options)`);
  if (inputs.userHidden) return hidden('user', 'hidden by you');
  const { symbol, check } = inputs;
  const graceLeft = GRACE_MS - inputs.sinceStartMs;
  if (symbol.status === 'unsupported')
    return { mode: 'unsupported', reason: symbol.reason, hiddenBy: null, recheckInMs: null };
  if (symbol.status === 'unknown') {
    if (graceLeft > 0) return hidden('pending', 'looking for the symbol', graceLeft);
    return { mode: 'unsupported', reason: 'no symbol found on this page', hiddenBy: null, recheckInMs: null };
  }
  if (check?.ok) return { mode: 'aligned', reason: null, hiddenBy: null, recheckInMs: null };
  const reason = !inputs.bridgeReady
    ? 'the page bridge did not answer'
    : check === null
      ? 'no chart found yet'
      : check.reason;
  if (graceLeft > 0) return hidden('pending', `looking for the chart: ${reason}`, graceLeft);
  if (inputs.sinceAlignedMs !== null && inputs.sinceAlignedMs < RECOVER_MS) {
    return hidden('pending', `checking the chart: ${reason}`, RECOVER_MS - inputs.sinceAlignedMs);
  }
  return { mode: 'ladder', reason, hiddenBy: null, recheckInMs: null };
}
