/**
 * Finds LinkedIn's message boxes and invitation notes: the open thread on /messaging/, chat bubbles
 * over any page (open or minimised), new-message popups, and the Connect dialog's "Add a note" step
 * — in the document and in open shadow roots (`#interop-outlet` on 2025–26 pages).
 */
import { cleanText, deepQuerySelectorAll, openShadowRoots } from '../dom';
import { extractProfile, readLines, readText, resolveHref } from './extract';
import { canonicalProfileUrl, profileSlug } from './url';
import * as S from './selectors';

export type ComposerRecipient = { name: string; profileUrl: string | null };

export type LinkedInComposer = {
  kind: 'message' | 'invitation';
  /** The conversation (bubble or thread) or the invitation dialog that holds the editor. */
  element: HTMLElement;
  /** The contenteditable message box or the note `<textarea>`; see insert.ts. */
  editor: HTMLElement;
  /** null for group conversations and whenever the composer does not name one person. */
  recipient: ComposerRecipient | null;
  maxLength: number | null;
  sendButton: HTMLElement | null;
  minimized: boolean;
};

/** The document and every open shadow root in it, so the content script can observe them all. */
export function composerRoots(doc: Document): ParentNode[] {
  return [doc, ...openShadowRoots(doc)];
}

// ------------------------------------------------------------------------------------ recipients

// `/in/ACoAA…` member ids (what the 2026 messaging pages link to) are case-sensitive: keep their case.
const MEMBER_ID = /^ACo[A-Za-z0-9_-]{20,}$/;

/** A person's profile URL from a link, canonical for vanity slugs, case kept for member ids. */
function profileUrlFromHref(href: string | null, base: string): string | null {
  const resolved = resolveHref(href, base);
  if (resolved === null || profileSlug(resolved) === null) return null;
  const url = new URL(resolved);
  const id = url.pathname.split('/').filter(Boolean)[1] ?? '';
  return MEMBER_ID.test(id) ? `https://www.linkedin.com/in/${id}/` : canonicalProfileUrl(url.href);
}

/** The single recipient pill of a new-message popup, if exactly one person was picked. */
function pillRecipient(conversation: Element, form: Element): ComposerRecipient | null {
  const pills = Array.from(conversation.querySelectorAll(S.NEW_MESSAGE_PILL)).filter((p) => !form.contains(p));
  if (pills.length !== 1 || !pills[0]) return null;
  const name = readLines(pills[0], 'button')[0];
  return name ? { name, profileUrl: null } : null;
}

/**
 * The person named in the conversation's own header — the region above the messages holding its
 * first heading — never a message sender, the profile card in the message list, or another bubble.
 */
function headerRecipient(conversation: Element, form: Element, base: string): ComposerRecipient | null {
  const heading = Array.from(conversation.querySelectorAll(S.CONVERSATION_HEADING)).find(
    (h) => !form.contains(h) && !h.closest(S.MESSAGE_LIST),
  );
  if (!heading) return pillRecipient(conversation, form);
  const profileLinks = (el: Element) =>
    [el, ...Array.from(el.querySelectorAll(S.PERSON_LINK))]
      .filter((a): a is HTMLAnchorElement => a.matches(S.PERSON_LINK))
      .map((a) => ({ a, url: profileUrlFromHref(a.getAttribute('href'), base) }))
      .filter((l): l is { a: HTMLAnchorElement; url: string } => l.url !== null);
  const people = (el: Element) => new Set(profileLinks(el).map((l) => l.url)).size;
  // Grow the header up to (not into) what also holds the form, the messages, or other people.
  const wrap = heading.closest(S.PERSON_LINK);
  let header: Element = wrap && conversation.contains(wrap) ? wrap : heading;
  for (let up = header.parentElement; up && up !== conversation; up = up.parentElement) {
    if (up.contains(form) || up.querySelector(S.MESSAGE_LIST) || people(up) > people(header)) break;
    header = up;
  }
  if (header.querySelector(S.FACEPILE)) return null;
  const links = profileLinks(header);
  const distinct = new Set(links.map((l) => l.url));
  // Several people in the header: a group conversation has no single recipient.
  if (distinct.size > 1) return null;
  const first = links[0];
  if (!first) return pillRecipient(conversation, form);
  // Thread page: the link wraps the h2 (and a headline); bubble: the h2 wraps the link (and a status).
  // The bubble's link may hold the presence text too ("Status is online", hidden by a hashed class
  // we can't recognise), so its first line is the name, never all its text joined.
  const name = first.a.contains(heading) ? readText(heading) : readLines(first.a)[0] || readText(heading);
  return name ? { name, profileUrl: first.url } : null;
}

