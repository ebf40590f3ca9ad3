/**
 * The warm path ranks people from their records alone (issue 16, "fast at scale"): each contact
 * stores what its attempts and meetings say (`talkedAt`, `heldMeeting`), and the database counts the
 * people you know per company. These tests prove every write that changes those facts keeps them
 * right — attempts, meetings, replies, merges, deletions, imports, restoring a backup — by comparing
 * the stored facts with the histories themselves after each step.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countCompanies } from '../../lib/company-counts';
import { WarmIntroDB } from '../../lib/db';
import { Repository } from '../../lib/repository';
import { relationshipFromRecord, relationshipOf } from '../../lib/warm-path';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 23, 12);
let db: WarmIntroDB;
let repo: Repository;
let now = T0;

beforeEach(() => {
  now = T0;
  db = new WarmIntroDB(`test-${crypto.randomUUID()}`);
  repo = new Repository(db, () => now);
});
afterEach(async () => {
  await db.delete();
});

/** The relationship as the stored record says it, checked against the one its histories give. */
async function relationship(id: string) {
  const c = (await db.contacts.get(id))!;
  const [attempts, meetings] = await Promise.all([db.attempts.where('contactId').equals(id).toArray(), db.meetings.where('contactId').equals(id).toArray()]);
  const stored = relationshipFromRecord(c);
  expect(stored, `${c.name}: stored facts agree with the histories`).toEqual(relationshipOf(c, attempts, meetings));
  return stored;
}

/** Every company row agrees with a count of the records. */
async function expectCompanyCounts() {
  const rows = (await db.companies.toArray()).sort((a, b) => a.key.localeCompare(b.key));
  expect(rows).toEqual(countCompanies(await db.contacts.toArray()).sort((a, b) => a.key.localeCompare(b.key)));
}

const network = { source: 'manual' as const, connectedOn: null, position: null };

