/**
 * A database written by version 1 of the schema, opened by the current build, keeps every record.
 * The schema below is a frozen copy of version 1; version 2 added the due index (`nextDueAt`),
 * which the upgrade fills in. Every later `version(n)` must keep this test passing.
 */
import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WarmIntroDB } from '../../lib/db';
import { Repository } from '../../lib/repository';
import { Attempt, Contact, Meeting, Notice, Referral, Settings, Template } from '../../lib/schemas';

const V1_STORES = {
  contacts: 'id, &profileUrl, *emails, stage, name, company, *tags, referrer.contactId, updatedAt',
  attempts: 'id, contactId, at, [contactId+at]',
  meetings: 'id, contactId, scheduledAt',
  referrals: 'id, fromContactId, toContactId, &[fromContactId+toContactId]',
  templates: 'id',
  settings: 'key',
  notices: 'id, contactId, shownAt',
};

const data = JSON.parse(readFileSync(join(__dirname, '../fixtures/db/v1.json'), 'utf8')) as Record<keyof typeof V1_STORES, object[]>;

async function writeV1(name: string) {
  const old = new Dexie(name);
  old.version(1).stores(V1_STORES);
  await old.transaction('rw', old.tables, async () => {
    for (const [table, rows] of Object.entries(data)) await old.table(table).bulkAdd(rows);
  });
  old.close();
}

describe('database upgrade', () => {
  it('opens a version-1 database and keeps every record, readable through the current schemas', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    await writeV1(name);
    const db = new WarmIntroDB(name);
    const repo = new Repository(db, () => 1791300000000);
    const schemas = { contacts: Contact, attempts: Attempt, meetings: Meeting, referrals: Referral, templates: Template, notices: Notice };
    for (const [table, schema] of Object.entries(schemas)) {
      const rows = await db.table(table).toArray();
      const byId = (a: any, b: any) => String(a.id).localeCompare(String(b.id));
      // Fields later versions add (v2: the due index; v3: network, member id, name keys; v5: warmth;
      // v6: history facts, warm order) are checked below.
      const withoutIndex = rows.map(
        ({ nextDueAt: _derived, memberId: _m, inPipeline: _p, network: _n, inNetwork: _i, nameKey: _k, companyKey: _c, words: _w, introductionId: _a, warmth: _h, talkedAt: _t, heldMeeting: _hm, warmOrder: _o, ...rest }: any) => rest,
      );
      expect(withoutIndex.sort(byId)).toEqual([...data[table as keyof typeof data]].sort(byId));
      for (const row of rows) expect(schema.safeParse(row).success).toBe(true);
    }
    const { key: _key, ...settings } = data.settings[0] as { key: string };
    expect(await repo.settings()).toEqual(Settings.parse(settings));
    // The upgrade filled in the due index: Olivia's request (sent at 1790000050000) makes a
    // follow-up due 14 days later; Hannah (thanked, keep in touch every 90 days) is due 90 days
    // after her thank-you; Ravi, a prospect with no history, has nothing due.
    const due = Object.fromEntries((await db.contacts.toArray()).map((c) => [c.id, c.nextDueAt]));
    expect(due).toEqual({ 'c-olivia': 1790000050000 + 14 * 86_400_000, 'c-hannah': 1789400000000 + 90 * 86_400_000, 'c-ravi': null });
    expect((await repo.due(1790000050000 + 15 * 86_400_000)).map((d) => d.contact.id)).toEqual(['c-olivia']);
    // Version 3: everyone stays in the pipeline, nobody is in the network yet, name keys filled.
    for (const c of await db.contacts.toArray()) {
      expect(c).toMatchObject({ inPipeline: 1, network: null, inNetwork: 0, memberId: null });
      expect(c.nameKey).toBe(c.name.toLowerCase());
    }
    expect((await db.contacts.get('c-olivia'))?.companyKey).toBe('northwind analytics');
    // Version 5: warmth from the record — Hannah thanked (3), the others never talked (0).
    expect(Object.fromEntries((await db.contacts.toArray()).map((c) => [c.id, c.warmth]))).toEqual({ 'c-hannah': 3, 'c-olivia': 0, 'c-ravi': 0 });
    // Version 6: the history facts — Olivia was written to (her request), nobody met in a meeting.
    expect((await db.contacts.get('c-olivia'))).toMatchObject({ talkedAt: 1790000050000, heldMeeting: 0 });
    for (const a of await db.attempts.toArray()) expect(a.introductionId).toBeNull();
    // Indexes still answer.
    expect((await repo.lookup({ profileUrl: 'https://www.linkedin.com/in/olivia-hartmann-8a61b2b4/' }))?.referrerName).toBe('Hannah Becker');
    expect((await repo.findContact({ email: 'hannah.becker@example.com' }))?.id).toBe('c-hannah');
    expect((await repo.summary()).counts).toMatchObject({ requested: 1, thanked: 1, prospect: 1 });
    expect((await repo.lookup({ id: 'c-hannah' }))?.referred.map((c) => c.name)).toEqual(['Olivia Hartmann']);
    expect((await repo.template('request')).subject).toBe('{referrerName} suggested I write');
    await db.delete();
  });
});

