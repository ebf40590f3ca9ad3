/**
 * The shortened write path (issue 13): a write hands the due index what it already read, the
 * settings come from a cache in the worker, and the counts move in the same wait as the change —
 * none of which may leave a stored fact out of step with the records.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countAll } from '../../lib/counts';
import { countCompanies } from '../../lib/company-counts';
import { WarmIntroDB } from '../../lib/db';
import { dueIndexChanges } from '../../lib/due-index';
import { historyFacts } from '../../lib/warm-path';
import { Repository } from '../../lib/repository';
import { OVER_PORT } from '../../lib/client';
import { OVER_PORT as BENCH_OVER_PORT } from '../../bench/messages.mjs';

const DAY = 24 * 60 * 60 * 1000;
let db: WarmIntroDB;
let repo: Repository;
let now = Date.UTC(2026, 10, 23, 12);

beforeEach(() => {
  now = Date.UTC(2026, 10, 23, 12);
  db = new WarmIntroDB(`write-path-${crypto.randomUUID()}`);
  repo = new Repository(db, () => now);
});
afterEach(async () => {
  await db.delete();
});

/** Every stored derived fact equals what a full recount of the records gives. */
async function expectInStep() {
  const [contacts, attempts, meetings, introductions] = await Promise.all([db.contacts.toArray(), db.attempts.toArray(), db.meetings.toArray(), db.introductions.toArray()]);
  expect(dueIndexChanges(contacts, attempts, meetings, await repo.settings(), now, introductions), 'due index').toEqual(new Map());
  for (const c of contacts) {
    const facts = historyFacts(attempts.filter((a) => a.contactId === c.id), meetings.filter((m) => m.contactId === c.id));
    expect({ talkedAt: c.talkedAt ?? null, heldMeeting: c.heldMeeting ?? 0 }, `${c.name}: history facts`).toEqual(facts);
  }
  const summary = await repo.summary();
  expect(summary.counts).toEqual(countAll(contacts).stages);
  const rows = (await db.companies.toArray()).sort((a, b) => a.key.localeCompare(b.key));
  expect(rows).toEqual(countCompanies(contacts).sort((a, b) => a.key.localeCompare(b.key)));
}

