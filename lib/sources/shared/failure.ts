import type { FailureKind, HostId, SourceFailure } from '../../http/types';
import { hostLabel } from './label';

/** A typed failure whose message starts with the venue and endpoint: `Bybit kline: …`. */
export function failure(
  kind: FailureKind,
  host: HostId,
  endpoint: string,
  detail: string,
  extra: Pick<SourceFailure, 'path' | 'status' | 'retryAt'> = {},
): SourceFailure {
  return { kind, host, endpoint, message: `${hostLabel(host)} ${endpoint}: ${detail}`, ...extra };
}

/**
 * `unsupported-symbol`, worded for a trader: "BTCXYZ is not listed on Binance USDⓈ-M perpetuals".
 * `market` names the product family, e.g. `Binance USDⓈ-M perpetuals`, `Bybit USDT perpetuals`.
 */
export function unsupportedSymbol(
  host: HostId,
  endpoint: string,
  instrument: string,
  market: string,
): SourceFailure {
  return { kind: 'unsupported-symbol', host, endpoint, message: `${instrument} is not listed on ${market}` };
}
