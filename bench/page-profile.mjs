// Where the extension's main-thread time goes on a LinkedIn profile load (issue 13, items 2–3): the
// same page traced in Chromium with and without the extension, load + 1 s, as the benchmark's
// "main-thread CPU added" row measures it. Prints, for the page's renderer main thread:
//   - thread time (CPU) per trace event kind, self time, with vs without, and the difference;
//   - the extension's own JavaScript by function (CDP Profiler samples whose script is chrome-extension://).
//
//   node bench/page-profile.mjs [light|heavy] [runs]   builds an unminified copy of the extension
//   node bench/page-profile.mjs light 3 <dir>           profiles the extension built in <dir> instead
//   NO_JS_PROFILE=1 node bench/page-profile.mjs light 7 <dir>   trace events only (no CPU profiler)
import { rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ROOT } from '../tests/harness/browser.mjs';
import { launchPlain, launchWithExtension, unminifiedBuild } from './browsers.mjs';
import { ASSET_HOSTS, HEAVY_URL, PIXEL, writeHeavyProfile } from './heavy-profile.mjs';

const which = process.argv[2] ?? 'light';
// NO_JS_PROFILE=1: trace events only; the CPU profiler's own cost (its start-up, eager source
// positions) then stays out of the with/without difference.
const JS_PROFILE = !process.env.NO_JS_PROFILE;
const RUNS = Number(process.argv[3] ?? 3);
const URL_OF = { light: 'https://www.linkedin.com/in/olivia-hartmann-8a61b2b4/', heavy: HEAVY_URL };
const ROUTES = [[/^https:\/\/www\.linkedin\.com\/in\/[^/]+\/\?bench=heavy/, '../../bench/.heavy/linkedin-profile-heavy.html']];


const built = process.argv[4] ? null : unminifiedBuild();
const dir = built ?? resolve(process.argv[4]);
const heavy = writeHeavyProfile();
const ext = await launchWithExtension(dir, ROUTES);
const plain = await launchPlain(ROUTES);
for (const { context } of [ext, plain]) {
  await context.route(ASSET_HOSTS, (route) => {
    const script = heavy.scripts.get(route.request().url());
    if (script) return route.fulfill({ status: 200, contentType: 'text/javascript', body: script });
    return route.fulfill({ status: 200, contentType: 'image/png', body: PIXEL });
  });
}

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'blink', 'loading', 'toplevel', 'disabled-by-default-v8.compile'].join(',');

/** One profiled load: trace events and (with the extension) a JS CPU profile. */
async function load(context, withExtension) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const chunks = [];
  cdp.on('Tracing.dataCollected', (e) => chunks.push(...e.value));
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Performance.enable');
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  if (withExtension && JS_PROFILE) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  }
  await page.goto(URL_OF[which], { waitUntil: 'load' });
  if (which === 'heavy') {
    for (let i = 0; i < 400 && !(await cdp.send('Runtime.evaluate', { expression: 'window.__fxRendered === true', returnByValue: true })).result.value; i++) await sleep(25);
  }
  await sleep(1000);
  const { metrics } = await cdp.send('Performance.getMetrics');
  const threadTime = metrics.find((m) => m.name === 'ThreadTime').value * 1000;
  const profile = withExtension && JS_PROFILE ? (await cdp.send('Profiler.stop')).profile : null;
  await cdp.send('Tracing.end');
  await done;
  await cdp.detach();
  await page.close();
  return { events: chunks, profile, threadTime };
}

/** Self thread time (ms) per event name on the page's renderer main thread. */
function threadSelf(events) {
  const threads = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain') threads.set(`${e.pid}:${e.tid}`, 0);
  // The page's main thread: the one that parsed linkedin.com HTML.
  for (const e of events) {
    const k = `${e.pid}:${e.tid}`;
    if (threads.has(k) && e.name === 'ParseHTML' && /linkedin\.com/.test(e.args?.beginData?.url ?? '')) threads.set(k, threads.get(k) + 1);
  }
  const main = [...threads].sort((a, b) => b[1] - a[1])[0]?.[0];
  const mine = events.filter((e) => `${e.pid}:${e.tid}` === main && (e.ph === 'X' || e.ph === 'B' || e.ph === 'E') && e.tts !== undefined);
  // Pair B/E into complete events.
  const complete = [];
  const open = [];
  for (const e of mine.sort((a, b) => a.ts - b.ts)) {
    if (e.ph === 'X') complete.push({ name: label(e), ts: e.ts, end: e.ts + (e.dur ?? 0), tts: e.tts, tend: e.tts + (e.tdur ?? 0) });
    else if (e.ph === 'B') open.push(e);
    else {
      const b = open.findLastIndex((o) => o.name === e.name);
      if (b >= 0) {
        const [s] = open.splice(b, 1);
        complete.push({ name: label(s), ts: s.ts, end: e.ts, tts: s.tts, tend: e.tts });
      }
    }
  }
  complete.sort((a, b) => a.ts - b.ts || b.end - a.end);
  const self = new Map();
  const stack = [];
  for (const c of complete) {
    while (stack.length && stack.at(-1).end <= c.ts) stack.pop();
    const parent = stack.at(-1);
    const t = (c.tend - c.tts) / 1000;
    self.set(c.name, (self.get(c.name) ?? 0) + t);
    if (parent && c.end <= parent.end) self.set(parent.name, (self.get(parent.name) ?? 0) - t);
    stack.push(c);
  }
  return self;
}

