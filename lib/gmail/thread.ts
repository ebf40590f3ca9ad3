/**
 * Reads who wrote last in the open thread, and who wrote the mails listed in the inbox, so the
 * extension can mark a pipeline contact as "replied".
 */
import { cleanText, deepQuerySelectorAll } from '../dom';
import { normalizeAddress } from './compose';
import * as S from './selectors';

export type ThreadMessage = {
  /** `thread-f:<id>` from the heading's `data-thread-perm-id` (as `GmailCompose.threadId`), else the legacy hex id. */
  threadId: string | null;
  subject: string | null;
  /** Sender address, lower-cased. */
  from: string | null;
  fromName: string | null;
  /** Verbatim `data-message-id` (`#msg-f:…`), else `data-legacy-message-id`. */
  messageId: string | null;
};

/** The latest message of the thread open under `root`, or null when no thread is open. */
export function latestThreadMessage(root: ParentNode): ThreadMessage | null {
  const messages = threadMessages(root);
  const latest = messages[messages.length - 1];
  if (!latest) return null;

  const heading = S.queryFirst(headingScope(latest, root), S.threadHeading);
  // The first match outside any reply compose open under the message (its recipients carry `[email]` too).
  const sender = S.queryAll(latest, S.messageSender).find((el) => !insideCompose(el, latest));
  const name = sender ? cleanText(sender.getAttribute('name') ?? sender.textContent) : '';
  return {
    threadId: heading?.getAttribute('data-thread-perm-id') ?? heading?.getAttribute('data-legacy-thread-id') ?? null,
    subject: heading ? cleanText(heading.textContent) || null : null,
    from: normalizeAddress(sender?.getAttribute('email') ?? sender?.getAttribute('data-hovercard-id')),
    fromName: name || null,
    messageId: latest.getAttribute('data-message-id') ?? latest.getAttribute('data-legacy-message-id'),
  };
}

/** Sender addresses in the visible mail list rows, lower-cased, once each, in row order. */
export function inboxSenders(root: ParentNode): string[] {
  const out: string[] = [];
  for (const el of deepQuerySelectorAll(root, S.listRowSender.join(','))) {
    const address = normalizeAddress(el.getAttribute('email') ?? el.getAttribute('data-hovercard-id'));
    if (address && !out.includes(address) && !isHidden(el, root)) out.push(address);
  }
  return out;
}

/** Messages of the open thread in order: sent ones only (drafts, `#msg-a:…`, are the user's own). */
function threadMessages(root: ParentNode): Element[] {
  for (const selector of S.threadMessage) {
    const found = deepQuerySelectorAll(root, selector).filter(
      (el) => !(el.getAttribute('data-message-id') ?? '').startsWith('#msg-a:') && !isHidden(el, root),
    );
    if (found.length) return found;
  }
  return [];
}

/** Where to look for the thread heading: the `[role=main]` holding the message, else `root`. */
function headingScope(message: Element, root: ParentNode): ParentNode {
  return message.closest('[role=main]') ?? root;
}

/** Views Gmail navigated away from may stay in the DOM, hidden by an inline `display:none` or `hidden`. */
function isHidden(el: Element, root: ParentNode): boolean {
  for (let node: Element | null = el; node && node !== root; node = node.parentElement) {
    if ((node as HTMLElement).style?.display === 'none' || node.hasAttribute('hidden')) return true;
  }
  return false;
}

function insideCompose(el: Element, container: Element): boolean {
  for (let node: Element | null = el; node && node !== container; node = node.parentElement) {
    if (node.matches(S.insideCompose)) return true;
  }
  return false;
}