// --------------------------------------------------------------------------------------- helpers

/** The limit a `0/200` counter inside `within` shows, or null when there is none. */
function counterLimit(within: Element): number | null {
  for (const el of Array.from(within.querySelectorAll(S.COUNTER))) {
    const own = Array.from(el.childNodes)
      .filter((n) => n.nodeType === 3)
      .map((n) => (n as Text).data)
      .join('');
    const match = S.COUNTER_TEXT.exec(own);
    if (match?.[1]) return Number(match[1]);
  }
  return null;
}

function maxLengthOf(editor: Element, within: Element): number | null {
  const attr = Number.parseInt(editor.getAttribute('maxlength') ?? '', 10);
  return Number.isFinite(attr) && attr > 0 ? attr : counterLimit(within);
}

function firstMatch(root: Element, selectors: readonly string[]): HTMLElement | null {
  for (const selector of selectors) {
    const el = root.querySelector<HTMLElement>(selector);
    if (el) return el;
  }
  return null;
}

/** Minimised bubbles keep their form in the DOM, hidden: a `--is-minimized` class, `hidden`, display none. */
function isMinimized(editor: Element, container: Element): boolean {
  for (let el: Element | null = editor; el; el = el.parentElement) {
    if (S.MINIMIZED_CLASS.test(el.getAttribute('class') ?? '')) return true;
    if (el.hasAttribute('hidden') || (el as HTMLElement).style?.display === 'none') return true;
    if (el === container) break;
  }
  return false;
}

/** The outermost conversation container around `form` (a bubble may wrap a thread wrapper). */
function conversationOf(form: Element): Element | null {
  let found: Element | null = null;
  for (let el = form.closest(S.CONVERSATION); el; el = el.parentElement?.closest(S.CONVERSATION) ?? null) found = el;
  return found;
}

/**
 * For layouts without known classes: the nearest ancestor of `form` that also holds a heading,
 * stopping before anything that lists conversations (links to other threads) or the landmark.
 */
function structuralConversation(form: Element): Element {
  let best: Element = form.parentElement ?? form;
  for (let el = form.parentElement; el && !el.matches(S.LANDMARK); el = el.parentElement) {
    if (el.querySelector(S.THREAD_LINK)) break;
    best = el;
    if (Array.from(el.querySelectorAll(S.CONVERSATION_HEADING)).some((h) => !form.contains(h))) break;
  }
  return best;
}

/** Document order across shadow boundaries: a shadow root's content sorts at its host. */
function composedCompare(a: Node, b: Node): number {
  const path = (node: Node): Node[] => {
    const out: Node[] = [];
    for (let n: Node | null = node; n; n = n.parentNode ?? (n as ShadowRoot).host ?? null) out.unshift(n);
    return out;
  };
  const pa = path(a);
  const pb = path(b);
  let i = 0;
  while (i < pa.length && i < pb.length && pa[i] === pb[i]) i++;
  const x = pa[i];
  const y = pb[i];
  if (!x || !y) return pa.length - pb.length;
  if (x.nodeType === 11) return -1; // a shadow root renders in place of its host's children
  if (y.nodeType === 11) return 1;
  return x.compareDocumentPosition(y) & 4 /* Node.DOCUMENT_POSITION_FOLLOWING */ ? -1 : 1;
}

// ------------------------------------------------------------------------------------ invitations

// The note step no longer names the invitee; remember the name the dialog's first step showed, so a
// note opened from the right rail or a search result isn't credited to the profile behind it.
const inviteeOf = new WeakMap<Element, string>();

