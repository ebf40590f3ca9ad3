/**
 * The LinkedIn message-box reader, loaded on first use (lazy/linkedin/messages.js): the first time
 * the page holds a form, a dialog or a text box (the one native query in ./index.tsx). Most
 * LinkedIn pages, profiles among them, have none, and then neither this reader nor the reply
 * watcher is compiled on the page (issue 13: main-thread time on a profile load).
 *
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

/** Our own sidebar holds a form and a textarea; it is never LinkedIn's composer (as in composers.tsx). */
const isLinkedIns = (composer: { element: HTMLElement }) => {
  const root = composer.element.getRootNode();
  return !(root instanceof ShadowRoot && root.host.localName.startsWith('warm-intro-'));
};

/** Whether LinkedIn shows a message box or an invitation note now (then the message buttons load). */
export function linkedInComposerOpen(doc: Document, url: string): boolean {
  return findLinkedInComposers(doc, url).some(isLinkedIns);
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
