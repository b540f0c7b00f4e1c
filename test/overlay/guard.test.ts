import { describe, expect, it } from 'vitest';
import { createGuard, isContextInvalidated } from '../../lib/overlay/guard';

function setup() {
  const logged: string[] = [];
  let invalidated = 0;
  const guard = createGuard({
    tag: 'LiqLens:binance',
    log: (m) => logged.push(m),
    onInvalidated: () => {
      invalidated += 1;
    },
  });
  return { guard, logged, invalidated: () => invalidated };
}

describe('createGuard', () => {
  it('swallows a throw and logs it once per kind, tagged with the adapter id', () => {
    const { guard, logged } = setup();
    const boom = () => {
      throw new Error('boom');
    };
    expect(guard.run('paint', boom)).toBeUndefined();
    guard.run('paint', boom);
    guard.wrap('hover', boom)();
    expect(logged).toEqual(['[LiqLens:binance] paint: boom', '[LiqLens:binance] hover: boom']);
    expect(guard.run('ok', () => 42)).toBe(42);
  });

  it('turns "Extension context invalidated" into one quiet teardown', () => {
    const { guard, logged, invalidated } = setup();
    guard.report('subscribe', new Error('Extension context invalidated.'));
    guard.run('paint', () => {
      throw new Error('Extension context invalidated.');
    });
    expect(invalidated()).toBe(1);
    expect(logged).toEqual([]);
  });
});

describe('isContextInvalidated', () => {
  it('recognises the browser wording, also inside another message', () => {
    expect(isContextInvalidated(new Error('Extension context invalidated.'))).toBe(true);
    expect(
      isContextInvalidated('subscribeAsset: the background did not answer (Extension context invalidated.)'),
    ).toBe(true);
    expect(isContextInvalidated(new Error('timeout'))).toBe(false);
  });
});
