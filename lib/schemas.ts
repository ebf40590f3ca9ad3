/**
 * The shape of every record Warm Intro keeps. Types come from these schemas (`z.infer`), so the type
 * and the runtime check cannot drift apart; the repository parses every record before it is written.
 */
import { z } from 'zod';
import { canonicalProfileUrl, profileSlug } from './linkedin/url';
import { recordKeys } from './names';
import { warmFields } from './warm-path';
import { STAGES } from './stages';

// No `new Function` parsers: an extension's CSP forbids eval, and so do store reviews (see
// modules/zod-jitless.ts, which also takes the constructor out of the built zod).
z.config({ jitless: true });

export { STAGE_LABELS, STAGES } from './stages';
export const Stage = z.enum(STAGES);
export type Stage = z.infer<typeof Stage>;

export const CHANNELS = ['email', 'linkedin', 'phone', 'other'] as const;
export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;

/**
 * `intro-request` is a note to an introducer asking them to introduce you to someone: an attempt on
 * the introducer, outside the 3/6 rule and the pipeline stages (lib/cadence.ts).
 */
export const ATTEMPT_KINDS = ['request', 'follow-up', 'thank-you', 'update', 'intro-request'] as const;
export const AttemptKind = z.enum(ATTEMPT_KINDS);
export type AttemptKind = z.infer<typeof AttemptKind>;

export const Id = z.string().min(1).max(64);
/** Epoch milliseconds; every date in the database is one of these (time zones only at display). */
export const Time = z.number().int().min(0).max(8.64e15);

/** Trimmed single-line text with a length cap; page text and imports both pass through here. */
const line = (max: number) =>
  z
    .string()
    .max(max * 4)
    .transform((s) => s.replace(/\s+/g, ' ').trim())
    .pipe(z.string().max(max));
const optionalLine = (max: number) =>
  z
    .union([line(max), z.null()])
    .optional()
    .transform((v) => (v ? v : null));

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'not an e-mail address' }).max(254));

export const ProfileUrl = z
  .string()
  .max(2048)
  .transform((url, ctx) => {
    const canonical = canonicalProfileUrl(url);
    if (!canonical) {
      ctx.addIssue({ code: 'custom', message: 'not a LinkedIn profile URL (https://www.linkedin.com/in/…)' });
      return z.NEVER;
    }
    return canonical;
  });

/** Who referred a contact: another contact, or just a name when the referrer is not in the pipeline. */
export const Referrer = z.discriminatedUnion('type', [
  z.object({ type: z.literal('contact'), contactId: Id }),
  z.object({ type: z.literal('name'), name: line(200).pipe(z.string().min(1)) }),
]);
export type Referrer = z.infer<typeof Referrer>;

const uniqueLower = (list: string[]) => [...new Set(list)];

/** A LinkedIn member id ("ACoAAB…"): the stable id behind `/in/<member id>/` links. Case matters. */
export const MEMBER_ID_PATTERN = /^AC[A-Za-z0-9_-]{20,}$/;
export const MemberId = z.string().trim().max(100).regex(MEMBER_ID_PATTERN, 'not a LinkedIn member id (ACoA…)');

/** The member id a profile URL holds when it is of the `/in/<member id>/` form, else null. */
export function memberIdOf(profileUrl: string | null | undefined): string | null {
  const slug = profileUrl ? profileSlug(profileUrl) : null;
  return slug && MEMBER_ID_PATTERN.test(slug) ? slug : null;
}

export const NETWORK_SOURCES = ['linkedin-export', 'csv', 'manual', 'moved'] as const;
/** You know this person (a LinkedIn connection, say): someone who may introduce you. */
export const NetworkInfo = z.object({
  connectedOn: Time.nullable().default(null),
  position: optionalLine(300),
  source: z.enum(NETWORK_SOURCES),
});
export type NetworkInfo = z.infer<typeof NetworkInfo>;

const Flag = z.union([z.literal(0), z.literal(1)]);

/**
 * One person, one record: everyone you have a record of — pipeline people (you ask them for an
 * interview, `inPipeline` 1), your network (you know them, `network` set), introduction targets
 * (neither, until introduced) — or several at once. IndexedDB cannot index booleans, hence 0/1.
 * The derived fields (`inNetwork`, `nameKey`, `companyKey`, `words`, `warmth`, `warmOrder`, a member id read from an
 * `/in/<member id>/` URL) are computed here, so every write through the schema keeps them right.
 */
