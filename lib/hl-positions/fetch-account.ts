import type { HttpClient } from '../http/types';
import { HYPERLIQUID_INFO_URL } from '../sources/hyperliquid/request';
import { err, ok, type Result } from '../util/result';
import { describeZodError } from '../util/zod';
import { type AccountState, ClearinghouseStateSchema, type Position } from './schemas';

export const POSITIONS_ENDPOINT = 'clearinghouseState';

/**
 * Why an account could not be read. `throttled`: HTTP 200 without `marginSummary`; `html`: a web page instead
 * of JSON (a gateway or a block page); `rate-limited`: 429 (or a pause the client still holds); others as the
 * HTTP client names them. None of them says anything about the account's positions.
 */
export type AccountFailureKind =
  | 'rate-limited'
  | 'throttled'
  | 'html'
  | 'bad-response'
  | 'network'
  | 'timeout'
  | 'http'
  | 'other';

export interface AccountFailure {
  kind: AccountFailureKind;
  message: string;
  /** When the client's pause ends (429 with or without Retry-After). */
  retryAt?: number;
}

/** `{"type":"clearinghouseState","user"}` on Hyperliquid's main perp dex (weight 2). */
export async function fetchAccount(
  http: HttpClient,
  address: string,
  now: () => number,
): Promise<Result<AccountState, AccountFailure>> {
  const res = await http.request({
    host: 'hyperliquid',
    endpoint: POSITIONS_ENDPOINT,
    method: 'POST',
    url: HYPERLIQUID_INFO_URL,
    body: { type: POSITIONS_ENDPOINT, user: address },
    weight: 2,
  });
  if (!res.ok) {
    const f = res.error;
    const kind: AccountFailureKind =
      f.kind === 'rate-limited' || f.kind === 'banned'
        ? 'rate-limited'
        : f.kind === 'bad-response' && f.message.includes('an HTML page')
          ? 'html'
          : f.kind === 'bad-response' || f.kind === 'network' || f.kind === 'timeout' || f.kind === 'http'
            ? f.kind
            : 'other';
    const failure: AccountFailure = { kind, message: f.message };
    if (f.retryAt !== undefined) failure.retryAt = f.retryAt;
    return err(failure);
  }
  if (res.value.status >= 400) {
    return err({ kind: 'http', message: `Hyperliquid ${POSITIONS_ENDPOINT}: HTTP ${res.value.status}` });
  }
  return parseAccount(res.value.json, now());
}

/** A parsed answer, or why it is not one (a throttled answer is told apart from a malformed one). */
export function parseAccount(json: unknown, fetchedAt: number): Result<AccountState, AccountFailure> {
  const looksThrottled =
    typeof json === 'object' && json !== null && !Array.isArray(json) && !('marginSummary' in json);
  if (looksThrottled) {
    return err({
      kind: 'throttled',
      message: `Hyperliquid ${POSITIONS_ENDPOINT}: an answer without marginSummary (the venue is throttling)`,
    });
  }
  const parsed = ClearinghouseStateSchema.safeParse(json);
  if (!parsed.success) {
    return err({
      kind: 'bad-response',
      message: `Hyperliquid ${POSITIONS_ENDPOINT}: ${describeZodError(parsed.error).split('; ')[0]}`,
    });
  }
  const positions: Position[] = [];
  for (const { position: p } of parsed.data.assetPositions) {
    if (p.szi === 0) continue;
    positions.push({ coin: p.coin, szi: p.szi, liquidationPx: p.liquidationPx, margin: p.leverage.type });
  }
  return ok({ fetchedAt, positions });
}
