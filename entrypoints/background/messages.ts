import { browser } from 'wxt/browser';
import { announceChange, publishSummary } from '../../lib/changes';
import { classifySender } from '../../lib/senders';
import { createServer, isWrite } from '../../lib/server';
import { repo } from './context';
import { checkReminders } from './reminders';

const server = createServer(repo, {
  async onWrite() {
    await Promise.all([announceChange(), checkReminders()]);
  },
  checkReminders,
  async openSettings() {
    await browser.tabs.create({ url: `${browser.runtime.getURL('/dashboard.html')}#/settings` });
  },
});

export function setupMessages(): void {
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (reply: unknown) => void) => {
    // Which part of Warm Intro is asking, from what the browser says about the sender (not from the
    // message): its own pages may ask anything, the LinkedIn and Gmail page scripts only what their
    // features need, anything else nothing (see lib/senders.ts, lib/messages.ts).
    const caller = classifySender(sender, { id: browser.runtime.id, base: browser.runtime.getURL('/') });
    server(message, caller).then((reply) => {
      sendResponse(reply);
      // After the answer, so no write waits for it: fresh counts for the popup's first paint.
      const type = (message as { type?: unknown } | null)?.type;
      if (reply.ok && typeof type === 'string' && isWrite(type)) void repo.summary().then(publishSummary, () => {});
    }, (error: unknown) => {
      console.error('[warm-intro] unexpected failure', error);
      sendResponse({ ok: false, error: { code: 'internal', message: 'Something went wrong inside Warm Intro.' } });
    });
    return true;
  });
}
