import { describe, expect, it } from 'vitest';
import { bandScoresRequest } from '../../lib/track-record/request';
import { recorded } from './fixture';

describe('bandScoresRequest', () => {
  it('sends getBandScores and parses the reply envelope', async () => {
    const data = recorded(2);
    const sent: unknown[] = [];
    const request = bandScoresRequest(async (message) => {
      sent.push(message);
      return {
        ok: true,
        data: { snapshots: data.snapshots, scores: data.scores, priceRanges: data.priceRanges },
      };
    });
    const reply = await request('BTC', 123);
    expect(sent).toEqual([{ type: 'getBandScores', data: { asset: 'BTC', sinceMs: 123 } }]);
    expect(reply.ok && reply.value.scores).toHaveLength(4);
    expect(reply.ok && reply.value.prints).toBeUndefined();
  });

  it('turns a malformed or failed reply into one line', async () => {
    const malformed = await bandScoresRequest(async () => ({
      ok: true,
      data: { snapshots: [], scores: [{}] },
    }))('BTC', 0);
    expect(malformed.ok).toBe(false);
    expect(!malformed.ok && malformed.error).toMatch(/^getBandScores: malformed reply: data\.scores\[0\]/);
    const failed = await bandScoresRequest(async () => ({ ok: false, error: 'unknown request' }))('BTC', 0);
    expect(failed).toEqual({ ok: false, error: 'getBandScores: unknown request' });
    const silent = await bandScoresRequest(async () => undefined)('BTC', 0);
    expect(silent).toEqual({ ok: false, error: 'getBandScores: the background did not answer' });
  });
});