export const Contact = z
  .object({
    id: Id,
    name: line(200).pipe(z.string().min(1, 'a contact needs a name')),
    headline: optionalLine(500),
    company: optionalLine(200),
    location: optionalLine(200),
    profileUrl: ProfileUrl.nullable().optional().transform((v) => v ?? null),
    /** LinkedIn member id; unique when set, like the profile URL. */
    memberId: MemberId.nullable().optional().transform((v) => v ?? null),
    emails: z.array(Email).max(20).default([]).transform(uniqueLower),
    referrer: Referrer.nullable().default(null),
    /** 1: you are asking them for an interview (the board, popup and pipeline figures count these). */
    inPipeline: Flag.default(1),
    /** Meaningful while `inPipeline` is 1. */
    stage: Stage.default('prospect'),
    network: NetworkInfo.nullable().default(null),
    tags: z
      .array(line(60).pipe(z.string().min(1)))
      .max(50)
      .default([])
      .transform(uniqueLower),
    notes: z.string().max(20_000).default(''),
    /** Last time the contact replied; a reply stops follow-ups. */
    repliedAt: Time.nullable().default(null),
    /** Reminders for this contact wait until then. */
    snoozedUntil: Time.nullable().default(null),
    /** Per-contact keep-in-touch interval in days (null: the setting). */
    keepInTouchDays: z.number().int().min(1).max(3650).nullable().default(null),
    /** Derived, kept by the repository: when this contact's next action falls due (lib/due-index.ts). */
    nextDueAt: Time.nullable().default(null),
    /**
     * Derived, kept by the repository in every write that changes a contact's attempts or meetings
     * (lib/repository/index.ts): the latest attempt or held meeting, and whether a meeting was
     * held — so the warm path ranks people from their records, without reading histories.
     */
    talkedAt: Time.nullable().default(null),
    heldMeeting: Flag.default(0),
    createdAt: Time,
    updatedAt: Time,
    // Derived (recomputed below from the fields above; whatever is passed in is ignored).
    inNetwork: Flag.optional(),
    nameKey: z.string().optional(),
    companyKey: z.string().nullable().optional(),
    words: z.array(z.string()).optional(),
    warmth: z.number().optional(),
    warmOrder: z.number().optional(),
  })
  .transform((c) => ({
    ...c,
    memberId: c.memberId ?? memberIdOf(c.profileUrl),
    inNetwork: (c.network ? 1 : 0) as 0 | 1,
    ...recordKeys(c.name, c.company),
    ...warmFields(c),
  }));
export type Contact = z.infer<typeof Contact>;
export type ContactInput = z.input<typeof Contact>;

export const Attempt = z.object({
  id: Id,
  contactId: Id,
  at: Time,
  channel: Channel,
  kind: AttemptKind,
  subject: optionalLine(500),
  gmailThreadId: optionalLine(200),
  gmailDraftId: optionalLine(200),
  /** For `intro-request` attempts: the introduction asked for. */
  introductionId: Id.nullable().optional().transform((v) => v ?? null),
  createdAt: Time,
});
export type Attempt = z.infer<typeof Attempt>;

export const MEETING_MINUTES = [15, 20, 30, 45, 60] as const;

export const Reflection = z.object({
  fit: z.string().max(10_000).default(''),
  perceptions: z.string().max(10_000).default(''),
  training: z.string().max(10_000).default(''),
  nextStep: z.string().max(10_000).default(''),
});
export type Reflection = z.infer<typeof Reflection>;

export const Meeting = z.object({
  id: Id,
  contactId: Id,
  scheduledAt: Time,
  minutes: z.number().int().min(5).max(240).default(20),
  questions: z.array(z.string().trim().min(1).max(1000)).max(50).default([]),
  researchNotes: z.string().max(20_000).default(''),
  notes: z.string().max(50_000).default(''),
  reflection: Reflection.default({ fit: '', perceptions: '', training: '', nextStep: '' }),
  /** "Could you suggest two more people I should talk to?" — asked at the meeting. */
  askedForReferrals: z.boolean().default(false),
  held: z.boolean().default(false),
  createdAt: Time,
  updatedAt: Time,
});
export type Meeting = z.infer<typeof Meeting>;

export const Referral = z.object({
  id: Id,
  fromContactId: Id,
  toContactId: Id,
  /** The interviewee said their name may be used when reaching out. */
  mayUseName: z.boolean().default(true),
  createdAt: Time,
});
export type Referral = z.infer<typeof Referral>;

export const INTRODUCTION_STATUSES = ['suggested', 'asked', 'introduced', 'declined', 'no-answer'] as const;
export const IntroductionStatus = z.enum(INTRODUCTION_STATUSES);
export type IntroductionStatus = z.infer<typeof IntroductionStatus>;

/**
 * A warm introduction: `introducerId` (someone you know) introduces you to `targetId`. Suggested
 * (a possible introducer, saved from a page), asked (the request was sent), then introduced,
 * declined or no answer. One record per introducer and target.
 */
