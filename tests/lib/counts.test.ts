/**
 * The pipeline counts kept in a row (lib/counts.ts) always equal a recount of the records, whatever
 * the write: log, stage change, import into either side, one-step move to the pipeline, the
 * prospects-to-network move and its undo, merge, delete, backup restore, clear.
 */
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COUNTS_KEY, countAll } from '../../lib/counts';
import { WarmIntroDB } from '../../lib/db';
import { Repository } from '../../lib/repository';

let db: WarmIntroDB;
let repo: Repository;
let now = Date.UTC(2026, 10, 23, 12);

beforeEach(() => {
  now = Date.UTC(2026, 10, 23, 12);
  db = new WarmIntroDB(`counts-${crypto.randomUUID()}`);
  repo = new Repository(db, () => now);
});
afterEach(async () => {
  await db.delete();
});

/** The summary's counts, and that they match a recount of every record. */
async function expectInStep() {
  const summary = await repo.summary();
  const recount = countAll(await db.contacts.toArray());
  expect(summary.counts).toEqual(recount.stages);
  expect(summary.network).toBe(recount.network);
  return summary;
}

describe('pipeline counts kept by the writes', () => {
  it('stay equal to a recount through every kind of write', async () => {
    expect((await expectInStep()).total).toBe(0);
    // From here on the row exists: each write below moves it.
    expect(await db.meta.get(COUNTS_KEY)).toBeTruthy();
    const { contact: ana } = await repo.logContact({ name: 'Ana Souza', company: 'Acme' });
    const { contact: ben } = await repo.logContact({ name: 'Ben Okafor', company: 'Acme' });
    await repo.logContact({ name: 'Net Only', inPipeline: 0, network: { source: 'manual' } });
    expect((await expectInStep()).counts.prospect).toBe(2);
    await repo.setStage(ana.id, 'scheduled');
    await repo.recordAttempt({ contactId: ben.id, kind: 'request', channel: 'email', at: now - 15 * 86_400_000 });
    const s = await expectInStep();
    expect(s.counts).toMatchObject({ prospect: 0, requested: 1, scheduled: 1 });
    expect(s.network).toBe(1);

    await repo.importContacts(
      Array.from({ length: 30 }, (_, i) => ({ name: `Net ${i}`, company: 'Contoso', network: { source: 'linkedin-export' as const } })),
      'merge',
      'network',
    );
    await repo.importContacts([{ name: 'Pipe One' }, { name: 'Ana Souza', company: 'Acme' }], 'merge', 'pipeline');
    expect((await expectInStep()).network).toBe(31);
    const net = await repo.networkList({ query: 'Net 1' });
    await repo.toPipeline(net.items[0]!.contactId);
    await expectInStep();

    const moved = await repo.moveProspects();
    await expectInStep();
    if (moved.token) await repo.undoMove(moved.token);
    await expectInStep();

    const { contact: dup } = await repo.logContact({ name: 'Ben Okafor (2)', company: 'Acme' });
    await repo.mergeContacts(ben.id, dup.id);
    await repo.deleteContact(ana.id);
    const before = await expectInStep();
    // A table write outside the repository (its own implicit transaction) moves the row too.
    const one = (await db.contacts.toCollection().first())!;
    await db.contacts.put({ ...one, stage: 'moved-on', inPipeline: 1 });
    await db.contacts.put(one);
    expect(await expectInStep()).toEqual(before);

    const backup = JSON.parse(JSON.stringify(await repo.exportBackup()));
    await repo.clearAll();
    expect((await expectInStep()).total).toBe(0);
    await repo.restoreBackup(backup);
    expect(await expectInStep()).toEqual(before);
  });

  it('a failed write leaves the counts as they were (same transaction)', async () => {
    await repo.logContact({ name: 'Ana Souza', profileUrl: 'https://www.linkedin.com/in/ana-souza/' });
    const before = await expectInStep();
    // The second row collides with the first's profile URL: the import writes nothing.
    await expect(
      db.transaction('rw', db.tables, async () => {
        await db.contacts.add({ ...(await db.contacts.toCollection().first())!, id: 'other', stage: 'thanked' });
      }),
    ).rejects.toThrow();
    expect(await expectInStep()).toEqual(before);
  });
});