function invitationComposer(dialog: HTMLElement, pageUrl: string): LinkedInComposer | null {
  const shown = readText(dialog.querySelector(S.INVITEE_NAME));
  if (shown) inviteeOf.set(dialog, shown);
  const note = firstMatch(dialog, S.INVITE_NOTE);
  if (!note) return null;
  const named = shown || inviteeOf.get(dialog) || null;
  const profile = extractProfile(dialog.ownerDocument, pageUrl);
  let recipient: ComposerRecipient | null = null;
  if (named) {
    const same = profile !== null && cleanText(profile.name).toLocaleLowerCase() === named.toLocaleLowerCase();
    recipient = { name: named, profileUrl: same ? profile.profileUrl : null };
  } else if (profile) {
    recipient = { name: profile.name, profileUrl: profile.profileUrl };
  }
  return {
    kind: 'invitation',
    element: dialog,
    editor: note,
    recipient,
    maxLength: maxLengthOf(note, dialog),
    sendButton: firstMatch(dialog, S.INVITE_SEND),
    minimized: false,
  };
}

// --------------------------------------------------------------------------------------- entry

/**
 * Every message box and invitation note under `root` (and its open shadow roots), in document
 * order. A feed comment box is a rich-text box too, but not in a message form: it is never listed.
 */
export function findLinkedInComposers(root: ParentNode, pageUrl: string): LinkedInComposer[] {
  const page = resolveHref(pageUrl, 'https://www.linkedin.com/') ?? 'https://www.linkedin.com/';
  const onMessagingPage = new URL(page).pathname.startsWith('/messaging/');
  const forms = new Set<Element>(deepQuerySelectorAll(root, S.MESSAGE_FORM));
  for (const conversation of deepQuerySelectorAll(root, S.CONVERSATION)) {
    for (const form of Array.from(conversation.querySelectorAll('form'))) forms.add(form);
  }
  // Hashed-class layouts: on /messaging/ the rich-text form is the thread's, whatever its classes.
  if (onMessagingPage) for (const form of deepQuerySelectorAll(root, S.ANY_TEXTBOX_FORM)) forms.add(form);

  const composers: LinkedInComposer[] = [];
  const editors = new Set<Element>();
  for (const form of forms) {
    const editor = form.querySelector<HTMLElement>(S.MESSAGE_EDITOR);
    if (!editor || editors.has(editor)) continue;
    editors.add(editor);
    const conversation = conversationOf(form) ?? structuralConversation(form);
    composers.push({
      kind: 'message',
      element: conversation as HTMLElement,
      editor,
      recipient: headerRecipient(conversation, form, pageUrl),
      maxLength: maxLengthOf(editor, form),
      sendButton: firstMatch(form, S.MESSAGE_SEND),
      minimized: isMinimized(editor, conversation),
    });
  }
  for (const dialog of deepQuerySelectorAll<HTMLElement>(root, S.INVITE_DIALOG)) {
    const composer = invitationComposer(dialog, pageUrl);
    if (composer && !editors.has(composer.editor)) {
      editors.add(composer.editor);
      composers.push(composer);
    }
  }
  return composers.sort((a, b) => composedCompare(a.editor, b.editor));
}

/**
 * The text in a composer as LinkedIn holds it: a note's value, or a message box's paragraphs one
 * line each (its empty `<p><br></p>` is no text). What Send would send, read at the moment of sending.
 */
export function composerText(editor: HTMLElement): string {
  if (editor.tagName === 'TEXTAREA') return (editor as HTMLTextAreaElement).value;
  const lines: string[] = [];
  let line = '';
  const walk = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) line += (child as Text).data;
      else if (child.nodeType === 1) {
        const el = child as Element;
        if (el.tagName === 'BR') {
          lines.push(line);
          line = '';
        } else if (/^(P|DIV|LI)$/.test(el.tagName)) {
          if (line) lines.push(line);
          line = '';
          walk(el);
          // A paragraph ends its line; `<p><br></p>` already did (the break pushed an empty line).
          if (line || el.lastChild?.nodeName !== 'BR') lines.push(line);
          line = '';
        } else walk(el);
      }
    }
  };
  walk(editor);
  if (line) lines.push(line);
  return lines.join('\n').replace(/\s+$/, '');
}
