import { AssetSchema } from '../market/asset';
import type { StorageAreaLike } from '../storage/area';
import { STORAGE_KEYS } from '../storage/keys';
import { defineVersionedItem } from '../storage/versioned-item';
import { z } from '../util/zod';

const PopupPrefsSchema = z.object({
  /** The asset shown last, for when the active tab is not a chart. */
  last: AssetSchema,
  /** Recently shown assets, newest first, for the picker. */
  recent: z.array(AssetSchema).check(z.maxLength(12)),
});
export type PopupPrefs = z.infer<typeof PopupPrefsSchema>;

export const DEFAULT_ASSET = 'BTC';
const defaults = (): PopupPrefs => ({ last: DEFAULT_ASSET, recent: [] });

/** The popup's own memory, in storage.local; anything unreadable starts afresh (it is only a convenience). */
export type PopupPrefsStore = ReturnType<typeof createPopupPrefs>;

export function createPopupPrefs(area: StorageAreaLike) {
  const item = defineVersionedItem<PopupPrefs>({
    area,
    key: STORAGE_KEYS.popupPrefs,
    version: 1,
    parse: (data) => {
      const parsed = PopupPrefsSchema.safeParse(data);
      return parsed.success ? { value: parsed.data, issues: [] } : { value: defaults(), issues: [] };
    },
    fallback: defaults,
  });
  // The popup writes as soon as the user picks, without a read first: a popup closed right after a pick must still
  // have called storage's set, so the prefs loaded at start are kept here.
  let known: PopupPrefs | null = null;
  return {
    async load(): Promise<PopupPrefs> {
      known = (await item.load()).value;
      return known;
    },
    remember(asset: string): Promise<void> {
      const prefs = known ?? defaults();
      known = { last: asset, recent: [asset, ...prefs.recent.filter((a) => a !== asset)].slice(0, 12) };
      return item.save(known);
    },
  };
}
