import { fakeBrowser } from 'wxt/testing/fake-browser';
import { WarmIntroDB } from '../../lib/db';
import { Repository } from '../../lib/repository';
import { EXTENSION_PAGE, type Caller } from '../../lib/senders';
import { createServer, isWrite } from '../../lib/server';
import { announceChange } from '../../lib/changes';

/** A LinkedIn or Gmail content script, in tab 1: what the sidebar and the compose menus run as. */
export const PAGE_SCRIPT: Caller = { kind: 'page', tabId: 1 };

/**
 * A real background (repository + protocol server over fake-indexeddb) answering
 * `browser.runtime.sendMessage` in component tests, with the same "data changed" signal. `as`: who
 * the component under test runs as — `page` for what lives on LinkedIn and Gmail (so a test fails
 * if such a component asks for something only extension pages may), `extension` for popup and dashboard.
 */
export function installFakeBackground(as: 'page' | 'extension', now: () => number = Date.now) {
  const db = new WarmIntroDB(`test-${crypto.randomUUID()}`);
  const repo = new Repository(db, now);
  let settingsOpened = 0;
  const server = createServer(repo, { now, openSettings: async () => void settingsOpened++ });
  const caller = as === 'page' ? PAGE_SCRIPT : EXTENSION_PAGE;
  // As the worker does (entrypoints/background/messages.ts): after a write's answer, "data changed".
  const handle = async (message: unknown) => {
    const reply = await server(message, caller);
    const type = (message as { type?: unknown } | null)?.type;
    if (reply.ok && typeof type === 'string' && isWrite(type)) await announceChange();
    return reply;
  };
  fakeBrowser.runtime.onMessage.addListener((message: unknown, _sender: unknown, sendResponse: (r: unknown) => void) => {
    void handle(message).then(sendResponse);
    return true;
  });
  return { db, repo, handle, settingsOpened: () => settingsOpened };
}
