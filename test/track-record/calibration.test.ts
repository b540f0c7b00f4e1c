import { describe, expect, it } from 'vitest';
import { trackRecord } from '../../lib/track-record/aggregate';
import { popupCalibration } from '../../lib/track-record/calibration';
import { recorded } from './fixture';

describe('popupCalibration', () => {
  const record = trackRecord(recorded(10));
  const ready = { status: 'ready' as const, record, scores: [], hasPrints: true };

  it('is nothing with the setting off', () => {
    expect(popupCalibration(false, ready)).toBeNull();
  });

  it("is the record's factors with it on, and no factor on either side without a record", () => {
    expect(popupCalibration(true, ready)).toBe(record.calibration);
    const missing = popupCalibration(true, { status: 'none', message: 'No band scored yet' });
    expect(missing?.long.factor).toBeNull();
    expect(missing?.short).toMatchObject({ sweptBands: 0, factor: null });
    expect(popupCalibration(true, null)?.long.factor).toBeNull();
  });
});
