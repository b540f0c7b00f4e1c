import { z } from '../util/zod';

/** Durations as model.md writes them: `15m`, `1h`, `7d`. */
export const DurationSchema = z
  .string()
  .check(z.regex(/^[1-9][0-9]*[mhd]$/, 'expected a duration such as 15m, 1h or 7d'));

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

export function durationMs(text: string): number {
  const match = /^([1-9][0-9]*)([mhd])$/.exec(text);
  if (!match) throw new Error(`not a duration: ${text}`);
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}

/** Candle intervals every venue can serve. */
export const INTERVALS = ['5m', '15m', '30m', '1h', '4h'] as const;
export const IntervalSchema = z.enum(INTERVALS);
export type Interval = z.infer<typeof IntervalSchema>;
