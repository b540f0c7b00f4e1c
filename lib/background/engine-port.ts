import type { Engine } from '../engine/pipeline';

export type { RefreshResult } from '../engine/pipeline';

/** What the background needs of lib/engine's `Engine`; tests pass a stand-in with the same shape. */
export type EngineLike = Pick<Engine, 'refresh'>;
