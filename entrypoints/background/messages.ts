import { browser, type Browser } from 'wxt/browser';
import { PORT_NAME } from '../../lib/client';
import type { Reply } from '../../lib/messages';
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
 * After a write, once its caller has its answer (it needs none of this): tell every open page at
 * once, then bring the badge, the reminders and the popup's cached counts up to date when the
 * worker is quiet — no request for AFTER_WRITE_QUIET_MS, and never later than AFTER_WRITE_MAX_MS
 * after the write. That work reads the database for 5–20 ms; run straight after the reply it made
 * the requests that follow a write wait (the pages re-reading on the broadcast, the next write),
 * and a burst of writes gets it once, not once each. Nothing here is the only copy of anything:
 * the write is committed with its due index, and the reminder alarm and start-up check look again
 * if the worker is stopped before this runs (a delay, never a loss).
 */
export const AFTER_WRITE_QUIET_MS = 40;
export const AFTER_WRITE_MAX_MS = 400;

/** Requests received and not yet answered. */
let inFlight = 0;
/** When the oldest write not yet followed by the after-write work was answered; null if none. */
let dirtySince: number | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;
let running = false;

function schedule(): void {
  if (dirtySince === null || running) return;
  clearTimeout(timer);
  const wait = Math.max(0, Math.min(AFTER_WRITE_QUIET_MS, dirtySince + AFTER_WRITE_MAX_MS - Date.now()));
  timer = setTimeout(refresh, wait);
}

async function refresh(): Promise<void> {
  if (dirtySince === null || running) return;
  if (inFlight > 0 && Date.now() < dirtySince + AFTER_WRITE_MAX_MS) return schedule();
  running = true;
  dirtySince = null;
  try {
    // The reminder check counts what is due; the summary then reads that count and the counts row.
    await checkRemindersAfterWrite();
    await publishSummary(await repo.summary());
  } catch (error) {
    console.warn('[warm-intro] after-write work failed', error);
  } finally {
    running = false;
    // Writes answered meanwhile get one more round.
    schedule();
  }
}

function afterWrite(): void {
  void announceChange().catch((error: unknown) => console.warn('[warm-intro] change broadcast failed', error));
  dirtySince ??= Date.now();
  schedule();
}

/** Answer one raw request from `sender`. */
function answer(message: unknown, sender: Browser.runtime.MessageSender): Promise<Reply<unknown>> {
  inFlight++;
  // A request pushes the after-write work back (within its deadline): it goes first.
  schedule();
  // Which part of Warm Intro is asking, from what the browser says about the sender (not from the
  // message): its own pages may ask anything, the LinkedIn and Gmail page scripts only what their
  // features need, anything else nothing (see lib/senders.ts, lib/messages.ts).
  const caller = classifySender(sender, { id: browser.runtime.id, base: browser.runtime.getURL('/') });
  return server(message, caller)
    .catch((error: unknown): Reply<unknown> => {
      console.error('[warm-intro] unexpected failure', error);
      return { ok: false, error: { code: 'internal', message: 'Something went wrong inside Warm Intro.' } };
    })
    .finally(() => inFlight--);
}

/** Once the reply is on its way: a write answered `ok` gets the after-write work. */
function afterReply(message: unknown, reply: Reply<unknown>): void {
  const type = (message as { type?: unknown } | null)?.type;
  if (reply.ok && typeof type === 'string' && isWrite(type)) afterWrite();
}

export function setupMessages(): void {
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (reply: unknown) => void) => {
    void answer(message, sender).then((reply) => {
      sendResponse(reply);
      afterReply(message, reply);
    });
    return true;
  });
  // A page script's port (lib/client.ts): frames `{ id, message }`, each answered `{ id, reply }` on
  // the same port. The sender is checked as for a message: the port's, as the browser reports it.
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== PORT_NAME) return;
    port.onMessage.addListener((frame: { id?: unknown; message?: unknown }) => {
      if (typeof frame?.id !== 'number') return console.warn('[warm-intro] stray port message ignored');
      const id = frame.id;
      void answer(frame.message, port.sender ?? {}).then((reply) => {
        try {
          port.postMessage({ id, reply });
        } catch {
          // The page went away before the answer: what it asked is done or not, as with a message.
        }
        afterReply(frame.message, reply);
      });
    });
  });
}
