/**
 * The only code that writes to the database. Every record is parsed with its zod schema before it
 * is stored, and every multi-record change runs in one transaction, so a worker killed mid-write
 * leaves the old state or the new one, never half of each.
 */
import Dexie from 'dexie';
import { contactStatus, dueActions, stageAfterAttempt, type ContactStatus } from './cadence';
import { dueIndexChanges, groupByContact } from './due-index';
import type { WarmIntroDB } from './db';
import {
  Attempt,
  Backup,
  BACKUP_FORMAT,
  Contact,
  DEFAULT_SETTINGS,
  Meeting,
  Notice,
  Referral,
  Settings,
  STAGES,
  Template,
  type AttemptKind,
  type Channel,
  type Referrer,
  type Stage,
  type TemplateId,
} from './schemas';
import { DEFAULT_TEMPLATES } from './templates';

export type ErrorCode =
  | 'bad-request'
  | 'not-found'
  | 'conflict'
  | 'unknown-type'
  | 'internal'
  | 'storage'
  /** The sender may not make this request (a page script asking for what only extension pages may). */
  | 'forbidden'
  /** One tab asked too often (the page search); try again in a moment. */
  | 'rate-limited';

/** An error the caller can show: a code to branch on and a sentence for people. */
export class RepoError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RepoError';
  }
}

export interface ContactDraft {
  name: string;
  headline?: string | null;
  company?: string | null;
  location?: string | null;
  profileUrl?: string | null;
  emails?: string[];
  referrer?: Referrer | null;
  notes?: string;
  tags?: string[];
  stage?: Stage;
}

export type ContactPatch = Partial<
  Pick<
    Contact,
    | 'name'
    | 'headline'
    | 'company'
    | 'location'
    | 'profileUrl'
    | 'emails'
    | 'referrer'
    | 'notes'
    | 'tags'
    | 'stage'
    | 'repliedAt'
    | 'snoozedUntil'
    | 'keepInTouchDays'
  >
>;

export interface AttemptDraft {
  contactId: string;
  at?: number;
  channel: Channel;
  kind: AttemptKind;
  subject?: string | null;
  gmailThreadId?: string | null;
  gmailDraftId?: string | null;
}

export type MeetingPatch = Partial<
  Pick<
    Meeting,
    'scheduledAt' | 'minutes' | 'questions' | 'researchNotes' | 'notes' | 'reflection' | 'askedForReferrals' | 'held'
  >
>;

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
}

export interface PipelineSummary {
  counts: Record<Stage, number>;
  total: number;
  dueNow: number;
}

export interface DueItem {
  contact: Contact;
  status: ContactStatus;
}

export interface ImportResult {
  added: number;
  merged: number;
  skipped: number;
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
  children: ReferralNode[];
}

export interface Insights {
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
  tree: ReferralNode[];
  /** Tags of the people you met, most common first. */
  themes: Array<{ tag: string; count: number }>;
  /** Words that recur across reflections (in two or more), most common first. */
  reflectionWords: Array<{ word: string; count: number }>;
  /** Latest reflections with a next step. */
  nextSteps: Array<{ contactId: string; name: string; nextStep: string; at: number }>;
}

/** Two clicks on Send within this window are one attempt. */
export const DUPLICATE_ATTEMPT_MS = 30_000;

const newId = () => crypto.randomUUID();

function parse<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length ? `${issue.path.map(String).join('.')}: ` : '';
  throw new RepoError('bad-request', `Invalid ${what}: ${where}${issue?.message ?? 'bad value'}`);
}

/**
 * A second sighting of a stored contact (logged again, imported again) fills in what the record
 * lacks and adds addresses and tags; it never replaces what the user already has, and never makes
 * the person their own referrer.
 */
function mergeContact(existing: Contact, incoming: Contact, now: number): Contact {
  const referrer = incoming.referrer?.type === 'contact' && incoming.referrer.contactId === existing.id ? null : incoming.referrer;
  return {
    ...existing,
    headline: existing.headline ?? incoming.headline,
    company: existing.company ?? incoming.company,
    location: existing.location ?? incoming.location,
    profileUrl: existing.profileUrl ?? incoming.profileUrl,
    emails: [...new Set([...existing.emails, ...incoming.emails])],
    tags: [...new Set([...existing.tags, ...incoming.tags])],
    referrer: existing.referrer ?? referrer,
    notes: existing.notes || incoming.notes,
    updatedAt: now,
  };
}

