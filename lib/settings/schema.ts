import { AssetSchema } from '../market/asset';
import { durationMs, INTERVALS } from '../market/interval';
import { DEFAULT_PARAMS, ModelParamsSchema } from '../model/params';
import { SITE_IDS, type SiteId } from '../sites/site-list';
import { z } from '../util/zod';

const finite = () => z.number().check(z.refine(Number.isFinite, 'expected a finite number'));
const on = (value: boolean) => z._default(z.boolean(), value);

export const BADGE_CORNERS = ['top-left', 'top-right', 'bottom-left', 'bottom-right'] as const;
export type BadgeCorner = (typeof BADGE_CORNERS)[number];

/** `chrome.alarms` will not fire more often than every 30 s (Chrome 120+), so neither do we. */
export const REFRESH_SECONDS = { min: 30, max: 3600, default: 60 } as const;
export const MAX_ALERT_RULES = 20;
/**
 * Assets the enabled alert rules may name: the background refreshes and stores each of them whether or not it is
 * watched, so with MAX_WATCHED_ASSETS they stay within MAX_STORED_ASSETS (lib/background/storage-budget.ts).
 * Older stored settings beyond it have the extra rules switched off on load (alert-asset-cap.ts).
 */
export const MAX_ALERT_ASSETS = 4;

/** Longest look-back a user may set: the engine's state for it must fit in extension storage. */
export const MAX_WINDOW_DAYS = 30;

const validDuration = (text: string) => /^[1-9][0-9]*[mhd]$/.test(text);

/** The model parameters as the live engine accepts them: a candle interval every venue serves, a window of whole candles. */
export const SettingsModelSchema = ModelParamsSchema.check(
  z.refine((p) => (INTERVALS as readonly string[]).includes(p.interval), {
    message: `interval must be one of ${INTERVALS.join(', ')}`,
    path: ['interval'],
  }),
  z.refine(
    (p) =>
      !validDuration(p.window) ||
      !validDuration(p.interval) ||
      durationMs(p.window) % durationMs(p.interval) === 0,
    { message: 'window must be a whole number of intervals', path: ['window'] },
  ),
  z.refine((p) => !validDuration(p.window) || durationMs(p.window) <= MAX_WINDOW_DAYS * 86_400_000, {
    message: `window must be at most ${MAX_WINDOW_DAYS}d`,
    path: ['window'],
  }),
);

