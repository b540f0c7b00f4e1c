import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BidiClient, connectBidi } from './bidi-client';

export const FIREFOX = process.env.LIQLENS_FIREFOX ?? '/usr/bin/firefox-esr';

/** The add-on id in the Firefox manifest (wxt.config.ts) and the internal UUID the profile gives it. */
export const ADDON_ID = 'liqlens@liqlens.dev';
export const ADDON_UUID = '6a1f0c2e-5b3d-4e8a-9c71-2d4f8e6b0a13';
export const EXTENSION_ORIGIN = `moz-extension://${ADDON_UUID}`;

export interface LaunchedFirefox {
  bidi: BidiClient;
  /** Firefox's log (stdout and stderr), for a failure message. */
  log: () => string;
  close(): Promise<void>;
}

/**
 * The profile's preferences: the add-on's fixed UUID (so the popup's URL is known before the install), every
 * request through the offline proxy, and no first-run, update or telemetry traffic.
 */
function userJs(proxyPort: number): string {
  const prefs: Record<string, string | number | boolean> = {
    'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxyPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxyPort,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': true,
    'network.http.http3.enable': false,
    'network.dns.disablePrefetch': true,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'browser.shell.checkDefaultBrowser': false,
    'browser.startup.page': 0,
    'browser.startup.homepage_override.mstone': 'ignore',
    'browser.aboutwelcome.enabled': false,
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'app.update.disabledForTesting': true,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.reportingpolicy.firstRun': false,
    'extensions.update.enabled': false,
    'extensions.getAddons.cache.enabled': false,
  };
  return Object.entries(prefs)
    .map(([name, value]) => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});`)
    .join('\n');
}

async function waitFor<T>(
  what: string,
  read: () => T | null,
  timeoutMs: number,
  exited: () => boolean,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== null) return value;
    if (exited()) throw new Error(`Firefox exited before ${what}`);
    if (Date.now() > deadline) throw new Error(`Firefox: no ${what} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Starts Debian's Firefox ESR headless on a fresh profile with its WebDriver BiDi server on a free port (Firefox
 * writes the port into the profile's WebDriverBiDiServer.json), and opens a BiDi session that accepts the offline
 * proxy's certificate.
 */
export async function launchFirefox(options: {
  proxyPort: number;
  headless?: boolean;
}): Promise<LaunchedFirefox> {
  if (!fs.existsSync(FIREFOX))
    throw new Error(
      `no Firefox at ${FIREFOX}: run scripts/ensure-browser.sh firefox-esr (npm run test:firefox does)`,
    );
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'liqlens-firefox-'));
  fs.writeFileSync(path.join(profile, 'user.js'), `${userJs(options.proxyPort)}\n`);
  let output = '';
  const child: ChildProcess = spawn(
    FIREFOX,
    [
      ...(options.headless === false ? [] : ['--headless']),
      '--no-remote',
      '--profile',
      profile,
      '--remote-debugging-port',
      '0',
      // BiDi navigates only to web URLs without it; the popup and options pages are moz-extension: URLs.
      '--remote-allow-system-access',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1' } },
  );
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = () => child.exitCode !== null || child.signalCode !== null;

  const stop = async () => {
    if (!exited()) {
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await gone;
      clearTimeout(timer);
    }
    fs.rmSync(profile, { recursive: true, force: true });
  };

  try {
    const serverFile = path.join(profile, 'WebDriverBiDiServer.json');
    const port = await waitFor(
      'WebDriver BiDi port',
      () => {
        try {
          const server = JSON.parse(fs.readFileSync(serverFile, 'utf8')) as { ws_port?: unknown };
          return typeof server.ws_port === 'number' && server.ws_port > 0 ? server.ws_port : null;
        } catch {
          return null;
        }
      },
      30_000,
      exited,
    );
    const bidi = await connectBidi(`ws://127.0.0.1:${port}/session`);
    await bidi.send('session.new', { capabilities: { alwaysMatch: { acceptInsecureCerts: true } } });
    return {
      bidi,
      log: () => output,
      async close() {
        await bidi.send('session.end').catch(() => undefined);
        await bidi.close();
        await stop();
      },
    };
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${output.slice(-2_000)}`);
  }
}