export class Repository {
  constructor(
    readonly db: WarmIntroDB,
    private readonly clock: () => number = Date.now,
  ) {}

  /**
   * One read-write transaction over every table (writes are rare; one at a time is simplest), after
   * which the due index of every contact the write `touch`ed is brought up to date — in the same
   * transaction, so the index can never disagree with the records.
   */
  private write<T>(fn: (touch: (contactId: string | 'all') => void) => Promise<T>): Promise<T> {
    return this.db.transaction('rw', this.db.tables, async () => {
      const touched = new Set<string>();
      let all = false;
      const result = await fn((id) => (id === 'all' ? (all = true) : touched.add(id)));
      await this.refreshDueIndex(all ? 'all' : touched);
      return result;
    });
  }

  private async refreshDueIndex(ids: Set<string> | 'all'): Promise<void> {
    const db = this.db;
    if (ids !== 'all' && ids.size === 0) return;
    const contacts =
      ids === 'all' ? await db.contacts.toArray() : (await db.contacts.bulkGet([...ids])).filter((c): c is Contact => !!c);
    if (contacts.length === 0) return;
    const keys = contacts.map((c) => c.id);
    const [attempts, meetings] =
      ids === 'all'
        ? await Promise.all([db.attempts.toArray(), db.meetings.toArray()])
        : await Promise.all([db.attempts.where('contactId').anyOf(keys).toArray(), db.meetings.where('contactId').anyOf(keys).toArray()]);
    const changes = dueIndexChanges(contacts, attempts, meetings, await this.settings(), this.clock());
    if (changes.size === 0) return;
    await db.contacts.bulkPut(contacts.filter((c) => changes.has(c.id)).map((c) => ({ ...c, nextDueAt: changes.get(c.id) ?? null })));
  }

  // ---- reading ----------------------------------------------------------------------------------

  async settings(): Promise<Settings> {
    const row = await this.db.settings.get('settings');
    if (!row) return DEFAULT_SETTINGS;
    const { key: _key, ...rest } = row;
    // Read back through the schema: a row written by an older build gets today's defaults.
    return Settings.parse(rest);
  }

  async templates(): Promise<Template[]> {
    const stored = new Map((await this.db.templates.toArray()).map((t) => [t.id, t]));
    return DEFAULT_TEMPLATES.map((d) => stored.get(d.id) ?? { ...d, updatedAt: 0 });
  }

  async template(id: TemplateId): Promise<Template> {
    const all = await this.templates();
    const found = all.find((t) => t.id === id);
    if (!found) throw new RepoError('not-found', `No template "${id}"`);
    return found;
  }

  async contact(id: string): Promise<Contact> {
    const c = await this.db.contacts.get(id);
    if (!c) throw new RepoError('not-found', 'That contact no longer exists.');
    return c;
  }

  async findContact(by: { id?: string; profileUrl?: string; email?: string }): Promise<Contact | null> {
    if (by.id) return (await this.db.contacts.get(by.id)) ?? null;
    if (by.profileUrl) return (await this.db.contacts.where('profileUrl').equals(by.profileUrl).first()) ?? null;
    if (by.email) return (await this.db.contacts.where('emails').equals(by.email.trim().toLowerCase()).first()) ?? null;
    return null;
  }

  async view(contact: Contact): Promise<ContactView> {
    const [attempts, meetings, referredRows, settings] = await Promise.all([
      this.db.attempts.where('contactId').equals(contact.id).sortBy('at'),
      this.db.meetings.where('contactId').equals(contact.id).sortBy('scheduledAt'),
      this.db.referrals.where('fromContactId').equals(contact.id).toArray(),
      this.settings(),
    ]);
    const referred = (await this.db.contacts.bulkGet(referredRows.map((r) => r.toContactId))).filter(
      (c): c is Contact => !!c,
    );
    return {
      contact,
      attempts,
      meetings,
      referrerName: await this.referrerName(contact.referrer),
      referred,
      status: contactStatus({ contact, attempts, meetings }, settings, this.clock()),
    };
  }

