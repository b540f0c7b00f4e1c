import type { SourceFailure } from '../../http/types';
import { failure } from '../shared/failure';

/** OKX's USDT-margined perpetual for a base asset: BTC → BTC-USDT-SWAP. */
export function okxInstrument(asset: string): string {
  return `${asset.toUpperCase()}-USDT-SWAP`;
}

/**
 * Our interval as OKX writes a bar (candles) or a period (rubik statistics). Up to 4H the bars open on UTC
 * boundaries either way; from 6H up OKX opens them at UTC+8 unless the `utc` variant is asked, and the
 * other venues' candles open at UTC. `undefined` for an interval OKX does not serve.
 */
const OKX_BARS: Record<string, string> = {
  '1m': '1m',
  '3m': '3m',
  '5m': '5m',
  '15m': '15m',
  '30m': '30m',
  '1h': '1H',
  '2h': '2H',
  '4h': '4H',
  '6h': '6Hutc',
  '12h': '12Hutc',
  '1d': '1Dutc',
};

export function okxBar(interval: string): string | undefined {
  return Object.hasOwn(OKX_BARS, interval) ? OKX_BARS[interval] : undefined;
}

/** The open-interest history starts at 5m. */
export function okxPeriod(interval: string): string | undefined {
  return interval === '1m' || interval === '3m' ? undefined : okxBar(interval);
}

export function unsupportedInterval(endpoint: string, interval: string): SourceFailure {
  return failure('http', 'okx', endpoint, `the ${interval} interval is not offered`);
}
