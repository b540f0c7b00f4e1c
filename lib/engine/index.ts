export { type BuildClusterViewInput, buildClusterView } from './build-view';
export { mergeDepthUsd } from './depth';
export {
  createFileOiSnapshotStore,
  createMemoryOiSnapshotStore,
  mergeSnapshot,
  type OiSnapshot,
  OiSnapshotListSchema,
  OiSnapshotSchema,
  type OiSnapshotStore,
  SNAPSHOT_RETENTION_MS,
  SNAPSHOT_SLOT_MS,
  type SnapshotFs,
} from './oi-snapshot-store';
export {
  createEngine,
  DEFAULT_HISTORY_DELAY_MS,
  type Engine,
  EngineInputError,
  type EngineOptions,
  type RefreshOptions,
  type RefreshResult,
} from './pipeline';
export {
  createMemorySeriesCache,
  ENGINE_STATE_FORMAT,
  type EngineState,
  EngineStateSchema,
  parseEngineState,
  type SeriesCache,
  type VenueState,
  VenueStateSchema,
} from './series-cache';
export { createLiveEngine, createVirtualClock, type LiveEngineOptions } from './setup';
export { alignSnapshots, oiChange24hPct, snapshotTolerance } from './snapshot-history';
