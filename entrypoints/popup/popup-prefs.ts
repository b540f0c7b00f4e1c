import { AssetSchema } from '../../lib/market/asset';
import type { StorageAreaLike } from '../../lib/storage/area';
import { defineVersionedItem } from '../../lib/storage/versioned-item';
import { z } from '../../lib/util/zod';

export const POPUP_PREFS_KEY = 'liqlens:popup';

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
export function createPopupPrefs(area: StorageAreaLike) {
  const item = defineVersionedItem<PopupPrefs>({
    area,
    key: POPUP_PREFS_KEY,
    version: 1,
    parse: (data) => {
      const parsed = PopupPrefsSchema.safeParse(data);
      return parsed.success ? { value: parsed.data, issues: [] } : { value: defaults(), issues: [] };
    },
    fallback: defaults,
  });
  return {
    load: async () => (await item.load()).value,
    async remember(asset: string): Promise<void> {
      const prefs = (await item.load()).value;
      await item.save({
        last: asset,
        recent: [asset, ...prefs.recent.filter((a) => a !== asset)].slice(0, 12),
      });
    },
  };
}
