/**
 * One Warm Intro button per open Gmail compose, beside its Send button; the template it inserts;
 * and the attempt its Send counts as. Keyed by the compose element, so a compose never gets two.
 */
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { ComposeButton } from '../../components/compose/ComposeButton';
import type { InsertPlan } from '../../components/compose/types';
import { ask } from '../../lib/client';
import { composeSubjectInput, findComposes, type GmailCompose } from '../../lib/gmail/compose';
import { insertBody, setSubject } from '../../lib/gmail/insert';
import * as S from '../../lib/gmail/selectors';
import { attemptsForSend, type SentMessage } from '../../lib/gmail/send';
import type { InsertedTemplate, PlannedAttempt } from '../../lib/send';
import { CELL_ATTR, HOST } from './hosts';
import { isReply, readComposeAt, sentMessageOf, snapshotOf } from './snapshot';

/** A second trigger for the same Send (mouseup, then click; a double click) within this is ignored. */
const SEND_DEBOUNCE_MS = 3000;

// Keys typed in our menu must not reach Gmail's compose shortcuts; focus moving into it is not the
// compose losing focus. (Capture listeners on the compose still see them first; see fromOurUi.)
const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress', 'input', 'focusin', 'focusout', 'paste', 'cut', 'copy'];

interface Entry {
  element: HTMLElement;
  ui: ShadowRootContentScriptUi<void> | null;
  cell: HTMLElement | null;
  mounting: boolean;
  disposed: boolean;
  /** The template inserted in this compose, which decides what its Send counts as. */
  inserted: InsertedTemplate | null;
  listeners: AbortController;
  pressedSend: boolean;
  lastSendAt: number;
}

// Moved to ./hosts (the content script needs them at page load, without this module).
export { CELL_ATTR, holdsOurHost, HOST, removeLeftovers } from './hosts';

export interface ComposeManager {
  /** Match buttons to the composes open now: add the missing ones, drop those whose compose closed. */
  sync(): void;
  /** A stale button's "reload this page" notice is open: keep it until the user closes it. */
  readonly holdingNotice: boolean;
}

