// Real Firefox (ESR) with the built add-on installed, and the same fixtures at the same real LinkedIn and
// Gmail URLs as in Chromium (DEFAULT_ROUTES from browser.mjs).
//
// One harness, two launchers: browser.mjs starts Chromium with playwright-core, this file starts Firefox
// with puppeteer-core over WebDriver BiDi. Playwright drives only its own patched Firefox build, never a
// stock one (Debian's firefox-esr is what users run); puppeteer could drive Chromium too, but the Chromium
// tests use Playwright's locators and its CDP session (stopping the service worker), and rewriting them
// buys nothing. What the two launchers share is what must never drift apart: the fixture table, the
// real URLs, and the rule that every other web request is refused.
//
// Plain JavaScript so `node` runs it directly on any Node >= 22.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { DEFAULT_ROUTES, FIXTURES, ROOT } from './browser.mjs';

export const FIREFOX_EXTENSION = join(ROOT, '.output/firefox-mv2');

const CANDIDATES = [
  process.env.FIREFOX_PATH,
  '/usr/bin/firefox-esr',
  '/usr/bin/firefox',
  '/snap/bin/firefox',
  '/Applications/Firefox.app/Contents/MacOS/firefox',
];

export const FIREFOX_INSTALL_HINT =
  'No Firefox found. Install it (Debian/Ubuntu: `sudo apt-get install -y firefox-esr`; macOS: `brew install --cask firefox`) ' +
  'or point FIREFOX_PATH at a Firefox binary. The Firefox end-to-end tests need a real browser and never skip.';

/** The first Firefox binary that exists; throws the install hint when there is none. */
export function findFirefox(candidates = CANDIDATES) {
  const found = candidates.find((p) => p && existsSync(p));
  if (!found) throw new Error(FIREFOX_INSTALL_HINT);
  return found;
}

/**
 * The add-on's internal UUID (the host of its moz-extension:// pages). Firefox picks a random one per
 * profile; the harness fixes it through the `extensions.webextensions.uuids` pref, so extension pages
 * have a known address and a relaunched profile finds the same origin, and so the same IndexedDB.
 */
export const FIREFOX_EXTENSION_UUID = '5f0c2a7e-93b1-4d6a-8e41-2b7d9c0a6f13';

/** Preferences that keep Firefox quiet: nothing of its own reaches the network. */
const QUIET_PREFS = {
  'app.update.auto': false,
  'app.update.enabled': false,
  'browser.aboutHomeSnippets.updateUrl': '',
  'browser.discovery.enabled': false,
  'browser.newtabpage.activity-stream.feeds.section.topstories': false,
  'browser.newtabpage.activity-stream.feeds.snippets': false,
  'browser.newtabpage.activity-stream.telemetry': false,
  'browser.ping-centre.telemetry': false,
  'browser.region.network.url': '',
  'browser.region.update.enabled': false,
  'browser.search.geoip.url': '',
  'browser.topsites.contile.enabled': false,
  'captivedetect.canonicalURL': '',
  'datareporting.healthreport.uploadEnabled': false,
  'dom.push.connection.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'extensions.blocklist.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'extensions.systemAddon.update.enabled': false,
  'extensions.update.enabled': false,
  'identity.fxaccounts.enabled': false,
  'media.gmp-gmpopenh264.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.predictor.enabled': false,
  'network.prefetch-next': false,
  'network.trr.mode': 5,
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.server': '',
  'toolkit.telemetry.unified': false,
};

/**
 * A stand-in proxy that answers nobody: Firefox sends every web request it makes to it, and it notes
 * the target and hangs up. Fixture requests never reach it (they are answered by interception before
 * any connection), so whatever it notes got past the harness: the tests assert it noted nothing.
 */
