/**
 * Every Gmail selector the extension uses, in one module. Each list runs from the most semantic hook
 * (form field `name`s, ARIA roles, attributes Gmail's own code reads such as `g_editable` and
 * `data-hovercard-id`) to the most fragile (obfuscated class names Gmail renames without notice), and
 * each alternative says which layout it serves. Sources: tests/fixtures/README.md, "Selectors and
 * their public sources" (InboxSDK, gmail.js, public page objects).
 *
 * Layouts: popup compose in the mole strip (`div.dw … div.AD … [role=dialog]`); inline reply under a
 * thread message (`div.ip.adB > div.M9`, no dialog); full screen (`.aSs .aSt`); standalone pop-out
 * window (`body.xE.xp`, compose under `[role=main]`); legacy chips (`.vR`, `textarea[name=to]`,
 * before the 2022 peoplekit recipient UI).
 */

export type RecipientKind = 'to' | 'cc' | 'bcc';
export const RECIPIENT_KINDS: readonly RecipientKind[] = ['to', 'cc', 'bcc'];

// ---------------------------------------------------------------------------------------------
// Compose windows

/** Elements that exist once per compose; each leads up to its compose's root. */
export const composeAnchor: readonly string[] = [
  'input[name=composeid]', // every layout: hidden form field holding the compose id (c1, c2, …)
  'input[name=subjectbox]', // every layout (kept, hidden, in an inline reply)
  '.M9', // class: the compose itself (gmail.js, InboxSDK)
];

/** The window around a popup or full-screen compose; an inline reply has none. */
// Popup `div.AD > div.nH > [role=dialog]`; full screen `.aSs .aSt … [role=dialog]`.
export const composeDialog = '[role=dialog]';

/** The compose itself when it has no dialog of its own (inline reply, standalone pop-out). */
export const composeElement: readonly string[] = [
  '.M9', // all layouts; preferred over the region because it also holds the compose's menus
  '[role=region]', // `div.aoI` inside `.M9`: form, body and send row (not the send-options menu)
];

/** Cheap test for MutationObserver records: an added node that is or holds one of these may be a compose. */
export const composeHint = [
  'input[name=composeid]', // the form arrives with the window shell
  'input[name=subjectbox]',
  '[g_editable]', // the editor, inserted a moment after the shell
  '[role=dialog]', // popup and full-screen windows
  '.M9', // class: the compose element
  '.An', // class: the editor's wrapper; gmail.js treats its insertion as "new compose"
].join(',');

/** Message body editor. */
export const composeBody: readonly string[] = [
  '[g_editable=true]', // every layout: Gmail's own marker for its rich-text editor (InboxSDK `.Ap [g_editable=true]`)
  '[role=textbox][contenteditable=true]', // ARIA on the same element
  'div.Am.editable', // class fallback
  '.Ap [contenteditable=true]', // legacy editor wrapper
];

/** The subject field a person types in. */
export const subjectInput: readonly string[] = [
  'input[name=subjectbox]', // every current layout (hidden but filled in an inline reply)
  'input[name=subject]:not([type=hidden])', // legacy compose, where `subject` was the visible field
  'input.aoT', // class fallback
];

/** Hidden copy of the subject Gmail keeps in the form. */
export const subjectHidden = 'input[type=hidden][name=subject]';

export const composeIdInput = 'input[name=composeid]'; // every layout
export const draftIdInput = 'input[name=draft]'; // every layout; `undefined` until the first save
export const replyThreadInput = 'input[name=rt]'; // replies and forwards: `#thread-f:<id>` of the thread

/** Recipient chips of one field, 2022+ peoplekit UI (`div.anm[name=to] … div.afV[role=option]`). */
export function recipientChip(kind: RecipientKind): readonly string[] {
  return [
    `[name=${kind}] [role=option][data-hovercard-id]`, // all layouts with chips; hovercard id = address (InboxSDK)
    `[name=${kind}] .afV[data-hovercard-id]`, // class fallback for the same chip
  ];
}

/** Inputs whose `aria-controls`/`aria-owns` name the autocomplete list, whose options are not recipients. */
export const recipientCombobox = 'input[role=combobox], input[peoplekit-id]';

/** Legacy chip (before peoplekit): `div.vR > span.vN[email] + input[type=hidden][name=to|cc|bcc]`. */
export const legacyChip = '.vR';
export const legacyChipAddress = '[email]'; // `span.vN.bfK.a3q[email]` inside the chip
export const legacyChipValue = 'input[type=hidden][name]'; // `Name <address>`; its name is the field
/** Legacy: hidden inputs hold committed recipients, the textarea what is typed but not yet a chip. */
export function legacyRecipientValue(kind: RecipientKind): string {
  return `input[type=hidden][name=${kind}], textarea[name=${kind}]`;
}
export const legacyRecipientTextarea = 'textarea[name=to], textarea[name=cc], textarea[name=bcc]';