export const HexColorSchema = z
  .string()
  .check(z.regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour such as #2f80ed'));

export const VenueSettingsSchema = z
  .strictObject({ binance: on(true), bybit: on(true), okx: on(true), hyperliquid: on(true) })
  .check(z.refine((v) => Object.values(v).some(Boolean), 'at least one venue must be on'));

export const DisplaySettingsSchema = z.strictObject({
  /** Bands below this notional are not drawn; the model still computes them (model.md, "Bands"). */
  minBandUsd: z._default(finite().check(z.gte(0, 'must be 0 or more')), 1_000_000),
  bandsPerSide: z._default(
    z.int().check(z.gte(1, 'show at least 1 band per side'), z.lte(10, 'at most 10 bands per side')),
    3,
  ),
  // Blue and orange: apart from the chart's own green/red candles, and told apart with colour-blindness.
  longColor: z._default(HexColorSchema, '#2f80ed'),
  shortColor: z._default(HexColorSchema, '#f2994a'),
  /** Opacity of the largest band; smaller ones fade with the square root of their share of it (lib/chart/layout.ts). */
  opacity: z._default(
    finite().check(z.gte(0.05, 'opacity must be at least 0.05'), z.lte(1, 'opacity must be at most 1')),
    0.35,
  ),
  badgeCorner: z._default(z.enum(BADGE_CORNERS), 'top-right'),
  /**
   * Multiply the at-risk figures by the measured calibration factor (docs/track-record.md), shown with its
   * interval; changes nothing while a side has fewer than 10 swept bands.
   */
  calibratedAtRisk: z._default(z.boolean(), false),
  /** The map at each candle's close, drawn faintly over the candles (the badge switches it for the tab, too). */
  heatmap: on(true),
  /** The whole map as a histogram along the pane's right edge. */
  profile: on(true),
});

/**
 * Hyperliquid's real positions (lib/hl-positions): off by default, since the scan sends up to 300
 * `clearinghouseState` requests a minute from the user's IP (half of Hyperliquid's per-IP budget) and keeps a
 * WebSocket open to its trades.
 */
export const RealPositionsSettingsSchema = z.strictObject({ hyperliquid: on(false) });

/** One switch per supported site (lib/sites/site-list.ts), all on by default. */
export const SiteSettingsSchema = z.strictObject(
  Object.fromEntries(SITE_IDS.map((id) => [id, on(true)])) as Record<SiteId, ReturnType<typeof on>>,
);

/** "Notify me when shorts (or longs) at risk within `withinPct` % exceed `aboveUsd`." */
export const AlertRuleSchema = z.strictObject({
  id: z.string().check(z.minLength(1), z.maxLength(40)),
  asset: AssetSchema,
  /** `short`: shorts liquidated by a rise of `withinPct`; `long`: longs liquidated by a fall. */
  side: z.enum(['short', 'long']),
  withinPct: finite().check(z.gt(0, 'must be above 0 %'), z.lte(25, 'at most 25 % (the model maps ±25 %)')),
  aboveUsd: finite().check(z.gt(0, 'must be above $0')),
  enabled: on(true),
});
export type AlertRule = z.infer<typeof AlertRuleSchema>;

/** "Notify me when at least `aboveUsd` of longs (or shorts) is liquidated within `withinMinutes`" (realised prints). */
export const RealisedAlertRuleSchema = z.strictObject({
  id: z.string().check(z.minLength(1), z.maxLength(40)),
  asset: AssetSchema,
  /** The positions liquidated. */
  side: z.enum(['long', 'short']),
  aboveUsd: finite().check(z.gt(0, 'must be above $0'), z.lte(1e12, 'at most $1T')),
  withinMinutes: z.int().check(z.gte(1, 'at least 1 minute'), z.lte(60, 'at most 60 minutes')),
  /** After a notification the rule stays quiet this long. */
  cooldownMinutes: z._default(
    z.int().check(z.gte(1, 'at least 1 minute'), z.lte(1440, 'at most 1440 minutes (a day)')),
    30,
  ),
  enabled: on(true),
});
export type RealisedAlertRule = z.infer<typeof RealisedAlertRuleSchema>;

export const AlertSettingsSchema = z.strictObject({
  enabled: on(true),
  rules: z._default(
    z.array(AlertRuleSchema).check(
      z.maxLength(MAX_ALERT_RULES, `at most ${MAX_ALERT_RULES} alert rules`),
      z.refine(
        (rules) => new Set(rules.map((r) => r.id)).size === rules.length,
        'alert rule ids must be unique',
      ),
      z.refine(
        (rules) => new Set(rules.filter((r) => r.enabled).map((r) => r.asset)).size <= MAX_ALERT_ASSETS,
        `enabled alert rules may name at most ${MAX_ALERT_ASSETS} different assets`,
      ),
    ),
    () => [],
  ),
  realisedRules: z._default(
    z.array(RealisedAlertRuleSchema).check(
      z.maxLength(MAX_ALERT_RULES, `at most ${MAX_ALERT_RULES} realised alert rules`),
      z.refine(
        (rules) => new Set(rules.map((r) => r.id)).size === rules.length,
        'realised alert rule ids must be unique',
      ),
    ),
    () => [],
  ),
});

export const CoinglassKeySchema = z
  .string()
  .check(
    z.regex(
      /^[A-Za-z0-9_-]{8,128}$/,
      'expected the API key from your CoinGlass account (letters and digits)',
    ),
  );

/**
 * Every user setting, with its default. The move % of the at-risk badges is `model.movePct`: the engine computes
 * `atRisk` with it and the overlay recomputes the same figure from the bins with the same number, so there is one
 * value to change and the badge can never disagree with the view it shows (the options page lists it under Display).
 */
export const SettingsSchema = z.strictObject({
  venues: z.prefault(VenueSettingsSchema, {}),
  model: z._default(SettingsModelSchema, () => structuredClone(DEFAULT_PARAMS)),
  display: z.prefault(DisplaySettingsSchema, {}),
  sites: z.prefault(SiteSettingsSchema, {}),
  refreshSeconds: z._default(
    z
      .int()
      .check(
        z.gte(REFRESH_SECONDS.min, `at least ${REFRESH_SECONDS.min} s (the browser's shortest alarm)`),
        z.lte(REFRESH_SECONDS.max, `at most ${REFRESH_SECONDS.max} s`),
      ),
    REFRESH_SECONDS.default,
  ),
  alerts: z.prefault(AlertSettingsSchema, {}),
  realPositions: z.prefault(RealPositionsSettingsSchema, {}),
  /** Kept in storage.local only, never synced or exported; sent to CoinGlass only. */
  coinglassKey: z._default(z.nullable(CoinglassKeySchema), null),
});
export type Settings = z.infer<typeof SettingsSchema>;
export type SettingsInput = z.input<typeof SettingsSchema>;

/** Settings fields that live in storage.local and never leave the device. */
export const LOCAL_ONLY_FIELDS = ['coinglassKey'] as const satisfies readonly (keyof Settings)[];

export function defaultSettings(): Settings {
  return SettingsSchema.parse({});
}