async function startSink() {
  const leaks = [];
  const server = createServer((socket) => {
    socket.once('data', (chunk) => {
      leaks.push(chunk.toString('latin1').split('\r\n')[0]);
      socket.destroy();
    });
    socket.on('error', () => {});
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return { port, leaks, close: () => new Promise((resolve) => server.close(() => resolve(undefined))) };
}

/**
 * Launch Firefox with the built add-on, installed as a temporary add-on (as `about:debugging` and
 * `web-ext run` do). Each launch writes its prefs into the profile; pass the same `userDataDir` again
 * to relaunch a profile: the add-on is installed again under the same id and UUID, so it finds its
 * IndexedDB again (Firefox keeps a temporary add-on's storage when it quits; no pref forces that).
 *
 * @param {{ userDataDir?: string, headless?: boolean, extension?: string }} [options]
 */
export async function launchFirefox({ userDataDir, headless = true, extension = FIREFOX_EXTENSION } = {}) {
  const manifestPath = join(extension, 'manifest.json');
  if (!existsSync(manifestPath)) {
    throw new Error(`No built Firefox add-on at ${extension}. Run \`npm run build:firefox\` first (npm test does).`);
  }
  const executablePath = findFirefox();
  const geckoId = JSON.parse(readFileSync(manifestPath, 'utf8')).browser_specific_settings.gecko.id;
  const ownDir = !userDataDir;
  const dir = userDataDir ?? mkdtempSync(join(tmpdir(), 'warm-intro-firefox-'));
  const sink = await startSink();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless,
    userDataDir: dir,
    defaultViewport: { width: 1366, height: 900 }, // as in Chromium: LinkedIn's wide layout
    // Lets WebDriver BiDi open moz-extension:// pages (popup, dashboard); without it Firefox refuses
    // to navigate a tab there from the test.
    args: ['--remote-allow-system-access'],
    // Release builds ignore `services.settings.server` (set to a dead data: URL by puppeteer) unless
    // this is set, and then fetch remote settings from Mozilla at start-up.
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
    extraPrefsFirefox: {
      ...QUIET_PREFS,
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: FIREFOX_EXTENSION_UUID }),
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': sink.port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': sink.port,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
    },
  });
  let installed;
  try {
    installed = await browser.installExtension(extension);
  } catch (error) {
    await browser.close();
    await sink.close();
    throw error;
  }
  if (installed !== geckoId) throw new Error(`installed ${installed}, expected ${geckoId}`);

  /** @type {{ url: string, served: boolean }[]} */
  const requests = [];

  /**
   * A new tab whose web requests are answered from the fixtures (`routes` first, then DEFAULT_ROUTES);
   * any other web request is aborted. Extension and data: URLs load as usual.
   * @param {{ routes?: Array<[RegExp, string]> }} [options]
   */
  async function newPage({ routes = [] } = {}) {
    const table = [...routes, ...DEFAULT_ROUTES];
    const page = await browser.newPage();
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (request.isInterceptResolutionHandled()) return;
      const url = request.url();
      if (!/^https?:/.test(url)) return void request.continue();
      const hit = table.find(([re]) => re.test(url));
      requests.push({ url, served: !!hit });
      if (!hit) return void request.abort('blockedbyclient');
      const file = join(FIXTURES, hit[1]);
      if (!existsSync(file)) return void request.respond({ status: 404, body: `missing fixture ${hit[1]}` });
      return void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: readFileSync(file) });
    });
    return page;
  }

  /** moz-extension:// address of one of the add-on's pages. @param {string} path */
  const extensionUrl = (path) => `moz-extension://${FIREFOX_EXTENSION_UUID}/${path.replace(/^\//, '')}`;

  /**
   * Open an extension page (popup.html, dashboard.html) in a new tab and wait until it has loaded.
   * Firefox's BiDi sends no navigation events for moz-extension:// documents, so `goto` would wait
   * for ever: start the navigation, then watch the document itself.
   * @param {string} path
   */
  async function openExtensionPage(path) {
    const url = extensionUrl(path);
    const page = await browser.newPage();
    void page.goto(url, { timeout: 15_000 }).catch(() => {});
    const deadline = Date.now() + 15_000;
    for (;;) {
      const state = await page.evaluate(() => `${location.href} ${document.readyState}`).catch(() => '');
      if (state === `${url} complete`) return page;
      if (Date.now() > deadline) throw new Error(`${path} did not load in Firefox (last seen: ${state || 'nothing'})`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async function close() {
    await browser.close();
    await sink.close();
    if (ownDir) rmSync(dir, { recursive: true, force: true });
  }

  return { browser, newPage, openExtensionPage, extensionUrl, requests, leaks: sink.leaks, userDataDir: dir, close };
}