describe('history facts on the contact', () => {
  it('follow attempts sent, backdated and deleted', async () => {
    const { contact } = await repo.logContact({ name: 'Nora Network', company: 'Acme', inPipeline: 0, network });
    expect(await relationship(contact.id)).toEqual({ met: false, talked: false, lastTalkedAt: null });
    const { attempt } = await repo.recordAttempt({ contactId: contact.id, channel: 'email', kind: 'request', at: T0 - 2 * DAY });
    expect((await relationship(contact.id)).lastTalkedAt).toBe(T0 - 2 * DAY);
    const older = await repo.recordAttempt({ contactId: contact.id, channel: 'linkedin', kind: 'follow-up', at: T0 - 9 * DAY });
    expect((await relationship(contact.id)).lastTalkedAt).toBe(T0 - 2 * DAY);
    await repo.deleteAttempt(attempt.id);
    expect((await relationship(contact.id)).lastTalkedAt).toBe(T0 - 9 * DAY);
    await repo.deleteAttempt(older.attempt.id);
    expect((await relationship(contact.id)).lastTalkedAt).toBeNull();
    // The company panel says the same, from the record.
    expect((await repo.companyPeople('Acme')).people).toMatchObject([{ name: 'Nora Network', lastTalkedAt: null }]);
  });

  it('follow meetings held, moved and deleted; a held meeting makes them a met introducer whatever the stage', async () => {
    const { contact } = await repo.logContact({ name: 'Mia Meeting', company: 'Acme', inPipeline: 0, network });
    const { contact: other } = await repo.logContact({ name: 'Otto Other', company: 'Acme', inPipeline: 0, network });
    await repo.markReplied(other.id, T0 - DAY);
    const meeting = await repo.scheduleMeeting({ contactId: contact.id, scheduledAt: T0 - 5 * DAY });
    expect(await relationship(contact.id)).toEqual({ met: false, talked: false, lastTalkedAt: null });
    await repo.updateMeeting(meeting.id, { held: true });
    expect(await relationship(contact.id)).toEqual({ met: true, talked: true, lastTalkedAt: T0 - 5 * DAY });
    expect((await db.contacts.get(contact.id))?.warmth).toBe(3);
    // Met outranks replied, in the company's order and in the introducer list.
    expect((await repo.companyPeople('Acme')).people.map((p) => p.name)).toEqual(['Mia Meeting', 'Otto Other']);
    expect((await repo.introducersForProfile({ company: 'Acme', mutualNames: [] })).map((i) => i.name)).toEqual(['Mia Meeting', 'Otto Other']);
    await repo.updateMeeting(meeting.id, { scheduledAt: T0 - 3 * DAY });
    expect((await relationship(contact.id)).lastTalkedAt).toBe(T0 - 3 * DAY);
    await repo.deleteMeeting(meeting.id);
    expect(await relationship(contact.id)).toEqual({ met: false, talked: false, lastTalkedAt: null });
    expect((await repo.companyPeople('Acme')).people.map((p) => p.name)).toEqual(['Otto Other', 'Mia Meeting']);
    expect((await relationship(other.id)).lastTalkedAt).toBe(T0 - DAY);
  });

  it('count a reply, and markInterviewed', async () => {
    const { contact } = await repo.logContact({ name: 'Rita Replied', company: 'Acme', stage: 'requested' });
    await repo.recordAttempt({ contactId: contact.id, channel: 'email', kind: 'request', at: T0 - 3 * DAY });
    now = T0 - DAY;
    await repo.markReplied(contact.id);
    expect(await relationship(contact.id)).toEqual({ met: false, talked: true, lastTalkedAt: T0 - DAY });
    expect((await db.contacts.get(contact.id))?.warmth).toBe(2);
    now = T0;
    await repo.markInterviewed(contact.id);
    const rel = await relationship(contact.id);
    expect(rel.met).toBe(true);
    expect(rel.lastTalkedAt).toBeGreaterThanOrEqual(T0 - DAY);
  });

  it('survive a merge: the kept record has both histories', async () => {
    const { contact: a } = await repo.logContact({ name: 'Ana Souza', company: 'Acme', profileUrl: 'https://www.linkedin.com/in/ana-souza/' });
    now = T0 + 1;
    const { contact: b } = await repo.logContact({ name: 'Ana M. Souza', company: 'Acme', emails: ['ana@example.com'], inPipeline: 0, network });
    await repo.recordAttempt({ contactId: a.id, channel: 'email', kind: 'request', at: T0 - 8 * DAY });
    const m = await repo.scheduleMeeting({ contactId: b.id, scheduledAt: T0 - 4 * DAY });
    await repo.updateMeeting(m.id, { held: true });
    const merged = await repo.mergeContacts(a.id, b.id);
    expect(merged.id).toBe(a.id);
    expect(await relationship(a.id)).toEqual({ met: true, talked: true, lastTalkedAt: T0 - 4 * DAY });
    await expectCompanyCounts();
    expect((await repo.companyPeople('Acme')).total).toBe(1);
  });

  it('are filled in by a restored backup, even one written without them, and kept by an import that merges', async () => {
    const { contact } = await repo.logContact({ name: 'Bea Backup', company: 'Acme', profileUrl: 'https://www.linkedin.com/in/bea-backup/' });
    await repo.recordAttempt({ contactId: contact.id, channel: 'email', kind: 'request', at: T0 - 6 * DAY });
    const m = await repo.scheduleMeeting({ contactId: contact.id, scheduledAt: T0 - 2 * DAY });
    await repo.updateMeeting(m.id, { held: true });
    const backup = await repo.exportBackup();
    const bare = { ...backup, contacts: backup.contacts.map(({ talkedAt: _t, heldMeeting: _h, ...c }) => c) };
    await repo.clearAll();
    expect(await db.companies.count()).toBe(0);
    await repo.restoreBackup(JSON.parse(JSON.stringify(bare)));
    expect(await relationship(contact.id)).toEqual({ met: true, talked: true, lastTalkedAt: T0 - 2 * DAY });
    await expectCompanyCounts();
    // The same person imported again (a LinkedIn export): merged, the facts stay.
    await repo.importContacts([{ name: 'Bea Backup', company: 'Acme GmbH', profileUrl: 'https://www.linkedin.com/in/bea-backup/' }], 'merge', 'network');
    expect(await relationship(contact.id)).toEqual({ met: true, talked: true, lastTalkedAt: T0 - 2 * DAY });
    await expectCompanyCounts();
  });

  it('are kept when a writer puts a copy of the record read before the history changed', async () => {
    const { contact } = await repo.logContact({ name: 'Stale Copy', company: 'Acme' });
    const before = (await db.contacts.get(contact.id))!;
    await repo.recordAttempt({ contactId: contact.id, channel: 'email', kind: 'request', at: T0 - DAY });
    // recordAttempt reads the contact, adds the attempt and writes the contact back in one
    // transaction; the facts are settled at its end.
    expect((await relationship(contact.id)).lastTalkedAt).toBe(T0 - DAY);
    expect(before.talkedAt).toBeNull();
  });
});

