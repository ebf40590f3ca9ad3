/**
 * A reply stops follow-ups: when the open thread answers one of our notes to a pipeline contact
 * whose request is still open, and its latest message is theirs, mark them replied. Each message is looked at once per page.
 */
import { ask } from '../../lib/client';
import { isReplyToOutreach, shouldMarkReplied } from '../../lib/gmail/send';
import { latestThreadMessage } from '../../lib/gmail/thread';

export interface ReplyWatcher {
  check(): void;
}

export function createReplyWatcher(root: ParentNode = document, now: () => number = Date.now): ReplyWatcher {
  // Thread + message ids already handled, so re-renders and revisits do not ask again.
  const seen = new Set<string>();
  const handle = async (from: string, thread: { threadId: string | null; subject: string | null }) => {
    const view = await ask('contact.lookup', { email: from });
    if (!view) return;
    const { contact, status } = view;
    if (!shouldMarkReplied({ stage: contact.stage, attemptsUsed: status.attemptsUsed, lastAttemptAt: status.lastAttemptAt, repliedAt: contact.repliedAt })) return;
    if (!isReplyToOutreach(view.attempts, thread)) return;
    await ask('contact.replied', { contactId: contact.id, at: now() });
  };
  return {
    check() {
      const latest = latestThreadMessage(root);
      if (!latest?.from || !latest.messageId) return;
      const key = `${latest.threadId ?? ''}|${latest.messageId}`;
      if (seen.has(key)) return;
      seen.add(key);
      handle(latest.from, { threadId: latest.threadId, subject: latest.subject }).catch((error: unknown) => console.warn('[warm-intro] could not record the reply', error));
    },
  };
}
