/**
 * The only code that writes to the database. Every record is parsed with its zod schema before it
 * is stored, and every multi-record change runs in one transaction, so a worker killed mid-write
 * leaves the old state or the new one, never half of each.
 *
 * `Repository` is the one public face; what it does lives beside it, split by what it owns:
 * contacts.ts (people, member ids, merging), attempts.ts, meetings.ts (and referrals),
 * network.ts (the network, imports, the warm path), introductions.ts, reports.ts (summary, due,
 * board, insights), backup.ts.
 */
import Dexie from 'dexie';
import { dataGeneration, settingsGeneration, takeWrittenContacts } from '../counts';
import { dueIndexChanges, groupByContact } from '../due-index';
import { historyFacts } from '../warm-path';
import type { WarmIntroDB } from '../db';
import { Notice, Settings, DEFAULT_SETTINGS, Template, type Attempt, type Contact, type Introduction, type Meeting, type Referral, type Referrer, type Stage, type TemplateId } from '../schemas';
import { DEFAULT_TEMPLATES } from '../templates';
import * as attempts from './attempts';
import * as backup from './backup';
import * as contacts from './contacts';
import type { KnownHistory, Touch } from './contacts';
import { parse, RepoError, rowsWithAny } from './core';
import * as intros from './introductions';
import * as meetings from './meetings';
import * as network from './network';
import * as reports from './reports';
import type {
  AttemptDraft,
  Badge,
  BoardCard,
  CompanyPeople,
  ContactDraft,
  ContactPatch,
  ContactView,
  DueItem,
  ImportResult,
  Insights,
  Introducer,
  IntroductionView,
  MeetingPatch,
  NetworkPerson,
  PipelineSummary,
} from './types';

export { isStorageError, RepoError, type ErrorCode } from './core';
export { DUPLICATE_ATTEMPT_MS } from './attempts';
export type { LookupKey } from './contacts';
export type { ProfileQuery, IntroducerSave } from './network';
export type { IntroTarget } from './introductions';
export type * from './types';

/** A record a writer handed to `touch`, to be stored with its due index when the write ends. */
type Staged = Partial<KnownHistory> & { record: Contact };

export class Repository {
  constructor(
    readonly db: WarmIntroDB,
    private readonly clock: () => number = Date.now,
  ) {}

  /** The repository's clock (tests pass their own). */
  now(): number {
    return this.clock();
  }

  /**
   * One read-write transaction over every table (writes are rare; one at a time is simplest), after
   * which the due index of every contact the write `touch`ed is brought up to date — in the same
   * transaction, so the index can never disagree with the records. For the modules of this folder.
   *
   * `touch(id, record)` hands over a contact record to be stored instead of storing it first: it is
   * put once, with its due index, at the end of the write — not put, re-read and put again with a
   * new `nextDueAt` (an attempt that moves the stage on changed the due date too). The writer must
   * not read that contact again in the same write. `touch(id, record, { history })` hands over its
   * history too (lib/repository/contacts.ts `Touch`): the due index then reads nothing.
   *
   * `also(request)`: a write the writer issued and did not wait for (adding the attempt), waited
   * for with the due index's put, so both take one round trip to IndexedDB, not two. Its failure
   * fails the write.
   */
  write<T>(fn: (touch: Touch, also: (write: PromiseLike<unknown>) => void) => Promise<T>): Promise<T> {
    let touched = new Set<string>();
    let all = false;
    let before = -1;
    let trans: unknown = null;
    return this.db
      .transaction('rw', this.db.tables, async () => {
        trans = Dexie.currentTransaction;
        touched = new Set<string>();
        all = false;
        before = dataGeneration();
        const staged = new Map<string, Staged>();
        const issued: PromiseLike<unknown>[] = [];
        const result = await fn(
          (id, record, known) => {
            if (id === 'all') return void (all = true);
            touched.add(id);
            if (record) staged.set(id, { record, ...known });
          },
          (write) => void issued.push(write),
        );
        await Promise.all([this.refreshDueIndex(all ? 'all' : touched, staged), ...issued]);
        return result;
      })
      .then(
        (result) => {
          this.afterCommit(all ? 'all' : touched, before);
          const read = this.settingsInWrite;
          this.settingsInWrite = null;
          if (read && read.trans === trans && read.generation === settingsGeneration()) this.settingsMemo = { generation: read.generation, value: read.value };
          return result;
        },
        (error: unknown) => {
          this.settingsInWrite = null;
          throw error;
        },
      );
  }

  /**
   * The contacts written since the last `takeTouched()`: the after-write reminder check notifies
   * only about them (the alarm and start-up checks look at everyone).
   */
  private touchedSince = new Set<string>();

  takeTouched(): Set<string> {
    const out = this.touchedSince;
    this.touchedSince = new Set();
    return out;
  }

