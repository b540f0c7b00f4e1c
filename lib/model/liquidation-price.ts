/** Isolated margin, smallest bracket (model.md "The ledger"): `e · (1 − 1/L) / (1 − mmr)`. */
export function liqLong(entry: number, leverage: number, mmr: number): number {
  return (entry * (1 - 1 / leverage)) / (1 - mmr);
}

/** Isolated margin, smallest bracket (model.md "The ledger"): `e · (1 + 1/L) / (1 + mmr)`. */
export function liqShort(entry: number, leverage: number, mmr: number): number {
  return (entry * (1 + 1 / leverage)) / (1 + mmr);
}
