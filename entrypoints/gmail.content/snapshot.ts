/**
 * What the compose menu and the send counter read from one compose, at the moment they need it
 * (recipients and subject change while a compose is open, and Gmail removes it right after Send).
 */
import type { ComposeRecipient, ComposeSnapshot, RecipientField } from '../../components/compose/types';
import type { SentMessage } from '../../lib/gmail/send';
import { findComposes, normalizeAddress, parseAddressList, type GmailCompose } from '../../lib/gmail/compose';
import * as S from '../../lib/gmail/selectors';

/** A fresh read of the compose rooted at `element` (also after Gmail detached it). */
export function readComposeAt(element: HTMLElement): GmailCompose | null {
  return findComposes(element).find((c) => c.element === element) ?? null;
}

/** A reply or forward keeps Gmail's subject ("Re: …", "Fwd: …"). */
export function isReply(compose: GmailCompose): boolean {
  return compose.inline || compose.threadId !== null || /^\s*(re|fwd?|aw|wg|tr|sv|vs)\s*:/i.test(compose.subject);
}

/** Display names shown on the compose's chips (and its collapsed summary), by lower-cased address. */
function recipientNames(element: Element): Map<string, string> {
  const names = new Map<string, string>();
  const add = (address: string | null | undefined, name: string | null | undefined) => {
    const email = normalizeAddress(address);
    const clean = (name ?? '').replace(/\s+/g, ' ').trim();
    // The fixture and Gmail put the address itself in `data-name` when the chip has no name.
    if (!email || !clean || clean.includes('@') || names.has(email)) return;
    names.set(email, clean);
  };
  for (const kind of S.RECIPIENT_KINDS) {
    for (const chip of S.queryAll(element, S.recipientChip(kind))) {
      add(chip.getAttribute('data-hovercard-id'), chip.getAttribute('data-name'));
    }
  }
  for (const span of S.queryAll(element, S.recipientSummary)) {
    add(span.getAttribute('email') ?? span.getAttribute('data-hovercard-id'), span.getAttribute('name'));
  }
  // Legacy chips: the hidden input holds `"Name" <address>` (the span's text runs name and address together).
  for (const chip of element.querySelectorAll(S.legacyChip)) {
    const value = chip.querySelector<HTMLInputElement>(S.legacyChipValue)?.value ?? '';
    const named = /^\s*"?((?:[^"\\]|\\.)*?)"?\s*<([^<>]+)>\s*$/.exec(value);
    if (named) add(named[2], named[1]!.replace(/\\(.)/g, '$1'));
  }
  return names;
}

export function snapshotOf(compose: GmailCompose): ComposeSnapshot {
  const names = recipientNames(compose.element);
  const recipients: ComposeRecipient[] = [];
  const seen = new Set<string>();
  for (const field of ['to', 'cc', 'bcc'] as const satisfies readonly RecipientField[]) {
    for (const email of compose[field]) {
      if (seen.has(email)) continue;
      seen.add(email);
      recipients.push({ email, name: names.get(email) ?? null, field });
    }
  }
  return { recipients, subject: compose.subject, isReply: isReply(compose) };
}

/**
 * Addresses typed in a recipient field but not yet turned into a chip: Gmail turns them into
 * recipients when Send is pressed, so the send counter counts them too.
 */
function typedAddresses(element: Element, field: RecipientField): string[] {
  const out: string[] = [];
  for (const box of element.querySelectorAll(`[name=${field}]`)) {
    for (const input of box.querySelectorAll<HTMLInputElement>(S.recipientCombobox)) out.push(...parseAddressList(input.value));
  }
  return out;
}

/** The recipients as Send will send them. */
export function sentMessageOf(compose: GmailCompose): SentMessage {
  const el = compose.element;
  return {
    to: [...compose.to, ...typedAddresses(el, 'to')],
    cc: [...compose.cc, ...typedAddresses(el, 'cc')],
    bcc: [...compose.bcc, ...typedAddresses(el, 'bcc')],
  };
}