describe('people you know per company', () => {
  it('are counted by every write: import, pipeline, company change, introduction target, introduced, deletion, into the pipeline, clear', async () => {
    await repo.importContacts(
      [
        { name: 'Nora One', company: 'Acme Inc.', profileUrl: 'https://www.linkedin.com/in/nora-one/' },
        { name: 'Nils Two', company: 'ACME', profileUrl: 'https://www.linkedin.com/in/nils-two/' },
        { name: 'Gina Globex', company: 'Globex', profileUrl: 'https://www.linkedin.com/in/gina-globex/' },
      ],
      'merge',
      'network',
    );
    await expectCompanyCounts();
    expect(await db.companies.get('acme')).toEqual({ key: 'acme', people: 2 });
    const { contact: prospect } = await repo.logContact({ name: 'Pia Prospect', company: 'Acme' });
    expect((await repo.companyPeople('Acme')).total).toBe(3);
    await repo.updateContact(prospect.id, { company: 'Globex Ltd' });
    await expectCompanyCounts();
    expect((await repo.companyPeople('Acme')).total).toBe(2);
    expect((await repo.companyPeople('Globex')).total).toBe(2);

    // A bare introduction target is not someone you know, until introduced.
    const nora = (await repo.findContact({ profileUrl: 'https://www.linkedin.com/in/nora-one/' }))!;
    const { introduction } = await repo.askIntroduction({ introducerId: nora.id, target: { name: 'Tom Target', company: 'Acme' } });
    await expectCompanyCounts();
    expect((await repo.companyPeople('Acme')).total).toBe(2);
    await repo.setIntroductionStatus(introduction.id, 'introduced');
    await expectCompanyCounts();
    expect((await repo.companyPeople('Acme')).total).toBe(3);

    await repo.deleteContact(nora.id);
    await expectCompanyCounts();
    expect((await repo.companyPeople('Acme')).total).toBe(2);

    await repo.toPipeline((await repo.findContact({ profileUrl: 'https://www.linkedin.com/in/nils-two/' }))!.id);
    await expectCompanyCounts();

    await repo.clearAll();
    expect(await db.companies.count()).toBe(0);
    expect((await repo.companyPeople('Acme')).total).toBe(0);
  });

  it('are moved by writes past the repository too (bulk and range deletes)', async () => {
    await db.contacts.bulkAdd(
      ['a', 'b', 'c'].map((id) => ({
        ...(({ id: _i, ...rest }) => rest)(structuredClone(base)),
        id,
        name: `Person ${id}`,
        profileUrl: `https://www.linkedin.com/in/person-${id}/`,
      })) as never,
    );
    await expectCompanyCounts();
    expect((await db.companies.get('acme'))?.people).toBe(3);
    await db.contacts.where('id').between('a', 'b', true, true).delete();
    await expectCompanyCounts();
    expect((await db.companies.get('acme'))?.people).toBe(1);
    await db.contacts.delete('c');
    expect(await db.companies.get('acme')).toBeUndefined();
  });
});

const base = {
  id: 'x',
  name: 'X',
  headline: null,
  company: 'Acme',
  location: null,
  profileUrl: null,
  memberId: null,
  emails: [],
  referrer: null,
  inPipeline: 0,
  stage: 'prospect',
  network: { source: 'manual', connectedOn: null, position: null },
  tags: [],
  notes: '',
  repliedAt: null,
  snoozedUntil: null,
  keepInTouchDays: null,
  nextDueAt: null,
  talkedAt: null,
  heldMeeting: 0,
  createdAt: T0,
  updatedAt: T0,
  inNetwork: 1,
  nameKey: 'x',
  companyKey: 'acme',
  words: ['x'],
};
