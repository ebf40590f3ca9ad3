import { browser } from 'wxt/browser';
import { announceChange } from '../../lib/changes';
import { createServer } from '../../lib/server';
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
    server(message).then(sendResponse, (error: unknown) => {
      console.error('[warm-intro] unexpected failure', error);
      sendResponse({ ok: false, error: { code: 'internal', message: 'Something went wrong inside Warm Intro.' } });
    });
    return true;
  });
}
