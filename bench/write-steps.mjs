// Where a write's milliseconds go, step by step, in a build instrumented with performance marks
// (see bench/request-profile.md, "this session": the marks are not committed). BUILD=<dir>.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { extensionUrl } from '../tests/harness/browser.mjs';
import { launchWithExtension, workerSession } from './browsers.mjs';
import { contentScriptSender, seed } from './messages.mjs';

const N = Number(process.env.N) || 20;
const GAP = Number(process.env.GAP ?? 300);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const build = mkdtempSync(join(tmpdir(), 'warm-intro-steps-'));
cpSync(process.env.BUILD, build, { recursive: true });
const ext = await launchWithExtension(build);
const page = await ext.context.newPage();
await page.goto(extensionUrl(ext.extensionId, 'manifest.json'));
await seed(page, 10_000);
const run = Date.now().toString(36);
const worker = await workerSession(ext.context, page);
const takeLog = async () =>
  (await worker.send('Runtime.evaluate', { expression: `(() => { const l = globalThis.__log ?? []; globalThis.__log = []; return l; })()`, returnByValue: true })).result.value;

// The client side: send, reply arrival, as absolute times (timeOrigin + now).
const loop = async ([list, gap, usePort]) => {
  // As lib/client.ts sends from a page script: the two writes over its port (the refusal by message).
  const port = usePort ? chrome.runtime.connect({ name: 'warm-intro' }) : null;
  let next = 1;
  const sendMessage = (m) =>
    !port || m.type === 'bench.refused'
      ? chrome.runtime.sendMessage(m)
      : new Promise((resolve) => {
          const id = next++;
          const listener = (frame) => frame?.id === id && (port.onMessage.removeListener(listener), resolve(frame.reply));
          port.onMessage.addListener(listener);
          port.postMessage({ id, message: m });
        });
  const out = [];
  for (const m of list) {
    if (gap && out.length) await new Promise((r) => setTimeout(r, gap));
    if (m.type === 'attempt.record' && m.payload.contactId === '$last') m.payload.contactId = out.at(-1).id;
    const t0 = performance.timeOrigin + performance.now();
    const reply = await sendMessage(m);
    const t1 = performance.timeOrigin + performance.now();
    out.push({ type: m.type, t0, t1, id: reply?.data?.contact?.id ?? null, ok: reply?.ok });
  }
  return out;
};
const messages = (tag) =>
  Array.from({ length: N }, (_, i) => [
    { type: 'contact.log', payload: { name: `Step Person ${tag} ${i}`, company: 'Northwind Analytics', profileUrl: `https://www.linkedin.com/in/st-${run}-${tag}-${i}/`, referrer: { type: 'name', name: 'Hannah Becker' } } },
    { type: 'attempt.record', payload: { contactId: '$last', channel: 'linkedin', kind: 'request', subject: 'Hannah Becker suggested I reach out' } },
    { type: 'bench.refused' },
  ]).flat();

const li = await contentScriptSender(ext.context, 'https://www.linkedin.com/in/olivia-hartmann-8a61b2b4/');
const results = {};
for (const [where, send] of [
  ['extension page', (list) => page.evaluate(loop, [list, GAP])],
  ['content script', async (list) => {
    // contentScriptSender runs its own loop; evaluate ours in the same world instead.
    return li.evaluate(`(${loop})(${JSON.stringify([list, GAP, process.env.PORT === '1'])})`);
  }],
]) {
  await takeLog();
  const client = await send(messages(where.replace(' ', '-')));
  const log = await takeLog();
  // Worker entries only for messages that got to the listener; match in order, by arrival.
  const rows = {};
  let k = 0;
  for (const c of client) {
    // Skip the worker entries of requests sent by others (the sidebar's re-reads).
    while (k < log.length && log[k][0][1] < c.t0 - 1) k++;
    const w = log[k++];
    if (!w) break;
    const marks = Object.fromEntries(w);
    const r = (rows[c.type] ??= { total: [], in: [], valid: [], body: [], fn: [], due: [], commit: [], reply: [], out: [] });
    r.total.push(c.t1 - c.t0);
    r.in.push(marks.recv - c.t0);
    r.valid.push((marks.valid ?? marks.reply) - marks.recv);
    if (marks.tx) {
      r.body.push(marks.tx - marks.valid);
      r.fn.push(marks.fn - marks.tx);
      r.due.push(marks.due - marks.fn);
      r.commit.push(marks.commit - marks.due);
      r.reply.push(marks.reply - marks.commit);
    }
    r.out.push(c.t1 - marks.reply);
  }
  results[where] = rows;
}
console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}; gap ${GAP} ms; n=${N}; medians, ms`);
console.log('| from | request | total | hop in | validate | to tx body | writer | due index | commit | to reply | hop out |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const [where, rows] of Object.entries(results))
  for (const [type, r] of Object.entries(rows))
    console.log(`| ${where} | ${type} | ${['total', 'in', 'valid', 'body', 'fn', 'due', 'commit', 'reply', 'out'].map((k) => (r[k].length ? median(r[k]).toFixed(1) : '–')).join(' | ')} |`);
await worker.close?.();
await li.close();
await ext.context.close();
rmSync(build, { recursive: true, force: true });
rmSync(ext.userDataDir, { recursive: true, force: true });
