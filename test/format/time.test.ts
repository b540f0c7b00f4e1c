import { describe, expect, it } from 'vitest';
import { formatDuration, formatUtc } from '../../lib/format/time';

describe('formatDuration', () => {
  it('truncates to the largest sensible unit', () => {
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(42_900)).toBe('42 s');
    expect(formatDuration(59_999)).toBe('59 s');
    expect(formatDuration(60_000)).toBe('1 min');
    expect(formatDuration(3 * 60_000 + 59_000)).toBe('3 min');
    expect(formatDuration(2 * 3_600_000)).toBe('2 h');
    expect(formatDuration(36 * 3_600_000)).toBe('36 h');
    expect(formatDuration(48 * 3_600_000)).toBe('2 d');
    expect(formatDuration(7 * 86_400_000)).toBe('7 d');
  });

  it('reads a negative age as zero', () => {
    expect(formatDuration(-5_000)).toBe('0 s');
  });
});

describe('formatUtc', () => {
  it('writes ISO 8601 UTC to the second', () => {
    expect(formatUtc(Date.UTC(2026, 10, 1, 12, 30, 15, 250))).toBe('2026-11-01T12:30:15Z');
    expect(formatUtc(0)).toBe('1970-01-01T00:00:00Z');
    expect(formatUtc(Number.NaN)).toBe('—');
  });
});
