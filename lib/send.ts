/**
 * What a sent message counts as, whatever carried it (Gmail, a LinkedIn message or invitation
 * note). Pure: no DOM, no messages. The channel-specific rules that pick the contacts live beside
 * their pages (lib/gmail/send.ts, lib/linkedin/send.ts); the stage rule they share is here.
 */
import type { AttemptKind, Stage } from './schemas';

/** The facts about one pipeline contact that the stage rule needs (a ContactView has them all). */
export interface StageFacts {
  stage: Stage;
  /** Outreach notes (request and follow-up) already sent: `ContactStatus.attemptsUsed`. */
  attemptsUsed: number;
  /** `ContactStatus.firstAttemptAt`. */
  firstAttemptAt: number | null;
  repliedAt: number | null;
}

/** A Warm Intro template inserted into a compose: who it was rendered for and what it counts as. */
export interface InsertedTemplate {
  contactId: string;
  kind: AttemptKind;
  /** An "Ask for an introduction" note: the introduction it asks for (its send marks it asked). */
  introductionId?: string | null;
}

export interface PlannedAttempt {
  contactId: string;
  kind: AttemptKind;
  /** For `intro-request`: the introduction asked for. */
  introductionId?: string | null;
  /** Why: shown in logs and tests. */
  reason: 'template' | 'stage';
}

/**
 * The attempt a plain message (no template) to a contact in `stage` counts as, or null for none.
 * prospect / requested: `request` for the first note, `follow-up` after that — unless they already
 * replied to our outreach; scheduled: none (messages then are logistics); interviewed: `thank-you`;
 * thanked / keeping-in-touch: `update`; moved-on: none.
 */
export function kindFromStage(contact: StageFacts): AttemptKind | null {
  switch (contact.stage) {
    case 'prospect':
    case 'requested': {
      // Same test as the cadence: a reply at or after our first note answers it.
      const answered =
        contact.repliedAt !== null && contact.firstAttemptAt !== null && contact.repliedAt >= contact.firstAttemptAt;
      if (answered) return null;
      return contact.attemptsUsed > 0 ? 'follow-up' : 'request';
    }
    case 'scheduled':
      return null;
    case 'interviewed':
      return 'thank-you';
    case 'thanked':
    case 'keeping-in-touch':
      return 'update';
    case 'moved-on':
      return null;
  }
}
