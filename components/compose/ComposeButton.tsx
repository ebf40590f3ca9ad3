import type { JSX } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { isExtensionAlive } from '../../lib/client';
import { ComposeMenu, RELOAD_MESSAGE } from './ComposeMenu';
import type { InsertPlan, MenuSnapshot } from './types';

export type Props = {
  /** Reads the compose now: recipients and subject change while it is open. Null when it is gone. */
  readSnapshot: () => MenuSnapshot | null;
  onInsert: (plan: InsertPlan) => void | Promise<void>;
  /** The extension was reloaded under this copy of the script; the notice was shown. */
  onStale?: () => void;
  /** The stale notice was closed: the button may go now. */
  onStaleClosed?: () => void;
  isAlive?: () => boolean;
  now?: () => number;
  /** Where the button sits: a Gmail compose (default) or a LinkedIn message box or invitation note. */
  surface?: 'gmail' | 'linkedin';
};

const SURFACE = {
  gmail: {
    testId: 'wi-compose-button',
    title: 'Insert a Warm Intro template (request, follow-up, thank-you, update)',
    counted: 'sending this e-mail counts it',
    unreadable: 'This compose window could not be read. Close it and open a new one.',
  },
  linkedin: {
    testId: 'wi-li-template-button',
    title: 'Insert a Warm Intro template (request, follow-up, thank-you, connect note, update)',
    counted: 'sending it counts it',
    unreadable: 'This message box could not be read. Close it and open it again.',
  },
} as const;

const KIND_LABEL: Record<InsertPlan['kind'], string> = {
  request: 'Request',
  'follow-up': 'Follow-up',
  'thank-you': 'Thank-you',
  update: 'Update',
  'intro-request': 'Introduction request',
};

const PANEL_WIDTH = 380;
const GAP = 6;
const MARGIN = 8;

/** Fixed position beside the button: above it when there is room (the send row is at the bottom). */
function place(button: HTMLElement): JSX.CSSProperties {
  const view = button.ownerDocument.defaultView;
  const vw = view?.innerWidth ?? 1024;
  const vh = view?.innerHeight ?? 768;
  const r = button.getBoundingClientRect();
  const width = Math.min(PANEL_WIDTH, vw - 2 * MARGIN);
  const left = Math.max(MARGIN, Math.min(r.left, vw - width - MARGIN));
  const above = r.top - GAP - MARGIN;
  const below = vh - r.bottom - GAP - MARGIN;
  if (above >= 360 || above >= below) {
    return { left: `${left}px`, width: `${width}px`, bottom: `${vh - r.top + GAP}px`, maxHeight: `${Math.max(160, above)}px` };
  }
  return { left: `${left}px`, width: `${width}px`, top: `${r.bottom + GAP}px`, maxHeight: `${Math.max(160, below)}px` };
}

/** The Warm Intro button beside a compose's Send button (Gmail, LinkedIn), and the menu it opens. */
export function ComposeButton({ readSnapshot, onInsert, onStale, onStaleClosed, isAlive = isExtensionAlive, now, surface = 'gmail' }: Props) {
  const text = SURFACE[surface];
  const [open, setOpen] = useState<{ snapshot: MenuSnapshot | null; stale: boolean } | null>(null);
  const [style, setStyle] = useState<JSX.CSSProperties>({});
  const [done, setDone] = useState<string | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);

  const close = () => {
    const wasStale = open?.stale;
    setOpen(null);
    buttonRef.current?.focus();
    if (wasStale) onStaleClosed?.();
  };

  const toggle = () => {
    if (open) return close();
    setDone(null);
    const stale = !isAlive();
    if (stale) onStale?.();
    setOpen({ stale, snapshot: stale ? null : readSnapshot() });
  };

  // In the top layer when the browser has one: LinkedIn's invitation dialog (and anything else the
  // button sits in) makes a stacking context that would keep a fixed menu under the page's overlays.
  useLayoutEffect(() => {
    const menu = menuRef.current as (HTMLDivElement & { showPopover?: () => void }) | null;
    if (!open || !menu || typeof menu.showPopover !== 'function' || !menu.isConnected) return;
    try {
      menu.showPopover();
    } catch {
      // Not supported in this document (or already shown): the fixed position still applies.
    }
  }, [!!open]);

  useLayoutEffect(() => {
    if (!open || !buttonRef.current) return;
    const button = buttonRef.current;
    const update = () => setStyle(place(button));
    update();
    const win = button.ownerDocument.defaultView;
    const doc = button.ownerDocument;
    // The host sits in Gmail's DOM, so events from outside reach us retargeted to it.
    const host = (button.getRootNode() as ShadowRoot).host ?? rootRef.current;
    const outside = (e: Event) => {
      if (!e.composedPath().some((n) => n === host || n === rootRef.current)) close();
    };
    win?.addEventListener('resize', update);
    // Capture: the inline reply scrolls inside Gmail's own containers, whose scroll events do not bubble.
    doc.addEventListener('scroll', update, true);
    doc.addEventListener('mousedown', outside, true);
    return () => {
      win?.removeEventListener('resize', update);
      doc.removeEventListener('scroll', update, true);
      doc.removeEventListener('mousedown', outside, true);
    };
  }, [open]);

  return (
    <div
      class="wi-compose"
      ref={rootRef}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.preventDefault();
          close();
        }
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        class="wi-compose__button"
        aria-haspopup="dialog"
        aria-expanded={!!open}
        data-testid={text.testId}
        title={done ?? text.title}
        onClick={toggle}
      >
        <span class="wi-compose__mark" aria-hidden="true">
          {done ? '✓' : '✦'}
        </span>
        Warm Intro
      </button>
      {open && (
        <div
          ref={menuRef}
          class="wi-menu"
          role="dialog"
          aria-label="Warm Intro templates"
          data-testid="wi-compose-menu"
          // Manual: closing stays ours (outside click, Escape, ×), as without a top layer.
          popover="manual"
          style={style}
        >
          <header class="wi-menu__header">
            <span class="wi-brand">Warm Intro</span>
            <button type="button" class="wi-close" aria-label="Close" data-testid="wi-menu-close" onClick={close}>
              ×
            </button>
          </header>
          {open.stale ? (
            <p role="alert" class="wi-error wi-menu__content" data-testid="wi-stale">
              {RELOAD_MESSAGE}
            </p>
          ) : !open.snapshot ? (
            <p role="alert" class="wi-error wi-menu__content">
              {text.unreadable}
            </p>
          ) : (
            <ComposeMenu
              snapshot={open.snapshot}
              now={now}
              onClose={close}
              onInsert={async (plan) => {
                await onInsert(plan);
                setDone(`${KIND_LABEL[plan.kind]} inserted — ${text.counted}`);
              }}
            />
          )}
        </div>
      )}
    </div>
  );
}
