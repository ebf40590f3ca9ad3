/**
 * The one Dexie database. Only the background worker opens it; everything else asks through
 * `lib/messages.ts`. A shipped `version(n)` is never edited: add `version(n + 1)` with an `upgrade()`
 * and a test that opens a database made by the old version (tests/lib/db-upgrade.test.ts).
 */
import Dexie, { type DBCore, type DBCoreMutateRequest, type EntityTable, type Middleware } from 'dexie';
import { COMPANIES, companyCountsMiddleware, countCompanies, type CompanyRow } from './company-counts';
import { COUNTS_KEY, countsMiddleware, emptyCounts, tally } from './counts';
import { dueIndexChanges } from './due-index';
import { companyKey, nameKey, searchWords } from './names';
import { historyFacts, recordWarmth, warmFields } from './warm-path';
import {
  DEFAULT_SETTINGS,
  memberIdOf,
  Settings as SettingsSchema,
  type Attempt,
  type Contact,
  type Introduction,
  type Meeting,
  type Notice,
  type Referral,
  type Settings,
  type Template,
} from './schemas';

export const DB_NAME = 'warm-intro';

export interface SettingsRow extends Settings {
  key: 'settings';
}

/** Small facts that are not settings (the one-time "move prospects to your network" offer). */
export interface MetaRow {
  key: string;
  value: unknown;
}

/** What an undoable bulk change changed, to put it back (`network.undoMove`). */
export interface UndoRow {
  token: string;
  kind: 'move-prospects';
  createdAt: number;
  /** Each moved contact as it was before. */
  before: Array<{ id: string; inPipeline: 0 | 1; network: Contact['network'] }>;
}

/** `warmth` and `warmOrder` of a raw record (lib/warm-path.ts `warmFields`), as the schema derives them. */
function rawWarmFields(v: Record<string, unknown>): { warmth: number; warmOrder: number } {
  return warmFields({
    stage: String(v.stage ?? '') as Contact['stage'],
    inPipeline: v.inPipeline === 1 ? (1 as const) : (0 as const),
    repliedAt: typeof v.repliedAt === 'number' ? v.repliedAt : null,
    network: v.network ?? null,
    talkedAt: typeof v.talkedAt === 'number' ? v.talkedAt : null,
    heldMeeting: v.heldMeeting === 1 ? (1 as const) : (0 as const),
  });
}

/**
 * `warmth` and `warmOrder` are set on every contact written, whoever writes it: several writers put
 * a spread of a record with a new stage or reply time, past the schema, and the company index must
 * not go stale.
 */
const warmthMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'warm-intro-warmth',
  create(down) {
    return {
      ...down,
      table(name: string) {
        const table = down.table(name);
        if (name !== 'contacts') return table;
        return {
          ...table,
          mutate(req: DBCoreMutateRequest) {
            if (req.type !== 'add' && req.type !== 'put') return table.mutate(req);
            const values = req.values.map((v: Record<string, unknown>) => ({ ...v, ...rawWarmFields(v) }));
            return table.mutate({ ...req, values } as DBCoreMutateRequest);
          },
        };
      },
    };
  },
};

