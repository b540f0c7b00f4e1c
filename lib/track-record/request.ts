import { createRequester, type SendMessage } from '../messages/client';
import { REQUESTS } from '../messages/protocol';
import type { Result } from '../util/result';
import type { BandScoresReplyInput } from './load';

/** `getBandScores` through the runtime messaging: the reply checked with zod, a failure in words. */
export function bandScoresRequest(
  send: SendMessage,
): (asset: string, sinceMs: number) => Promise<Result<BandScoresReplyInput, string>> {
  const requester = createRequester(send, { getBandScores: REQUESTS.getBandScores });
  return (asset, sinceMs) => requester.request('getBandScores', { asset, sinceMs });
}
