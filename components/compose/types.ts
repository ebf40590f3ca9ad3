import type { AttemptKind, TemplateId } from '../../lib/schemas';

export type RecipientField = 'to' | 'cc' | 'bcc';

/** One recipient of the compose, as the chip shows it. */
export interface ComposeRecipient {
  email: string;
  /** The chip's display name (`data-name`), when it is a name and not the address again. */
  name: string | null;
  field: RecipientField;
}

/** What the menu needs to know about its compose, read when the menu opens. */
export interface ComposeSnapshot {
  recipients: ComposeRecipient[];
  subject: string;
  /** A reply or forward: its subject ("Re: …") is never touched. */
  isReply: boolean;
}

/**
 * What to write into the compose. `fill-if-empty` is re-checked at insert time, so a subject typed
 * while the menu was open is kept.
 */
export interface InsertPlan {
  contactId: string;
  templateId: TemplateId;
  kind: AttemptKind;
  subject: string;
  subjectMode: 'fill-if-empty' | 'replace' | 'keep';
  body: string;
}