/**
 * Version 3 (network and pipeline, member ids): a version-2 database keeps every record; everyone
 * stays in the pipeline, nobody is moved to the network, member ids are read from `/in/<member id>/`
 * URLs and name/company keys are filled, so the new indexes answer at once.
 */
const V2_STORES = { ...V1_STORES, contacts: 'id, &profileUrl, *emails, stage, name, company, *tags, referrer.contactId, updatedAt, nextDueAt' };
const v2data = JSON.parse(readFileSync(join(__dirname, '../fixtures/db/v2.json'), 'utf8')) as Record<keyof typeof V2_STORES, object[]>;

describe('database upgrade to version 3', () => {
  it('opens a version-2 database, keeps every record and fills the new fields', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(2).stores(V2_STORES);
    await old.transaction('rw', old.tables, async () => {
      for (const [table, rows] of Object.entries(v2data)) await old.table(table).bulkAdd(rows);
    });
    old.close();

    const db = new WarmIntroDB(name);
    const repo = new Repository(db, () => 1791300000000);
    const NEW = ['memberId', 'inPipeline', 'network', 'inNetwork', 'nameKey', 'companyKey', 'words', 'introductionId', 'warmth', 'talkedAt', 'heldMeeting', 'warmOrder'];
    const strip = (row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).filter(([k]) => !NEW.includes(k)));
    const schemas = { contacts: Contact, attempts: Attempt, meetings: Meeting, referrals: Referral, notices: Notice };
    for (const [table, schema] of Object.entries(schemas)) {
      const rows = (await db.table(table).toArray()) as Record<string, unknown>[];
      const byId = (a: any, b: any) => String(a.id).localeCompare(String(b.id));
      expect(rows.map(strip).sort(byId), table).toEqual([...v2data[table as keyof typeof v2data]].sort(byId));
      for (const row of rows) expect(schema.safeParse(row).success, `${table} ${String(row.id)}`).toBe(true);
    }
    const c = Object.fromEntries((await db.contacts.toArray()).map((row) => [row.id, row]));
    for (const row of Object.values(c)) expect(row).toMatchObject({ inPipeline: 1, network: null, inNetwork: 0 });
    expect(c['c-jose']).toMatchObject({ memberId: 'ACoAABcDeFgHiJkLmNoPqRsTuVwXyZ0123456789', nameKey: 'jose nunez', companyKey: 'fabrikam' });
    expect(c['c-olivia']).toMatchObject({ memberId: null, nameKey: 'olivia hartmann', companyKey: 'northwind analytics' });
    expect(c['c-imported']).toMatchObject({ nameKey: 'soren olund', companyKey: 'contoso' });
    expect(c['c-noname-url']).toMatchObject({ memberId: null, companyKey: null });
    for (const a of await db.attempts.toArray()) expect(a.introductionId).toBeNull();

    // The new indexes answer: member id, company, pipeline counts; the old ones still do.
    expect((await repo.lookup({ memberId: 'ACoAABcDeFgHiJkLmNoPqRsTuVwXyZ0123456789' }))?.contact.id).toBe('c-jose');
    expect((await repo.companyPeople('Fabrikam')).people.map((p) => p.name)).toEqual(['Dr. José Núñez, PhD']);
    expect((await repo.summary()).counts).toMatchObject({ requested: 1, thanked: 1, prospect: 1, 'moved-on': 1 });
    expect((await repo.summary()).network).toBe(0);
    expect((await repo.lookup({ profileUrl: 'https://www.linkedin.com/in/olivia-hartmann-8a61b2b4/' }))?.referrerName).toBe('Dr. José Núñez, PhD');
    // Nobody was moved, but the idle imported prospect can be offered.
    expect(await repo.moveCandidates()).toEqual({ count: 1, answered: false });
    // José, met and thanked, is the one who can introduce you at Northwind (he introduced Olivia).
    const intro = await repo.introducersForProfile({ company: 'Northwind Analytics', mutualNames: [] });
    expect(intro.map((i) => [i.name, i.reasons.map((r) => r.kind)])).toEqual([
      ['Dr. José Núñez, PhD', ['introduced-before']],
      ['Olivia Hartmann', ['same-company']],
    ]);
    await db.delete();
  });
});

