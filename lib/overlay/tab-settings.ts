import type { Settings } from '../settings/schema';
import type { StorageChangedEvent } from '../storage/area';
import { STORAGE_KEYS } from '../storage/keys';
import type { SettingsSource } from './controller';
import type { TabRequester } from './tab-messages';

export interface TabSettingsDeps {
  requester: Pick<TabRequester, 'request'>;
  /** storage.sync's change event: only which keys changed is read, never a value. */
  changes: StorageChangedEvent | undefined;
  setTimeout(fn: () => void, ms: number): unknown;
  /** A failed ask after a change: one line; the settings in use stay. */
  report(cause: unknown): void;
}

/** A worker that is still starting may miss the first ask: this many tries, RETRY_MS apart. */
export const LOAD_TRIES = 5;
export const RETRY_MS = 1_000;

/**
 * The settings of a chart tab, from the worker (`getSettings`), which reads and repairs storage.sync with zod so that
 * the content script needs no settings schema. Asked once at the start and again whenever storage.sync's settings
 * key changes (only the latest ask's answer is used); a failed ask after a change keeps the settings in use.
 */
export function createTabSettings(deps: TabSettingsDeps): SettingsSource {
  const ask = async (): Promise<Settings> => {
    const reply = await deps.requester.request('getSettings', {});
    if (!reply.ok) throw new Error(reply.error);
    return reply.value;
  };
  const wait = (ms: number) => new Promise<void>((resolve) => deps.setTimeout(resolve, ms));
  return {
    async load() {
      for (let tries = 1; ; tries++) {
        try {
          return await ask();
        } catch (cause) {
          if (tries >= LOAD_TRIES) throw cause;
        }
        await wait(RETRY_MS);
      }
    },
    watch(callback) {
      const events = deps.changes;
      if (!events) return () => {};
      let asked = 0;
      const listener = (changes: Record<string, unknown>) => {
        if (!Object.hasOwn(changes, STORAGE_KEYS.settings)) return;
        const mine = ++asked;
        ask().then(
          (settings) => {
            if (mine === asked) callback(settings);
          },
          (cause) => deps.report(cause),
        );
      };
      events.addListener(listener);
      return () => events.removeListener(listener);
    },
  };
}
