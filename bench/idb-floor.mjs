// The floor under an import: how long Chromium's IndexedDB itself takes to add 10,000 contact
// records in one transaction, with no Dexie, no validation and no message — raw `store.add()` in a
// page, on disk (a persistent profile, as the extension's database is). Stores, runs interleaved so
// that other load on the machine hits each alike:
//   - "schema v6": the contacts store as lib/db.ts declares it (17 indexes; `emails`, `tags`, `words` multi-entry)
//   - "v6 without unused": the same minus the four indexes no query reads (stage, company, tags, updatedAt)
//   - "primary key only"
// Prints the median of `RUNS` (default 3) per store: total time, and the part spent in the add() calls
// themselves (serialising each record and extracting its index keys, in the page) — the rest is the
// backend writing, in the browser process. `npm run bench` prints the first and last as its import
// rows' floor (`idbFloor`, measured in an extension page).
//
//   node bench/idb-floor.mjs            RUNS=5 N=10000 node bench/idb-floor.mjs
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../tests/harness/browser.mjs';
import { drafts } from './data.mjs';

/** The contacts store's indexes as lib/db.ts version 6 declares them. */
export const V6 = [
  ['profileUrl', 'profileUrl', { unique: true }],
  ['memberId', 'memberId', { unique: true }],
  ['emails', 'emails', { multiEntry: true }],
  ['stage', 'stage'],
  ['name', 'name'],
  ['company', 'company'],
  ['tags', 'tags', { multiEntry: true }],
  ['referrer.contactId', 'referrer.contactId'],
  ['updatedAt', 'updatedAt'],
  ['nextDueAt', 'nextDueAt'],
  ['nameKey', 'nameKey'],
  ['companyKey', 'companyKey'],
  ['words', 'words', { multiEntry: true }],
  ['[inPipeline+stage]', ['inPipeline', 'stage']],
  ['[inNetwork+nameKey]', ['inNetwork', 'nameKey']],
  ['[companyKey+warmOrder+nameKey]', ['companyKey', 'warmOrder', 'nameKey']],
  ['[companyKey+referrer.contactId]', ['companyKey', 'referrer.contactId']],
];
const UNUSED = new Set(['stage', 'company', 'tags', 'updatedAt']);
export const STORES = {
  'schema v6 (17 indexes)': V6,
  'v6 without the 4 unused indexes': V6.filter(([name]) => !UNUSED.has(name)),
  'primary key only': [],
};

/** `n` records shaped like the repository's (lib/schemas.ts Contact), derived keys included. */
export const floorRecords = (n) => drafts(n, 'floor-').map((d, i) => {
  const nameKey = d.name.toLowerCase();
  const companyKey = d.company.toLowerCase();
  return {
    ...d,
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    memberId: null,
    referrer: null,
    inPipeline: 1,
    network: null,
    notes: '',
    repliedAt: null,
    snoozedUntil: null,
    keepInTouchDays: null,
    nextDueAt: null,
    createdAt: 1,
    updatedAt: 1,
    inNetwork: 0,
    nameKey,
    companyKey,
    words: [...new Set([...nameKey.split(' '), ...companyKey.split(' ')])],
    warmth: 0,
    warmOrder: 0,
  };
});

/**
 * One timed add of `window.__records` (set by the caller) into a fresh database with `indexes`, in
 * `page`; the database is deleted after. @returns {Promise<{ total: number, calls: number }>}
 */
export async function idbFloor(page, indexes) {
  return page.evaluate(async (indexes) => {
    const name = `floor-${Math.random()}`;
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open(name, 1);
      open.onupgradeneeded = () => {
        const store = open.result.createObjectStore('contacts', { keyPath: 'id' });
        for (const [index, keyPath, options] of indexes) store.createIndex(index, keyPath, options ?? {});
      };
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const t0 = performance.now();
    const tx = db.transaction(['contacts'], 'readwrite');
    const store = tx.objectStore('contacts');
    for (const record of window.__records) store.add(record);
    const calls = performance.now() - t0;
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    const total = performance.now() - t0;
    db.close();
    await new Promise((resolve) => {
      const del = indexedDB.deleteDatabase(name);
      del.onsuccess = del.onerror = resolve;
    });
    return { total, calls };
  }, indexes);
}

/** The command: every store in `STORES`, runs interleaved, a markdown table. */
async function main() {
  const N = Number(process.env.N ?? 10_000);
  const RUNS = Number(process.env.RUNS ?? 3);
  const records = floorRecords(N);
  const userDataDir = mkdtempSync(join(tmpdir(), 'warm-intro-idb-floor-'));
  const context = await chromium.launchPersistentContext(userDataDir, { executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
  await context.route('https://floor.example/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>floor</title>' }));
  const page = await context.newPage();
  await page.goto('https://floor.example/');
  await page.evaluate((list) => {
    window.__records = list;
  }, records);

  const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  const results = Object.fromEntries(Object.keys(STORES).map((k) => [k, []]));
  for (let run = 0; run < RUNS; run++) {
    for (const [label, indexes] of Object.entries(STORES)) results[label].push(await idbFloor(page, indexes));
  }
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
  console.log(`| store (${N.toLocaleString('en')} records, one transaction, on disk) | total, median of ${RUNS} | of which add() calls | runs (total) |`);
  console.log('| --- | --- | --- | --- |');
  for (const [label, list] of Object.entries(results)) {
    const totals = list.map((x) => x.total);
    console.log(`| ${label} | ${median(totals).toFixed(0)} ms | ${median(list.map((x) => x.calls)).toFixed(0)} ms | ${totals.map((t) => t.toFixed(0)).join(', ')} |`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