describe('backups', () => {
  it('restores a version-1 backup: everyone in the pipeline, no introductions; exports version 2', async () => {
    const db = new WarmIntroDB(`backup-${crypto.randomUUID()}`);
    const repo = new Repository(db, () => 1791300000000);
    const { key: _key, ...settings } = data.settings[0] as { key: string };
    const v1 = {
      format: 'warm-intro-backup',
      version: 1,
      exportedAt: 1791000000000,
      contacts: data.contacts,
      attempts: data.attempts,
      meetings: data.meetings,
      referrals: data.referrals,
      templates: data.templates,
      settings,
      notices: data.notices,
    };
    expect(await repo.restoreBackup(v1)).toEqual({ contacts: 3 });
    expect((await repo.summary()).total).toBe(3);
    expect((await repo.contact('c-olivia'))).toMatchObject({ inPipeline: 1, network: null, nameKey: 'olivia hartmann', companyKey: 'northwind analytics' });
    const out = await repo.exportBackup();
    expect(out).toMatchObject({ version: 2, introductions: [] });
    expect(out.contacts).toHaveLength(3);
    // A version-2 backup round-trips, introductions included.
    const { contact: target } = await repo.logContact({ name: 'Bea Target', inPipeline: 0 });
    await repo.askIntroduction({ introducerId: 'c-hannah', target: { id: target.id } });
    const v2 = JSON.parse(JSON.stringify(await repo.exportBackup()));
    await repo.clearAll();
    await repo.restoreBackup(v2);
    expect(await db.introductions.count()).toBe(1);
    expect((await repo.lookup({ id: 'c-hannah' }))?.introductions.map((i) => i.targetName)).toEqual(['Bea Target']);
    // An introduction naming a missing person is refused, changing nothing.
    await expect(repo.restoreBackup({ ...v2, introductions: [{ ...v2.introductions[0], targetId: 'nobody' }] })).rejects.toThrow(/missing contact/);
    expect(await db.introductions.count()).toBe(1);
    await db.delete();
  });
});

/** Frozen copy of version 4's schema (version 3's stores; version 4 only counted the pipeline). */
const V4_STORES = {
  ...V1_STORES,
  contacts:
    'id, &profileUrl, &memberId, *emails, stage, name, company, *tags, referrer.contactId, updatedAt, nextDueAt, nameKey, companyKey, *words, [inPipeline+stage], [inNetwork+nameKey]',
  introductions: 'id, introducerId, targetId, status, &[introducerId+targetId]',
  meta: 'key',
  undo: 'token, createdAt',
};

