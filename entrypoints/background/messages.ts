import { browser } from 'wxt/browser';
import { announceChange, publishSummary } from '../../lib/changes';
import { createServer, isWrite } from '../../lib/server';
import { repo } from './context';
import { checkReminders } from './reminders';

const server = createServer(repo, {
  async onWrite() {
    await Promise.all([announceChange(), checkReminders()]);
  },
  checkReminders,
});

export function setupMessages(): void {
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (reply: unknown) => void) => {
    // Only our own content scripts and pages may talk to the database (onMessage gets no other
    // extension's messages; this stays true if externally_connectable is ever added).
    if (sender.id !== undefined && sender.id !== browser.runtime.id) return false;
    server(message).then((reply) => {
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
