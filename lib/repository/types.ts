/** The shapes the repository takes and answers with (the protocol in lib/messages.ts reuses them). */
import type { ContactStatus } from '../cadence';
import type { AttemptKind, Attempt, Channel, Contact, Introduction, Meeting, NetworkInfo, Referrer, Stage } from '../schemas';

export interface ContactDraft {
  name: string;
  headline?: string | null;
  company?: string | null;
  location?: string | null;
  profileUrl?: string | null;
  /** LinkedIn member id ("ACoAA…"); also read from a `/in/<member id>/` profile URL. */
  memberId?: string | null;
  emails?: string[];
  referrer?: Referrer | null;
  notes?: string;
  tags?: string[];
  stage?: Stage;
  /** Default 1: a person logged is someone you ask for an interview. */
  inPipeline?: 0 | 1;
  network?: Partial<NetworkInfo> | null;
}

export type ContactPatch = Partial<
  Pick<
    Contact,
    | 'name'
    | 'headline'
    | 'company'
    | 'location'
    | 'profileUrl'
    | 'memberId'
    | 'emails'
    | 'referrer'
    | 'notes'
    | 'tags'
    | 'stage'
    | 'repliedAt'
    | 'snoozedUntil'
    | 'keepInTouchDays'
    | 'inPipeline'
  >
> & { network?: Partial<NetworkInfo> | null };

export interface AttemptDraft {
  contactId: string;
  at?: number;
  channel: Channel;
  kind: AttemptKind;
  subject?: string | null;
  gmailThreadId?: string | null;
  gmailDraftId?: string | null;
  /** For kind `intro-request`: the introduction asked for. */
  introductionId?: string | null;
}

export type MeetingPatch = Partial<
  Pick<
    Meeting,
    'scheduledAt' | 'minutes' | 'questions' | 'researchNotes' | 'notes' | 'reflection' | 'askedForReferrals' | 'held'
  >
>;

/** An introduction with the two people's names, as the sidebar and dashboard show it. */
export interface IntroductionView extends Introduction {
  introducerName: string;
  targetName: string;
  targetCompany: string | null;
  /** When the one follow-up is due (null: not due — not asked, already sent, or resolved). */
  followUpDueAt: number | null;
}

/** Everything the UI shows about one person. */
export interface ContactView {
  contact: Contact;
  attempts: Attempt[];
  meetings: Meeting[];
  /** Display name of the referrer, whether a contact or a free-text name. */
  referrerName: string | null;
  /** People this contact referred (the "ask for two" step). */
  referred: Contact[];
  status: ContactStatus;
  /** Introductions to this person (they are the target) and by them (they are the introducer). */
  introductions: IntroductionView[];
}

export interface PipelineSummary {
  /** Pipeline people per stage (network-only people and introduction targets are not counted). */
  counts: Record<Stage, number>;
  total: number;
  dueNow: number;
  /** People in your network (some may also be in the pipeline). */
  network: number;
}

export interface DueItem {
  contact: Contact;
  status: ContactStatus;
}

export interface ImportResult {
  added: number;
  merged: number;
  skipped: number;
  /** A part of a file sent in parts that was already written: these counts are from then, nothing was written now. */
  repeated?: boolean;
}

/** One card on the dashboard board: just what the board shows, filters and sorts by. */
export interface BoardCard {
  id: string;
  name: string;
  headline: string | null;
  company: string | null;
  profileUrl: string | null;
  stage: Stage;
  tags: string[];
  referrerName: string | null;
  next: ContactStatus['next'];
  inNetwork: boolean;
}

/** A person in the referral tree; `asked` is null for people not interviewed yet. */
export interface ReferralNode {
  /** Null for a referrer known only by name (not a contact). */
  id: string | null;
  name: string;
  stage: Stage | null;
  interviewed: boolean;
  /** Interviewed and asked "who else should I talk to?" (null: not interviewed). */
  asked: boolean | null;
  /** Introductions this person made (status introduced); left out when none. */
  introductionsMade?: number;
  children: ReferralNode[];
}

export interface IntroducerStats {
  contactId: string;
  name: string;
  /** Introductions asked of them (sent: asked or later). */
  asked: number;
  /** Of those, how many they made. */
  made: number;
}

export interface Insights {
  /** Pipeline people. */
  contacts: number;
  /** Contacts sent at least one request or follow-up. */
  requested: number;
  /** Of those, how many answered (a reply after the first note, or a meeting). */
  replied: number;
  /** Requests and follow-ups sent in all. */
  outreachAttempts: number;
  /** People met (a held meeting, or a stage that says so). */
  interviewed: number;
  /** Of those, how many were asked for two more names. */
  askedForReferrals: number;
  /** People referred by someone you interviewed. */
  referralsFromInterviews: number;
  /** Introductions asked for (sent) and made, in all and per introducer (most asked first). */
  introductions: { asked: number; made: number; byIntroducer: IntroducerStats[] };
  tree: ReferralNode[];
  /** Tags of the people you met, most common first. */
  themes: Array<{ tag: string; count: number }>;
  /** Words that recur across reflections (in two or more), most common first. */
  reflectionWords: Array<{ word: string; count: number }>;
  /** Latest reflections with a next step. */
  nextSteps: Array<{ contactId: string; name: string; nextStep: string; at: number }>;
}

export type { IntroducerReasonKind, RankedIntroducer as Introducer, Relationship } from '../warm-path';

/** One person in the network view. */
export interface NetworkPerson {
  contactId: string;
  name: string;
  headline: string | null;
  company: string | null;
  position: string | null;
  profileUrl: string | null;
  connectedOn: number | null;
  /** Also in the pipeline, at this stage (null: network only). */
  stage: Stage | null;
}

/** Someone you know at a company (company panel). */
export interface KnownPerson {
  contactId: string;
  name: string;
  headline: string | null;
  profileUrl: string | null;
  /** Pipeline stage, or null when not in the pipeline. */
  stage: Stage | null;
  inNetwork: boolean;
  lastTalkedAt: number | null;
}

export interface CompanyPeople {
  /** Everyone you know there (the list holds at most `limit`, best known first). */
  total: number;
  people: KnownPerson[];
}

/** A badge on a LinkedIn people list: the stage label, "In your network", or the introduction. */
export interface Badge {
  contactId: string;
  label: string;
}