describe('database upgrade to version 5', () => {
  it('opens a version-4 database, keeps every record and fills warmth, so a company lists its warmest first', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    const T = 1791000000000;
    // Version 6 fields (history facts, warm order) are not in a version-4 record.
    const V6 = ['warmth', 'talkedAt', 'heldMeeting', 'warmOrder'];
    const v4 = (c: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(Contact.parse({ company: 'Acme Inc.', createdAt: T, updatedAt: T, ...c })).filter(([k]) => !V6.includes(k)));
    const contacts = [
      v4({ id: 'c-net', name: 'Nora Network', inPipeline: 0, network: { source: 'csv', connectedOn: null, position: null } }),
      v4({ id: 'c-thanked', name: 'Theo Thanked', stage: 'thanked' }),
      v4({ id: 'c-replied', name: 'Rita Replied', stage: 'requested', repliedAt: T }),
      v4({ id: 'c-prospect', name: 'Paul Prospect' }),
      v4({ id: 'c-target', name: 'Tina Target', inPipeline: 0 }),
    ];
    const attempts = [Attempt.parse({ id: 'a-1', contactId: 'c-replied', at: T - 1000, channel: 'email', kind: 'request', createdAt: T })];
    const old = new Dexie(name);
    old.version(4).stores(V4_STORES);
    await old.transaction('rw', old.tables, async () => {
      await old.table('contacts').bulkAdd(contacts);
      await old.table('attempts').bulkAdd(attempts);
    });
    old.close();

    const db = new WarmIntroDB(name);
    const repo = new Repository(db, () => T + 1000);
    const rows = await db.contacts.toArray();
    const strip = (row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).filter(([k]) => !V6.includes(k)));
    const byId = (a: any, b: any) => String(a.id).localeCompare(String(b.id));
    expect(rows.map(strip).sort(byId)).toEqual([...contacts].sort(byId));
    for (const row of rows) expect(Contact.safeParse(row).success).toBe(true);
    expect(await db.attempts.toArray()).toEqual(attempts);
    expect(Object.fromEntries(rows.map((c) => [c.id, c.warmth]))).toEqual({ 'c-net': 1, 'c-thanked': 3, 'c-replied': 2, 'c-prospect': 0, 'c-target': -1 });
    // The new index answers: warmest first, the bare introduction target not counted.
    const at = await repo.companyPeople('ACME');
    expect(at.total).toBe(4);
    expect(at.people.map((p) => p.name)).toEqual(['Theo Thanked', 'Rita Replied', 'Nora Network', 'Paul Prospect']);
    await db.delete();
  });
});

/**
 * Version 6 (the warm path from the records): a version-5 database keeps every record; each contact
 * gets the facts its attempts and meetings give (`talkedAt`, `heldMeeting`), a whole warmth and
 * its warm order, and each company the number of people you know there.
 */
const V5_STORES = {
  ...V4_STORES,
  contacts:
    'id, &profileUrl, &memberId, *emails, stage, name, company, *tags, referrer.contactId, updatedAt, nextDueAt, nameKey, companyKey, *words, [inPipeline+stage], [inNetwork+nameKey], [companyKey+warmth]',
};

