/**
 * The one Dexie database. Only the background worker opens it; everything else asks through
 * `lib/messages.ts`. A shipped `version(n)` is never edited: add `version(n + 1)` with an `upgrade()`
 * and a test that opens a database made by the old version (tests/lib/db-upgrade.test.ts).
 */
import Dexie, { type EntityTable } from 'dexie';
import { dueIndexChanges } from './due-index';
import { DEFAULT_SETTINGS, Settings as SettingsSchema, type Attempt, type Contact, type Meeting, type Notice, type Referral, type Settings, type Template } from './schemas';

export const DB_NAME = 'warm-intro';

export interface SettingsRow extends Settings {
  key: 'settings';
}

export class WarmIntroDB extends Dexie {
  contacts!: EntityTable<Contact, 'id'>;
  attempts!: EntityTable<Attempt, 'id'>;
  meetings!: EntityTable<Meeting, 'id'>;
  referrals!: EntityTable<Referral, 'id'>;
  templates!: EntityTable<Template, 'id'>;
  settings!: EntityTable<SettingsRow, 'key'>;
  notices!: EntityTable<Notice, 'id'>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
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
  }
}
