/** OKX's USDT-margined perpetual for a base asset: BTC → BTC-USDT-SWAP. */
export function okxInstrument(asset: string): string {
  return `${asset.toUpperCase()}-USDT-SWAP`;
}

/** Our interval (`15m`, `1h`, `1d`) as OKX writes a bar or a rubik period (`15m`, `1H`, `1Dutc`). */
export function okxBar(interval: string): string {
  const match = /^([1-9][0-9]*)([mhd])$/.exec(interval);
  if (!match) return interval;
  const [, n, unit] = match;
  if (unit === 'h') return `${n}H`;
  if (unit === 'd') return `${n}Dutc`;
  return `${n}m`;
}
