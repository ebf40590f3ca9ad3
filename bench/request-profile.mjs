// Where a request's round trip goes at 10,000 contacts, measured from outside the background:
// `node bench/request-profile.mjs` after `wxt build` (BUILD=<dir> measures another build).
//
// From an extension page, n round trips of each kind (median, min – max):
//   - a message the background refuses at validation (unknown type: the message hop + parse),
//   - contact.lookup (one indexed read), pipeline.summary, and the writes contact.log / attempt.record,
//   - each back to back (as bench/run.mjs does) and spaced 300 ms apart (the work the background
//     does after answering a write — recounting the summary — is then over before the next request),
//   - the first request after the worker was stopped (wake-up: start, Dexie open, then the request).
// Inside the service worker (CDP Runtime.evaluate on its target), the primitives the after-write
// hook and the summary are made of: chrome.storage.local.set (the change broadcast and the
// published summary), action.setBadgeText (the badge), and raw IndexedDB reads of the database
// (the 7 per-stage index counts of pipeline.summary, the due-index read of the reminder check).
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { EXTENSION, extensionUrl } from '../tests/harness/browser.mjs';
import { launchWithExtension, workerSession } from './browsers.mjs';
import { seed } from './messages.mjs';

const N = Number(process.env.N) || 30;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (xs) => `${median(xs).toFixed(1)} ms (${Math.min(...xs).toFixed(1)} – ${Math.max(...xs).toFixed(1)}, n=${xs.length})`;

const build = mkdtempSync(join(tmpdir(), 'warm-intro-request-profile-'));
cpSync(process.env.BUILD || EXTENSION, build, { recursive: true });
const ext = await launchWithExtension(build);
console.error(`load average ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')}`);
const page = await ext.context.newPage();
await page.goto(extensionUrl(ext.extensionId, 'manifest.json'));
console.error('seeding 10,000 contacts…');
await seed(page, 10_000);
const run = Date.now().toString(36);

/** n round trips of `make(i)`, each timed in the page; `gap` ms between them. */
async function trips(make, gap = 0, n = N) {
  return page.evaluate(
    async ({ list, gap }) => {
      const out = [];
      for (const m of list) {
        const t0 = performance.now();
        await chrome.runtime.sendMessage(m);
        out.push(performance.now() - t0);
        if (gap) await new Promise((r) => setTimeout(r, gap));
      }
      return out;
    },
    { list: Array.from({ length: n }, (_, i) => make(i)), gap },
  );
}

const results = [];
const report = (what, xs) => {
  results.push([what, fmt(xs)]);
  console.error(`${what}: ${fmt(xs)}`);
};

for (const [label, gap] of [['back to back', 0], ['spaced 300 ms', 300]]) {
  report(`refused at validation (unknown type), ${label}`, await trips(() => ({ type: 'bench.nothing' }), gap));
  report(`contact.lookup, ${label}`, await trips((i) => ({ type: 'contact.lookup', payload: { profileUrl: `https://www.linkedin.com/in/bench-missing-${i}/` } }), gap));
  report(`pipeline.summary, ${label}`, await trips(() => ({ type: 'pipeline.summary' }), gap));
  report(
    `contact.log, ${label}`,
    await trips((i) => ({ type: 'contact.log', payload: { name: `Profile Person ${i}`, profileUrl: `https://www.linkedin.com/in/rp-${run}-${gap}-${i}/` } }), gap),
  );
  report(
    `attempt.record, ${label}`,
    await page.evaluate(
      async ({ n, gap, run }) => {
        const out = [];
        for (let i = 0; i < n; i++) {
          const logged = await chrome.runtime.sendMessage({ type: 'contact.log', payload: { name: `Attempt Person ${i}`, profileUrl: `https://www.linkedin.com/in/rp-att-${run}-${gap}-${i}/` } });
          if (gap) await new Promise((r) => setTimeout(r, gap));
          const t0 = performance.now();
          await chrome.runtime.sendMessage({ type: 'attempt.record', payload: { contactId: logged.data.contact.id, channel: 'email', kind: 'request' } });
          out.push(performance.now() - t0);
          if (gap) await new Promise((r) => setTimeout(r, gap));
        }
        return out;
      },
      { n: N, gap, run },
    ),
  );
  // A read right after a write: does it wait for the after-reply summary?
  report(
    `contact.lookup right after a contact.log (pairs), ${label}`,
    await page.evaluate(
      async ({ n, gap, run }) => {
        const out = [];
        for (let i = 0; i < n; i++) {
          await chrome.runtime.sendMessage({ type: 'contact.log', payload: { name: `Pair Person ${i}`, profileUrl: `https://www.linkedin.com/in/rp-pair-${run}-${gap}-${i}/` } });
          const t0 = performance.now();
          await chrome.runtime.sendMessage({ type: 'contact.lookup', payload: { profileUrl: `https://www.linkedin.com/in/rp-pair-${run}-${gap}-${i}/` } });
          out.push(performance.now() - t0);
          if (gap) await new Promise((r) => setTimeout(r, gap));
        }
        return out;
      },
      { n: N, gap, run },
    ),
  );
}