export class WarmIntroDB extends Dexie {
  contacts!: EntityTable<Contact, 'id'>;
  attempts!: EntityTable<Attempt, 'id'>;
  meetings!: EntityTable<Meeting, 'id'>;
  referrals!: EntityTable<Referral, 'id'>;
  templates!: EntityTable<Template, 'id'>;
  settings!: EntityTable<SettingsRow, 'key'>;
  notices!: EntityTable<Notice, 'id'>;
  introductions!: EntityTable<Introduction, 'id'>;
  meta!: EntityTable<MetaRow, 'key'>;
  undo!: EntityTable<UndoRow, 'token'>;
  companies!: EntityTable<CompanyRow, 'key'>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    // Relaxed durability (Chrome's default since 121, and what Firefox and Safari always do): a
    // write is complete once it is in the operating system's buffers, not flushed to the disk. A
    // crash of the browser or the worker right after a write loses nothing (the data has left the
    // process); a crash of the OS or a power cut within the next seconds can lose the last writes —
    // a contact logged or an attempt counted, which the user sees missing and logs again; never
    // half a write (a transaction lands whole or not at all). Strict flushing cost 1–2 ms more per
    // write here (bench/request-profile.md) and, per Chrome, still does not guarantee the disk has
    // it. Pinned rather than left to the browser's default.
    super(name, { chromeTransactionDurability: 'relaxed', ...options });
    // Version 1 — shipped. Indexes: profile URL unique (null profile URLs are not indexed, so
    // contacts without one never collide); e-mails and tags multi-entry; referrer id for the tree.
    this.version(1).stores({
      contacts: 'id, &profileUrl, *emails, stage, name, company, *tags, referrer.contactId, updatedAt',
      attempts: 'id, contactId, at, [contactId+at]',
      meetings: 'id, contactId, scheduledAt',
      referrals: 'id, fromContactId, toContactId, &[fromContactId+toContactId]',
      templates: 'id',
      settings: 'key',
      notices: 'id, contactId, shownAt',
    });
    // Version 2: the due index (lib/due-index.ts), filled in for every existing contact.
    this.version(2)
      .stores({ contacts: 'id, &profileUrl, *emails, stage, name, company, *tags, referrer.contactId, updatedAt, nextDueAt' })
      .upgrade(async (tx) => {
        const row = await tx.table('settings').get('settings');
        const settings = row ? SettingsSchema.parse(row) : DEFAULT_SETTINGS;
        const contacts = await tx.table<Contact>('contacts').toArray();
        const changes = dueIndexChanges(contacts, await tx.table('attempts').toArray(), await tx.table('meetings').toArray(), settings, Date.now());
        await tx
          .table<Contact>('contacts')
          .toCollection()
          .modify((c) => {
            c.nextDueAt = changes.has(c.id) ? (changes.get(c.id) ?? null) : (c.nextDueAt ?? null);
          });
      });
    // Version 3: one person, one record — network and pipeline (issue 16) and member ids (issue 12).
    // Member id unique when set (null is not indexed); `[inPipeline+stage]` counts the board,
    // `[inNetwork+nameKey]` pages the network, `nameKey`/`companyKey`/`words` match page names.
    // Every existing contact stays on the board (inPipeline 1); nobody is moved silently.
    this.version(3)
      .stores({
        contacts:
          'id, &profileUrl, &memberId, *emails, stage, name, company, *tags, referrer.contactId, updatedAt, nextDueAt, nameKey, companyKey, *words, [inPipeline+stage], [inNetwork+nameKey]',
        introductions: 'id, introducerId, targetId, status, &[introducerId+targetId]',
        meta: 'key',
        undo: 'token, createdAt',
      })
      .upgrade(async (tx) => {
        await tx
          .table('contacts')
          .toCollection()
          .modify((c: Record<string, unknown>) => {
            const name = String(c.name ?? '');
            const company = typeof c.company === 'string' ? c.company : null;
            c.memberId = memberIdOf(typeof c.profileUrl === 'string' ? c.profileUrl : null);
            c.inPipeline = 1;
            c.network = null;
            c.inNetwork = 0;
            c.nameKey = nameKey(name);
            c.companyKey = companyKey(company);
            c.words = searchWords(name, company);
          });
        await tx
          .table('attempts')
          .toCollection()
          .modify((a: Record<string, unknown>) => {
            a.introductionId ??= null;
          });
      });
    // Version 4: the pipeline counts kept in one meta row (lib/counts.ts), counted once here; from
    // now on every change to a contact moves them in its own transaction.
    this.version(4)
      .stores({})
      .upgrade(async (tx) => {
        const counts = emptyCounts();
        await tx.table<Contact>('contacts').each((c) => tally(counts, c, 1));
        await tx.table<MetaRow>('meta').put({ key: COUNTS_KEY, value: counts });
      });
    // Version 5: `warmth` (lib/warm-path.ts `recordWarmth`), derived from the record like the name
    // keys, and `[companyKey+warmth]`, so a company's warmest people are read first — a few rows
    // at a company where you know thousands. Filled in for every existing contact.
    this.version(5)
      .stores({
        contacts:
          'id, &profileUrl, &memberId, *emails, stage, name, company, *tags, referrer.contactId, updatedAt, nextDueAt, nameKey, companyKey, *words, [inPipeline+stage], [inNetwork+nameKey], [companyKey+warmth]',
      })
      .upgrade(async (tx) => {
        await tx
          .table('contacts')
          .toCollection()
          .modify((c: Record<string, unknown>) => {
            c.warmth = recordWarmth({
              stage: c.stage as Contact['stage'],
              inPipeline: c.inPipeline === 1 ? 1 : 0,
              repliedAt: typeof c.repliedAt === 'number' ? c.repliedAt : null,
              network: c.network ?? null,
            });
          });
      });
    // Version 6: what each contact's attempts and meetings say about the relationship, stored on
    // the contact (`talkedAt`, `heldMeeting`, kept by every write that changes them), so `warmth`
    // is the whole warmth and `[companyKey+warmOrder+nameKey]` lists a company's people in the
    // order the warm path shows them; `[companyKey+referrer.contactId]` finds who introduced you
    // to someone there; `companies` counts the people you know at each company
    // (lib/company-counts.ts). `[companyKey+warmth]` is replaced by the order index.
    this.version(6)
      .stores({
        contacts:
          'id, &profileUrl, &memberId, *emails, stage, name, company, *tags, referrer.contactId, updatedAt, nextDueAt, nameKey, companyKey, *words, [inPipeline+stage], [inNetwork+nameKey], [companyKey+warmOrder+nameKey], [companyKey+referrer.contactId]',
        [COMPANIES]: 'key',
      })
      .upgrade(async (tx) => {
        const histories = new Map<string, { attempts: Attempt[]; meetings: Meeting[] }>();
        const slot = (id: string) => {
          let h = histories.get(id);
          if (!h) histories.set(id, (h = { attempts: [], meetings: [] }));
          return h;
        };
        await tx.table<Attempt>('attempts').each((a) => void slot(a.contactId).attempts.push(a));
        await tx.table<Meeting>('meetings').each((m) => void slot(m.contactId).meetings.push(m));
        const counted: Array<Record<string, unknown>> = [];
        await tx
          .table('contacts')
          .toCollection()
          .modify((c: Record<string, unknown>) => {
            const h = histories.get(String(c.id));
            Object.assign(c, historyFacts(h?.attempts ?? [], h?.meetings ?? []));
            Object.assign(c, rawWarmFields(c));
            counted.push({ companyKey: c.companyKey, inPipeline: c.inPipeline, network: c.network });
          });
        await tx.table<CompanyRow>(COMPANIES).bulkPut(countCompanies(counted));
      });
    this.use(countsMiddleware);
    this.use(companyCountsMiddleware);
    this.use(warmthMiddleware);
  }
}
