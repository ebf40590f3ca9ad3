// Main-thread CPU added by two or more builds of the extension on the same LinkedIn profile, measured
// together: Chromium without the extension and one Chromium per build, loading in turn (the order
// reversed every other run), so a loaded machine slows all of them alike. Prints each build's median
// ThreadTime, "added" (median − the plain browser's median) and the paired per-run differences.
//
//   node bench/compare-builds.mjs light|heavy <runs> <build dir> [<build dir> …]
//   e.g. node bench/compare-builds.mjs light 9 /tmp/before/chrome-mv3 .output/chrome-mv3
import { setTimeout as sleep } from 'node:timers/promises';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchPlain, launchWithExtension, measuredPage } from './browsers.mjs';
import { ASSET_HOSTS, HEAVY_URL, PIXEL, writeHeavyProfile } from './heavy-profile.mjs';

const [which = 'light', runsArg = '7', ...dirs] = process.argv.slice(2);
if (dirs.length === 0) throw new Error('usage: node bench/compare-builds.mjs light|heavy <runs> <build dir> [<build dir> …]');
const URL = which === 'heavy' ? HEAVY_URL : 'https://www.linkedin.com/in/olivia-hartmann-8a61b2b4/';
const ROUTES = [[/^https:\/\/www\.linkedin\.com\/in\/[^/]+\/\?bench=heavy/, '../../bench/.heavy/linkedin-profile-heavy.html']];
const heavy = writeHeavyProfile();
const browsers = [{ name: 'without the extension', ...(await launchPlain(ROUTES)) }];
for (const dir of dirs) browsers.push({ name: dir, ...(await launchWithExtension(resolve(dir), ROUTES)) });
for (const { context } of browsers) {
  await context.route(ASSET_HOSTS, (route) => {
    const script = heavy.scripts.get(route.request().url());
    if (script) return route.fulfill({ status: 200, contentType: 'text/javascript', body: script });
    return route.fulfill({ status: 200, contentType: 'image/png', body: PIXEL });
  });
}

/** One load as the benchmark's CPU row does it: until load (the heavy page: until rendered) + 1 s. */
async function load(context) {
  const m = await measuredPage(context, { metrics: true });
  await m.page.goto(URL, { waitUntil: 'load' });
  if (which === 'heavy') await m.until('window.__fxRendered === true', { timeout: 20_000 });
  await sleep(1000);
  const metrics = await m.metrics();
  await m.close();
  return metrics.ThreadTime * 1000;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const times = browsers.map(() => []);
for (const b of browsers) await load(b.context); // warm-up, not counted
for (let i = 0; i < Number(runsArg); i++) {
  const order = browsers.map((_, k) => k);
  if (i % 2) order.reverse();
  for (const k of order) times[k].push(await load(browsers[k].context));
}
const base = median(times[0]);
browsers.forEach((b, k) => {
  const paired = times[k].map((t, i) => (t - times[0][i]).toFixed(0)).join(', ');
  console.log(`${b.name}: median ${median(times[k]).toFixed(1)} ms, added ${(median(times[k]) - base).toFixed(1)} ms; paired ${paired}`);
});
for (const b of browsers) {
  await b.context.close();
  rmSync(b.userDataDir, { recursive: true, force: true });
}