export const Introduction = z.object({
  id: Id,
  introducerId: Id,
  targetId: Id,
  /** Why you want to meet the target, in your words (goes into the request). */
  why: z.string().max(2000).default(''),
  status: IntroductionStatus.default('suggested'),
  askedAt: Time.nullable().default(null),
  /** When the one follow-up falls due, if not `askedAt` + `introFollowUpDays` (a snooze). */
  followUpAt: Time.nullable().default(null),
  /** The follow-up was sent: nothing more is due. */
  followedUpAt: Time.nullable().default(null),
  resolvedAt: Time.nullable().default(null),
  createdAt: Time,
  updatedAt: Time,
});
export type Introduction = z.infer<typeof Introduction>;

export const TEMPLATE_IDS = ['request', 'follow-up', 'thank-you', 'update', 'connect-note', 'intro-request'] as const;
export const TemplateId = z.enum(TEMPLATE_IDS);
export type TemplateId = z.infer<typeof TemplateId>;

export const Template = z.object({
  id: TemplateId,
  name: line(100).pipe(z.string().min(1)),
  /** The attempt a send of this template counts as. */
  kind: AttemptKind,
  subject: z.string().max(500),
  body: z.string().min(1).max(20_000),
  /** Short form for LinkedIn invitation notes (200 characters on free accounts). */
  short: z.string().max(300),
  updatedAt: Time,
});
export type Template = z.infer<typeof Template>;

export const NOTIFICATION_STYLES = ['each', 'digest', 'off'] as const;

const SETTINGS_FIELDS = {
  userName: z.string().trim().max(200),
  fieldOfInterest: z.string().trim().max(200),
  maxAttempts: z.number().int().min(1).max(10),
  followUpDays: z.number().int().min(1).max(90),
  windowDays: z.number().int().min(1).max(365),
  thankYouHours: z.number().int().min(1).max(24 * 14),
  keepInTouchDays: z.number().int().min(1).max(3650),
  meetingMinutes: z.number().int().min(5).max(240),
  notificationStyle: z.enum(NOTIFICATION_STYLES),
  introFollowUpDays: z.number().int().min(1).max(90),
};
const F = SETTINGS_FIELDS;
export const Settings = z.object({
  userName: F.userName.default(''),
  fieldOfInterest: F.fieldOfInterest.default(''),
  maxAttempts: F.maxAttempts.default(3),
  followUpDays: F.followUpDays.default(14),
  windowDays: F.windowDays.default(42),
  thankYouHours: F.thankYouHours.default(48),
  keepInTouchDays: F.keepInTouchDays.default(60),
  meetingMinutes: F.meetingMinutes.default(20),
  notificationStyle: F.notificationStyle.default('each'),
  /** One gentle follow-up on an introduction request, this many days after asking. */
  introFollowUpDays: F.introFollowUpDays.default(7),
});
/** Some settings to change. Not `Settings.partial()`: its defaults would reset every setting left out. */
export const SettingsPatch = z.object(SETTINGS_FIELDS).partial();
export type Settings = z.infer<typeof Settings>;
export const DEFAULT_SETTINGS: Settings = Settings.parse({});
/** The settings templates and etiquette warnings use: what a compose menu on a page may read. */
export const COMPOSE_SETTINGS = ['userName', 'fieldOfInterest', 'meetingMinutes', 'maxAttempts', 'followUpDays', 'windowDays', 'thankYouHours', 'keepInTouchDays'] as const;
export type ComposeSettings = Pick<Settings, (typeof COMPOSE_SETTINGS)[number]>;

/** A reminder already shown, so a restarted worker never repeats it. */
export const Notice = z.object({
  /** `<contactId>:<action>:<dueAt>` — one per due action. */
  id: z.string().min(1).max(200),
  contactId: Id,
  action: z.string().max(40),
  dueAt: Time,
  shownAt: Time,
});
export type Notice = z.infer<typeof Notice>;

/** A full backup: every table, as exported and restored by the dashboard. */
export const BACKUP_FORMAT = 'warm-intro-backup';
const BACKUP_TABLES = {
  format: z.literal(BACKUP_FORMAT),
  exportedAt: Time,
  contacts: z.array(Contact),
  attempts: z.array(Attempt),
  meetings: z.array(Meeting),
  referrals: z.array(Referral),
  templates: z.array(Template),
  settings: Settings,
  notices: z.array(Notice).default([]),
};
/** Version 2 adds the network (on contacts) and introductions; version 1 backups still restore. */
export const Backup = z.discriminatedUnion('version', [
  z.object({ ...BACKUP_TABLES, version: z.literal(2), introductions: z.array(Introduction).default([]) }),
  z.object({ ...BACKUP_TABLES, version: z.literal(1) }).transform((b) => ({ ...b, version: 2 as const, introductions: [] as Introduction[] })),
]);
export type Backup = z.infer<typeof Backup>;
