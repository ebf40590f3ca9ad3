/**
 * Who wrote the latest message of a LinkedIn conversation (the open thread on /messaging/, a chat
 * bubble, in the document or in `#interop-outlet`'s shadow root), decided by meaning: the message
 * group's sender link (`/in/<slug>/` or `/in/<member id>/`) against the viewer's own profile link in
 * the global nav and the person the conversation's header names. Never by English text. Returns null
 * whenever that is not certain.
 */
import { canonicalProfileUrl, profileSlug } from './url';
import { visibleText } from './visible';
import * as S from './selectors';

export type ThreadMessage = {
  /** The sender's profile URL: canonical for vanity slugs, case kept for member ids; null if the group has no link. */
  fromProfileUrl: string | null;
  fromName: string | null;
  /** True when the viewer wrote it. */
  mine: boolean;
  /** The message (group) element, so a watcher can tell a new message from one it has seen. */
  element: Element;
};

const MEMBER_ID = /^ACo[A-Za-z0-9_-]{20,}$/;

/** A person's profile URL from a link: canonical for vanity slugs, case kept for member ids. */
export function personUrl(href: string | null, base: string): string | null {
  if (!href) return null;
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return null;
  }
  if (profileSlug(url.href) === null) return null;
  const id = url.pathname.split('/').filter(Boolean)[1] ?? '';
  return MEMBER_ID.test(id) ? `https://www.linkedin.com/in/${id}/` : canonicalProfileUrl(url.href);
}

function baseOf(el: Element): string {
  const url = el.ownerDocument?.URL;
  return url && /^https?:/.test(url) ? url : 'https://www.linkedin.com/';
}

/** The viewer's own profile URLs, from the global nav of the page `el` is on (shadow roots included). */
export function viewerProfileUrls(el: Element): Set<string> {
  const doc = el.ownerDocument;
  const out = new Set<string>();
  if (!doc) return out;
  for (const selector of S.VIEWER_LINK) {
    for (const a of Array.from(doc.querySelectorAll(selector))) {
      if (a.closest(S.MAIN)) continue;
      const url = personUrl(a.getAttribute('href'), baseOf(el));
      if (url) out.add(url);
    }
    if (out.size) break;
  }
  return out;
}

/** Innermost message items of `conversation` that carry a sender (a person link) and a time: one per message group. */
function senderItems(conversation: Element): Element[] {
  const form = conversation.querySelector('form');
  return Array.from(conversation.querySelectorAll(S.MESSAGE_ITEM)).filter(
    (item) =>
      !(form && form.contains(item)) &&
      !item.closest(S.THREAD_PROFILE_CARD) &&
      !item.querySelector(S.MESSAGE_ITEM) &&
      item.querySelector(S.PERSON_LINK) !== null &&
      item.querySelector(S.MESSAGE_TIME) !== null,
  );
}

/** The sender of one message group: its first person link (photo or name; links in the text come later). */
function senderOf(item: Element, base: string): { url: string | null; name: string | null } {
  const links = Array.from(item.querySelectorAll(S.PERSON_LINK));
  const url = personUrl(links[0]?.getAttribute('href') ?? null, base);
  if (!url) return { url: null, name: null };
  const same = links.filter((a) => personUrl(a.getAttribute('href'), base) === url);
  const name =
    same.map((a) => visibleText(a)).find(Boolean) ||
    same.map((a) => a.querySelector('img[alt]')?.getAttribute('alt')?.trim()).find(Boolean) ||
    null;
  return { url, name };
}

/** The people the conversation's header links to (outside the messages and the form). */
function headerPeople(conversation: Element, items: Element[], base: string): Set<string> {
  const form = conversation.querySelector('form');
  const out = new Set<string>();
  for (const a of Array.from(conversation.querySelectorAll(S.PERSON_LINK))) {
    if ((form && form.contains(a)) || a.closest(S.MESSAGE_LIST) || items.some((i) => i.contains(a))) continue;
    const url = personUrl(a.getAttribute('href'), base);
    if (url) out.add(url);
  }
  return out;
}

/** Every message group of the conversation in order, each with its sender and whether it is the viewer's. */
export function threadMessages(conversation: Element): ThreadMessage[] {
  const base = baseOf(conversation);
  const items = senderItems(conversation);
  const viewer = viewerProfileUrls(conversation);
  const header = headerPeople(conversation, items, base);
  const senders = items.map((item) => ({ item, ...senderOf(item, base) }));
  const seen = new Set(senders.map((s) => s.url).filter((u): u is string => u !== null));
  // One person in the header: a one-to-one conversation, so its messages come from them or the viewer.
  const other = header.size === 1 ? [...header][0] ?? null : null;
  const out: ThreadMessage[] = [];
  for (const s of senders) {
    let mine: boolean | null = null;
    if (s.url && viewer.has(s.url)) mine = true;
    else if (s.url && other && s.url === other) mine = false;
    else if (s.url && other && seen.has(other) && seen.size === 2) mine = true; // the other sender of a one-to-one thread
    else if (s.item.matches('.msg-s-event-listitem')) mine = !s.item.matches('.msg-s-event-listitem--other'); // classic marker
    if (mine === null) break; // unsure from here on: stop, never guess
    out.push({ fromProfileUrl: s.url, fromName: s.name, mine, element: s.item });
  }
  return out;
}

/** The latest message of the conversation, or null when there is none or its author is uncertain. */
export function latestMessage(conversation: Element): ThreadMessage | null {
  const items = senderItems(conversation);
  const all = threadMessages(conversation);
  // threadMessages stops at the first uncertain one: then the latest is unknown.
  if (all.length !== items.length) return null;
  return all[all.length - 1] ?? null;
}