/** Event name, with the script's origin for script evaluation and function calls. */
function label(e) {
  const url = e.args?.data?.url ?? e.args?.data?.scriptName ?? e.args?.beginData?.url ?? '';
  const where = url.startsWith('chrome-extension://') ? ' [ext]' : '';
  return `${e.name}${where}`;
}

/** Self time per extension function (chrome-extension:// scripts), and the extension's total. */
function extensionJs(profile) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  const incl = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    // A sample is ours when any frame on its stack is in an extension script.
    let ours = false;
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const f = nodes.get(cur).callFrame;
      if (f.url.startsWith('chrome-extension://')) {
        ours = true;
        const k = `${f.functionName || '(anonymous)'} ${f.url.split('/').slice(3).join('/')}:${f.lineNumber + 1}`;
        if (!seen.has(k)) incl.set(k, (incl.get(k) ?? 0) + dt);
        seen.add(k);
      }
    }
    if (!ours) return;
    total += dt;
    const f = nodes.get(id).callFrame;
    const k = `${f.functionName || '(anonymous)'} ${f.url.split('/').slice(3).join('/') || '(native)'}:${f.lineNumber + 1}`;
    self.set(k, (self.get(k) ?? 0) + dt);
  });
  return { self, incl, total };
}

const add = (into, from, n) => {
  for (const [k, v] of from) into.set(k, (into.get(k) ?? 0) + v / n);
};
const withSelf = new Map();
const withoutSelf = new Map();
const jsSelf = new Map();
const jsIncl = new Map();
let jsTotal = 0;
const tt = { with: [], without: [] };
mkdirSync(join(ROOT, 'bench/.profile'), { recursive: true });
// A first load of each warms the caches (compiled code, fonts); not counted.
await load(ext.context, true);
await load(plain.context, false);
for (let i = 0; i < RUNS; i++) {
  const a = await load(ext.context, true);
  const b = await load(plain.context, false);
  tt.with.push(a.threadTime);
  tt.without.push(b.threadTime);
  add(withSelf, threadSelf(a.events), RUNS);
  add(withoutSelf, threadSelf(b.events), RUNS);
  if (!a.profile) continue;
  const js = extensionJs(a.profile);
  add(jsSelf, js.self, RUNS);
  add(jsIncl, js.incl, RUNS);
  jsTotal += js.total / RUNS;
  if (i === 0) writeFileSync(join(ROOT, `bench/.profile/linkedin-${which}.cpuprofile`), JSON.stringify(a.profile));
}
const f = (x) => `${x >= 0 ? '+' : ''}${x.toFixed(1)}`;
console.log(`# ${which} profile, ${RUNS} runs (mean); ThreadTime with ${tt.with.map((x) => x.toFixed(0)).join(', ')} vs without ${tt.without.map((x) => x.toFixed(0)).join(', ')} ms`);
console.log('\n## Main-thread self CPU time per trace event (ms): with, without, difference');
const names = new Set([...withSelf.keys(), ...withoutSelf.keys()]);
const rowsOut = [...names]
  .map((n) => [n, withSelf.get(n) ?? 0, withoutSelf.get(n) ?? 0])
  .map(([n, a, b]) => [n, a, b, a - b])
  .filter((r) => Math.abs(r[3]) >= 0.3 || r[1] >= 1)
  .sort((x, y) => Math.abs(y[3]) - Math.abs(x[3]));
for (const [n, a, b, d] of rowsOut.slice(0, 30)) console.log(`${d >= 0 ? ' ' : ''}${f(d).padStart(8)}  ${a.toFixed(1).padStart(7)} ${b.toFixed(1).padStart(7)}  ${n}`);
const sum = (m) => [...m.values()].reduce((s, v) => s + v, 0);
console.log(`total self: with ${sum(withSelf).toFixed(1)}, without ${sum(withoutSelf).toFixed(1)}, difference ${f(sum(withSelf) - sum(withoutSelf))}`);
console.log(`\n## The extension's JavaScript (CPU profile samples with an extension frame): ${jsTotal.toFixed(1)} ms`);
console.log('self:');
for (const [k, v] of [...jsSelf].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${v.toFixed(2).padStart(8)}  ${k}`);
console.log('inclusive:');
for (const [k, v] of [...jsIncl].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${v.toFixed(2).padStart(8)}  ${k}`);

await ext.context.close();
await plain.context.close();
for (const d of [ext.userDataDir, plain.userDataDir]) rmSync(d, { recursive: true, force: true });
if (built) rmSync(resolve(built, '../..'), { recursive: true, force: true });
