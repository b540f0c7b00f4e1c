import { describe, expect, it } from 'vitest';
import { formatClock } from '../../lib/realised/clock';
import { feedStateText } from '../../lib/realised/feeds';
import { velocityLine } from '../../lib/realised/velocity';
import { feed, MIN, NOW, summary } from './summary-fixture';

describe('velocityLine', () => {
  it('names the side with more notional: shorts liquidated push the price up', () => {
    const line = velocityLine(summary({ velocity5m: { long: 3e6, short: 42e6 } }));
    expect(line).toEqual({
      side: 'short',
      usd: 42e6,
      text: '↑ shorts $42.0M liquidated in 5 min',
      gap: null,
    });
  });

  it('longs liquidated point down', () => {
    expect(velocityLine(summary({ velocity5m: { long: 1.5e6, short: 0 } })).text).toBe(
      '↓ longs $1.5M liquidated in 5 min',
    );
  });

  it('says $0 only while every feed is live through the window', () => {
    expect(velocityLine(summary()).text).toBe('$0 liquidated in 5 min');
  });

  it('a gap in one feed makes the figure a lower bound and is named', () => {
    const feeds = [
      feed('bybit', { gaps: [{ from: NOW - 3 * MIN, to: NOW - 2 * MIN }] }),
      feed('okx'),
      feed('binance'),
    ];
    const line = velocityLine(summary({ feeds, velocity5m: { long: 0, short: 2e6 } }));
    expect(line.text).toBe('↑ shorts ≥ $2.0M liquidated in 5 min');
    expect(line.gap).toBe(`Bybit gap ${formatClock(NOW - 3 * MIN)}–${formatClock(NOW - 2 * MIN)}`);
    const open = [feed('bybit', { gaps: [{ from: NOW - 1 * MIN, to: null }] }), feed('okx')];
    expect(velocityLine(summary({ feeds: open })).gap).toBe(`Bybit gap since ${formatClock(NOW - MIN)}`);
  });

  it('a gap that ended before the window is not counted', () => {
    const feeds = [feed('bybit', { gaps: [{ from: NOW - 30 * MIN, to: NOW - 20 * MIN }] })];
    expect(velocityLine(summary({ feeds })).gap).toBeNull();
  });

  it('with every feed down there is no figure, never a zero', () => {
    const feeds = [
      feed('bybit', { state: 'reconnecting', gaps: [{ from: NOW - 2 * MIN, to: null }] }),
      feed('okx', { state: 'reconnecting', gaps: [{ from: NOW - 1 * MIN, to: null }] }),
    ];
    const line = velocityLine(summary({ feeds }));
    expect(line).toEqual({
      side: null,
      usd: null,
      text: `no realised feed since ${formatClock(NOW - 2 * MIN)}`,
      gap: null,
    });
  });

  it('no feed connected', () => {
    const feeds = [feed('bybit', { state: 'off' })];
    expect(velocityLine(summary({ feeds })).text).toBe('no realised feed connected');
  });
});

describe('feedStateText', () => {
  it('an open gap wins over the state', () => {
    expect(feedStateText(feed('okx', { state: 'reconnecting', gaps: [{ from: NOW, to: null }] }))).toBe(
      `gap since ${formatClock(NOW)}`,
    );
    expect(feedStateText(feed('okx'))).toBe('live');
    expect(feedStateText(feed('okx', { state: 'connecting' }))).toBe('connecting');
  });

  it('formatClock is HH:MM on the local clock', () => {
    expect(formatClock(new Date(2026, 0, 1, 7, 5).getTime())).toBe('07:05');
    expect(formatClock(Number.NaN)).toBe('—');
  });
});
