import { fakeBrowser } from 'wxt/testing/fake-browser';
import { WarmIntroDB } from '../../lib/db';
import { Repository } from '../../lib/repository';
import { createServer } from '../../lib/server';
import { announceChange } from '../../lib/changes';

/**
 * A real background (repository + protocol server over fake-indexeddb) answering
 * `browser.runtime.sendMessage` in component tests, with the same "data changed" signal.
 */
export function installFakeBackground(now: () => number = Date.now) {
  const db = new WarmIntroDB(`test-${crypto.randomUUID()}`);
  const repo = new Repository(db, now);
  const handle = createServer(repo, { onWrite: () => announceChange() });
  fakeBrowser.runtime.onMessage.addListener((message: unknown, _sender: unknown, sendResponse: (r: unknown) => void) => {
    void handle(message).then(sendResponse);
    return true;
  });
  return { db, repo, handle };
}
