import { type EngineState, EngineStateSchema } from '../engine/series-cache';
import { type SeriesDoc, SeriesDocSchema } from '../market/series';
import { type ViewEntry, ViewEntrySchema } from '../messages/view-entry';
import type { StorageAreaLike } from '../storage/area';
import { STORAGE_KEYS } from '../storage/keys';
import { defineVersionedItem, type VersionedItem } from '../storage/versioned-item';

export interface ViewCache {
  get(asset: string): Promise<ViewEntry | null>;
  put(entry: ViewEntry): Promise<void>;
  /** The `liqlens.series/1` input of the last good view: warm start for the next refresh, and the popup's export. */
  getSeries(asset: string): Promise<SeriesDoc | null>;
  putSeries(asset: string, series: SeriesDoc): Promise<void>;
  /** The engine's memory of the asset (`liqlens.engine-state/1`): passed back as `previous` for a warm refresh. */
  getState(asset: string): Promise<EngineState | null>;
  putState(asset: string, state: EngineState): Promise<void>;
  remove(asset: string): Promise<void>;
}

/**
 * One key per asset each for the view, its series and the engine's state, in storage.local: the view is read on
 * every message, the series and state (hundreds of kB) only at refresh and export. A stored value that fails its schema is
 * treated as absent (the next refresh replaces it) and logged.
 */
export function createViewCache(deps: { area: StorageAreaLike; log: (message: string) => void }): ViewCache {
  const strict =
    <T>(
      schema: { safeParse(data: unknown): { success: true; data: T } | { success: false } },
      what: string,
    ) =>
    (data: unknown) => {
      const parsed = schema.safeParse(data);
      if (parsed.success) return { value: parsed.data as T | null, issues: [] };
      deps.log(`LiqLens: dropped an unreadable cached ${what}`);
      return { value: null, issues: [{ path: '', message: `unreadable ${what}` }] };
    };
  const viewItem = (asset: string): VersionedItem<ViewEntry | null> =>
    defineVersionedItem({
      area: deps.area,
      key: STORAGE_KEYS.view(asset),
      version: 1,
      parse: strict<ViewEntry>(ViewEntrySchema, 'view'),
      fallback: () => null,
    });
  const seriesItem = (asset: string): VersionedItem<SeriesDoc | null> =>
    defineVersionedItem({
      area: deps.area,
      key: STORAGE_KEYS.series(asset),
      version: 1,
      parse: strict<SeriesDoc>(SeriesDocSchema, 'series'),
      fallback: () => null,
    });
  const stateItem = (asset: string): VersionedItem<EngineState | null> =>
    defineVersionedItem({
      area: deps.area,
      key: STORAGE_KEYS.engineState(asset),
      version: 1,
      parse: strict<EngineState>(EngineStateSchema, 'engine state'),
      fallback: () => null,
    });
  return {
    get: async (asset) => (await viewItem(asset).load()).value,
    put: (entry) => viewItem(entry.asset).save(entry),
    getSeries: async (asset) => (await seriesItem(asset).load()).value,
    putSeries: (asset, series) => seriesItem(asset).save(series),
    getState: async (asset) => (await stateItem(asset).load()).value,
    putState: (asset, state) => stateItem(asset).save(state),
    async remove(asset) {
      await deps.area.remove([
        STORAGE_KEYS.view(asset),
        STORAGE_KEYS.series(asset),
        STORAGE_KEYS.engineState(asset),
      ]);
    },
  };
}
