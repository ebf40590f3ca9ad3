// Real Chromium with the built extension loaded, and the fixtures served at the real LinkedIn and
// Gmail URLs by request routing. Shared by the end-to-end tests, `npm start` and `npm run bench`.
// Plain JavaScript so `node` runs it directly on any Node >= 22.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(here, '../..');
export const FIXTURES = join(ROOT, 'tests/fixtures');
export const EXTENSION = join(ROOT, '.output/chrome-mv3');

const CANDIDATES = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

export const INSTALL_HINT =
  'No Chromium found. Install it (Debian/Ubuntu: `sudo apt-get install -y chromium`; macOS: `brew install --cask chromium`) ' +
  'or point CHROMIUM_PATH at a Chromium or Chrome for Testing binary. The end-to-end tests need a real browser and never skip.';

export function findChromium() {
  const found = CANDIDATES.find((p) => p && existsSync(p));
  if (!found) throw new Error(INSTALL_HINT);
  return found;
}

/** Which fixture answers which URL. First match wins; anything unmatched is refused (no network). */
/** @type {Array<[RegExp, string]>} */
export const DEFAULT_ROUTES = [
  [/^https:\/\/www\.linkedin\.com\/in\/olivia-hartmann-8a61b2b4\//, 'linkedin-profile-classic.html'],
  [/^https:\/\/www\.linkedin\.com\/in\/(marcus-lindqvist-2b7a9e11|priya-natarajan-5c9d0e21|tomas-alvarez-91f3c0d2)\//, 'linkedin-profile-spa.html'],
  [/^https:\/\/www\.linkedin\.com\/in\/samira-haddad-6d2e9b14\//, 'linkedin-invite-note.html'],
  [/^https:\/\/www\.linkedin\.com\/in\/xss-test-4f5e6d7c\//, 'linkedin-profile-hostile.html'],
  [/^https:\/\/www\.linkedin\.com\/in\/zo%C3%AB-%C3%A5ngstr%C3%B6m-%C5%82ukasiewicz-9c1d2e3f\//, 'linkedin-profile-diacritics.html'],
  [/^https:\/\/www\.linkedin\.com\/messaging\//, 'linkedin-messaging.html'],
  [/^https:\/\/www\.linkedin\.com\/company\//, 'linkedin-company.html'],
  [/^https:\/\/www\.linkedin\.com\/feed\//, 'linkedin-feed.html'],
  [/^https:\/\/mail\.google\.com\/mail\/u\/0\//, 'gmail-compose.html'],
];

/**
 * Serve fixtures at their real URLs. `routes` are [RegExp, fixture file] pairs tried before the
 * defaults. Every request is logged in the returned array (url, and whether it was served).
 */
/**
 * @param {import('playwright-core').BrowserContext} context
 * @param {Array<[RegExp, string]>} [routes]
 */
export async function serveFixtures(context, routes = []) {
  const table = [...routes, ...DEFAULT_ROUTES];
  const log = [];
  // Only the web: the extension's own pages and scripts load as usual.
  await context.route((url) => url.protocol === 'http:' || url.protocol === 'https:', async (route) => {
    const url = route.request().url();
    const hit = table.find(([re]) => re.test(url));
    log.push({ url, served: !!hit, resourceType: route.request().resourceType(), frame: route.request().frame()?.url?.() });
    if (!hit) return route.abort('blockedbyclient');
    const file = join(FIXTURES, hit[1]);
    if (!existsSync(file)) return route.fulfill({ status: 404, body: `missing fixture ${hit[1]}` });
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: readFileSync(file) });
  });
  return log;
}

/**
 * Flags for every Chromium the project starts (with the extension, or without it in the benchmark).
 * The network ones keep Chromium from calling home on a machine with no network.
 */
export const CHROMIUM_ARGS = [
  // Chrome 137+ ignores --load-extension unless this feature is off (Chromium builds vary).
  '--disable-features=DisableLoadExtensionCommandLineSwitch',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Launch Chromium with the built extension. Returns the context, the extension id (read from the
 * service worker URL: it depends on the build path) and the request log.
 * With `intercept: false` nothing is routed or refused (no fixtures): Playwright's routing sends
 * every request of the browser through this process, the extension's own scripts included, which
 * adds tens of milliseconds to each extension page that loads a script (the benchmark's popup).
 * @param {{ userDataDir?: string, headless?: boolean, routes?: Array<[RegExp, string]>, slowMo?: number, extension?: string, intercept?: boolean }} [options]
 */
export async function launch({ userDataDir, headless = true, routes = [], slowMo, extension = EXTENSION, intercept = true } = {}) {
  if (!existsSync(join(extension, 'manifest.json'))) {
    throw new Error(`No built extension at ${extension}. Run \`npm run build\` first (npm test and npm start do).`);
  }
  const dir = userDataDir ?? mkdtempSync(join(tmpdir(), 'warm-intro-profile-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: findChromium(),
    headless,
    slowMo,
    viewport: { width: 1366, height: 900 },
    args: [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`, ...CHROMIUM_ARGS],
  });
  const requests = intercept ? await serveFixtures(context, routes) : [];
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionId = new URL(worker.url()).host;
  return { context, extensionId, requests, userDataDir: dir };
}

/** @param {string} extensionId @param {string} path */
export function extensionUrl(extensionId, path) {
  return `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`;
}
