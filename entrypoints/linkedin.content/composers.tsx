/**
 * One Warm Intro button per LinkedIn message box or invitation note, beside its Send; the template
 * it inserts; and the attempt its Send counts as. Keyed by the conversation or dialog that holds
 * the editor, so a composer never gets two (LinkedIn may rebuild the editor itself on focus).
 */
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { ComposeButton } from '../../components/compose/ComposeButton';
import type { InsertPlan, LinkedInSnapshot } from '../../components/compose/types';
import { ask } from '../../lib/client';
import { insertIntoEditor } from '../../lib/linkedin/insert';
import { composerText, findLinkedInComposers, type LinkedInComposer } from '../../lib/linkedin/messaging';
import { attemptForLinkedInSend, recipientKey, type ComposerPerson, type LinkedInInserted } from '../../lib/linkedin/send';
import type { PlannedAttempt } from '../../lib/send';
import { COMPOSER_HOST } from './hosts';

/** A second trigger for the same Send (click, then the form's submit; a double click) within this is ignored. */
const SEND_DEBOUNCE_MS = 3000;
/** After Enter, how long LinkedIn gets to send and empty the box ("Press Enter to Send" is on). */
const ENTER_SEND_CHECK_MS = 350;

// Keys typed in our menu must not reach LinkedIn's shortcuts (Enter sends there); focus moving into
// it is not the editor losing focus. (Capture listeners still see them first; see fromOurUi.)
const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress', 'input', 'focusin', 'focusout', 'paste', 'cut', 'copy'];

interface Entry {
  element: HTMLElement;
  ui: ShadowRootContentScriptUi<void> | null;
  mounting: boolean;
  disposed: boolean;
  /** The template inserted in this composer since its last send: it decides what the next Send counts as. */
  inserted: LinkedInInserted | null;
  listeners: AbortController;
  lastSendAt: number;
}

// Moved to ./hosts (the content script needs them at page load, without this module).
export { holdsOurHost, mayHoldComposer, removeLeftovers } from './hosts';
import { removeLeftovers } from './hosts';

const isButton = (n: EventTarget) => n instanceof Element && (n.localName === 'button' || n.getAttribute('role') === 'button');

/** The composer rooted at `element` now, or null once it is gone (closed, or its note step left). */
function readComposerAt(element: HTMLElement): LinkedInComposer | null {
  if (!element.isConnected) return null;
  const root = element.getRootNode() as Document | ShadowRoot;
  return findLinkedInComposers(root, location.href).find((c) => c.element === element) ?? null;
}

export function snapshotOf(composer: LinkedInComposer): LinkedInSnapshot {
  return {
    channel: 'linkedin',
    composer: composer.kind,
    recipient: composer.recipient,
    maxLength: composer.maxLength,
    used: composerText(composer.editor).length,
  };
}

export interface ComposerManager {
  /** Match buttons to the composers open now: add the missing ones, drop those whose composer closed. */
  sync(): void;
  /** A stale button's "reload this page" notice is open: keep it until the user closes it. */
  readonly holdingNotice: boolean;
}

