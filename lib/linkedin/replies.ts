/**
 * When a LinkedIn conversation shows that a contact answered our outreach. Pure: the content script
 * reads the thread (thread.ts) and looks the person up; this decides. The Gmail rule, as
 * conservative (lib/gmail/send.ts `shouldMarkReplied`): a wrong "replied" stops follow-ups someone
 * still needs, a missed one only leaves a reminder the user can dismiss.
 *
 * A reply is marked only when all of these hold:
 * - the conversation's latest message is the contact's own (its sender link is the person the
 *   header names, the contact looked up by that link), and an earlier message in it is ours — the
 *   thread holds our note and their answer after it;
 * - their outreach is open and the answer is news (`shouldMarkReplied`: requested, or a prospect we
 *   wrote to; no reply recorded since our last attempt);
 * - our latest attempt was a request or follow-up on LinkedIn: an answer here can only be placed
 *   after a note sent here (a later e-mail follow-up may be unanswered, and LinkedIn's message times
 *   are display text we do not parse).
 */
import { shouldMarkReplied } from '../gmail/send';
import type { Stage } from '../schemas';

export interface ThreadSender {
  fromProfileUrl: string | null;
  mine: boolean;
}

export interface ReplyCandidate {
  stage: Stage;
  repliedAt: number | null;
  attemptsUsed: number;
  lastAttemptAt: number | null;
  attempts: ReadonlyArray<{ at: number; channel: string; kind: string }>;
}

/** Whether the conversation with `contactUrl`, whose messages are `messages` (in order), marks the contact replied. */
export function isLinkedInReply(messages: readonly ThreadSender[], contactUrl: string, contact: ReplyCandidate): boolean {
  const latest = messages[messages.length - 1];
  if (!latest || latest.mine || latest.fromProfileUrl !== contactUrl) return false;
  if (!messages.slice(0, -1).some((m) => m.mine)) return false;
  if (!shouldMarkReplied(contact)) return false;
  const last = contact.attempts.reduce<ReplyCandidate['attempts'][number] | null>((a, b) => (a === null || b.at >= a.at ? b : a), null);
  return last !== null && last.channel === 'linkedin' && (last.kind === 'request' || last.kind === 'follow-up');
}
