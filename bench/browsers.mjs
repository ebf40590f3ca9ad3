// The two browsers the benchmark compares, and the CDP calls it measures with. Both are the system
// Chromium found by the test harness, with the harness's flags and fixture routing; the plain one
// only lacks the extension, so "with vs. without" differs in nothing else.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium, launch, ROOT, serveFixtures } from '../tests/harness/browser.mjs';

/** @param {Array<[RegExp, string]>} routes */
export async function launchPlain(routes) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'warm-intro-bench-plain-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: true,
    viewport: { width: 1366, height: 900 },
    args: CHROMIUM_ARGS,
  });
  await serveFixtures(context, routes);
  return { context, userDataDir };
}

/**
 * A fresh tab to measure, with its own CDP session. The measured pages are only read through raw
 * CDP `Runtime.evaluate`: Playwright's own helpers (`waitForFunction`, locators) first load its
 * injected script into the page, some 50 ms of parsing on the very main thread being measured.
 * With `metrics`, CDP `Performance` is switched on before the tab navigates, so its counters cover
 * everything the page's renderer does from the first byte.
 * @param {import('playwright-core').BrowserContext} context
 * @param {{ metrics?: boolean }} [options]
 */
export async function measuredPage(context, { metrics = false } = {}) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (metrics) await cdp.send('Performance.enable');
  /** @param {string} expression */
  const value = async (expression) => {
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, returnByValue: true });
    if (exceptionDetails) throw new Error(`${expression}: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value;
  };
  return {
    page,
    value,
    /** Poll `expression` in the page until it is truthy; returns its value. */
    async until(expression, { timeout = 10_000, interval = 25 } = {}) {
      const deadline = Date.now() + timeout;
      for (;;) {
        const v = await value(expression).catch(() => undefined);
        if (v) return v;
        if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${expression}`);
        await new Promise((resolve) => setTimeout(resolve, interval));
      }
    },
    /** @returns {Promise<Record<string, number>>} */
    async metrics() {
      const { metrics: list } = await cdp.send('Performance.getMetrics');
      return Object.fromEntries(list.map((m) => [m.name, m.value]));
    },
    async close() {
      await cdp.detach().catch(() => {});
      await page.close();
    },
  };
}

/**
 * A CDP session on the extension's service worker. Playwright opens CDP sessions on pages only, so
 * this attaches to the worker target through a page's session (Target.attachToTarget without
 * flattening, messages wrapped in Target.sendMessageToTarget).
 * @param {import('playwright-core').BrowserContext} context
 * @param {import('playwright-core').Page} page any page of the extension's browser
 */
export async function workerSession(context, page) {
  const cdp = await context.newCDPSession(page);
  const { targetInfos } = await cdp.send('Target.getTargets');
  const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
  if (!worker) throw new Error('no extension service worker target');
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
  let next = 1;
  const pending = new Map();
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message);
    const waiter = pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id);
    if (message.error) waiter.reject(new Error(`${waiter.method}: ${message.error.message}`));
    else waiter.resolve(message.result);
  });
  return {
    /** @param {string} method @param {object} [params] */
    send(method, params = {}) {
      const id = next++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject, method });
        cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
      });
    },
    async close() {
      await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => {});
      await cdp.detach().catch(() => {});
    },
  };
}

/**
 * Chromium with the extension built in `dir`, as the harness launches it. The benchmark loads a copy
 * of .output/chrome-mv3 taken when it starts (a rebuild during the run cannot mix two builds), and
 * bench/profile.mjs an unminified build. `intercept: false`: no fixture routing (see the harness's
 * `launch`), for the extension's own pages.
 * @param {string} dir @param {Array<[RegExp, string]>} [routes] @param {{ intercept?: boolean }} [options]
 */
export async function launchWithExtension(dir, routes = [], { intercept = true } = {}) {
  return launch({ extension: dir, routes, intercept, userDataDir: mkdtempSync(join(tmpdir(), 'warm-intro-bench-')) });
}

/** An unminified copy of the extension (the project's WXT config, minification off) in a temporary directory, for readable CPU profiles. */
export function unminifiedBuild() {
  const dir = mkdtempSync(join(tmpdir(), 'warm-intro-unminified-'));
  const config = join(dir, 'wxt.config.ts');
  writeFileSync(
    config,
    `import base from ${JSON.stringify(join(ROOT, 'wxt.config.ts'))};\n` +
      `export default { ...base, root: ${JSON.stringify(ROOT)}, outDir: ${JSON.stringify(join(dir, 'out'))},\n` +
      `  vite: (env: any) => ({ ...(base as any).vite?.(env), build: { minify: false } }) };\n`,
  );
  execFileSync(join(ROOT, 'node_modules/.bin/wxt'), ['build', '-c', config], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  return join(dir, 'out/chrome-mv3');
}
