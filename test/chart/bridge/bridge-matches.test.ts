import { describe, expect, it } from 'vitest';
import { BRIDGE_MATCHES } from '../../../lib/chart/bridge/bridge-matches';
import { SITES } from '../../../lib/sites';

describe('BRIDGE_MATCHES', () => {
  it('is every supported site’s match patterns, no more, no fewer', () => {
    expect([...BRIDGE_MATCHES].sort()).toEqual(SITES.flatMap((site) => site.matches).sort());
  });
});
