/**
 * Finds Gmail's open compose windows and reads what they hold: ids, recipients, subject, body, send
 * button and state. Every lookup is scoped to one compose, because the rest of the page (inbox rows,
 * thread headers, hovercards) is full of `span[email]` that are not recipients.
 */
import { deepQuerySelectorAll } from '../dom';
import * as S from './selectors';
import type { RecipientKind } from './selectors';

export type GmailCompose = {
  /** One stable element per window (the `[role=dialog]`, or the `.M9` of an inline reply): a fine Map key. */
  element: HTMLElement;
  composeId: string | null;
  /** Verbatim from `input[name=draft]` (`#msg-a:r-…`); null until Gmail first saves the draft. */
  draftId: string | null;
  /** Thread replied to or forwarded, as `thread-f:<id>` (the form of the thread heading's `data-thread-perm-id`). */
  threadId: string | null;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  body: HTMLElement;
  sendButton: HTMLElement | null;
  inline: boolean;
  fullscreen: boolean;
  minimized: boolean;
};

/** One entry per open compose window under `root` (and its open shadow roots), in document order. */
export function findComposes(root: ParentNode): GmailCompose[] {
  const seen = new Set<HTMLElement>();
  const composes: GmailCompose[] = [];
  for (const anchor of deepQuerySelectorAll(root, S.composeAnchor.join(','))) {
    const element = composeRootOf(anchor);
    if (!element || seen.has(element)) continue;
    seen.add(element);
    const compose = readCompose(element);
    if (compose) composes.push(compose);
  }
  return composes;
}

/**
 * Whether an added or removed node may be, or hold, a compose window, so a MutationObserver can skip
 * the rest. Recipient and subject edits inside a known compose are not covered: read those on demand.
 */
export function mayContainCompose(node: Node): boolean {
  if (node.nodeType !== 1 && node.nodeType !== 11) return false; // elements and fragments only
  if (node.nodeType === 1) {
    const el = node as Element;
    if (el.matches(S.composeHint)) return true;
    if (el.shadowRoot?.querySelector(S.composeHint)) return true;
  }
  return (node as ParentNode).querySelector(S.composeHint) !== null;
}

/** The field a person types the subject in (hidden in an inline reply, where Gmail fills it). */
export function composeSubjectInput(compose: GmailCompose | Element): HTMLInputElement | null {
  const el = 'element' in compose ? compose.element : compose;
  return S.queryFirst<HTMLInputElement>(el, S.subjectInput);
}

/** The compose root for any element inside it, or null when `el` is not in a compose. */
export function composeRootOf(el: Element): HTMLElement | null {
  // A dialog is the window only when it holds exactly one compose; otherwise the compose is its `.M9`.
  const dialog = el.closest<HTMLElement>(S.composeDialog);
  if (dialog && countComposes(dialog) === 1) return dialog;
  const own = S.closestOf(el, S.composeElement) as HTMLElement | null;
  if (own && countComposes(own) === 1) return own;
  return null;
}

/** How many composes `el` holds: the largest count of any one anchor (each appears once per compose). */
function countComposes(el: Element): number {
  return Math.max(...S.composeAnchor.map((selector) => el.querySelectorAll(selector).length));
}

function readCompose(element: HTMLElement): GmailCompose | null {
  // The editor arrives a moment after the window shell: not a usable compose until it is there.
  const body = S.queryFirst(element, S.composeBody);
  if (!body) return null;
  const recipients = readRecipients(element);
  const inline = !element.closest(S.composeDialog) && S.closestOf(element, S.inlineContainer) !== null;
  return {
    element,
    composeId: fieldValue(element, S.composeIdInput),
    draftId: fieldValue(element, S.draftIdInput),
    threadId: threadIdOf(element, inline),
    ...recipients,
    subject: readSubject(element),
    body,
    sendButton: S.queryFirst(element, S.sendButton),
    inline,
    fullscreen: S.closestOf(element, S.fullscreenContainer) !== null,
    minimized: isMinimized(body, element),
  };
}

/** Value of a hidden form field; Gmail writes the string `undefined` into fields it has no value for yet. */
function fieldValue(el: Element, selector: string): string | null {
  const value = el.querySelector<HTMLInputElement>(selector)?.value.trim();
  return value && value !== 'undefined' && value !== 'null' ? value : null;
}

