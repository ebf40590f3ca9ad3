/**
 * The one message protocol between content scripts / extension pages and the background worker,
 * which owns the database. Requests are `{ type, payload }`; the background checks every request
 * against `Request` below and answers `{ ok: true, data }` or `{ ok: false, error: { code, message } }`.
 * Request types come from the zod schemas, so the compile-time type and the runtime check agree.
 *
 * Content scripts import only types from here (see lib/client.ts), so zod stays out of their bundles.
 */
import { z } from 'zod';
import { checkImportRows, type ImportRow } from './import-payload';
import { PAGE_SEARCH } from './page-scope';
import type { ContactStatus } from './cadence';
import type {
  Badge,
  BoardCard,
  CompanyPeople,
  ContactView,
  DueItem,
  ErrorCode,
  ImportResult,
  Insights,
  IntroductionView,
  Introducer,
  KnownPerson,
  NetworkPerson,
  PipelineSummary,
  ReferralNode,
} from './repository';
import {
  AttemptKind,
  Channel,
  Email,
  IntroductionStatus,
  MEETING_MINUTES,
  NETWORK_SOURCES,
  SettingsPatch,
  Stage,
  TemplateId,
  type Attempt,
  type Introduction,
  type Backup,
  type ComposeSettings,
  type Contact,
  type Meeting,
  type Referral,
  type Settings,
  type Template,
} from './schemas';

const Id = z.string().min(1).max(64);
/** The most contacts one `contacts.import` request may carry (one transaction). */
const MAX_REQUEST_ROWS = 100_000;
const Time = z.number().int().min(0).max(8.64e15);
const Text = (max: number) => z.string().max(max);
const NullableText = (max: number) => z.string().max(max).nullable().optional();

const ReferrerInput = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('contact'), contactId: Id }),
    z.object({ type: z.literal('name'), name: Text(200).min(1) }),
  ])
  .nullable()
  .optional();

const Flag = z.union([z.literal(0), z.literal(1)]);
/** Checked as a member id by the repository (lib/schemas.ts `MemberId`). */
const MemberIdInput = NullableText(200);

const NetworkInput = z.object({
  connectedOn: Time.nullable().optional(),
  position: NullableText(600),
  source: z.enum(NETWORK_SOURCES).optional(),
});

const ContactDraft = z.object({
  name: Text(400).min(1),
  headline: NullableText(1000),
  company: NullableText(400),
  location: NullableText(400),
  profileUrl: NullableText(2048),
  memberId: MemberIdInput,
  emails: z.array(Text(320)).max(20).optional(),
  referrer: ReferrerInput,
  notes: Text(20_000).optional(),
  tags: z.array(Text(120)).max(50).optional(),
  stage: Stage.optional(),
});

/** An imported row: a contact draft and, for a connections export, how you know them. */
export const ImportDraft = ContactDraft.extend({ network: NetworkInput.nullable().optional() });

/** One import request's rows, checked by hand (lib/import-payload.ts): the same rules as `ImportDraft`, ~9× faster than jitless zod. */
const ImportRows = z.custom<ImportRow[]>().transform((value, ctx) => {
  const checked = checkImportRows(value, MAX_REQUEST_ROWS);
  if (checked.ok) return checked.rows;
  ctx.addIssue({ code: 'custom', message: checked.message, path: checked.path });
  return z.NEVER;
});

const ContactPatch = ContactDraft.partial().extend({
  inPipeline: Flag.optional(),
  network: NetworkInput.nullable().optional(),
  repliedAt: Time.nullable().optional(),
  snoozedUntil: Time.nullable().optional(),
  keepInTouchDays: z.number().int().min(1).max(3650).nullable().optional(),
});

const MeetingPatch = z.object({
  scheduledAt: Time.optional(),
  minutes: z.number().int().min(5).max(240).optional(),
  questions: z.array(Text(1000)).max(50).optional(),
  researchNotes: Text(20_000).optional(),
  notes: Text(50_000).optional(),
  // Not Reflection.partial(): its defaults would fill every answer left out with '' and erase it.
  reflection: z
    .object({ fit: Text(10_000), perceptions: Text(10_000), training: Text(10_000), nextStep: Text(10_000) })
    .partial()
    .optional(),
  askedForReferrals: z.boolean().optional(),
  held: z.boolean().optional(),
});