  async referrerName(referrer: Referrer | null): Promise<string | null> {
    if (!referrer) return null;
    if (referrer.type === 'name') return referrer.name;
    return (await this.db.contacts.get(referrer.contactId))?.name ?? null;
  }

  async lookup(by: { id?: string; profileUrl?: string; email?: string }): Promise<ContactView | null> {
    const contact = await this.findContact(by);
    return contact ? this.view(contact) : null;
  }

  /** Contacts whose name (or company) contains `query`, best matches (name prefix) first. */
  /** Contacts by name, then company, then e-mail prefix (`byEmail: false`: not by address, for pages). */
  async search(query: string, limit = 8, { byEmail = true } = {}): Promise<Contact[]> {
    const q = query.trim().toLocaleLowerCase();
    if (!q) return [];
    const hits: { c: Contact; rank: number }[] = [];
    await this.db.contacts.each((c) => {
      const name = c.name.toLocaleLowerCase();
      const rank = name.startsWith(q)
        ? 0
        : name.includes(` ${q}`)
          ? 1
          : name.includes(q)
            ? 2
            : (c.company ?? '').toLocaleLowerCase().includes(q) || (byEmail && c.emails.some((e) => e.startsWith(q)))
              ? 3
              : -1;
      if (rank >= 0) hits.push({ c, rank });
    });
    hits.sort((a, b) => a.rank - b.rank || a.c.name.localeCompare(b.c.name));
    return hits.slice(0, limit).map((h) => h.c);
  }

  async listContacts(): Promise<Contact[]> {
    return this.db.contacts.orderBy('name').toArray();
  }

  async summary(): Promise<PipelineSummary> {
    const counts = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
    // Counted from the stage index, without loading records: fast at tens of thousands of contacts.
    await Promise.all(
      STAGES.map(async (s) => {
        counts[s] = await this.db.contacts.where('stage').equals(s).count();
      }),
    );
    const total = STAGES.reduce((n, s) => n + counts[s], 0);
    return { counts, total, dueNow: (await this.due()).length };
  }

  /** Every action due now, soonest first. Reads only the contacts the due index says are due. */
  async due(now = this.clock()): Promise<DueItem[]> {
    const db = this.db;
    return db.transaction('r', [db.settings, db.contacts, db.attempts, db.meetings], async () => {
      const contacts = await db.contacts.where('nextDueAt').belowOrEqual(now).toArray();
      if (contacts.length === 0) return [];
      const keys = contacts.map((c) => c.id);
      const [settings, attempts, meetings] = await Promise.all([
        this.settings(),
        db.attempts.where('contactId').anyOf(keys).toArray(),
        db.meetings.where('contactId').anyOf(keys).toArray(),
      ]);
      const byContact = groupByContact(attempts, meetings);
      return dueActions(
        contacts.map((contact) => ({ contact, attempts: [], meetings: [], ...byContact.get(contact.id) })),
        settings,
        now,
      );
    });
  }

  async duePage(offset: number, limit: number, now = this.clock()): Promise<{ items: DueItem[]; total: number }> {
    const all = await this.due(now);
    return { items: all.slice(offset, offset + limit), total: all.length };
  }

  /** Every contact as a board card, with its next action; one read of each table. */
  async board(now = this.clock()): Promise<BoardCard[]> {
    const db = this.db;
    const [settings, contacts, attempts, meetings] = await db.transaction('r', [db.settings, db.contacts, db.attempts, db.meetings], () =>
      Promise.all([this.settings(), db.contacts.toArray(), db.attempts.toArray(), db.meetings.toArray()]),
    );
    const names = new Map(contacts.map((c) => [c.id, c.name]));
    const records = groupByContact(attempts, meetings);
    return contacts.map((contact) => {
      const r = records.get(contact.id);
      const status = contactStatus({ contact, attempts: r?.attempts ?? [], meetings: r?.meetings ?? [] }, settings, now);
      const ref = contact.referrer;
      return {
        id: contact.id,
        name: contact.name,
        headline: contact.headline,
        company: contact.company,
        profileUrl: contact.profileUrl,
        stage: contact.stage,
        tags: contact.tags,
        referrerName: ref ? (ref.type === 'name' ? ref.name : (names.get(ref.contactId) ?? null)) : null,
        next: status.next,
      };
    });
  }