  /** A committed write: the remembered due list is patched for the people it touched, not redone. */
  private afterCommit(touched: Set<string> | 'all', before: number): void {
    // Deleted contacts are not `touch`ed (they have no due index left to update).
    const written = takeWrittenContacts();
    if (touched !== 'all') for (const id of written) touched.add(id);
    const memo = this.dueMemo;
    if (touched === 'all' || !memo || memo.generation !== before) {
      this.dueMemo = null;
    } else {
      for (const id of touched) memo.dirty.add(id);
      memo.generation = dataGeneration();
    }
    if (touched !== 'all') for (const id of touched) this.touchedSince.add(id);
  }

  /**
   * Bring `nextDueAt` up to date for `ids` and store the `staged` records. Everything it needs is
   * asked for at once (the people not staged, the histories not handed over, the settings): at most
   * one round of reads — none when the writer handed over the record and its history and the
   * settings are cached — and one put (or add) per contact.
   */
  private async refreshDueIndex(ids: Set<string> | 'all', staged: Map<string, Staged>): Promise<void> {
    const db = this.db;
    if (ids === 'all') {
      // Everyone is re-read below: what was handed over is stored first.
      if (staged.size) await db.contacts.bulkPut([...staged.values()].map((s) => s.record));
      staged = new Map();
    }
    if (ids !== 'all' && ids.size === 0) return;
    const unstaged = ids === 'all' ? [] : [...ids].filter((id) => !staged.has(id));
    const unknown = ids === 'all' ? [] : [...ids].filter((id) => !staged.get(id)?.history);
    const [stored, readAttempts, readMeetings, readIntros, settings] = await Promise.all([
      ids === 'all' ? db.contacts.toArray() : unstaged.length ? db.contacts.bulkGet(unstaged) : Promise.resolve<(Contact | undefined)[]>([]),
      ids === 'all' ? db.attempts.toArray() : rowsWithAny(db.attempts, 'contactId', unknown),
      ids === 'all' ? db.meetings.toArray() : rowsWithAny(db.meetings, 'contactId', unknown),
      ids === 'all' ? db.introductions.toArray() : rowsWithAny(db.introductions, 'introducerId', unknown),
      this.settings(),
    ]);
    const known = [...staged.values()].flatMap((s) => (s.history ? [s.history] : []));
    const attemptRows = [...readAttempts, ...known.flatMap((h) => h.attempts)];
    const meetingRows = [...readMeetings, ...known.flatMap((h) => h.meetings)];
    const introRows = [...readIntros, ...known.flatMap((h) => h.introductions)];
    const people = [...[...staged.values()].map((s) => s.record), ...stored.filter((c): c is Contact => !!c)];
    if (people.length === 0) return;
    const changes = dueIndexChanges(people, attemptRows, meetingRows, settings, this.clock(), introRows);
    // The history facts the warm path ranks by (lib/warm-path.ts), from the same reads.
    const histories = groupByContact(attemptRows, meetingRows);
    const puts = people.flatMap((c) => {
      const h = histories.get(c.id);
      const facts = historyFacts(h?.attempts ?? [], h?.meetings ?? []);
      const factsChanged = facts.talkedAt !== (c.talkedAt ?? null) || facts.heldMeeting !== (c.heldMeeting ?? 0);
      const handed = staged.get(c.id);
      if (!changes.has(c.id) && !factsChanged && (!handed || handed.unchanged)) return [];
      return [{ ...c, ...facts, nextDueAt: changes.has(c.id) ? (changes.get(c.id) ?? null) : c.nextDueAt }];
    });
    const adds = puts.filter((c) => staged.get(c.id)?.add);
    const rest = puts.filter((c) => !staged.get(c.id)?.add);
    // One record (the usual write) by `add` or `put`, whose ConstraintError the server reports as a conflict.
    await Promise.all([
      adds.length === 1 ? db.contacts.add(adds[0]!) : adds.length ? db.contacts.bulkAdd(adds) : null,
      rest.length === 1 ? db.contacts.put(rest[0]!) : rest.length ? db.contacts.bulkPut(rest) : null,
    ]);
  }

  // ---- reading ----------------------------------------------------------------------------------

  /**
   * The settings as last read, while no write to the settings table happened since (lib/counts.ts
   * `settingsGeneration`; the worker is the only writer). A cache, not state: a restarted worker
   * reads them again. Every write needs them for its due index; read from here, a write saves a
   * request and a schema parse.
   */
  private settingsMemo: { generation: number; value: Settings } | null = null;
  private settingsInWrite: { generation: number; value: Settings; trans: unknown } | null = null;

