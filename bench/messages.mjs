// Talking to the background from an extension page, as the popup and the dashboard do.
import { DAY, drafts, person } from './data.mjs';

/** @param {import('playwright-core').Page} page */
export async function send(page, type, payload) {
  const reply = await page.evaluate((m) => chrome.runtime.sendMessage(m), { type, payload });
  if (!reply?.ok) throw new Error(`${type}: ${JSON.stringify(reply?.error ?? reply)}`);
  return reply.data;
}

/**
 * Runs inside the measured page or content script (self-contained: its source text is sent there):
 * sends the messages one after another, `gap` ms apart, and times each round trip where it starts.
 */
const sendLoop = async ([list, gap]) => {
  const out = [];
  for (const m of list) {
    if (gap && out.length) await new Promise((r) => setTimeout(r, gap));
    const t0 = performance.now();
    const reply = await chrome.runtime.sendMessage(m);
    const t = performance.now() - t0;
    if (!reply?.ok) throw new Error(`${m.type}: ${JSON.stringify(reply?.error ?? reply)}`);
    out.push({ t, id: reply.data?.contact?.id ?? null });
  }
  return out;
};

/**
 * `sendLoop` as a LinkedIn or Gmail page script sends (lib/client.ts): the questions it asks over
 * its port go over one port opened first (frames `{ id, message }`), the rest by one-off message.
 * Self-contained like `sendLoop`; `overPort` is lib/client.ts's list.
 */
const pageScriptLoop = async ([list, gap, overPort]) => {
  const port = chrome.runtime.connect({ name: 'warm-intro' });
  let next = 1;
  const viaPort = (message) =>
    new Promise((resolve) => {
      const id = next++;
      const listener = (frame) => {
        if (frame?.id !== id) return;
        port.onMessage.removeListener(listener);
        resolve(frame.reply);
      };
      port.onMessage.addListener(listener);
      port.postMessage({ id, message });
    });
  const out = [];
  for (const m of list) {
    if (gap && out.length) await new Promise((r) => setTimeout(r, gap));
    const t0 = performance.now();
    const reply = overPort.includes(m.type) ? await viaPort(m) : await chrome.runtime.sendMessage(m);
    const t = performance.now() - t0;
    if (!reply?.ok) throw new Error(`${m.type}: ${JSON.stringify(reply?.error ?? reply)}`);
    out.push({ t, id: reply.data?.contact?.id ?? null });
  }
  port.disconnect();
  return out;
};

/** What lib/client.ts sends over a page script's port (kept in step by hand; bench only). */
export const OVER_PORT = ['contact.lookup', 'introducers.forProfile', 'badges.forProfiles', 'company.people', 'contact.find', 'contact.matchEmails', 'settings.compose', 'contact.log', 'attempt.record'];

/**
 * Send messages one after another from inside the page and time each round trip there
 * (message → background → reply), so the time Playwright takes to reach the page is not counted.
 * @param {import('playwright-core').Page} page
 * @param {Array<{ type: string, payload?: unknown }>} messages
 */
export async function timedSends(page, messages) {
  return page.evaluate(sendLoop, [messages, 0]);
}

/**
 * Send pairs of messages at once, as the sidebar sends its lookup and "who can introduce you", and
 * time inside the page how long after the first one's answer the second's came (0 when it came
 * first): what the second request adds to what the first already costs.
 * @param {import('playwright-core').Page} page
 * @param {Array<[{ type: string, payload?: unknown }, { type: string, payload?: unknown }]>} pairs
 */
export async function timedPairs(page, pairs) {
  return page.evaluate(async (list) => {
    const out = [];
    for (const [a, b] of list) {
      const t0 = performance.now();
      const timed = (m) =>
        chrome.runtime.sendMessage(m).then((reply) => {
          if (!reply?.ok) throw new Error(`${m.type}: ${JSON.stringify(reply?.error ?? reply)}`);
          return performance.now() - t0;
        });
      const [ta, tb] = await Promise.all([timed(a), timed(b)]);
      out.push({ t: Math.max(0, tb - ta), first: ta, second: tb });
    }
    return out;
  }, pairs);
}

/**
 * Replace the database with `n` contacts (contacts.import); 1 in 100 (at most `withHistory`) had a
 * request sent 15 days ago, so a follow-up is due. Reminders are off while seeding (the due ones
 * are recorded as shown, so none pops up later), then back to the default.
 * @param {import('playwright-core').Page} page
 */
export async function seed(page, n, { withHistory = Infinity } = {}) {
  await send(page, 'data.clear');
  await send(page, 'settings.save', { notificationStyle: 'off' });
  const result = await send(page, 'contacts.import', { contacts: drafts(n), duplicates: 'skip' });
  if (result.added !== n) throw new Error(`seeding ${n}: ${JSON.stringify(result)}`);
  const at = Date.now() - 15 * DAY;
  for (let i = 0, k = 0; i < n && k < withHistory; i += 100, k++) {
    const view = await send(page, 'contact.lookup', { profileUrl: `https://www.linkedin.com/in/${person(i).slug}/` });
    await send(page, 'attempt.record', { contactId: view.contact.id, channel: 'email', kind: 'request', at, subject: 'Coffee chat?' });
  }
  await send(page, 'settings.save', { notificationStyle: 'each' });
  const summary = await send(page, 'pipeline.summary');
  if (summary.total !== n) throw new Error(`seeded ${summary.total}, not ${n}`);
  return summary;
}

/**
 * Send messages from a content script: the LinkedIn script's isolated world on the page `url` (a
 * fixture served at a real LinkedIn URL), reached through CDP `Runtime.evaluate` with that world's
 * context id, so each round trip is timed where the sidebar times it (`chrome.runtime.sendMessage`
 * in the content script, the browser reporting a LinkedIn sender). Page scripts may send only the
 * requests lib/messages.ts marks `forPages`.
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} url
 */
export async function contentScriptSender(context, url) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const worlds = [];
  cdp.on('Runtime.executionContextCreated', ({ context: c }) => {
    if (c.auxData?.type === 'isolated' && c.origin?.startsWith('chrome-extension://')) worlds.push(c.id);
  });
  await cdp.send('Runtime.enable');
  await page.goto(url);
  for (let i = 0; i < 100 && worlds.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
  if (worlds.length === 0) throw new Error(`no content-script world on ${url}`);
  // Let the sidebar's own requests finish first.
  await new Promise((r) => setTimeout(r, 1000));
  const contextId = worlds.at(-1);
  return {
    /**
     * Like `timedSends`, from the content script as its client sends them (lib/client.ts: the hot
     * questions over a port); `gap` ms between two messages. `oneOff`: every message by one-off
     * `runtime.sendMessage`, as before the port.
     */
    async timedSends(messages, gap = 0, { oneOff = false } = {}) {
      const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
        expression: oneOff ? `(${sendLoop})(${JSON.stringify([messages, gap])})` : `(${pageScriptLoop})(${JSON.stringify([messages, gap, OVER_PORT])})`,
        contextId,
        awaitPromise: true,
        returnByValue: true,
      });
      if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
      return result.value;
    },
    /** Evaluate an expression (a promise is awaited) in the content script's world; its value back. */
    async evaluate(expression) {
      const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, contextId, awaitPromise: true, returnByValue: true });
      if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
      return result.value;
    },
    async close() {
      await cdp.detach().catch(() => {});
      await page.close();
    },
  };
}
