/**
 * A reply on LinkedIn stops follow-ups, as one in Gmail does: when an open conversation (the thread
 * on /messaging/ or a chat bubble) with a pipeline contact shows their answer after our note, mark
 * them replied (the rule: lib/linkedin/replies.ts). Each latest message is looked at once per page.
 */
import { ask } from '../../lib/client';
import { findLinkedInComposers } from '../../lib/linkedin/messaging';
import { isLinkedInReply } from '../../lib/linkedin/replies';
import { latestMessage, threadMessages } from '../../lib/linkedin/thread';

export interface LinkedInReplyWatcher {
  check(): void;
}

/** Added nodes that may be (or hold) a new message group: every sender block carries a `<time>`. */
export function mayHoldMessage(node: Node): boolean {
  if (node.nodeType !== 1) return false;
  const el = node as Element;
  return el.localName === 'time' || el.querySelector('time') !== null;
}

export function createLinkedInReplyWatcher(now: () => number = Date.now): LinkedInReplyWatcher {
  // Latest messages already handled, so re-renders and the observer's bursts do not ask again.
  const seen = new WeakSet<Element>();
  const handle = async (contactUrl: string, messages: ReturnType<typeof threadMessages>) => {
    const view = await ask('contact.lookup', { profileUrl: contactUrl });
    if (!view) return;
    const { contact, status, attempts } = view;
    const candidate = { stage: contact.stage, repliedAt: contact.repliedAt, attemptsUsed: status.attemptsUsed, lastAttemptAt: status.lastAttemptAt, attempts };
    if (!isLinkedInReply(messages, contactUrl, candidate)) return;
    await ask('contact.replied', { contactId: contact.id, at: now() });
  };
  return {
    check() {
      for (const composer of findLinkedInComposers(document, location.href)) {
        const contactUrl = composer.kind === 'message' ? composer.recipient?.profileUrl : null;
        if (!contactUrl) continue;
        const latest = latestMessage(composer.element);
        if (!latest || latest.mine || latest.fromProfileUrl !== contactUrl || seen.has(latest.element)) continue;
        seen.add(latest.element);
        handle(contactUrl, threadMessages(composer.element)).catch((error: unknown) =>
          console.warn('[warm-intro] could not record the LinkedIn reply', error),
        );
      }
    },
  };
}
