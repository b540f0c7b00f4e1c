export const REFRESH_ALARM = 'liqlens:refresh';

export interface AlarmInfo {
  name: string;
  scheduledTime: number;
  periodInMinutes?: number;
}

/** The part of `browser.alarms` used here. */
export interface AlarmsLike {
  get(name: string): Promise<AlarmInfo | undefined>;
  create(name: string, info: { periodInMinutes: number; delayInMinutes?: number }): Promise<void> | void;
}

/**
 * Makes sure the refresh alarm exists with the given period. Idempotent: the worker calls it every time it
 * starts (which MV3 does on every wake-up), and re-creating an existing alarm would push its next firing back
 * each time, so an alarm with the right period is left alone.
 */
export async function ensureRefreshAlarm(alarms: AlarmsLike, periodMs: number): Promise<'kept' | 'created'> {
  const periodInMinutes = periodMs / 60_000;
  const existing = await alarms.get(REFRESH_ALARM);
  if (
    existing &&
    existing.periodInMinutes !== undefined &&
    Math.abs(existing.periodInMinutes - periodInMinutes) < 1e-9
  ) {
    return 'kept';
  }
  await alarms.create(REFRESH_ALARM, { periodInMinutes, delayInMinutes: periodInMinutes });
  return 'created';
}