describe('database upgrade to version 6', () => {
  it('opens a version-5 database, keeps every record, stores the history facts and counts the companies', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    const T = 1791000000000;
    const DAY = 86_400_000;
    // A version-5 record: warmth from the record alone, none of the version-6 fields.
    const v5 = (c: Record<string, unknown>) => {
      const { talkedAt: _t, heldMeeting: _h, warmOrder: _o, ...rest } = Contact.parse({ company: 'Acme Inc.', createdAt: T, updatedAt: T, ...c });
      return rest;
    };
    const network = { source: 'csv', connectedOn: null, position: null };
    const contacts = [
      v5({ id: 'c-met', name: 'Mia Met', inPipeline: 0, network }),
      v5({ id: 'c-wrote', name: 'Walt Wrote', stage: 'requested' }),
      v5({ id: 'c-replied', name: 'Rita Replied', stage: 'requested', repliedAt: T - 5 * DAY }),
      v5({ id: 'c-net', name: 'Nora Network', inPipeline: 0, network }),
      v5({ id: 'c-target', name: 'Tina Target', inPipeline: 0, referrer: { type: 'contact', contactId: 'c-met' } }),
      v5({ id: 'c-globex', name: 'Gus Globex', company: 'Globex', network, inPipeline: 0 }),
    ];
    const attempts = [
      Attempt.parse({ id: 'a-1', contactId: 'c-wrote', at: T - 2 * DAY, channel: 'email', kind: 'request', createdAt: T }),
      Attempt.parse({ id: 'a-2', contactId: 'c-wrote', at: T - 9 * DAY, channel: 'email', kind: 'request', createdAt: T }),
      Attempt.parse({ id: 'a-3', contactId: 'c-replied', at: T - 7 * DAY, channel: 'email', kind: 'request', createdAt: T }),
    ];
    const meetings = [
      Meeting.parse({ id: 'm-1', contactId: 'c-met', scheduledAt: T - 20 * DAY, held: true, createdAt: T, updatedAt: T }),
      Meeting.parse({ id: 'm-2', contactId: 'c-net', scheduledAt: T + 3 * DAY, held: false, createdAt: T, updatedAt: T }),
    ];
    const old = new Dexie(name);
    old.version(5).stores(V5_STORES);
    await old.transaction('rw', old.tables, async () => {
      await old.table('contacts').bulkAdd(contacts);
      await old.table('attempts').bulkAdd(attempts);
      await old.table('meetings').bulkAdd(meetings);
    });
    old.close();

    const db = new WarmIntroDB(name);
    const repo = new Repository(db, () => T);
    const rows = await db.contacts.toArray();
    const V6 = ['talkedAt', 'heldMeeting', 'warmOrder', 'warmth'];
    const strip = (row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).filter(([k]) => !V6.includes(k)));
    const byId = (a: any, b: any) => String(a.id).localeCompare(String(b.id));
    expect(rows.map(strip).sort(byId)).toEqual(contacts.map(strip).sort(byId));
    for (const row of rows) expect(Contact.safeParse(row).success, String(row.id)).toBe(true);
    expect(await db.attempts.toArray()).toEqual(attempts);
    expect(await db.meetings.toArray()).toEqual(meetings);
    const facts = Object.fromEntries(rows.map((c) => [c.id, [c.talkedAt, c.heldMeeting, c.warmth]]));
    expect(facts).toEqual({
      'c-met': [T - 20 * DAY, 1, 3], // a held meeting: met, whatever the stage says
      'c-wrote': [T - 2 * DAY, 0, 0],
      'c-replied': [T - 7 * DAY, 0, 2],
      'c-net': [null, 0, 1], // a meeting not yet held is no talk
      'c-target': [null, 0, -1],
      'c-globex': [null, 0, 1],
    });
    expect((await db.companies.toArray()).sort((a, b) => a.key.localeCompare(b.key))).toEqual([
      { key: 'acme', people: 4 },
      { key: 'globex', people: 1 },
    ]);
    // The new index and rows answer: warmest first, then the latest talk.
    const at = await repo.companyPeople('ACME');
    expect(at.total).toBe(4);
    expect(at.people.map((p) => [p.name, p.lastTalkedAt])).toEqual([
      ['Mia Met', T - 20 * DAY],
      ['Rita Replied', T - 5 * DAY],
      ['Nora Network', null],
      ['Walt Wrote', T - 2 * DAY],
    ]);
    // Mia introduced you to Tina at Acme (her referrer): found through the new referrer index.
    const intro = await repo.introducersForProfile({ company: 'Acme', mutualNames: [] });
    expect(intro[0]).toMatchObject({ name: 'Mia Met', reasons: [{ kind: 'introduced-before' }, { kind: 'same-company' }] });
    await db.delete();
  });
});
