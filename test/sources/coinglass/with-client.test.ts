import { describe, expect, it } from 'vitest';
import { createHttpClient } from '../../../lib/http/client';
import type { FetchLike } from '../../../lib/http/types';
import { createCoinglassSource, PLAN_MESSAGE } from '../../../lib/sources/coinglass';

const KEY = 'cg-5ecret-K3y-0123456789abcdef';

function answering(status: number, body: unknown) {
  const seen: { url: string; headers: Record<string, string> }[] = [];
  const fetch: FetchLike = async (url, init) => {
    seen.push({ url, headers: init?.headers ?? {} });
    const text = JSON.stringify(body);
    return { status, headers: new Headers({ 'content-type': 'application/json' }), text: async () => text };
  };
  return { seen, http: createHttpClient({ fetch, now: () => 0, sleep: async () => {} }) };
}

describe('CoinGlass through the HTTP client', () => {
  it('answers HTTP 401 with the plan message; the key is in the header only', async () => {
    const { seen, http } = answering(401, { code: '401', msg: `key ${KEY} lacks access` });
    const res = await createCoinglassSource(http, KEY).aggregatedMap('BTC');
    expect(res).toMatchObject({ ok: false, error: { kind: 'auth', message: PLAN_MESSAGE } });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).not.toContain(KEY);
    expect(seen[0]?.headers['CG-API-KEY']).toBe(KEY);
  });

  it('answers an upgrade message on HTTP 200 with the plan message', async () => {
    const { http } = answering(200, { code: '40001', msg: 'Please upgrade your API plan' });
    const res = await createCoinglassSource(http, KEY).aggregatedMap('BTC');
    expect(res).toMatchObject({ ok: false, error: { kind: 'auth', message: PLAN_MESSAGE } });
  });
});