  async settings(): Promise<Settings> {
    const memo = this.settingsMemo;
    if (memo && memo.generation === settingsGeneration()) return { ...memo.value };
    const generation = settingsGeneration();
    const row = await this.db.settings.get('settings');
    const { key: _key, ...rest } = row ?? { key: 'settings' };
    // Read back through the schema: a row written by an older build gets today's defaults.
    const value = row ? Settings.parse(rest) : DEFAULT_SETTINGS;
    if (generation === settingsGeneration()) {
      // Read inside a write, they may not be committed yet: kept once the write is (`write`).
      const trans = Dexie.currentTransaction;
      if (trans?.mode === 'readwrite') this.settingsInWrite = { generation, value, trans };
      else this.settingsMemo = { generation, value };
    }
    return { ...value };
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

  findContact(by: contacts.LookupKey): Promise<Contact | null> {
    return contacts.findContact(this, by);
  }

  view(contact: Contact): Promise<ContactView> {
    return contacts.view(this, contact);
  }

  async referrerName(referrer: Referrer | null): Promise<string | null> {
    if (!referrer) return null;
    if (referrer.type === 'name') return referrer.name;
    return (await this.db.contacts.get(referrer.contactId))?.name ?? null;
  }

  async lookup(by: contacts.LookupKey): Promise<ContactView | null> {
    const contact = await this.findContact(by);
    return contact ? this.view(contact) : null;
  }

  /** Contacts whose name or company has a word starting with `query`, best matches first. */
  search(query: string, limit = 8, options?: { byEmail?: boolean }): Promise<Contact[]> {
    return contacts.search(this, query, limit, options);
  }

  async listContacts(): Promise<Contact[]> {
    return this.db.contacts.orderBy('name').toArray();
  }

  summary(): Promise<PipelineSummary> {
    return reports.summary(this);
  }

  /**
   * The last `due()` answer, kept while nothing that decides what is due was written since
   * (lib/counts.ts `dataGeneration`) other than by `write()`, whose touched people are re-read
   * (`dirty`), and until the next contact's due time or a minute, whichever is first. A cache, not
   * state: a restarted worker simply reads everyone again.
   */
  private dueMemo: { items: DueItem[]; generation: number; at: number; until: number; dirty: Set<string> } | null = null;

  async due(now = this.clock()): Promise<DueItem[]> {
    const memo = this.dueMemo;
    if (memo && memo.generation === dataGeneration() && now >= memo.at && now < memo.until) {
      if (memo.dirty.size === 0) return memo.items;
      // Left dirty until patched: a caller arriving meanwhile patches too, never reads the old list.
      const dirty = new Set(memo.dirty);
      const generation = dataGeneration();
      const [fresh, next] = await Promise.all([reports.dueAmong(this, dirty, now), this.nextDueAfter(now)]);
      if (generation === dataGeneration() && this.dueMemo === memo) {
        memo.items = [...memo.items.filter((i) => !dirty.has(i.contact.id)), ...fresh].sort(reports.dueOrder);
        memo.until = Math.min(memo.until, next);
        for (const id of dirty) memo.dirty.delete(id);
        return memo.items;
      }
    }
    const generation = dataGeneration();
    const [items, next] = await Promise.all([reports.due(this, now), this.nextDueAfter(now)]);
    if (generation === dataGeneration()) this.dueMemo = { items, generation, at: now, until: Math.min(next, now + 60_000), dirty: new Set() };
    return items;
  }

  /** The earliest due time after `now` in the due index (Infinity if none). */
  private nextDueAfter(now: number): Promise<number> {
    return this.db.contacts.where('nextDueAt').above(now).first((c) => c?.nextDueAt ?? Infinity);
  }

  /** How many actions are due now. */
  async dueCount(now = this.clock()): Promise<number> {
    return (await this.due(now)).length;
  }

  duePage(offset: number, limit: number, now = this.clock()): Promise<{ items: DueItem[]; total: number }> {
    return reports.duePage(this, offset, limit, now);
  }

  board(now = this.clock()): Promise<BoardCard[]> {
    return reports.board(this, now);
  }

  insights(): Promise<Insights> {
    return reports.insights(this);
  }

  // ---- the network and the warm path --------------------------------------------------------------

  networkList(input: { query?: string; offset?: number; limit?: number }): Promise<{ items: NetworkPerson[]; total: number }> {
    return network.networkList(this, input);
  }

  toPipeline(contactId: string): Promise<Contact> {
    return network.toPipeline(this, contactId);
  }

  moveCandidates(): Promise<{ count: number; answered: boolean }> {
    return network.moveCandidates(this);
  }

  moveProspects(): Promise<{ moved: number; token: string | null }> {
    return network.moveProspects(this);
  }

  undoMove(token: string): Promise<{ restored: number }> {
    return network.undoMove(this, token);
  }

  dismissMove(): Promise<void> {
    return network.dismissMove(this);
  }

  introducersForProfile(query: network.ProfileQuery): Promise<Introducer[]> {
    return network.introducersForProfile(this, query);
  }

  companyPeople(company: string, limit?: number): Promise<CompanyPeople> {
    return network.companyPeople(this, company, limit);
  }

  badges(profileUrls: string[]): Promise<Record<string, Badge>> {
    return network.badges(this, profileUrls);
  }

  saveIntroducer(input: network.IntroducerSave): Promise<{ introduction: Introduction; introducer: Contact; target: Contact }> {
    return network.saveIntroducer(this, input);
  }

  // ---- introductions ------------------------------------------------------------------------------

  askIntroduction(input: { introducerId: string; target: intros.IntroTarget; why?: string }): Promise<{ introduction: Introduction; target: Contact }> {
    return intros.askIntroduction(this, input);
  }

  setIntroductionStatus(id: string, status: Introduction['status'], at?: number): Promise<IntroductionView> {
    return intros.setIntroductionStatus(this, id, status, at);
  }

  introFollowedUp(input: { introducerId: string; introductionId?: string; at?: number }): Promise<Introduction | null> {
    return intros.introFollowedUp(this, input);
  }

  listIntroductions(by: { targetId?: string; introducerId?: string }): Promise<IntroductionView[]> {
    return intros.listIntroductions(this, by);
  }

  // ---- writing ----------------------------------------------------------------------------------

  logContact(draft: ContactDraft): Promise<{ contact: Contact; created: boolean }> {
    return contacts.logContact(this, draft);
  }

  updateContact(id: string, patch: ContactPatch): Promise<Contact> {
    return contacts.updateContact(this, id, patch);
  }

  /** One more address for a contact (a Gmail recipient linked to them): the others stay. */
  addEmail(id: string, email: string): Promise<Contact> {
    return this.write(async () => {
      const current = await this.contact(id);
      return contacts.updateContact(this, id, { emails: [...new Set([...current.emails, email.trim().toLowerCase()])] });
    });
  }

  mergeContacts(keepId: string, dropId: string): Promise<Contact> {
    return contacts.mergeContacts(this, keepId, dropId);
  }

  deleteContact(id: string): Promise<void> {
    return contacts.deleteContact(this, id);
  }

  recordAttempt(draft: AttemptDraft): Promise<{ attempt: Attempt; contact: Contact; duplicate: boolean }> {
    return attempts.recordAttempt(this, draft);
  }

  deleteAttempt(id: string): Promise<void> {
    return attempts.deleteAttempt(this, id);
  }

  async markReplied(contactId: string, at = this.clock()): Promise<Contact> {
    const c = await this.contact(contactId);
    if (c.repliedAt !== null && c.repliedAt >= at) return c;
    return this.updateContact(contactId, { repliedAt: at });
  }

  setStage(contactId: string, stage: Stage): Promise<Contact> {
    return this.updateContact(contactId, { stage });
  }

  snooze(contactId: string, until: number | null): Promise<Contact> {
    return this.updateContact(contactId, { snoozedUntil: until });
  }

  scheduleMeeting(input: { contactId: string; scheduledAt: number; minutes?: number }): Promise<Meeting> {
    return meetings.scheduleMeeting(this, input);
  }

  updateMeeting(id: string, patch: MeetingPatch): Promise<Meeting> {
    return meetings.updateMeeting(this, id, patch);
  }

  deleteMeeting(id: string): Promise<void> {
    return meetings.deleteMeeting(this, id);
  }

  /** The meeting happened: it is held, and the contact is "interviewed" (thank-you now due). */
  markInterviewed(contactId: string, meetingId?: string): Promise<Contact> {
    return meetings.markInterviewed(this, contactId, meetingId);
  }

  /** "Who else should I talk to?": log the person suggested, with the interviewee as referrer. */
  addReferral(input: { fromContactId: string; contact: ContactDraft | { id: string }; mayUseName?: boolean }): Promise<{ referral: Referral; contact: Contact }> {
    return meetings.addReferral(this, input);
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
   * Add many people in one transaction (an import that fails writes nothing), into the pipeline or
   * the network. A row matching an existing contact is merged into it or skipped, as the user chose.
   */
  importContacts(drafts: ContactDraft[], duplicates: 'merge' | 'skip', target?: 'network' | 'pipeline', part?: network.ImportPart): Promise<ImportResult> {
    return network.importContacts(this, drafts, duplicates, target, part);
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

  exportBackup(): ReturnType<typeof backup.exportBackup> {
    return backup.exportBackup(this);
  }

  /** Replace everything with a backup, in one transaction: a bad backup changes nothing. */
  restoreBackup(input: unknown): Promise<{ contacts: number }> {
    return backup.restoreBackup(this, input);
  }

  clearAll(): Promise<void> {
    return backup.clearAll(this);
  }
}
