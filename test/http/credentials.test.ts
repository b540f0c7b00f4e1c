import { describe, expect, it } from 'vitest';
import { createHttpClient } from '../../lib/http/client';
import type { FetchLike } from '../../lib/http/types';
import { withoutCredentials } from '../../lib/http/without-credentials';
import { BINANCE_KLINES, response } from './fakes';

type Init = NonNullable<Parameters<FetchLike>[1]>;

describe('no cookies reach a venue', () => {
  it("the client asks fetch for credentials: 'omit' on every request, GET and POST", async () => {
    const inits: Init[] = [];
    const http = createHttpClient({
      fetch: async (_url, init) => {
        if (init) inits.push(init);
        return response(200, []);
      },
      setTimer: () => () => {},
    });
    await http.request(BINANCE_KLINES);
    await http.request({
      host: 'hyperliquid',
      endpoint: 'info',
      method: 'POST',
      url: 'https://api.hyperliquid.xyz/info',
      body: { type: 'metaAndAssetCtxs' },
    });
    expect(inits).toHaveLength(2);
    for (const init of inits) expect(init.credentials).toBe('omit');
  });

  it("the background's fetch wiring forces credentials: 'omit' whatever the caller passes", async () => {
    const seen: Init[] = [];
    const fetch = withoutCredentials(async (_url, init) => {
      seen.push(init);
      return response(200, {});
    });
    await fetch('https://www.okx.com/api/v5/public/funding-rate', {
      method: 'GET',
      credentials: 'include' as 'omit',
    });
    await fetch('https://fapi.binance.com/fapi/v1/openInterest');
    expect(seen.map((init) => init.credentials)).toEqual(['omit', 'omit']);
  });
});
