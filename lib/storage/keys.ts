/**
 * Every key LiqLens keeps in browser storage, named here once. Each value is a versioned item
 * (`{ v, data }`, versioned-item.ts) parsed with zod by the module that owns it.
 */
export const STORAGE_KEYS = {
  /** storage.sync: every setting but the secrets (lib/settings/read.ts). */
  settings: 'liqlens:settings',
  /** storage.local: the CoinGlass key, never synced (lib/settings/store.ts). */
  secrets: 'liqlens:secrets',
  /** storage.local: who watches which asset until when (lib/background/watch-set.ts). */
  watches: 'liqlens:watches',
  /** storage.local: the venues' rate-limit pauses, kept across worker restarts (lib/background/live-engine.ts). */
  httpPauses: 'liqlens:http-pauses',
  /** storage.local: the Hyperliquid position scanner's own rate-limit pauses (lib/background/hl-positions.ts). */
  hlPositionsPauses: 'liqlens:hl-positions:http-pauses',
  /** storage.local: which alert rules have fired (lib/background/create-background.ts). */
  alertState: 'liqlens:alert-state',
  /** storage.local: when each realised alert rule last notified, for its cooldown (lib/background/create-background.ts). */
  realisedAlertState: 'liqlens:realised-alert-state',
  /** storage.local: the popup's last and recent assets (lib/popup/popup-prefs.ts). */
  popupPrefs: 'liqlens:popup',
  /** storage.local, per asset: the last good view and how the last refresh went (lib/background/view-cache.ts). */
  view: (asset: string) => `liqlens:view:${asset}`,
  /** storage.local, per asset: the `liqlens.series/1` input of that view (lib/background/view-cache.ts). */
  series: (asset: string) => `liqlens:series:${asset}`,
  /** storage.local, per asset: the engine's memory for a warm refresh (lib/background/view-cache.ts). */
  engineState: (asset: string) => `liqlens:engine-state:${asset}`,
  /** storage.local, per venue and asset: open-interest snapshots (lib/background/oi-snapshot-store.ts). */
  oiSnapshots: (venue: string, asset: string) => `liqlens:oi:${venue}:${asset}`,
} as const;
