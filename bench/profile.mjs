// Where the service worker's time goes, for the slow rows of the table: CPU profiles (CDP Profiler on
// the worker target) of `pipeline.summary` and `contact.log` at 10,000 contacts, and of a
// 10,000-contact `contacts.import`. Prints the functions with the most self and inclusive time and
// writes the .cpuprofile files into bench/.profile/ (open them in Chrome DevTools → Performance → Load profile).
//
//   node bench/profile.mjs          builds an unminified copy of the extension (the project's WXT
//                                   config, minification off, into a temporary directory) and profiles it
//   node bench/profile.mjs <dir>    profiles the extension built in <dir> (e.g. .output/chrome-mv3)
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { extensionUrl, ROOT } from '../tests/harness/browser.mjs';
import { launchWithExtension, unminifiedBuild, workerSession } from './browsers.mjs';
import { drafts } from './data.mjs';
import { seed, send, timedSends } from './messages.mjs';



const built = process.argv[2] ? null : unminifiedBuild();
const dir = built ?? resolve(process.argv[2]);
console.log(`profiling the extension in ${dir}`);
const out = join(ROOT, 'bench/.profile');
mkdirSync(out, { recursive: true });
const { context, extensionId, userDataDir } = await launchWithExtension(dir);
const page = await context.newPage();
await page.goto(extensionUrl(extensionId, 'manifest.json'));

async function profiled(file, name, fn) {
  const worker = await workerSession(context, page);
  await worker.send('Profiler.enable');
  await worker.send('Profiler.setSamplingInterval', { interval: 200 });
  await worker.send('Profiler.start');
  const t0 = Date.now();
  const note = await fn();
  const wall = Date.now() - t0;
  const { profile } = await worker.send('Profiler.stop');
  await worker.close();
  const path = join(out, `${file}.cpuprofile`);
  writeFileSync(path, JSON.stringify(profile));
  const s = summarize(profile);
  console.log(`\n## ${name}: ${wall} ms wall${note ? ` (${note})` : ''}; busy ${s.busy.toFixed(0)} ms of ${s.sum.toFixed(0)} ms sampled — ${path}`);
  console.log('self time:\n' + s.self + '\ntotal time (inclusive):\n' + s.total + '\ntimeline (busy ms per 250 ms, top functions by self time):\n' + timeline(profile));
}

/** When the worker was busy, and with what: idle stretches are waits (IndexedDB, messaging). */
function timeline(profile, bucketMs = 250) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const buckets = [];
  let t = profile.startTime;
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i] ?? 0;
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const b = Math.floor((t - profile.startTime) / 1000 / bucketMs);
    const bucket = (buckets[b] ??= { busy: 0, fns: new Map() });
    const name = nodes.get(id).callFrame.functionName || '(anonymous)';
    if (name === '(idle)') return;
    bucket.busy += dt;
    bucket.fns.set(name, (bucket.fns.get(name) ?? 0) + dt);
  });
  return Array.from(buckets, (bucket, b) => {
    const top = bucket ? [...bucket.fns].sort((x, y) => y[1] - x[1]).slice(0, 3).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ') : '';
    return `${String(b * bucketMs).padStart(7)} ms  busy ${String(Math.round(bucket?.busy ?? 0)).padStart(4)}  ${top}`;
  }).join('\n');
}

/** Self and inclusive time per function (name file:line:column), idle left out. */
function summarize(profile, top = 18) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const key = (n) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}:${n.callFrame.columnNumber + 1}`;
  const self = new Map();
  const total = new Map();
  let sum = 0;
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    sum += dt;
    const node = nodes.get(id);
    if (node.callFrame.functionName === '(idle)') return;
    busy += dt;
    self.set(key(node), (self.get(key(node)) ?? 0) + dt);
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const k = key(nodes.get(cur));
      if (!seen.has(k)) total.set(k, (total.get(k) ?? 0) + dt);
      seen.add(k);
    }
  });
  const list = (m) =>
    [...m]
      .filter(([k]) => !k.startsWith('(root)'))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, v]) => `${v.toFixed(1).padStart(9)} ms  ${k}`)
      .join('\n');
  return { self: list(self), total: list(total), sum, busy };
}

// PROFILE_ONLY=import profiles the import alone (the seeding for the two requests takes a while).
const ONLY = process.env.PROFILE_ONLY ? new Set(process.env.PROFILE_ONLY.split(',')) : null;
if (!ONLY || ONLY.has('summary') || ONLY.has('log')) await seed(page, 10_000, { withHistory: 100 });
if (!ONLY || ONLY.has('summary')) await profiled('summary-10000', 'pipeline.summary ×10 at 10,000 contacts', async () => {
  const t = await timedSends(page, Array.from({ length: 10 }, () => ({ type: 'pipeline.summary' })));
  return `round trips ${t.map((x) => x.t.toFixed(0)).join(', ')} ms`;
});
if (!ONLY || ONLY.has('log')) await profiled('log-10000', 'contact.log ×10 at 10,000 contacts', async () => {
  const t = await timedSends(page, Array.from({ length: 10 }, (_, i) => ({ type: 'contact.log', payload: { name: `Profiled ${i}`, profileUrl: `https://www.linkedin.com/in/profiled-${Date.now()}-${i}/` } })));
  return `round trips ${t.map((x) => x.t.toFixed(0)).join(', ')} ms`;
});
await send(page, 'data.clear');
await page.evaluate((list) => {
  window.__drafts = list;
}, drafts(10_000, 'import-'));
if (!ONLY || ONLY.has('import')) await profiled('import-10000', 'contacts.import of 10,000 into an empty database', async () => {
  const t = await page.evaluate(async () => {
    const t0 = performance.now();
    const reply = await chrome.runtime.sendMessage({ type: 'contacts.import', payload: { contacts: window.__drafts, duplicates: 'merge' } });
    if (!reply?.ok) throw new Error(JSON.stringify(reply));
    return performance.now() - t0;
  });
  return `round trip ${t.toFixed(0)} ms`;
});
if (!ONLY || ONLY.has('import-parts')) {
  await send(page, 'data.clear');
  await profiled('import-parts-10000', 'contacts.import of 10,000 into an empty database in parts of 2,000 (as the dashboard sends them)', async () => {
    const t = await page.evaluate(async () => {
      const all = window.__drafts;
      const importId = `profile-${Date.now()}`;
      const times = [];
      for (let index = 0; index < 5; index++) {
        const t0 = performance.now();
        const payload = { contacts: all.slice(index * 2000, (index + 1) * 2000), duplicates: 'merge', part: { importId, index, count: 5 } };
        const reply = await chrome.runtime.sendMessage({ type: 'contacts.import', payload });
        if (!reply?.ok) throw new Error(JSON.stringify(reply));
        times.push(performance.now() - t0);
      }
      return times;
    });
    return `round trips ${t.map((x) => x.toFixed(0)).join(', ')} ms`;
  });
}
await context.close();
rmSync(userDataDir, { recursive: true, force: true });
if (built) rmSync(resolve(built, '../..'), { recursive: true, force: true });