function threadIdOf(element: Element, inline: boolean): string | null {
  const rt = fieldValue(element, S.replyThreadInput);
  if (rt) return rt.replace(/^#/, '');
  if (!inline) return null;
  // An inline reply without `rt` still belongs to the thread it is shown in.
  const heading = S.queryFirst(element.closest('[role=main]') ?? element.ownerDocument, S.threadHeading);
  return heading?.getAttribute('data-thread-perm-id') ?? heading?.getAttribute('data-legacy-thread-id') ?? null;
}

function readSubject(element: Element): string {
  const input = composeSubjectInput(element);
  const value = input?.value ?? element.querySelector<HTMLInputElement>(S.subjectHidden)?.value ?? '';
  return value.trim();
}

/** Minimized: Gmail hides the part of the window that holds the body with an inline `display:none`. */
function isMinimized(body: HTMLElement, element: HTMLElement): boolean {
  for (let el = body.parentElement; el && el !== element; el = el.parentElement) {
    if (el.style.display === 'none') return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Recipients

type Recipients = Record<RecipientKind, string[]>;

function readRecipients(element: Element): Recipients {
  const found: Record<RecipientKind, Set<string>> = { to: new Set(), cc: new Set(), bcc: new Set() };
  const suggestionLists = autocompleteListIds(element);
  // Legacy chips carry the address in `span[email]`; the field comes from their hidden input, or their row.
  const legacyChips = Array.from(element.querySelectorAll(S.legacyChip), (chip) => ({
    chip,
    kind: legacyChipKind(chip, element),
  }));

  for (const kind of S.RECIPIENT_KINDS) {
    // Current chips: the hovercard id is the address; the display name is never parsed.
    for (const chip of S.queryAll(element, S.recipientChip(kind))) {
      const list = chip.closest('[role=listbox]');
      if (list?.id && suggestionLists.has(list.id)) continue; // an autocomplete suggestion, not a chip
      if (isInFromField(chip, element)) continue;
      addAddress(found[kind], chip.getAttribute('data-hovercard-id'));
    }
    for (const { chip } of legacyChips.filter((c) => c.kind === kind)) {
      addAddress(found[kind], chip.querySelector(S.legacyChipAddress)?.getAttribute('email') ?? null);
    }
    // Legacy: hidden inputs (committed chips) and the textarea (typed text Gmail would still send to).
    for (const field of element.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(S.legacyRecipientValue(kind))) {
      for (const address of parseAddressList(field.value)) found[kind].add(address);
    }
  }

  // Collapsed line only when no field could be read: it does not say which address is To and which Cc.
  if (found.to.size + found.cc.size + found.bcc.size === 0) {
    for (const span of S.queryAll(element, S.recipientSummary)) {
      if (isInFromField(span, element)) continue;
      addAddress(found.to, span.getAttribute('email') ?? span.getAttribute('data-hovercard-id'));
    }
  }
  return { to: [...found.to], cc: [...found.cc], bcc: [...found.bcc] };
}

/** Ids of the listboxes recipient inputs use for autocomplete suggestions (`aria-controls`/`aria-owns`). */
function autocompleteListIds(element: Element): Set<string> {
  const ids = new Set<string>();
  for (const input of element.querySelectorAll(S.recipientCombobox)) {
    for (const attr of ['aria-controls', 'aria-owns']) {
      for (const id of (input.getAttribute(attr) ?? '').split(/\s+/)) if (id) ids.add(id);
    }
  }
  return ids;
}

function isInFromField(el: Element, element: Element): boolean {
  const from = el.closest(S.fromField);
  return from !== null && element.contains(from);
}

function legacyChipKind(chip: Element, element: Element): RecipientKind | null {
  const name = chip.querySelector(S.legacyChipValue)?.getAttribute('name');
  if (isRecipientKind(name)) return name;
  // Without a hidden input, the chip sits in the same row as its field's textarea.
  for (let row = chip.parentElement; row && row !== element; row = row.parentElement) {
    const textarea = row.querySelector(S.legacyRecipientTextarea);
    if (textarea) {
      const kind = textarea.getAttribute('name');
      return isRecipientKind(kind) ? kind : null;
    }
  }
  return null;
}

function isRecipientKind(name: string | null | undefined): name is RecipientKind {
  return name === 'to' || name === 'cc' || name === 'bcc';
}

function addAddress(set: Set<string>, raw: string | null): void {
  const address = normalizeAddress(raw);
  if (address) set.add(address);
}

const EMAIL = /^[^\s@<>",;:()[\]]+@[^\s@<>",;:()[\]]+\.[^\s@<>",;:()[\]]+$/;

/** A lower-cased e-mail address, or null when `raw` is not one. */
export function normalizeAddress(raw: string | null | undefined): string | null {
  const address = (raw ?? '').trim().replace(/^mailto:/i, '').toLowerCase();
  return EMAIL.test(address) ? address : null;
}

/**
 * Addresses in an RFC 5322-style list (`"Becker, Hannah" <hannah@…>, ravi@…`), lower-cased. Commas and
 * semicolons separate entries only outside quotes and angle brackets, so a display name with a comma
 * stays whole; entries without a valid address are dropped.
 */
export function parseAddressList(text: string): string[] {
  const entries: string[] = [];
  let current = '';
  let quoted = false;
  let angle = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '\\' && quoted) {
      current += ch + (text[i + 1] ?? '');
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
      current += ch;
    } else if (!quoted && ch === '<') {
      angle = true;
      current += ch;
    } else if (!quoted && ch === '>') {
      angle = false;
      current += ch;
    } else if (!quoted && !angle && (ch === ',' || ch === ';')) {
      entries.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  entries.push(current);

  const out: string[] = [];
  for (const entry of entries) {
    // `Name <address>`: the last bracketed part outside quotes; otherwise the bare entry.
    const bracketed = /<([^<>]*)>\s*$/.exec(entry.replace(/"(?:[^"\\]|\\.)*"/g, '""'));
    const address = normalizeAddress(bracketed ? bracketed[1] : entry.replace(/^["'\s]+|["'\s]+$/g, ''));
    if (address && !out.includes(address)) out.push(address);
  }
  return out;
}