describe('the write path', () => {
  it('keeps the due index, history facts and counts in step through logs, attempts, duplicates and introduction requests', async () => {
    await expectInStep();
    const { contact: ana } = await repo.logContact({ name: 'Ana Souza', company: 'Acme', profileUrl: 'https://www.linkedin.com/in/ana-souza/' });
    await expectInStep();
    const first = await repo.recordAttempt({ contactId: ana.id, channel: 'linkedin', kind: 'request' });
    expect(first.contact.stage).toBe('requested');
    await expectInStep();
    // A double click on Send: the same attempt, nothing written.
    const again = await repo.recordAttempt({ contactId: ana.id, channel: 'linkedin', kind: 'request', at: now + 5_000 });
    expect(again).toMatchObject({ duplicate: true, attempt: { id: first.attempt.id } });
    expect(await db.attempts.count()).toBe(1);
    // The same Gmail draft sent again after "Undo send", minutes later: still one.
    now += 10 * 60_000;
    const draft = await repo.recordAttempt({ contactId: ana.id, channel: 'email', kind: 'follow-up', gmailDraftId: 'r-1' });
    now += 10 * 60_000;
    expect((await repo.recordAttempt({ contactId: ana.id, channel: 'email', kind: 'follow-up', gmailDraftId: 'r-1' })).attempt.id).toBe(draft.attempt.id);
    await expectInStep();
    // Logged again from the profile: one person, the record filled in.
    const relog = await repo.logContact({ name: 'Ana Souza', headline: 'Analyst', profileUrl: 'https://www.linkedin.com/in/ana-souza/' });
    expect(relog).toMatchObject({ created: false, contact: { id: ana.id, headline: 'Analyst', stage: 'requested' } });
    // An introduction asked of Ben and the request sent to him: asked, his follow-up due on him.
    const { contact: ben } = await repo.logContact({ name: 'Ben Okafor', company: 'Globex', profileUrl: 'https://www.linkedin.com/in/ben-okafor/' });
    const { introduction } = await repo.askIntroduction({ introducerId: ben.id, target: { name: 'Tom Target', company: 'Initech' } });
    const sent = await repo.recordAttempt({ contactId: ben.id, channel: 'email', kind: 'intro-request', introductionId: introduction.id });
    expect(sent.contact.stage).toBe(ben.stage);
    expect((await db.introductions.get(introduction.id))?.status).toBe('asked');
    await expectInStep();
    now += 20 * DAY;
    await repo.recordAttempt({ contactId: ana.id, channel: 'linkedin', kind: 'follow-up' });
    await expectInStep();
  });

  it('refuses a second contact with the same profile URL through the add, leaving nothing half-written', async () => {
    const { contact } = await repo.logContact({ name: 'Ana Souza', company: 'Acme', profileUrl: 'https://www.linkedin.com/in/ana-souza/' });
    await expect(repo.updateContact(contact.id, { profileUrl: 'https://www.linkedin.com/in/ana-souza-2/' })).resolves.toBeTruthy();
    const before = await db.contacts.count();
    // Straight past the look-ups: the unique index refuses the add, and the counts do not move.
    await expect(
      repo.write(async (touch) => {
        const twin = { ...contact, id: crypto.randomUUID(), profileUrl: 'https://www.linkedin.com/in/ana-souza-2/' };
        touch(twin.id, twin, { history: { attempts: [], meetings: [], introductions: [] }, add: true });
      }),
    ).rejects.toThrow();
    expect(await db.contacts.count()).toBe(before);
    await expectInStep();
  });
});

describe('the settings cache', () => {
  it('serves the settings saved last, to reads and to the next write’s due index', async () => {
    const { contact } = await repo.logContact({ name: 'Ana Souza', profileUrl: 'https://www.linkedin.com/in/ana-souza/' });
    await repo.recordAttempt({ contactId: contact.id, channel: 'email', kind: 'request' });
    expect((await repo.settings()).followUpDays).toBe(14);
    await repo.saveSettings({ followUpDays: 3 });
    expect((await repo.settings()).followUpDays).toBe(3);
    expect((await db.contacts.get(contact.id))?.nextDueAt).toBe(now + 3 * DAY);
    await expectInStep();
  });

  it('forgets settings read inside a write that failed', async () => {
    await repo.saveSettings({ followUpDays: 5 });
    expect((await repo.settings()).followUpDays).toBe(5);
    await expect(
      repo.write(async () => {
        await db.settings.put({ key: 'settings', ...(await repo.settings()), followUpDays: 30 });
        expect((await repo.settings()).followUpDays).toBe(30);
        throw new Error('the write fails after reading its own settings');
      }),
    ).rejects.toThrow('the write fails');
    expect((await repo.settings()).followUpDays).toBe(5);
  });

  it('follows a restored backup and a cleared database', async () => {
    await repo.saveSettings({ followUpDays: 5 });
    const backup = await repo.exportBackup();
    await repo.saveSettings({ followUpDays: 9 });
    expect((await repo.settings()).followUpDays).toBe(9);
    await repo.restoreBackup(backup);
    expect((await repo.settings()).followUpDays).toBe(5);
    await repo.clearAll();
    expect((await repo.settings()).followUpDays).toBe(14);
  });

  it('hands out copies: a caller changing its answer changes nothing stored', async () => {
    const settings = await repo.settings();
    settings.followUpDays = 99;
    expect((await repo.settings()).followUpDays).toBe(14);
  });
});

describe('the page scripts’ port', () => {
  it('is what the bench sends over it from the content script', () => {
    expect([...OVER_PORT].sort()).toEqual([...BENCH_OVER_PORT].sort());
  });
});
