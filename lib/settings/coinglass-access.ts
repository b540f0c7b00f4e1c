import { err, ok, type Result } from '../util/result';
import { describeZodError } from '../util/zod';
import { CoinglassKeySchema } from './schema';
import type { SettingsStore } from './store';

/** The optional host permission in wxt.config.ts; the key is only ever sent here. */
export const COINGLASS_ORIGINS = ['https://open-api-v4.coinglass.com/*'];

/** The part of `browser.permissions` used here. */
export interface PermissionsLike {
  request(permissions: { origins: string[] }): Promise<boolean>;
  contains(permissions: { origins: string[] }): Promise<boolean>;
  remove(permissions: { origins: string[] }): Promise<boolean>;
}

export type CoinglassKeyOutcome = 'saved' | 'cleared';

/**
 * Saves (or with an empty string clears) the CoinGlass key. Call it directly from the options page's click or
 * submit handler: browsers grant `permissions.request` only inside a user gesture, so the request is issued
 * synchronously here, before anything is awaited. A refused permission leaves the stored key unchanged.
 */
export function saveCoinglassKey(input: {
  key: string;
  permissions: PermissionsLike;
  store: SettingsStore;
}): Promise<Result<CoinglassKeyOutcome, string>> {
  const { permissions, store } = input;
  const key = input.key.trim();
  if (key === '') {
    return (async () => {
      const saved = await store.setCoinglassKey(null);
      if (!saved.ok) return saved;
      await permissions.remove({ origins: COINGLASS_ORIGINS }).catch(() => false);
      return ok<CoinglassKeyOutcome>('cleared');
    })();
  }
  const checked = CoinglassKeySchema.safeParse(key);
  if (!checked.success) return Promise.resolve(err(`coinglassKey: ${describeZodError(checked.error)}`));
  const granted = permissions.request({ origins: COINGLASS_ORIGINS });
  return (async () => {
    let allowed: boolean;
    try {
      allowed = await granted;
    } catch (cause) {
      return err(
        `could not ask for access to CoinGlass: ${cause instanceof Error ? cause.message : String(cause)}`,
      );
    }
    if (!allowed) return err('access to open-api-v4.coinglass.com was not allowed, so the key was not saved');
    const saved = await store.setCoinglassKey(key);
    if (!saved.ok) return saved;
    return ok<CoinglassKeyOutcome>('saved');
  })();
}

/** True when a key is stored and the browser still grants the CoinGlass host (the user can revoke it any time). */
export async function coinglassUsable(key: string | null, permissions: PermissionsLike): Promise<boolean> {
  if (!key) return false;
  return permissions.contains({ origins: COINGLASS_ORIGINS }).catch(() => false);
}
