import type { CalibrationFactor } from './calibration-factor';
import type { TrackRecordLoad } from './load';

const none = (side: 'long' | 'short'): CalibrationFactor => ({
  side,
  sweptBands: 0,
  estimatedUsd: 0,
  realisedUsd: 0,
  factor: null,
});

/**
 * What the popup's at-risk rows are calibrated with: nothing when the setting is off; the track record's
 * factors when on (a side without one says "not enough data yet" and keeps the model's figure), and no
 * factor on either side while the record is missing.
 */
export function popupCalibration(
  on: boolean,
  load: TrackRecordLoad | null,
): Record<'long' | 'short', CalibrationFactor> | null {
  if (!on) return null;
  if (load?.status === 'ready') return load.record.calibration;
  return { long: none('long'), short: none('short') };
}
