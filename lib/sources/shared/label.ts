import type { HostId } from '../../http/types';
import { VENUE_LABEL } from '../../market/venue';

/** The name a trader knows a host by: `Binance`, `OKX`, `CoinGlass`. */
export function hostLabel(host: HostId): string {
  return host === 'coinglass' ? 'CoinGlass' : VENUE_LABEL[host];
}
