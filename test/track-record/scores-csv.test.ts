import { describe, expect, it } from 'vitest';
import { SCORES_CSV_HEADER, scoresCsv } from '../../lib/track-record/scores-csv';
import { recorded } from './fixture';

describe('scoresCsv', () => {
  it('writes one row a band, oldest first, times in UTC', () => {
    const lines = scoresCsv(recorded(2).scores.reverse()).trimEnd().split('\n');
    expect(lines[0]).toBe(SCORES_CSV_HEADER);
    expect(lines.slice(1)).toEqual([
      'BTC,2026-12-01T00:00:00Z,100,long,95,96,1000,600,2026-12-02T00:00:00Z,true',
      'BTC,2026-12-01T00:00:00Z,100,short,104,105,2000,0,2026-12-02T00:00:00Z,false',
      'BTC,2026-12-01T12:00:00Z,100,long,95,96,1000,300,2026-12-02T12:00:00Z,true',
      'BTC,2026-12-01T12:00:00Z,100,short,104,105,2000,0,2026-12-02T12:00:00Z,false',
    ]);
  });
});