export function createComposeManager(
  ctx: ContentScriptContext,
  opts: { requestSync: () => void; onNoticeClosed: () => void },
): ComposeManager {
  const entries = new Map<HTMLElement, Entry>();
  let holdingNotice = false;

  const dispose = (entry: Entry) => {
    entry.disposed = true;
    entry.listeners.abort();
    unmountUi(entry);
    entries.delete(entry.element);
  };

  const unmountUi = (entry: Entry) => {
    entry.ui?.remove();
    entry.ui = null;
    entry.cell?.remove();
    entry.cell = null;
  };

  ctx.onInvalidated(() => {
    for (const entry of [...entries.values()]) dispose(entry);
  });

  const mountUi = async (entry: Entry, compose: GmailCompose) => {
    const anchor = sendAnchor(compose);
    if (!anchor) return; // the send row is not there yet: the next relevant mutation retries
    // Never two: a host already inside this compose is an older copy's, or a race we lost.
    for (const old of compose.element.querySelectorAll(HOST)) (old.closest(`[${CELL_ATTR}]`) ?? old).remove();
    entry.mounting = true;
    let ui: ShadowRootContentScriptUi<void>;
    let container: HTMLElement | null = null;
    let cell: HTMLElement | null = null;
    try {
      ui = await createShadowRootUi<void>(ctx, {
        name: HOST,
        position: 'inline',
        anchor,
        append: (at, host) => {
          cell = at.ownerDocument.createElement(at.tagName === 'TD' ? 'td' : 'span');
          cell.setAttribute(CELL_ATTR, '');
          cell.style.verticalAlign = 'middle';
          cell.append(host);
          at.after(cell);
          entry.cell = cell;
        },
        isolateEvents: ISOLATED_EVENTS,
        onMount: (uiContainer) => {
          container = uiContainer;
          render(
            <ComposeButton
              readSnapshot={() => {
                const fresh = readComposeAt(entry.element);
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
          cell?.remove();
        },
      });
    } finally {
      entry.mounting = false;
    }
    // The compose closed, or Gmail rebuilt its send row, while the styles loaded.
    if (entry.disposed || ctx.signal.aborted) return;
    if (!anchor.isConnected || !entry.element.contains(anchor)) return opts.requestSync();
    ui.mount();
    entry.ui = ui;
  };

  const insertInto = (entry: Entry, plan: InsertPlan) => {
    const compose = readComposeAt(entry.element);
    if (!compose || !entry.element.isConnected) throw new Error('This compose window was closed.');
    if (plan.subjectMode !== 'keep' && !isReply(compose)) {
      const input = composeSubjectInput(compose);
      // Re-checked now: a subject typed while the menu was open is kept.
      if (input && (plan.subjectMode === 'replace' || !input.value.trim())) setSubject(input, plan.subject);
    }
    insertBody(compose.body, plan.body);
    entry.inserted = { contactId: plan.contactId, kind: plan.kind, introductionId: plan.introductionId ?? null };
  };

  const onSend = (entry: Entry) => {
    const at = Date.now();
    if (at - entry.lastSendAt < SEND_DEBOUNCE_MS) return;
    entry.lastSendAt = at;
    // Read now: Gmail removes the compose as soon as its own handler runs.
    const compose = readComposeAt(entry.element);
    if (!compose) return;
    const message = sentMessageOf(compose);
    const details = {
      subject: compose.subject ? compose.subject.slice(0, 500) : null,
      gmailThreadId: compose.threadId?.slice(0, 200) ?? null,
      gmailDraftId: compose.draftId?.slice(0, 200) ?? null,
    };
    countSend(message, entry.inserted, details).catch((error: unknown) => {
      console.warn('[warm-intro] could not count this e-mail as an attempt', error);
    });
  };

  const listen = (entry: Entry) => {
    const el = entry.element;
    const options = { capture: true, signal: entry.listeners.signal };
    const fromOurUi = (e: Event) => e.composedPath().some((n) => n instanceof Element && (n.localName === HOST || n.hasAttribute(CELL_ATTR)));
    const onSendButton = (e: Event) => {
      if (fromOurUi(e) || !(e.target instanceof Element)) return false;
      const button = S.closestOf(e.target, S.sendButton);
      return button !== null && el.contains(button);
    };
    // Capture phase on the compose: Gmail stops propagation of its own events, and removes the
    // compose during its handler. Mouseup too, because Gmail's buttons act on mouseup.
    el.addEventListener('mousedown', (e) => (entry.pressedSend = onSendButton(e)), options);
    el.addEventListener(
      'mouseup',
      (e) => {
        if (entry.pressedSend && onSendButton(e)) onSend(entry);
        entry.pressedSend = false;
      },
      options,
    );
    el.addEventListener('click', (e) => onSendButton(e) && onSend(entry), options);
    el.addEventListener(
      'keydown',
      (e) => {
        if (fromOurUi(e) || e.isComposing) return;
        const shortcut = e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey;
        if (shortcut || ((e.key === 'Enter' || e.key === ' ') && onSendButton(e))) onSend(entry);
      },
      options,
    );
  };

  const sync = () => {
    if (ctx.signal.aborted) return;
    const found = findComposes(document);
    const open = new Set(found.map((c) => c.element));
    for (const entry of [...entries.values()]) {
      if (!open.has(entry.element) || !entry.element.isConnected) dispose(entry);
    }
    for (const compose of found) {
      let entry = entries.get(compose.element);
      if (!entry) {
        entry = {
          element: compose.element,
          ui: null,
          cell: null,
          mounting: false,
          disposed: false,
          inserted: null,
          listeners: new AbortController(),
          pressedSend: false,
          lastSendAt: 0,
        };
        entries.set(compose.element, entry);
        listen(entry);
      }
      if (entry.mounting) continue;
      // Gmail rebuilt the send row and dropped our cell with it: mount again (the entry, and the
      // template inserted in it, stay).
      if (entry.ui && (!entry.ui.shadowHost.isConnected || !entry.element.contains(entry.ui.shadowHost))) unmountUi(entry);
      if (!entry.ui) void mountUi(entry, compose).catch((error: unknown) => console.warn('[warm-intro] compose button', error));
    }
  };

  return {
    sync,
    get holdingNotice() {
      return holdingNotice;
    },
  };
}

/** Where the button goes: after the cell holding Send (`td.gU.Up`), or after Send itself. */
function sendAnchor(compose: GmailCompose): Element | null {
  const send = compose.sendButton ?? S.queryFirst(compose.element, S.sendButton);
  if (!send) return null;
  return send.closest('td') ?? send.parentElement;
}

/** Records what one Send counts as; returns what it recorded (for logs). */
export async function countSend(
  message: SentMessage,
  inserted: InsertedTemplate | null,
  details: { subject: string | null; gmailThreadId: string | null; gmailDraftId: string | null },
): Promise<PlannedAttempt[]> {
  const emails = [...new Set([...message.to, ...message.cc, ...message.bcc].map((e) => e.toLowerCase()))].slice(0, 100);
  if (emails.length === 0) return [];
  const views = await ask('contact.matchEmails', { emails });
  if (views.length === 0) return [];
  const plan = attemptsForSend({
    message,
    inserted,
    contacts: views.map((v) => ({
      id: v.contact.id,
      emails: v.contact.emails,
      inPipeline: v.contact.inPipeline,
      stage: v.contact.stage,
      attemptsUsed: v.status.attemptsUsed,
      firstAttemptAt: v.status.firstAttemptAt,
      repliedAt: v.contact.repliedAt,
    })),
  });
  for (const p of plan) {
    await ask('attempt.record', { contactId: p.contactId, channel: 'email', kind: p.kind, ...details, introductionId: p.introductionId ?? null });
  }
  return plan;
}