export function createComposerManager(
  ctx: ContentScriptContext,
  opts: { requestSync: () => void; onNoticeClosed: () => void },
): ComposerManager {
  const entries = new Map<HTMLElement, Entry>();
  let holdingNotice = false;
  // Buttons a previous copy of the script (before an extension update) left in LinkedIn's composers.
  removeLeftovers(document);

  const unmountUi = (entry: Entry) => {
    entry.ui?.remove();
    entry.ui = null;
  };
  const dispose = (entry: Entry) => {
    entry.disposed = true;
    entry.listeners.abort();
    unmountUi(entry);
    entries.delete(entry.element);
  };
  ctx.onInvalidated(() => {
    for (const entry of [...entries.values()]) dispose(entry);
  });

  const mountUi = async (entry: Entry, composer: LinkedInComposer) => {
    const anchor = composer.sendButton;
    if (!anchor) return; // the send row is not there yet: the next relevant mutation retries
    // Never two: a host already in this composer is an older copy's, or a race we lost.
    for (const old of entry.element.querySelectorAll(COMPOSER_HOST)) old.remove();
    entry.mounting = true;
    let ui: ShadowRootContentScriptUi<void>;
    let container: HTMLElement | null = null;
    try {
      ui = await createShadowRootUi<void>(ctx, {
        name: COMPOSER_HOST,
        position: 'inline',
        anchor,
        // Just before Send: in the message form's send row, or the invitation dialog's action bar.
        append: (at, host) => at.before(host),
        isolateEvents: ISOLATED_EVENTS,
        onMount: (uiContainer) => {
          container = uiContainer;
          render(
            <ComposeButton
              surface="linkedin"
              readSnapshot={() => {
                const fresh = readComposerAt(entry.element);
                return fresh ? snapshotOf(fresh) : null;
              }}
              onInsert={(plan) => insertInto(entry, plan)}
              onStale={() => {
                holdingNotice = true;
              }}
              onStaleClosed={() => {
                holdingNotice = false;
                opts.onNoticeClosed();
              }}
            />,
            uiContainer,
          );
        },
        onRemove: () => {
          // Also runs when the context is invalidated; rendering null runs the menu's cleanups.
          if (container) render(null, container);
          container = null;
        },
      });
    } finally {
      entry.mounting = false;
    }
    // The composer closed, or LinkedIn rebuilt its send row, while the styles loaded.
    if (entry.disposed || ctx.signal.aborted) return;
    if (!anchor.isConnected || !entry.element.contains(anchor)) return opts.requestSync();
    ui.mount();
    entry.ui = ui;
  };

  const insertInto = (entry: Entry, plan: InsertPlan) => {
    const composer = readComposerAt(entry.element);
    if (!composer) throw new Error('This message box was closed.');
    if (!insertIntoEditor(composer.editor, plan.body)) {
      throw new Error(
        composer.kind === 'invitation'
          ? 'The note would go over LinkedIn’s limit. Shorten it here, or clear the note, and insert again.'
          : 'LinkedIn did not take the text. Click into the message box and try again.',
      );
    }
    entry.inserted = { contactId: plan.contactId, kind: plan.kind, introductionId: plan.introductionId ?? null, recipient: recipientKey(composer.recipient) };
  };

  const onSend = (entry: Entry, sent: { text: string; recipient: ComposerPerson | null }) => {
    if (!sent.text.trim()) return; // nothing written (an invitation without a note): nothing to count
    const at = Date.now();
    if (at - entry.lastSendAt < SEND_DEBOUNCE_MS) return;
    entry.lastSendAt = at;
    // The composer stays open after a LinkedIn send: the template counts for this send only.
    const inserted = entry.inserted;
    entry.inserted = null;
    countLinkedInSend(sent, inserted).catch((error: unknown) => {
      console.warn('[warm-intro] could not count this LinkedIn message as an attempt', error);
    });
  };

  const listen = (entry: Entry) => {
    const el = entry.element;
    const options = { capture: true, signal: entry.listeners.signal };
    const fromOurUi = (e: Event) => e.composedPath().some((n) => n instanceof Element && n.localName === COMPOSER_HOST);
    const read = (composer: LinkedInComposer) => ({ text: composerText(composer.editor), recipient: composer.recipient });
    // Capture phase on the composer, so the text is read before LinkedIn's own handler sends it
    // and empties the box (or closes the invitation dialog).
    el.addEventListener(
      'click',
      (e) => {
        if (fromOurUi(e) || !e.composedPath().some(isButton)) return;
        const composer = readComposerAt(el);
        const send = composer?.sendButton;
        if (!composer || !send || !e.composedPath().includes(send)) return;
        if ((send as HTMLButtonElement).disabled || send.getAttribute('aria-disabled') === 'true') return;
        onSend(entry, read(composer));
      },
      options,
    );
    el.addEventListener(
      'submit',
      (e) => {
        const composer = readComposerAt(el);
        if (composer && e.target instanceof Element && e.target.contains(composer.editor)) onSend(entry, read(composer));
      },
      options,
    );
    // "Press Enter to Send" is a setting LinkedIn keeps to itself; the robust sign that Enter sent
    // the message is that the box was emptied right after it (a new line keeps the text).
    el.addEventListener(
      'keydown',
      (e) => {
        if (e.key !== 'Enter' || e.isComposing || fromOurUi(e)) return;
        const composer = readComposerAt(el);
        if (!composer || composer.kind !== 'message' || !e.composedPath().includes(composer.editor)) return;
        const before = read(composer);
        if (!before.text.trim()) return;
        const check = () => {
          if (entry.disposed) return;
          const after = readComposerAt(el);
          if (after && !composerText(after.editor).trim()) onSend(entry, before);
        };
        setTimeout(check, ENTER_SEND_CHECK_MS);
      },
      options,
    );
  };

  const sync = () => {
    if (ctx.signal.aborted) return;
    const found = findLinkedInComposers(document, location.href);
    const open = new Map<HTMLElement, LinkedInComposer>();
    for (const composer of found) {
      // Our own menu holds a form and a textarea; it is never LinkedIn's composer.
      const root = composer.element.getRootNode();
      if (root instanceof ShadowRoot && root.host.localName.startsWith('warm-intro-')) continue;
      if (!open.has(composer.element)) open.set(composer.element, composer);
    }
    for (const entry of [...entries.values()]) {
      if (!open.has(entry.element) || !entry.element.isConnected) dispose(entry);
    }
    for (const [element, composer] of open) {
      let entry = entries.get(element);
      if (!entry) {
        entry = { element, ui: null, mounting: false, disposed: false, inserted: null, listeners: new AbortController(), lastSendAt: 0 };
        entries.set(element, entry);
        listen(entry);
      }
      if (entry.mounting) continue;
      // LinkedIn rebuilt the send row and dropped our button with it: mount again (the entry, and
      // the template inserted in it, stay).
      if (entry.ui && (!entry.ui.shadowHost.isConnected || !element.contains(entry.ui.shadowHost))) unmountUi(entry);
      if (!entry.ui) void mountUi(entry, composer).catch((error: unknown) => console.warn('[warm-intro] LinkedIn button', error));
    }
  };

  return {
    sync,
    get holdingNotice() {
      return holdingNotice;
    },
  };
}

/** Records what one LinkedIn Send counts as; returns what it recorded (for logs and tests). */
export async function countLinkedInSend(
  sent: { text: string; recipient: ComposerPerson | null },
  inserted: LinkedInInserted | null,
): Promise<PlannedAttempt | null> {
  if (!sent.text.trim()) return null;
  const byTemplate = inserted !== null && inserted.recipient === recipientKey(sent.recipient);
  let matched = null;
  if (!byTemplate && sent.recipient?.profileUrl) {
    const view = await ask('contact.lookup', { profileUrl: sent.recipient.profileUrl });
    // Someone only in your network (not asked for an interview): a plain message is no attempt.
    if (view && view.contact.inPipeline !== 0) {
      matched = {
        id: view.contact.id,
        stage: view.contact.stage,
        attemptsUsed: view.status.attemptsUsed,
        firstAttemptAt: view.status.firstAttemptAt,
        repliedAt: view.contact.repliedAt,
      };
    }
  }
  const plan = attemptForLinkedInSend({ text: sent.text, recipient: sent.recipient, inserted, matched });
  if (plan) await ask('attempt.record', { contactId: plan.contactId, channel: 'linkedin', kind: plan.kind, subject: null, introductionId: plan.introductionId ?? null });
  return plan;
}