/** Collapsed recipients line shown while the chip rows are hidden (all fields together, no To/Cc split). */
export const recipientSummary: readonly string[] = [
  '.oL.aDm [email]', // popup and inline reply: `div.aoD.hl > div.oL.aDm.az9 > span[email]`
  '.aoD.hl [email]', // class fallback on the clickable row around it
];

/** Sender picker ("From" row and its send-as menu), present when the account has aliases: never recipients. */
export const fromField = 'input[name=from], [name=from], .az2.azX, .J-M-awS'; // not confirmed on live Gmail

/** Send button. No language-independent attribute exists; its place in the send row is the steadiest hook. */
export const sendButton: readonly string[] = [
  '.IZ .Up div > div[role=button]:not(.Uo):not([aria-haspopup=true])', // every layout (InboxSDK)
  'div.aoO[role=button]', // class of the button itself
  '[role=button][data-tooltip^="Send"]', // English UI only; tooltip `Send ‪(Ctrl-Enter)‬`
];

/** "More send options" arrow and the menu item it opens (both inside the compose). */
export const moreSendOptions: readonly string[] = [
  '.IZ .Up [role=button][aria-haspopup=true]', // every layout (InboxSDK `getMoreSendOptionsButton`)
  '.hG[role=button]', // class fallback
];
export const scheduledSend = '[selector=scheduledSend]'; // language-independent; label follows the UI language

/** Containers that make a compose full screen. */
export const fullscreenContainer: readonly string[] = [
  '.aSs .aSt', // full-screen compose over the mailbox
  'body.xE.xp', // standalone pop-out window (Shift+click on full screen)
];

/** Ancestors that mark a compose as an inline reply inside a thread. */
export const inlineContainer: readonly string[] = [
  '[role=listitem]', // the thread message the reply sits under (`div.h7[role=listitem]`)
  '.ip.adB', // class: reply holder `div.ip` gets `adB` while a reply is open (InboxSDK)
  '.adn', // class: the message element `div.adn.ads`
];

// ---------------------------------------------------------------------------------------------
// Body content that text must go above

export const bodySignature: readonly string[] = [
  '[data-smartmail=gmail_signature]', // Gmail's own marker on the signature block
  'div.gmail_signature', // the same element by class (stable for years: mail clients key on it)
  '.gmail_signature_prefix', // the `-- ` line Gmail puts before the signature
];

export const bodyQuote: readonly string[] = [
  '.gmail_quote_container', // reply/forward quote wrapper (2024+)
  'div.gmail_quote', // older wrapper, and the attribution line's parent
  'blockquote', // the quoted message itself
];

// ---------------------------------------------------------------------------------------------
// Thread view and inbox list

/** Heading of the open thread (carries the thread ids). */
export const threadHeading: readonly string[] = [
  'h2[data-thread-perm-id]', // thread view: `h2.hP[data-thread-perm-id=thread-f:…][data-legacy-thread-id]`
  'h2[data-legacy-thread-id]',
  'h2.hP', // class fallback
  '.ha h2', // InboxSDK's lookup
];

/** Messages of the open thread, in order. */
export const threadMessage: readonly string[] = [
  '[role=list] [role=listitem] [data-message-id]', // thread view: `div[role=list] > div[role=listitem] … div.adn.ads`
  'div.adn.ads[data-message-id]', // class + id
  'div.adn.ads', // class only (gmail.js)
];

/** Sender of one message (inside the message element, never inside a reply compose). */
export const messageSender: readonly string[] = [
  'h3 [email]', // the sender heading `h3.iw > span > span.gD[email]`
  'span.gD[email]', // class (gmail.js)
  'td.gF [email]', // InboxSDK's lookup
];

/** Sender names in the rows of the inbox (or any mail list). */
export const listRowSender: readonly string[] = [
  'table[role=grid] tr[role=row] [email]', // `table.F.cf.zt > tbody > tr.zA[role=row] … span[email]`
  'tr.zA [email]', // class fallback
];

/** A compose-or-form subtree inside a message: its addresses belong to the reply, not the message. */
export const insideCompose = '.M9, form, [g_editable]';

// ---------------------------------------------------------------------------------------------
// Applying a list of alternatives

/** First element matched by the first alternative that matches anything under `root`. */
export function queryFirst<E extends Element = HTMLElement>(root: ParentNode, alternatives: readonly string[]): E | null {
  for (const selector of alternatives) {
    const found = root.querySelector<E>(selector);
    if (found) return found;
  }
  return null;
}

/** Every element matched by any alternative, once each, in document order. */
export function queryAll<E extends Element = HTMLElement>(root: ParentNode, alternatives: readonly string[]): E[] {
  return Array.from(root.querySelectorAll<E>(alternatives.join(',')));
}

/** Nearest ancestor-or-self matched by the first alternative that matches one. */
export function closestOf(el: Element, alternatives: readonly string[]): Element | null {
  for (const selector of alternatives) {
    const found = el.closest(selector);
    if (found) return found;
  }
  return null;
}
