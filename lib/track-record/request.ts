import { createRequester, type SendMessage } from '../messages/client';
import type { Result } from '../util/result';
import type { BandScoresReplyInput } from './load';
import { TRACK_RECORD_REQUESTS } from './reply-schema';

/** `getBandScores` through the runtime messaging: the reply checked with zod, a failure in words. */
export function bandScoresRequest(
  send: SendMessage,
): (asset: string, sinceMs: number) => Promise<Result<BandScoresReplyInput, string>> {
  const requester = createRequester(send, TRACK_RECORD_REQUESTS);
  return (asset, sinceMs) => requester.request('getBandScores', { asset, sinceMs });
}
