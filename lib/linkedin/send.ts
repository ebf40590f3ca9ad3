/**
 * What a sent LinkedIn message or invitation note counts as. Pure: the content script reads the
 * composer at the moment of sending and looks the recipient up; this decides.
 *
 * Rules (the Gmail ones, lib/gmail/send.ts, for a conversation with one person):
 * - Nothing was sent if the text is empty: an invitation without a note asks for nothing.
 * - An inserted template decides (its `kind`: `connect-note` is a thank-you) as long as the
 *   composer still addresses the person it was written for — a new-message popup's recipient can
 *   be changed after inserting. (The caller keeps one template per composer, so "no single
 *   recipient" at both moments is the same group conversation, whose contact the user picked.)
 * - Otherwise the contact matched by the recipient's profile URL gets the attempt its stage implies
 *   (`kindFromStage`, lib/send.ts); none while a meeting is scheduled, after moving on, or once
 *   they answered.
 * - A template counts once: the composer stays open after a LinkedIn send, and the next message in
 *   the same thread is a plain one (the caller forgets the template after each send).
 */
import { kindFromStage, type InsertedTemplate, type PlannedAttempt, type StageFacts } from '../send';

export interface ComposerPerson {
  name: string;
  profileUrl: string | null;
}

/** A template inserted into a LinkedIn composer, with the person the composer showed then. */
export interface LinkedInInserted extends InsertedTemplate {
  recipient: string | null;
}

/** How a composer's recipient is compared between insert and send: profile URL, else name. */
export function recipientKey(person: ComposerPerson | null): string | null {
  if (!person) return null;
  if (person.profileUrl) return person.profileUrl;
  const name = person.name.replace(/\s+/g, ' ').trim().toLocaleLowerCase();
  return name ? `name:${name}` : null;
}

export function attemptForLinkedInSend(input: {
  /** The message or note as the page holds it when Send is pressed. */
  text: string;
  recipient: ComposerPerson | null;
  inserted: LinkedInInserted | null;
  /** The pipeline contact whose profile URL is the recipient's, if any. */
  matched: (StageFacts & { id: string }) | null;
}): PlannedAttempt | null {
  const { text, recipient, inserted, matched } = input;
  if (!text.trim()) return null;
  const key = recipientKey(recipient);
  // Same key, including none at all: the same group conversation, for which the user picked the contact.
  if (inserted && inserted.recipient === key) {
    return { contactId: inserted.contactId, kind: inserted.kind, reason: 'template', ...(inserted.introductionId ? { introductionId: inserted.introductionId } : {}) };
  }
  if (!matched) return null;
  const kind = kindFromStage(matched);
  return kind ? { contactId: matched.id, kind, reason: 'stage' } : null;
}