// From a content script: the LinkedIn script's isolated world on a profile fixture, reached through
// CDP (Runtime.evaluate with that world's context id). Page scripts may look up, log and record an
// attempt, not read the summary (extension pages only).
{
  const li = await ext.context.newPage();
  const liCdp = await ext.context.newCDPSession(li);
  const worlds = [];
  liCdp.on('Runtime.executionContextCreated', ({ context }) => {
    if (context.auxData?.type === 'isolated' && context.origin?.startsWith('chrome-extension://')) worlds.push(context.id);
  });
  await liCdp.send('Runtime.enable');
  await li.goto('https://www.linkedin.com/in/olivia-hartmann-8a61b2b4/');
  for (let i = 0; i < 100 && worlds.length === 0; i++) await sleep(50);
  if (worlds.length === 0) throw new Error('no content-script world on the LinkedIn fixture');
  const contextId = worlds.at(-1);
  await sleep(1000); // let the sidebar's own lookup finish
  const inContent = async (fn, arg) => {
    const { result, exceptionDetails } = await liCdp.send('Runtime.evaluate', {
      expression: `(${fn})(${JSON.stringify(arg)})`,
      contextId,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value;
  };
  for (const [label, gap] of [['back to back', 0], ['spaced 300 ms', 300]]) {
    const timed = await inContent(
      async ({ n, gap, run }) => {
        const send = (m) => chrome.runtime.sendMessage(m);
        const time = async (m) => {
          const t0 = performance.now();
          const reply = await send(m);
          if (!reply?.ok) throw new Error(`${m.type}: ${JSON.stringify(reply?.error)}`);
          return [performance.now() - t0, reply.data];
        };
        const out = { lookup: [], log: [], attempt: [] };
        const pause = () => (gap ? new Promise((r) => setTimeout(r, gap)) : null);
        for (let i = 0; i < n; i++) {
          out.lookup.push((await time({ type: 'contact.lookup', payload: { profileUrl: `https://www.linkedin.com/in/cs-missing-${run}-${i}/` } }))[0]);
          await pause();
          const [t, data] = await time({ type: 'contact.log', payload: { name: `Content Person ${i}`, profileUrl: `https://www.linkedin.com/in/cs-${run}-${gap}-${i}/` } });
          out.log.push(t);
          await pause();
          out.attempt.push((await time({ type: 'attempt.record', payload: { contactId: data.contact.id, channel: 'linkedin', kind: 'request' } }))[0]);
          await pause();
        }
        return out;
      },
      { n: N, gap, run },
    );
    report(`from a content script (LinkedIn): contact.lookup, ${label} (interleaved with the two writes)`, timed.lookup);
    report(`from a content script (LinkedIn): contact.log, ${label}`, timed.log);
    report(`from a content script (LinkedIn): attempt.record, ${label}`, timed.attempt);
  }
  await li.close();
}

// Wake-up: stop the worker, then time the next request.
const cdp = await ext.context.newCDPSession(page);
await cdp.send('ServiceWorker.enable');
const cold = [];
for (let i = 0; i < 8; i++) {
  await cdp.send('ServiceWorker.stopAllWorkers');
  await sleep(300);
  cold.push((await trips(() => ({ type: 'pipeline.summary' }), 0, 1))[0]);
}
report('pipeline.summary, first request after the worker was stopped (wake-up included)', cold);

// Primitives, timed inside the worker.
await trips(() => ({ type: 'pipeline.summary' }), 0, 1); // make sure it is up
const worker = await workerSession(ext.context, page);
const inWorker = async (body) => {
  const { result, exceptionDetails } = await worker.send('Runtime.evaluate', {
    expression: `(async () => { const out = []; for (let i = 0; i < ${N}; i++) { const t0 = performance.now(); ${body}; out.push(performance.now() - t0); } return out; })()`,
    awaitPromise: true,
    returnByValue: true,
  });
  if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
  return result.value;
};
const openDb = `const db = await new Promise((ok, ko) => { const r = indexedDB.open('warm-intro'); r.onsuccess = () => ok(r.result); r.onerror = () => ko(r.error); });`;
report('in the worker: chrome.storage.local.set of one key (the change broadcast; the published summary)', await inWorker(`await chrome.storage.local.set({ 'warm-intro:bench': Date.now() })`));
report('in the worker: action.setBadgeText + setBadgeBackgroundColor (the badge)', await inWorker(`await chrome.action.setBadgeText({ text: '' }); await chrome.action.setBadgeBackgroundColor({ color: '#c2410c' })`));
const dbName = (await worker.send('Runtime.evaluate', { expression: `indexedDB.databases().then((l) => l.map((d) => d.name))`, awaitPromise: true, returnByValue: true })).result.value;
console.error('databases:', dbName);
const name = dbName.find((n) => /warm/i.test(n)) ?? dbName[0];
const count7 = `await new Promise((ok, ko) => { const r = indexedDB.open(${JSON.stringify(name)}); r.onsuccess = () => { const db = r.result; const tx = db.transaction('contacts'); const ix = tx.objectStore('contacts').index('stage'); let left = 7; for (const s of ['prospect','requested','scheduled','interviewed','thanked','keeping-in-touch','moved-on']) { const c = ix.count(IDBKeyRange.only(s)); c.onsuccess = () => { if (--left === 0) { db.close(); ok(); } }; c.onerror = () => ko(c.error); } }; r.onerror = () => ko(r.error); })`;
report('in the worker: open the database + the 7 per-stage index counts (raw IndexedDB, pipeline.summary\'s counts)', await inWorker(count7));
const dueRead = `await new Promise((ok, ko) => { const r = indexedDB.open(${JSON.stringify(name)}); r.onsuccess = () => { const db = r.result; const q = db.transaction('contacts').objectStore('contacts').index('nextDueAt').getAll(IDBKeyRange.upperBound(Date.now())); q.onsuccess = () => { db.close(); ok(q.result.length); }; q.onerror = () => ko(q.error); }; r.onerror = () => ko(r.error); })`;
report('in the worker: open + the due-index read (raw IndexedDB, the reminder check\'s first read)', await inWorker(dueRead));
const openOnly = `await new Promise((ok, ko) => { const r = indexedDB.open(${JSON.stringify(name)}); r.onsuccess = () => { r.result.close(); ok(); }; r.onerror = () => ko(r.error); })`;
report('in the worker: open and close the database only', await inWorker(openOnly));
await worker.close();

console.log('| what (10,000 contacts) | median (min – max, n) |\n| --- | --- |');
for (const [what, figure] of results) console.log(`| ${what} | ${figure} |`);
await ext.context.close();
rmSync(build, { recursive: true, force: true });
rmSync(ext.userDataDir, { recursive: true, force: true });
