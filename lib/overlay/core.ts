import { createScopedTimers } from '../util/scoped-timers';
import { createBridgeClient } from './bridge-client';
import { createOverlayController } from './controller';
import { createFrameLook } from './frame-look';
import { createGuard } from './guard';
import { createPagePoll } from './page-poll';
import { createRealisedFollower } from './realised-follower';
import { createTabPushReceiver, createTabRequester } from './tab-messages';
import { createTabSettings } from './tab-settings';

/**
 * The overlay's logic without its drawing: what the shared content script (entrypoints/overlay-core.content.ts)
 * hands to each site's script, which draws (components/overlay/mount-overlay.tsx). Two scripts so that each stays
 * under 60 kB (docs/overlay.md, "Content scripts").
 */
export const overlayCore = {
  createBridgeClient,
  createOverlayController,
  createFrameLook,
  createGuard,
  createPagePoll,
  createRealisedFollower,
  createScopedTimers,
  createTabPushReceiver,
  createTabRequester,
  createTabSettings,
};
