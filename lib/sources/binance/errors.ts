import type { HttpResult, SourceFailure } from '../../http/types';
import { z } from '../../util/zod';
import { failure, unsupportedSymbol } from '../shared/failure';
import { ErrorBodySchema } from './schemas';

export const MARKET = 'Binance USDⓈ-M perpetuals';

/** https://developers.binance.com/docs/derivatives/usds-margined-futures/error-code: -1121 Invalid symbol. */
const INVALID_SYMBOL = -1121;

/**
 * Binance refuses with HTTP 4xx and `{code, msg}`. The HttpClient may hand that body over as a response,
 * classify it (`unsupported-symbol`) or fold it into a failure's message; all are recognised and worded
 * with the instrument.
 */
export function inspectBinance(endpoint: string, instrument: string) {
  return (outcome: HttpResult): SourceFailure | undefined => {
    if (!outcome.ok) {
      const { kind, status, message } = outcome.error;
      if (kind === 'unsupported-symbol' || (status === 400 && /-1121|invalid symbol/i.test(message))) {
        return unsupportedSymbol('binance', endpoint, instrument, MARKET);
      }
      return undefined;
    }
    const body = z.safeParse(ErrorBodySchema, outcome.value.json);
    if (!body.success) return undefined;
    if (body.data.code === INVALID_SYMBOL) return unsupportedSymbol('binance', endpoint, instrument, MARKET);
    const { status } = outcome.value;
    if (status < 400 && body.data.code >= 0) return undefined;
    return failure('http', 'binance', endpoint, `refused (${body.data.code} ${body.data.msg})`, { status });
  };
}
