import { describe, expect, it } from 'vitest';
import { REQUESTS } from '../../lib/messages/protocol';
import { REALISED_REQUESTS } from '../../lib/overlay/realised-request';
import { summary } from '../realised/summary-fixture';

describe('REALISED_REQUESTS', () => {
  it('getRealised accepts and refuses what the protocol does', () => {
    const mine = REALISED_REQUESTS.getRealised;
    const theirs = REQUESTS.getRealised;
    const data = [{ asset: 'BTC' }, { asset: 'btc' }, { asset: 'BTC', extra: 1 }, {}, { asset: 7 }];
    for (const d of data) expect(mine.data.safeParse(d).success).toBe(theirs.data.safeParse(d).success);
    const replies = [
      { summary: null },
      { summary: summary() },
      { summary: { ...summary(), now: 'later' } },
      { summary: summary(), extra: true },
      {},
    ];
    for (const r of replies) expect(mine.reply.safeParse(r).success).toBe(theirs.reply.safeParse(r).success);
    expect(mine.reply.safeParse({ summary: summary() }).success).toBe(true);
  });
});