const Lookup = z
  .object({ id: Id.optional(), profileUrl: Text(2048).optional(), memberId: Text(200).optional(), email: Text(320).optional() })
  .refine((v) => v.id || v.profileUrl || v.memberId || v.email, 'give an id, a profileUrl, a memberId or an email');

/** A person as a LinkedIn page shows them: profile URL and/or member id, and a name. */
const PagePerson = z.object({
  name: Text(400).min(1),
  profileUrl: NullableText(2048),
  memberId: MemberIdInput,
  company: NullableText(400),
  headline: NullableText(1000),
});

const Empty = z.object({}).optional();

/** What a page search answers per person: enough to pick them, nothing more. */
export interface PersonMatch {
  id: string;
  name: string;
  company: string | null;
}

/**
 * Who may send a request (checked by lib/server.ts against lib/senders.ts, before the payload is
 * read): `page` — the LinkedIn and Gmail content scripts, and the extension's own pages too. A
 * compromised LinkedIn or Gmail renderer can speak for a content script, so these requests are
 * about one person at a time, or bounded and rate-limited (the page search). `extension` — only the
 * extension's own pages (popup, dashboard): everything that lists, exports, imports, restores,
 * clears, deletes, or changes settings and templates. See README, "Privacy".
 */
export type Sender = 'page' | 'extension';
const forPages = <S extends z.ZodType>(schema: S) => ({ schema, from: 'page' as const });
const forExtension = <S extends z.ZodType>(schema: S) => ({ schema, from: 'extension' as const });