describe('the due count the summary reuses', () => {
  it('is current after a write, after any table write, and once a due time passes', async () => {
    const { contact } = await repo.logContact({ name: 'Olivia Hartmann' });
    await repo.recordAttempt({ contactId: contact.id, kind: 'request', channel: 'email', at: now });
    expect((await repo.summary()).dueNow).toBe(0);
    // Fourteen days on, the follow-up is due: the remembered count ends at that due time.
    now += 15 * 86_400_000;
    expect((await repo.summary()).dueNow).toBe(1);
    expect((await repo.summary()).dueNow).toBe(1);
    await repo.markReplied(contact.id);
    expect((await repo.summary()).dueNow).toBe(0);
    // A write that bypasses the repository is seen too.
    await db.attempts.where('contactId').equals(contact.id).delete();
    await db.contacts.update(contact.id, { repliedAt: null, stage: 'requested', nextDueAt: now - 1 });
    await db.attempts.add({ ...(await repo.recordAttempt({ contactId: contact.id, kind: 'request', channel: 'email', at: now - 15 * 86_400_000 })).attempt, id: 'again' });
    expect((await repo.summary()).dueNow).toBe((await repo.due()).length);
  });
});

describe('the remembered due list, patched after each write', () => {
  it('always equals the list read afresh', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const { contact } = await repo.logContact({ name: `Person ${i}` });
      ids.push(contact.id);
      if (i % 2 === 0) await repo.recordAttempt({ contactId: contact.id, kind: 'request', channel: 'email', at: now - (10 + i) * 86_400_000 });
    }
    const fresh = async () => (await new Repository(db, () => now).due()).map((d) => [d.contact.id, d.status.next?.action]);
    const remembered = async () => (await repo.due()).map((d) => [d.contact.id, d.status.next?.action]);
    expect(await remembered()).toEqual(await fresh());
    expect((await repo.due()).length).toBeGreaterThan(0);
    await repo.markReplied(ids[4]!);
    expect(await remembered()).toEqual(await fresh());
    await repo.recordAttempt({ contactId: ids[1]!, kind: 'request', channel: 'email', at: now - 20 * 86_400_000 });
    expect(await remembered()).toEqual(await fresh());
    await repo.deleteContact(ids[6]!);
    await repo.updateContact(ids[8]!, { name: 'Renamed Person' });
    expect(await remembered()).toEqual(await fresh());
    await repo.saveSettings({ followUpDays: 3 });
    expect(await remembered()).toEqual(await fresh());
    now += 5 * 86_400_000;
    expect(await remembered()).toEqual(await fresh());
    // Two readers at once right after a write (the popup asks for the due page and the summary
    // together): neither gets the list from before the write.
    const before = (await repo.due()).length;
    await repo.markReplied((await repo.due())[0]!.contact.id);
    const [a, b] = await Promise.all([repo.due(), repo.due()]);
    expect([a.length, b.length]).toEqual([before - 1, before - 1]);
  });
});

describe('database upgrade to version 4', () => {
  it('counts an existing database once, and the summary reads the row', async () => {
    // Valid version-3 records, made by today's code in a scratch database.
    const scratch = new WarmIntroDB(`scratch-${crypto.randomUUID()}`);
    const r = new Repository(scratch, () => now);
    await r.logContact({ name: 'A', stage: 'requested' });
    await r.logContact({ name: 'B', stage: 'thanked' });
    await r.logContact({ name: 'C', inPipeline: 0, network: { source: 'manual' } });
    const rows = await scratch.contacts.toArray();
    await scratch.delete();
    const name = `upgrade4-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(3).stores({
      contacts:
        'id, &profileUrl, &memberId, *emails, stage, name, company, *tags, referrer.contactId, updatedAt, nextDueAt, nameKey, companyKey, *words, [inPipeline+stage], [inNetwork+nameKey]',
      attempts: 'id, contactId, at, [contactId+at]',
      meetings: 'id, contactId, scheduledAt',
      referrals: 'id, fromContactId, toContactId, &[fromContactId+toContactId]',
      templates: 'id',
      settings: 'key',
      notices: 'id, contactId, shownAt',
      introductions: 'id, introducerId, targetId, status, &[introducerId+targetId]',
      meta: 'key',
      undo: 'token, createdAt',
    });
    await old.table('contacts').bulkAdd(rows);
    old.close();
    const upgraded = new WarmIntroDB(name);
    expect((await upgraded.meta.get(COUNTS_KEY))?.value).toEqual({
      stages: { prospect: 0, requested: 1, scheduled: 0, interviewed: 0, thanked: 1, 'keeping-in-touch': 0, 'moved-on': 0 },
      network: 1,
    });
    expect((await new Repository(upgraded, () => now).summary()).counts).toMatchObject({ requested: 1, thanked: 1 });
    await upgraded.delete();
  });
});