  /** How the search is going: response rate, attempts per reply, referrals, the referral tree, themes. */
  async insights(): Promise<Insights> {
    const db = this.db;
    const [contacts, attempts, meetings, referrals] = await db.transaction('r', [db.contacts, db.attempts, db.meetings, db.referrals], () =>
      Promise.all([db.contacts.toArray(), db.attempts.toArray(), db.meetings.toArray(), db.referrals.toArray()]),
    );
    const byId = new Map(contacts.map((c) => [c.id, c]));
    const records = groupByContact(attempts, meetings);
    const MET = new Set<Stage>(['interviewed', 'thanked', 'keeping-in-touch']);

    let requested = 0;
    let replied = 0;
    let outreachAttempts = 0;
    const interviewed = new Set<string>();
    const asked = new Set<string>();
    for (const c of contacts) {
      const r = records.get(c.id);
      const outreach = (r?.attempts ?? []).filter((a) => a.kind === 'request' || a.kind === 'follow-up');
      const met = MET.has(c.stage) || (r?.meetings ?? []).some((m) => m.held);
      if (met) interviewed.add(c.id);
      if (met && (r?.meetings ?? []).some((m) => m.askedForReferrals)) asked.add(c.id);
      if (!outreach.length) continue;
      requested++;
      outreachAttempts += outreach.length;
      const first = Math.min(...outreach.map((a) => a.at));
      if ((c.repliedAt !== null && c.repliedAt >= first) || met || c.stage === 'scheduled' || (r?.meetings.length ?? 0) > 0) replied++;
    }

    // Edges from the referral records and from contact referrers (set by hand), without repeats.
    const children = new Map<string, Set<string>>();
    const hasParent = new Set<string>();
    const link = (from: string, to: string) => {
      if (from === to || !byId.has(from) || !byId.has(to)) return;
      let set = children.get(from);
      if (!set) children.set(from, (set = new Set()));
      set.add(to);
      hasParent.add(to);
    };
    for (const r of referrals) link(r.fromContactId, r.toContactId);
    const byName = new Map<string, Contact[]>();
    for (const c of contacts) {
      if (c.referrer?.type === 'contact') link(c.referrer.contactId, c.id);
      else if (c.referrer?.type === 'name') {
        const list = byName.get(c.referrer.name) ?? [];
        list.push(c);
        byName.set(c.referrer.name, list);
      }
    }
    const referralsFromInterviews = [...interviewed].reduce((n, id) => n + (children.get(id)?.size ?? 0), 0);
    const seen = new Set<string>();
    const node = (c: Contact): ReferralNode => {
      seen.add(c.id);
      const kids = [...(children.get(c.id) ?? [])]
        .filter((id) => !seen.has(id)) // a cycle (A referred B, B referred A) is cut, not followed
        .map((id) => node(byId.get(id)!));
      const met = interviewed.has(c.id);
      return { id: c.id, name: c.name, stage: c.stage, interviewed: met, asked: met ? asked.has(c.id) : null, children: kids };
    };
    const tree: ReferralNode[] = [];
    for (const [name, list] of [...byName].sort((a, b) => a[0].localeCompare(b[0]))) {
      tree.push({ id: null, name, stage: null, interviewed: false, asked: null, children: list.filter((c) => !seen.has(c.id)).map(node) });
    }
    for (const c of contacts) if (children.has(c.id) && !hasParent.has(c.id) && !seen.has(c.id)) tree.push(node(c));
    // Whatever is left sits on a cycle with no way in; start it anywhere.
    for (const id of children.keys()) if (!seen.has(id)) tree.push(node(byId.get(id)!));

    const tagCounts = new Map<string, number>();
    for (const id of interviewed) for (const t of byId.get(id)!.tags) tagCounts.set(t, (tagCounts.get(t) ?? 0) + 1);
    const reflected = meetings.filter((m) => Object.values(m.reflection).some((v) => v.trim()));
    const wordCounts = new Map<string, number>();
    for (const m of reflected) {
      const words = new Set(Object.values(m.reflection).join(' ').toLocaleLowerCase().match(/\p{L}[\p{L}'-]{3,}/gu) ?? []);
      for (const w of words) if (!STOP_WORDS.has(w)) wordCounts.set(w, (wordCounts.get(w) ?? 0) + 1);
    }
    const top = <K extends string>(m: Map<string, number>, k: K, n: number) =>
      [...m]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, n)
        .map(([v, count]) => ({ [k]: v, count }) as { [P in K]: string } & { count: number });

    return {
      contacts: contacts.length,
      requested,
      replied,
      outreachAttempts,
      interviewed: interviewed.size,
      askedForReferrals: asked.size,
      referralsFromInterviews,
      tree,
      themes: top(tagCounts, 'tag', 20),
      reflectionWords: top(new Map([...wordCounts].filter(([, n]) => n >= 2)), 'word', 20),
      nextSteps: reflected
        .filter((m) => m.reflection.nextStep.trim() && byId.has(m.contactId))
        .sort((a, b) => b.updatedAt - a.updatedAt)
        .slice(0, 10)
        .map((m) => ({ contactId: m.contactId, name: byId.get(m.contactId)!.name, nextStep: m.reflection.nextStep.trim(), at: m.updatedAt })),
    };
  }

  // ---- writing ----------------------------------------------------------------------------------

  /**
   * Log a person. The same LinkedIn profile (or, without one, the same e-mail) is one contact: a
   * second log fills in what was missing and never duplicates, even from two tabs at once (the
   * look-up and the write share one transaction; the unique index is the last line of defence).
   */
  async logContact(draft: ContactDraft): Promise<{ contact: Contact; created: boolean }> {
    const now = this.clock();
    const candidate = parse(Contact, { ...draft, id: newId(), createdAt: now, updatedAt: now }, 'contact');
    if (candidate.referrer?.type === 'contact') await this.contact(candidate.referrer.contactId);
    return this.write(async (touch) => {
      const existing =
        (candidate.profileUrl ? await this.findContact({ profileUrl: candidate.profileUrl }) : null) ??
        (candidate.emails.length
          ? await this.db.contacts.where('emails').anyOf(candidate.emails).first()
          : null);
      if (!existing) {
        await this.db.contacts.add(candidate);
        touch(candidate.id);
        return { contact: candidate, created: true };
      }
      const merged = parse(Contact, mergeContact(existing, candidate, now), 'contact');
      await this.db.contacts.put(merged);
      touch(merged.id);
      return { contact: merged, created: false };
    });
  }

  async updateContact(id: string, patch: ContactPatch): Promise<Contact> {
    return this.write(async (touch) => {
      const current = await this.contact(id);
      const next = parse(Contact, { ...current, ...patch, id, updatedAt: this.clock() }, 'contact');
      if (next.referrer?.type === 'contact' && next.referrer.contactId === id) {
        throw new RepoError('bad-request', 'A contact cannot be their own referrer.');
      }
      if (next.profileUrl && next.profileUrl !== current.profileUrl) {
        const other = await this.findContact({ profileUrl: next.profileUrl });
        if (other && other.id !== id) throw new RepoError('conflict', `${other.name} already has that profile URL.`);
      }
      await this.db.contacts.put(next);
      touch(id);
      return next;
    });
  }

  /** One more address for a contact (a Gmail recipient linked to them): the others stay. */
  async addEmail(id: string, email: string): Promise<Contact> {
    return this.write(async (touch) => {
      const current = await this.contact(id);
      const emails = [...new Set([...current.emails, email.trim().toLowerCase()])];
      const next = parse(Contact, { ...current, emails, id, updatedAt: this.clock() }, 'contact');
      await this.db.contacts.put(next);
      touch(id);
      return next;
    });
  }

  async deleteContact(id: string): Promise<void> {
    const db = this.db;
    await this.write(async () => {
      await db.attempts.where('contactId').equals(id).delete();
      await db.meetings.where('contactId').equals(id).delete();
      await db.referrals.where('fromContactId').equals(id).or('toContactId').equals(id).delete();
      await db.notices.where('contactId').equals(id).delete();
      // People this contact referred keep the referrer by name.
      const name = (await db.contacts.get(id))?.name;
      await db.contacts
        .where('referrer.contactId')
        .equals(id)
        .modify((c) => {
          c.referrer = name ? { type: 'name', name } : null;
        });
      await db.contacts.delete(id);
    });
  }

  /**
   * Count an outreach attempt and move the stage on (a request makes a prospect "requested", a
   * thank-you makes "interviewed" "thanked"). A second identical attempt within 30 s — a
   * double-clicked Send — is the same attempt.
   */
  async recordAttempt(draft: AttemptDraft): Promise<{ attempt: Attempt; contact: Contact; duplicate: boolean }> {
    const now = this.clock();
    const attempt = parse(Attempt, { ...draft, id: newId(), at: draft.at ?? now, createdAt: now }, 'attempt');
    const db = this.db;
    return this.write(async (touch) => {
      const contact = await this.contact(attempt.contactId);
      const twin = await db.attempts
        .where('[contactId+at]')
        .between([attempt.contactId, attempt.at - DUPLICATE_ATTEMPT_MS], [attempt.contactId, attempt.at + DUPLICATE_ATTEMPT_MS], true, true)
        .filter((a) => a.kind === attempt.kind && a.channel === attempt.channel)
        .first();
      // Gmail's "Undo send" reopens the same draft: sending it again is still the one attempt.
      const sameDraft = attempt.gmailDraftId
        ? await db.attempts
            .where('contactId')
            .equals(attempt.contactId)
            .filter((a) => a.gmailDraftId === attempt.gmailDraftId && a.kind === attempt.kind)
            .first()
        : undefined;
      if (twin ?? sameDraft) return { attempt: (twin ?? sameDraft)!, contact, duplicate: true };
      await db.attempts.add(attempt);
      touch(contact.id);
      const stage = stageAfterAttempt(contact.stage, attempt.kind);
      const updated = stage === contact.stage ? contact : { ...contact, stage, updatedAt: now };
      if (updated !== contact) await db.contacts.put(updated);
      return { attempt, contact: updated, duplicate: false };
    });
  }

  async deleteAttempt(id: string): Promise<void> {
    await this.write(async (touch) => {
      const attempt = await this.db.attempts.get(id);
      await this.db.attempts.delete(id);
      if (attempt) touch(attempt.contactId);
    });
  }

  async markReplied(contactId: string, at = this.clock()): Promise<Contact> {
    const c = await this.contact(contactId);
    if (c.repliedAt !== null && c.repliedAt >= at) return c;
    return this.updateContact(contactId, { repliedAt: at });
  }

  async setStage(contactId: string, stage: Stage): Promise<Contact> {
    return this.updateContact(contactId, { stage });
  }

  async snooze(contactId: string, until: number | null): Promise<Contact> {
    return this.updateContact(contactId, { snoozedUntil: until });
  }

  async scheduleMeeting(input: { contactId: string; scheduledAt: number; minutes?: number }): Promise<Meeting> {
    const db = this.db;
    const now = this.clock();
    const settings = await this.settings();
    return this.write(async (touch) => {
      const contact = await this.contact(input.contactId);
      touch(contact.id);
      const meeting = parse(
        Meeting,
        { minutes: settings.meetingMinutes, ...input, id: newId(), createdAt: now, updatedAt: now },
        'meeting',
      );
      await db.meetings.add(meeting);
      if (['prospect', 'requested', 'moved-on'].includes(contact.stage)) {
        await db.contacts.put({ ...contact, stage: 'scheduled', updatedAt: now });
      }
      return meeting;
    });
  }

  async updateMeeting(id: string, patch: MeetingPatch): Promise<Meeting> {
    return this.write(async (touch) => {
      const current = await this.db.meetings.get(id);
      if (!current) throw new RepoError('not-found', 'That meeting no longer exists.');
      touch(current.contactId);
      const next = parse(Meeting, { ...current, ...patch, id, updatedAt: this.clock() }, 'meeting');
      await this.db.meetings.put(next);
      return next;
    });
  }

  async deleteMeeting(id: string): Promise<void> {
    await this.write(async (touch) => {
      const meeting = await this.db.meetings.get(id);
      await this.db.meetings.delete(id);
      if (meeting) touch(meeting.contactId);
    });
  }

  /** The meeting happened: it is held, and the contact is "interviewed" (thank-you now due). */
  async markInterviewed(contactId: string, meetingId?: string): Promise<Contact> {
    const db = this.db;
    const now = this.clock();
    return this.write(async (touch) => {
      const contact = await this.contact(contactId);
      touch(contactId);
      const meetings = await db.meetings.where('contactId').equals(contactId).sortBy('scheduledAt');
      const meeting = meetingId ? meetings.find((m) => m.id === meetingId) : meetings.filter((m) => !m.held).at(-1);
      if (meeting) {
        await db.meetings.put({ ...meeting, held: true, updatedAt: now });
      } else {
        // Met without scheduling through Warm Intro: record the meeting as held now.
        await db.meetings.add(
          parse(Meeting, { id: newId(), contactId, scheduledAt: now, held: true, createdAt: now, updatedAt: now }, 'meeting'),
        );
      }
      // A snooze from before the meeting ("prepared") must not hold back the thank-you.
      const next = { ...contact, stage: 'interviewed' as const, snoozedUntil: null, updatedAt: now };
      await db.contacts.put(next);
      return next;
    });
  }

  /**
   * "Who else should I talk to?": log the person `fromContactId` suggested, with them as referrer,
   * and remember the referral for the tree.
   */
  async addReferral(input: {
    fromContactId: string;
    contact: ContactDraft | { id: string };
    mayUseName?: boolean;
  }): Promise<{ referral: Referral; contact: Contact }> {
    const db = this.db;
    // One transaction: a referral refused below leaves no half-logged person behind.
    return this.write(async () => {
      const from = await this.contact(input.fromContactId);
      const target =
        'id' in input.contact
          ? await this.contact(input.contact.id)
          : (await this.logContact({ ...input.contact, referrer: { type: 'contact', contactId: from.id } })).contact;
      if (target.id === from.id) throw new RepoError('bad-request', 'A contact cannot refer themselves.');
      const existing = await db.referrals.where('[fromContactId+toContactId]').equals([from.id, target.id]).first();
      let contact = target;
      if (!target.referrer) {
        contact = { ...target, referrer: { type: 'contact', contactId: from.id }, updatedAt: this.clock() };
        await db.contacts.put(contact);
      }
      if (existing) return { referral: existing, contact };
      const referral = parse(
        Referral,
        { id: newId(), fromContactId: from.id, toContactId: target.id, mayUseName: input.mayUseName ?? true, createdAt: this.clock() },
        'referral',
      );
      await db.referrals.add(referral);
      return { referral, contact };
    });
  }

  async saveSettings(patch: Partial<Settings>): Promise<Settings> {
    // Read and written in one transaction: two tabs saving different settings both keep theirs.
    return this.write(async (touch) => {
      const next = parse(Settings, { ...(await this.settings()), ...patch }, 'settings');
      await this.db.settings.put({ key: 'settings', ...next });
      // New cadence numbers move every contact's due date.
      touch('all');
      return next;
    });
  }

  async saveTemplate(template: Omit<Template, 'updatedAt'>): Promise<Template> {
    const next = parse(Template, { ...template, updatedAt: this.clock() }, 'template');
    await this.db.templates.put(next);
    return next;
  }

  /** Back to the built-in wording. */
  async resetTemplate(id: TemplateId): Promise<Template> {
    await this.db.templates.delete(id);
    return this.template(id);
  }

  /**
   * Add many contacts in one transaction (an import that fails writes nothing). A row matching an
   * existing contact by profile URL or e-mail is merged into it or skipped, as the user chose.
   */
  async importContacts(drafts: ContactDraft[], duplicates: 'merge' | 'skip'): Promise<ImportResult> {
    const now = this.clock();
    const rows = drafts.map((d, i) => parse(Contact, { ...d, id: newId(), createdAt: now, updatedAt: now }, `contact on row ${i + 1}`));
    const db = this.db;
    return this.write(async (touch) => {
      const all = await db.contacts.toArray();
      const byUrl = new Map<string, Contact>();
      const byEmail = new Map<string, Contact>();
      const remember = (c: Contact) => {
        if (c.profileUrl) byUrl.set(c.profileUrl, c);
        for (const e of c.emails) byEmail.set(e, c);
      };
      all.forEach(remember);
      const result: ImportResult = { added: 0, merged: 0, skipped: 0 };
      const toPut = new Map<string, Contact>();
      for (const row of rows) {
        const twin = (row.profileUrl && byUrl.get(row.profileUrl)) || row.emails.map((e) => byEmail.get(e)).find(Boolean);
        if (!twin) {
          toPut.set(row.id, row);
          remember(row);
          // A new prospect has no history, so nothing can be due; other stages get their index.
          if (row.stage !== 'prospect') touch(row.id);
          result.added++;
        } else if (duplicates === 'skip') {
          result.skipped++;
        } else {
          // Checked like any record; lists are kept within their limits rather than failing the import.
          const m = mergeContact(twin, row, now);
          const merged = parse(Contact, { ...m, emails: m.emails.slice(0, 20), tags: m.tags.slice(0, 50) }, 'merged contact');
          toPut.set(merged.id, merged);
          remember(merged);
          result.merged++;
        }
      }
      await db.contacts.bulkPut([...toPut.values()]);
      return result;
    });
  }

  // ---- reminders bookkeeping --------------------------------------------------------------------

  /** Record that reminders were shown; answers the ids not shown before (so: show those only). */
  async markNotified(notices: Omit<Notice, 'shownAt'>[]): Promise<Set<string>> {
    const shownAt = this.clock();
    const rows = notices.map((n) => parse(Notice, { ...n, shownAt }, 'notice'));
    if (rows.length === 0) return new Set();
    return this.db.transaction('rw', this.db.notices, async () => {
      const known = await this.db.notices.bulkGet(rows.map((r) => r.id));
      const fresh = rows.filter((r, i) => !known[i]);
      await this.db.notices.bulkAdd(fresh);
      return new Set(fresh.map((r) => r.id));
    });
  }

  async noticeCount(): Promise<number> {
    return this.db.notices.count();
  }

  // ---- backup -----------------------------------------------------------------------------------

  async exportBackup(): Promise<Backup> {
    const db = this.db;
    return db.transaction('r', [db.contacts, db.attempts, db.meetings, db.referrals, db.templates, db.settings, db.notices], async () => ({
      format: BACKUP_FORMAT,
      version: 1 as const,
      exportedAt: this.clock(),
      contacts: await db.contacts.toArray(),
      attempts: await db.attempts.toArray(),
      meetings: await db.meetings.toArray(),
      referrals: await db.referrals.toArray(),
      templates: await db.templates.toArray(),
      settings: await this.settings(),
      notices: await db.notices.toArray(),
    }));
  }

  /** Replace everything with a backup, in one transaction: a bad backup changes nothing. */
  async restoreBackup(input: unknown): Promise<{ contacts: number }> {
    const backup = parse(Backup, input, 'backup');
    const ids = new Set(backup.contacts.map((c) => c.id));
    const orphan = [...backup.attempts, ...backup.meetings].find((r) => !ids.has(r.contactId));
    if (orphan) throw new RepoError('bad-request', `Invalid backup: a record refers to a missing contact (${orphan.contactId}).`);
    const db = this.db;
    await this.write(async (touch) => {
      await Promise.all([db.contacts, db.attempts, db.meetings, db.referrals, db.templates, db.settings, db.notices].map((t) => t.clear()));
      touch('all');
      await db.contacts.bulkAdd(backup.contacts);
      await db.attempts.bulkAdd(backup.attempts);
      await db.meetings.bulkAdd(backup.meetings);
      await db.referrals.bulkAdd(backup.referrals);
      await db.templates.bulkAdd(backup.templates);
      await db.settings.put({ key: 'settings', ...backup.settings });
      await db.notices.bulkAdd(backup.notices);
    });
    return { contacts: backup.contacts.length };
  }

  async clearAll(): Promise<void> {
    const db = this.db;
    await db.transaction('rw', [db.contacts, db.attempts, db.meetings, db.referrals, db.templates, db.settings, db.notices], () =>
      Promise.all([db.contacts, db.attempts, db.meetings, db.referrals, db.templates, db.settings, db.notices].map((t) => t.clear())),
    );
  }
}

/** True for errors IndexedDB raises when the disk is full or storage is unavailable. */
export function isStorageError(error: unknown): boolean {
  return (
    error instanceof Dexie.QuotaExceededError ||
    error instanceof Dexie.OpenFailedError ||
    error instanceof Dexie.DatabaseClosedError ||
    error instanceof Dexie.MissingAPIError ||
    (error instanceof DOMException && error.name === 'QuotaExceededError')
  );
}

// Common English words that say nothing about a theme.
const STOP_WORDS = new Set(
  'about after again also because been being both could does doing each even from have having here into just like make many more most much need only other over really same should some such than that their them then there these they this those through very want were what when where which while with would your yours will well'.split(' '),
);