/** Every request the background answers, by type, with who may send it. */
export const REQUESTS = {
  'contact.lookup': forPages(Lookup),
  'contact.matchEmails': forPages(z.object({ emails: z.array(Text(320)).max(100) })),
  'contact.search': forExtension(z.object({ query: Text(200), limit: z.number().int().min(1).max(50).optional() })),
  'contact.find': forPages(z.object({ query: Text(200).refine((q) => q.trim().length >= PAGE_SEARCH.minChars, `type at least ${PAGE_SEARCH.minChars} letters`) })),
  'contact.list': forExtension(Empty),
  'contact.log': forPages(ContactDraft),
  'contact.update': forExtension(z.object({ id: Id, patch: ContactPatch })),
  'contact.notes': forPages(z.object({ contactId: Id, notes: Text(20_000) })),
  'contact.addEmail': forPages(z.object({ contactId: Id, email: Email })),
  'contact.delete': forExtension(z.object({ id: Id })),
  'contact.replied': forPages(z.object({ contactId: Id, at: Time.optional() })),
  'contact.stage': forPages(z.object({ contactId: Id, stage: Stage })),
  'contact.snooze': forExtension(z.object({ contactId: Id, until: Time.nullable() })),
  'contact.interviewed': forPages(z.object({ contactId: Id, meetingId: Id.optional() })),
  'attempt.record': forPages(z.object({
    contactId: Id,
    at: Time.optional(),
    channel: Channel,
    kind: AttemptKind,
    subject: NullableText(1000),
    gmailThreadId: NullableText(200),
    gmailDraftId: NullableText(200),
    /** Required for kind `intro-request`: the introduction asked for (marks it asked). */
    introductionId: Id.nullable().optional(),
  })),
  'attempt.delete': forExtension(z.object({ id: Id })),
  'meeting.schedule': forPages(z.object({
    contactId: Id,
    scheduledAt: Time,
    minutes: z.number().int().min(5).max(240).optional(),
  })),
  'meeting.update': forExtension(z.object({ id: Id, patch: MeetingPatch })),
  'meeting.delete': forExtension(z.object({ id: Id })),
  'referral.add': forPages(z.object({
    fromContactId: Id,
    contact: z.union([z.object({ id: Id }), ContactDraft]),
    mayUseName: z.boolean().optional(),
  })),
  'pipeline.summary': forExtension(Empty),
  'due.list': forExtension(Empty),
  'settings.get': forExtension(Empty),
  'settings.compose': forPages(Empty),
  'settings.open': forPages(Empty),
  'settings.save': forExtension(SettingsPatch),
  'templates.list': forPages(Empty),
  'template.save': forExtension(z.object({
    id: TemplateId,
    name: Text(100).min(1),
    kind: AttemptKind,
    subject: Text(500),
    body: Text(20_000).min(1),
    short: Text(300),
  })),
  'template.reset': forExtension(z.object({ id: TemplateId })),
  'backup.export': forExtension(Empty),
  'backup.restore': forExtension(z.object({ backup: z.unknown() })),
  'data.clear': forExtension(Empty),
  'contacts.import': forExtension(z.object({
    contacts: ImportRows,
    duplicates: z.enum(['merge', 'skip']),
    /**
     * `network`: people you know (never pipeline cards; pipeline people found get `network` set) —
     * what LinkedIn's connections export is. Left out: `pipeline` (cards), as before.
     */
    target: z.enum(['network', 'pipeline']).optional(),
    /**
     * One part of a file sent in parts (the dashboard sends 2,000 rows at a time): each part is its
     * own transaction, recorded under `importId` with its result, so a part sent again — after the
     * worker stopped before answering, or when the same file is chosen again after the tab was
     * closed mid-import — is answered from that record and never written twice.
     */
    part: z.object({ importId: Text(100).min(1), index: z.number().int().min(0).max(10_000), count: z.number().int().min(1).max(10_000) })
      .refine((p) => p.index < p.count, 'part index past the last part')
      .optional(),
  })),
  'contact.merge': forExtension(z.object({ keepId: Id, dropId: Id })),
  'network.list': forExtension(z.object({
    query: Text(200).optional(),
    offset: z.number().int().min(0).optional(),
    limit: z.number().int().min(1).max(500).optional(),
  })),
  'network.toPipeline': forPages(z.object({ contactId: Id })),
  'network.moveCandidates': forExtension(Empty),
  'network.moveProspects': forExtension(Empty),
  'network.undoMove': forExtension(z.object({ token: Text(100).min(1) })),
  'network.dismissMove': forExtension(Empty),
  'introducers.forProfile': forPages(z.object({
    profileUrl: Text(2048).nullable().optional(),
    memberId: Text(200).nullable().optional(),
    /** The person's name, to match them when they have no record yet (never listed as their own introducer). */
    name: Text(400).nullable().optional(),
    company: Text(400).nullable().optional(),
    mutualNames: z.array(Text(400)).max(50).default([]),
    mutualProfileUrls: z.array(Text(2048)).max(50).optional(),
    limit: z.number().int().min(1).max(20).optional(),
  })),
  'company.people': forPages(z.object({ company: Text(400).min(1), limit: z.number().int().min(1).max(50).optional() })),
  'badges.forProfiles': forPages(z.object({ profileUrls: z.array(Text(2048)).max(100) })),
  'introducer.save': forPages(z.object({
    target: PagePerson,
    introducer: PagePerson.pick({ name: true, profileUrl: true, memberId: true }),
    why: Text(2000).optional(),
  })),
  'intro.ask': forPages(z.object({
    introducerId: Id,
    target: z.union([z.object({ id: Id }), ContactDraft]),
    why: Text(2000).optional(),
  })),
  'intro.setStatus': forPages(z.object({ id: Id, status: IntroductionStatus, at: Time.optional() })),
  'intro.followedUp': forPages(z.object({ introducerId: Id, introductionId: Id.optional(), at: Time.optional() })),
  'intro.list': forExtension(z.object({ targetId: Id.optional(), introducerId: Id.optional() })),
  'reminders.check': forExtension(Empty),
  'due.page': forExtension(z.object({ offset: z.number().int().min(0), limit: z.number().int().min(1).max(500) })),
  'board.cards': forExtension(Empty),
  'insights.get': forExtension(Empty),
} as const;

export type RequestType = keyof typeof REQUESTS;
export type RequestPayload<T extends RequestType> = z.input<(typeof REQUESTS)[T]['schema']>;

