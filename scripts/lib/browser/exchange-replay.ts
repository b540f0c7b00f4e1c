import type { HarFetch } from '../../../lib/http/har-replay';

/** The data APIs the background talks to; a browser under test reaches nothing else. */
export const EXCHANGE_HOSTS = [
  'fapi.binance.com',
  'api.bybit.com',
  'www.okx.com',
  'api.hyperliquid.xyz',
] as const;

export const isExchangeHost = (host: string): host is (typeof EXCHANGE_HOSTS)[number] =>
  (EXCHANGE_HOSTS as readonly string[]).includes(host);

export interface ReplayedAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * A browser's exchange request answered from a HAR (lib/http's replay: exact match, else closest); rejects when the
 * HAR has nothing close. The recorded body is already decoded, so its encoding and length headers are dropped.
 */
export async function replayAnswer(
  replay: HarFetch,
  request: { method: string; url: string; body?: string },
): Promise<ReplayedAnswer> {
  const answer = await replay(request.url, {
    method: request.method,
    ...(request.body ? { body: request.body } : {}),
  });
  const headers: Record<string, string> = {};
  answer.headers.forEach?.((value, key) => {
    if (!['content-encoding', 'content-length', 'transfer-encoding'].includes(key)) headers[key] = value;
  });
  return { status: answer.status, headers, body: await answer.text() };
}
