import { browser } from 'wxt/browser';
import { announceChange, publishSummary } from '../../lib/changes';
import { classifySender } from '../../lib/senders';
import { createServer, isWrite } from '../../lib/server';
import { repo } from './context';
import { checkReminders, checkRemindersAfterWrite } from './reminders';

const server = createServer(repo, {
  checkReminders,
  async openSettings() {
    await browser.tabs.create({ url: `${browser.runtime.getURL('/dashboard.html')}#/settings` });
  },
});

/**
 * After a write, once its caller has its answer (it needs none of this): tell every open page, then
 * bring the badge, the reminders and the popup's cached counts up to date. One refresh at a time;
 * writes that land during one get one more after it, not one each. Nothing here is the only copy
 * of anything: the write is committed with its due index, and the reminder alarm and start-up
 * check again if the worker is stopped before this ends.
 */
let refreshing: Promise<void> | null = null;
let again = false;

function afterWrite(): void {
  void announceChange().catch((error: unknown) => console.warn('[warm-intro] change broadcast failed', error));
  if (refreshing) {
    again = true;
    return;
  }
  refreshing = (async () => {
    do {
      again = false;
      try {
        // The reminder check counts what is due; the summary then reads that count and the counts row.
        await checkRemindersAfterWrite();
        await publishSummary(await repo.summary());
      } catch (error) {
        console.warn('[warm-intro] after-write work failed', error);
      }
    } while (again);
  })().finally(() => (refreshing = null));
}

export function setupMessages(): void {
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (reply: unknown) => void) => {
    // Which part of Warm Intro is asking, from what the browser says about the sender (not from the
    // message): its own pages may ask anything, the LinkedIn and Gmail page scripts only what their
    // features need, anything else nothing (see lib/senders.ts, lib/messages.ts).
    const caller = classifySender(sender, { id: browser.runtime.id, base: browser.runtime.getURL('/') });
    server(message, caller).then((reply) => {
      sendResponse(reply);
      const type = (message as { type?: unknown } | null)?.type;
      if (reply.ok && typeof type === 'string' && isWrite(type)) afterWrite();
    }, (error: unknown) => {
      console.error('[warm-intro] unexpected failure', error);
      sendResponse({ ok: false, error: { code: 'internal', message: 'Something went wrong inside Warm Intro.' } });
    });
    return true;
  });
}
