import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createBackground } from '../../lib/background/create-background';
import { createBackgroundHlPositions } from '../../lib/background/hl-positions';
import { createBackgroundEngine } from '../../lib/background/live-engine';
import { createWorkerRealised } from '../../lib/background/realised';
import type { SocketLike } from '../../lib/hl-positions/trades-stream';
import { createLimiter } from '../../lib/http/limiter';
import { withoutCredentials } from '../../lib/http/without-credentials';
import { browserSocket } from './socket';

// Wiring only: the logic is lib/background/create-background.ts. Every listener is registered synchronously
// in main(), so that an event which wakes the worker finds its listener.
export default defineBackground(() => {
  const local = browser.storage.local;
  const log = (message: string) => console.warn(message);
  const extensionOrigin = browser.runtime.getURL('/');
  // One budget per IP: the estimate's client and the position scanner's book their requests here.
  const limiter = createLimiter({ now: Date.now, sleep: (ms) => new Promise((r) => setTimeout(r, ms)) });
  const background = createBackground({
    local,
    shared: browser.storage.sync,
    alarms: browser.alarms,
    // Read at every call (never a captured Date.now), here, in the engine and in the realised service: the
    // end-to-end tests move the worker's clock to score bands whose day is over.
    now: () => Date.now(),
    createEngine: (settings) =>
      createBackgroundEngine({
        settings,
        now: () => Date.now(),
        fetch: withoutCredentials((url, init) => fetch(url, init)),
        local,
        permissions: browser.permissions,
        limiter,
        log,
      }),
    broadcast: (message) => browser.runtime.sendMessage(message),
    sendToTab: (tabId, message) => browser.tabs.sendMessage(tabId, message),
    notify: async (id, notice) => {
      await browser.notifications.create(id, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title: notice.title,
        message: notice.message,
      });
    },
    // Without IndexedDB or WebSocket (a test runner) the worker only estimates.
    ...(typeof indexedDB !== 'undefined' && typeof WebSocket !== 'undefined'
      ? { createRealised: realised }
      : {}),
    hlPositions: createBackgroundHlPositions({
      fetch: withoutCredentials((url, init) => fetch(url, init)),
      idb: () => ({ indexedDB, keyRange: IDBKeyRange }),
      // The handlers the watcher sets take the events as the browser's WebSocket passes them.
      createSocket: (url) => new WebSocket(url) as unknown as SocketLike,
      local,
      limiter,
      log,
    }),
    log,
  });

  function realised(hooks: Parameters<typeof createWorkerRealised>[1]) {
    return createWorkerRealised(
      {
        openSocket: browserSocket,
        clock: {
          now: () => Date.now(),
          setTimeout: (run, ms) => setTimeout(run, ms),
          clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
        },
        random: Math.random,
        indexedDB,
        keyRange: IDBKeyRange,
        fetch: (url, init) => fetch(url, init),
        log,
      },
      hooks,
    );
  }

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    // Our own pages (popup, options) count as one watcher even when opened in a tab; content scripts by tab.
    const fromPage = sender.url?.startsWith(extensionOrigin) ?? false;
    const tabId = fromPage ? undefined : sender.tab?.id;
    const answer = background.handle(message, {
      ...(tabId !== undefined ? { tabId } : {}),
      ...(sender.frameId !== undefined ? { frameId: sender.frameId } : {}),
    });
    if (!answer) return false;
    void answer.then(sendResponse);
    return true;
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    void background.onAlarm(alarm.name);
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    void background.onTabRemoved(tabId);
  });
  browser.permissions.onAdded.addListener(() => background.onPermissionsChanged());
  browser.permissions.onRemoved.addListener(() => background.onPermissionsChanged());
  browser.runtime.onStartup.addListener(() => {
    void background.start();
  });
  browser.runtime.onInstalled.addListener(() => {
    void background.start();
  });
  void background.start();
});
