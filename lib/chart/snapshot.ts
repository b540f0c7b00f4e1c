import { z } from '../util/zod';

const finite = () => z.number().check(z.refine(Number.isFinite, 'expected a finite number'));

/** A rectangle in the top document's viewport, CSS px. */
export const RectSchema = z.object({
  left: finite(),
  top: finite(),
  width: finite().check(z.gte(0)),
  height: finite().check(z.gte(0)),
});
export type Rect = z.infer<typeof RectSchema>;

/**
 * The chart's time axis as the bridge read it: candle `t0` (open time, ms) has its centre at `x0` (pane CSS px),
 * neighbours are `spacing` px and `intervalMs` apart. `checks` are known candles located by another call of the
 * chart's API (lightweight-charts' `timeToCoordinate`, the Charting Library's `coordinateToTime`), and `visible`
 * the first and last visible candles by yet another (`getVisibleRange`): the overlay trusts the axis only when they
 * all agree (`lib/chart/time-axis.ts`).
 */
export const TimeReadSchema = z.object({
  t0: finite(),
  x0: finite(),
  spacing: finite(),
  intervalMs: finite(),
  checks: z.array(z.object({ t: finite(), x: finite() })).check(z.maxLength(8)),
  visible: z.nullable(z.object({ from: finite(), to: finite() })),
});
export type TimeRead = z.infer<typeof TimeReadSchema>;

/**
 * What the MAIN-world bridge posts about the chart, as plain data. It comes from page script: untrusted until
 * `validateSnapshot` accepts it.
 */
export const ChartSnapshotSchema = z.object({
  kind: z.enum(['tv-site', 'tv-cl-iframe', 'lwc', 'none']),
  /** The chart API's own symbol, e.g. `BINANCE:BTCUSDT.P`; null when the API does not say. */
  symbol: z.nullable(z.string().check(z.maxLength(64))),
  interval: z.nullable(z.string().check(z.maxLength(16))),
  /** The main-series pane, axes left out. */
  pane: RectSchema,
  /** Pane height as the chart API reports it, to cross-check the DOM rect. */
  apiPaneHeight: z.nullable(finite()),
  scale: z.object({
    from: finite(),
    to: finite(),
    mode: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
    inverted: z.boolean(),
  }),
  lastPrice: z.nullable(finite()),
  /** CL29 crosshair self-check: a price and where the chart drew it, relative to the pane top. */
  crosshair: z.nullable(z.object({ price: finite(), y: finite() })),
  viewport: z.object({ width: finite(), height: finite() }),
  /** The time axis; absent or null when the chart's time scale could not be read. */
  time: z.optional(z.nullable(TimeReadSchema)),
});
export type ChartSnapshot = z.infer<typeof ChartSnapshotSchema>;