/** What each request answers with. */
export interface Responses {
  'contact.lookup': ContactView | null;
  'contact.matchEmails': ContactView[];
  'contact.search': Contact[];
  'contact.find': PersonMatch[];
  'contact.list': Contact[];
  'contact.log': { contact: Contact; created: boolean };
  'contact.update': Contact;
  'contact.notes': Contact;
  'contact.addEmail': Contact;
  'contact.delete': null;
  'contact.replied': Contact;
  'contact.stage': Contact;
  'contact.snooze': Contact;
  'contact.interviewed': Contact;
  'attempt.record': { attempt: Attempt; contact: Contact; duplicate: boolean };
  'attempt.delete': null;
  'meeting.schedule': Meeting;
  'meeting.update': Meeting;
  'meeting.delete': null;
  'referral.add': { referral: Referral; contact: Contact };
  'pipeline.summary': PipelineSummary;
  'due.list': DueItem[];
  'settings.get': Settings;
  'settings.compose': ComposeSettings;
  'settings.open': null;
  'settings.save': Settings;
  'templates.list': Template[];
  'template.save': Template;
  'template.reset': Template;
  'backup.export': Backup;
  'backup.restore': { contacts: number };
  'data.clear': null;
  'contacts.import': ImportResult;
  'contact.merge': Contact;
  'network.list': { items: NetworkPerson[]; total: number };
  'network.toPipeline': Contact;
  'network.moveCandidates': { count: number; answered: boolean };
  'network.moveProspects': { moved: number; token: string | null };
  'network.undoMove': { restored: number };
  'network.dismissMove': null;
  'introducers.forProfile': Introducer[];
  'company.people': CompanyPeople;
  'badges.forProfiles': Record<string, Badge>;
  'introducer.save': { introduction: Introduction; introducer: Contact; target: Contact };
  'intro.ask': { introduction: Introduction; target: Contact };
  'intro.setStatus': IntroductionView;
  'intro.followedUp': Introduction | null;
  'intro.list': IntroductionView[];
  'reminders.check': { due: number };
  'due.page': { items: DueItem[]; total: number };
  'board.cards': BoardCard[];
  'insights.get': Insights;
}

export type Reply<T> = { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string } };

export interface Message<T extends RequestType = RequestType> {
  type: T;
  payload?: RequestPayload<T>;
}

const Envelope = z.object({ type: z.string().max(100), payload: z.unknown().optional() });

type Refusal = { ok: false; error: { code: ErrorCode; message: string } };

/** The envelope only: a known request type, before anything in the payload is read. */
export function parseType(raw: unknown): { ok: true; type: RequestType; payload: unknown } | Refusal {
  const envelope = Envelope.safeParse(raw);
  if (!envelope.success) {
    return { ok: false, error: { code: 'bad-request', message: 'A message must be an object with a string "type".' } };
  }
  const { type, payload } = envelope.data;
  if (!Object.hasOwn(REQUESTS, type)) {
    return { ok: false, error: { code: 'unknown-type', message: `Unknown message type "${type}".` } };
  }
  return { ok: true, type: type as RequestType, payload };
}

/** Check a payload against its request type's schema, or explain what is wrong. */
export function parsePayload(type: RequestType, payload: unknown): { ok: true; payload: unknown } | Refusal {
  const parsed = REQUESTS[type].schema.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.map(String).join('.')}` : '';
    return {
      ok: false,
      error: { code: 'bad-request', message: `Invalid "${type}" payload${where}: ${issue?.message ?? 'bad value'}` },
    };
  }
  return { ok: true, payload: parsed.data };
}

/** Check an incoming message: a known type with a valid payload, or a reply explaining what is wrong. */
export function parseMessage(raw: unknown): { ok: true; type: RequestType; payload: unknown } | Refusal {
  const msg = parseType(raw);
  if (!msg.ok) return msg;
  const parsed = parsePayload(msg.type, msg.payload);
  return parsed.ok ? { ok: true, type: msg.type, payload: parsed.payload } : parsed;
}

export type {
  Badge,
  BoardCard,
  CompanyPeople,
  ComposeSettings,
  ContactStatus,
  ContactView,
  DueItem,
  Insights,
  IntroductionView,
  Introducer,
  KnownPerson,
  NetworkPerson,
  PipelineSummary,
  ReferralNode,
};
export { MEETING_MINUTES };
