import type { AttemptKind, TemplateId } from '../../lib/schemas';

export type RecipientField = 'to' | 'cc' | 'bcc';

/** One recipient of a Gmail compose, as the chip shows it. */
export interface ComposeRecipient {
  email: string;
  /** The chip's display name (`data-name`), when it is a name and not the address again. */
  name: string | null;
  field: RecipientField;
}

/** What the menu needs to know about a Gmail compose, read when the menu opens. */
export interface ComposeSnapshot {
  channel?: 'email';
  recipients: ComposeRecipient[];
  subject: string;
  /** A reply or forward: its subject ("Re: …") is never touched. */
  isReply: boolean;
}

/** The person a LinkedIn composer writes to, as its header (or the profile behind the dialog) shows them. */
export interface ProfileRecipient {
  name: string;
  /** Canonical `/in/<slug>/` URL; null when the composer names the person without a link. */
  profileUrl: string | null;
}

/** What the menu needs to know about a LinkedIn message box or invitation note, read when it opens. */
export interface LinkedInSnapshot {
  channel: 'linkedin';
  composer: 'message' | 'invitation';
  /** Null in a group conversation, or a new message with no single person picked. */
  recipient: ProfileRecipient | null;
  /** The limit the page puts on the text (invitation notes: 200 or 300); null for none. */
  maxLength: number | null;
  /** Characters already in the box: they count against `maxLength`. */
  used: number;
}

/** Everything a compose menu can be opened on: a Gmail compose or a LinkedIn composer. */
export type MenuSnapshot = ComposeSnapshot | LinkedInSnapshot;

/**
 * What to write into the compose. `fill-if-empty` is re-checked at insert time, so a subject typed
 * while the menu was open is kept. LinkedIn has no subject: `subject` is empty and the mode `keep`.
 */
export interface InsertPlan {
  contactId: string;
  templateId: TemplateId;
  kind: AttemptKind;
  /** "Ask for an introduction": the introduction the note asks for. */
  introductionId?: string | null;
  subject: string;
  subjectMode: 'fill-if-empty' | 'replace' | 'keep';
  body: string;
}
