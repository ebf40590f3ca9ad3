/**
 * What a sent Gmail message counts as, decided from what is known at the moment Send is pressed:
 * the recipients, the pipeline contacts among them, and the Warm Intro template inserted in that
 * compose (if any). Pure: no DOM, no messages, so the rules are tested on their own.
 *
 * Rules (each one is a trade-off; the tests name them):
 * - An inserted template decides: its `kind` for the contact it was written for, as long as that
 *   contact is still among the recipients. The user chose it, looking at the etiquette warnings.
 * - Otherwise each pipeline contact in **To** gets the attempt its stage implies (`kindFromStage`
 *   in lib/send.ts). Cc and Bcc never count: copying the referrer ("cc'ing Hannah, who introduced
 *   us") is good practice, and the referrer is often in the pipeline too.
 * - No attempt while a meeting is scheduled (mail then is logistics: times, links, directions), for
 *   contacts you moved on from, or once they answered your outreach (writing back is conversation,
 *   and counting it would burn a 3/6 attempt and trigger "4th attempt" warnings later).
 */
import type { Stage } from '../schemas';
import { kindFromStage, type InsertedTemplate, type PlannedAttempt, type StageFacts } from '../send';

/** One pipeline contact matched by a recipient's address. */
export interface SendContact extends StageFacts {
  id: string;
  emails: readonly string[];
  /** 0: only in your network (not asked for an interview): a plain message to them is no attempt. */
  inPipeline?: 0 | 1;
}

export interface SentMessage {
  to: readonly string[];
  cc: readonly string[];
  bcc: readonly string[];
}

const lower = (list: readonly string[]) => new Set(list.map((e) => e.trim().toLowerCase()).filter(Boolean));

/** The attempts to record for one send: at most one per contact, none when nothing applies. */
export function attemptsForSend(input: {
  message: SentMessage;
  /** Pipeline contacts matched by any recipient's address (order kept in the result). */
  contacts: readonly SendContact[];
  inserted: InsertedTemplate | null;
}): PlannedAttempt[] {
  const { message, contacts, inserted } = input;
  const everyone = lower([...message.to, ...message.cc, ...message.bcc]);
  const to = lower(message.to);
  const addressed = (c: SendContact, set: Set<string>) => c.emails.some((e) => set.has(e.trim().toLowerCase()));

  if (inserted) {
    const target = contacts.find((c) => c.id === inserted.contactId);
    // The template was written for them and they still receive it (To, Cc or Bcc): that is the attempt.
    if (target && addressed(target, everyone)) return [{ contactId: target.id, kind: inserted.kind, reason: 'template', ...(inserted.introductionId ? { introductionId: inserted.introductionId } : {}) }];
    // Otherwise the recipient it was written for was removed: fall back to what the stages say.
  }

  const out: PlannedAttempt[] = [];
  const seen = new Set<string>();
  for (const c of contacts) {
    if (seen.has(c.id) || !addressed(c, to) || c.inPipeline === 0) continue;
    seen.add(c.id);
    const kind = kindFromStage(c);
    if (kind) out.push({ contactId: c.id, kind, reason: 'stage' });
  }
  return out;
}

/**
 * Whether a thread's latest message from a contact should mark them as replied: only while their
 * outreach is open (requested, or a prospect we wrote to), and only when it is news (no reply yet,
 * or the last one is older than our last note).
 */
export function shouldMarkReplied(contact: {
  stage: Stage;
  attemptsUsed: number;
  lastAttemptAt: number | null;
  repliedAt: number | null;
}): boolean {
  const open = contact.stage === 'requested' || (contact.stage === 'prospect' && contact.attemptsUsed > 0);
  if (!open) return false;
  if (contact.repliedAt === null) return true;
  return contact.lastAttemptAt !== null && contact.repliedAt < contact.lastAttemptAt;
}

/** A subject without its reply and forward prefixes (any language's common ones), for comparing. */
export function baseSubject(subject: string): string {
  return subject
    .replace(/^\s*(?:(?:re|fwd?|aw|wg|sv|vs|tr|rv|odp|antw|res|enc)\s*(?:\[\d+\])?\s*:\s*)+/i, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * Whether a thread answers one of our outreach notes: the same Gmail thread, or the same subject
 * once "Re:" and the like are stripped. An old conversation with the same person is not a reply
 * to the request, so it must not stop the follow-ups.
 */
export function isReplyToOutreach(
  attempts: ReadonlyArray<{ kind: string; subject: string | null; gmailThreadId: string | null }>,
  thread: { threadId: string | null; subject: string | null },
): boolean {
  const subject = thread.subject ? baseSubject(thread.subject) : '';
  return attempts.some(
    (a) =>
      (a.kind === 'request' || a.kind === 'follow-up') &&
      ((thread.threadId !== null && a.gmailThreadId === thread.threadId) || (subject !== '' && a.subject !== null && baseSubject(a.subject) === subject)),
  );
}
