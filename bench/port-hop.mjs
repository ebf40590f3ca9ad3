// Experiment: the hop of runtime.sendMessage (a channel opened per message) against a message on a
// long-lived runtime.connect port, from the LinkedIn content script and an extension page, to an
// echo listener added to the worker through CDP. BUILD=<dir>. Not part of `npm run bench`.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION, extensionUrl } from '../tests/harness/browser.mjs';
import { launchWithExtension, workerSession } from './browsers.mjs';
import { contentScriptSender } from './messages.mjs';

const N = Number(process.env.N) || 30;
const GAP = Number(process.env.GAP ?? 300);
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const build = mkdtempSync(join(tmpdir(), 'warm-intro-port-'));
cpSync(process.env.BUILD || EXTENSION, build, { recursive: true });
const ext = await launchWithExtension(build);
const page = await ext.context.newPage();
await page.goto(extensionUrl(ext.extensionId, 'manifest.json'));
await page.evaluate(() => chrome.runtime.sendMessage({ type: 'bench.wake' }));
const worker = await workerSession(ext.context, page);
await worker.send('Runtime.evaluate', {
  expression: `chrome.runtime.onConnect.addListener((p) => p.name === 'bench-echo' && p.onMessage.addListener((m) => p.postMessage({ ok: false, echo: m })))`,
});
const probe = async ([n, gap]) => {
  const port = chrome.runtime.connect({ name: 'bench-echo' });
  const viaPort = (m) => new Promise((r) => { port.onMessage.addListener(function f(x) { port.onMessage.removeListener(f); r(x); }); port.postMessage(m); });
  await viaPort({ type: 'bench.warm' });
  const out = { sendMessage: [], port: [] };
  for (let i = 0; i < n; i++) {
    await new Promise((r) => setTimeout(r, gap));
    let t0 = performance.now();
    await chrome.runtime.sendMessage({ type: 'bench.refused' });
    out.sendMessage.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, gap));
    t0 = performance.now();
    await viaPort({ type: 'bench.refused' });
    out.port.push(performance.now() - t0);
  }
  port.disconnect();
  return out;
};
const li = await contentScriptSender(ext.context, 'https://www.linkedin.com/in/olivia-hartmann-8a61b2b4/');
const fromPage = await page.evaluate(probe, [N, GAP]);
const fromContent = await li.evaluate(`(${probe})(${JSON.stringify([N, GAP])})`);
console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}; ${GAP} ms apart; n=${N}; medians`);
for (const [where, r] of [['extension page', fromPage], ['content script', fromContent]])
  console.log(`| ${where} | sendMessage (refused) ${median(r.sendMessage).toFixed(1)} ms | port message (echo) ${median(r.port).toFixed(1)} ms |`);
await li.close();
await ext.context.close();
rmSync(build, { recursive: true, force: true });
rmSync(ext.userDataDir, { recursive: true, force: true });
