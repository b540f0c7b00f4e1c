/**
 * The venue simulator: one seeded market served in every venue's real response shape, with fault
 * injection. Used by the engine tests, `scripts/make-fixtures.ts` (the HAR fixtures) and the demo.
 */
export type { Fault, FaultKind } from './faults';
export {
  createBtcMarket,
  createMarket,
  type Market,
  type MarketOptions,
  MINUTE,
  SIM_VENUES,
  type SimVenue,
} from './market';
export {
  createSimulatorFetch,
  type SimLogEntry,
  type SimulatorFetch,
  type SimulatorOptions,
} from './simulator';
export { simulatedSnapshots } from './snapshots';
export type { SimHost } from './types';
