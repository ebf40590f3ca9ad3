import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WarmIntroDB } from '../../lib/db';
import { RepoError, Repository } from '../../lib/repository';

const OLIVIA = 'https://www.linkedin.com/in/olivia-hartmann-8a61b2b4/';
const DAY = 24 * 60 * 60 * 1000;
let db: WarmIntroDB;
let repo: Repository;
let now = Date.UTC(2026, 10, 23, 12);

beforeEach(() => {
  now = Date.UTC(2026, 10, 23, 12);
  db = new WarmIntroDB(`test-${crypto.randomUUID()}`);
  repo = new Repository(db, () => now);
});
afterEach(async () => {
  await db.delete();
});

describe('logging contacts', () => {
  it('stores the canonical profile URL and finds the person by any form of it', async () => {
    const { contact, created } = await repo.logContact({
      name: '  Olivia   Hartmann ',
      profileUrl: 'http://de.linkedin.com/in/Olivia-Hartmann-8a61b2b4/overlay/contact-info/?trk=x#top',
    });
    expect(created).toBe(true);
    expect(contact.name).toBe('Olivia Hartmann');
    expect(contact.profileUrl).toBe(OLIVIA);
    expect(contact.stage).toBe('prospect');
    expect((await repo.lookup({ profileUrl: OLIVIA }))?.contact.id).toBe(contact.id);
  });

  it('logs the same person twice from two tabs at once as one contact', async () => {
    const results = await Promise.all([
      repo.logContact({ name: 'Olivia Hartmann', profileUrl: OLIVIA, company: 'Northwind Analytics' }),
      repo.logContact({ name: 'Olivia Hartmann', profileUrl: OLIVIA, location: 'Austin, Texas, United States' }),
      repo.logContact({ name: 'Olivia Hartmann', profileUrl: `${OLIVIA}?miniProfileUrn=1` }),
    ]);
    expect(new Set(results.map((r) => r.contact.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await db.contacts.count()).toBe(1);
    const stored = await repo.contact(results[0]!.contact.id);
    expect(stored.company).toBe('Northwind Analytics');
    expect(stored.location).toBe('Austin, Texas, United States');
  });

  it('keeps e-mail addresses lower-cased and unique, and finds the contact by any of them', async () => {
    const { contact } = await repo.logContact({
      name: 'Hannah Becker',
      emails: ['Hannah.Becker@Example.com', 'hannah.becker@example.com ', 'h@example.org'],
    });
    expect(contact.emails).toEqual(['hannah.becker@example.com', 'h@example.org']);
    expect((await repo.findContact({ email: 'H@EXAMPLE.ORG' }))?.id).toBe(contact.id);
  });

  it('lets many contacts have no profile URL', async () => {
    await repo.logContact({ name: 'A Person' });
    await repo.logContact({ name: 'Another Person' });
    expect(await db.contacts.count()).toBe(2);
  });

  it('rejects invalid records and writes nothing', async () => {
    await expect(repo.logContact({ name: '   ' })).rejects.toThrow(RepoError);
    await expect(repo.logContact({ name: 'X', profileUrl: 'https://www.linkedin.com/company/acme/' })).rejects.toThrow(/LinkedIn profile/);
    await expect(repo.logContact({ name: 'X', emails: ['not-an-address'] })).rejects.toThrow(/e-mail/);
    expect(await db.contacts.count()).toBe(0);
  });

  it('links a referrer that is a contact, or keeps a free-text name', async () => {
    const { contact: referrer } = await repo.logContact({ name: 'Marcus Lindqvist' });
    const { contact: a } = await repo.logContact({ name: 'Olivia Hartmann', referrer: { type: 'contact', contactId: referrer.id } });
    const { contact: b } = await repo.logContact({ name: 'Priya Natarajan', referrer: { type: 'name', name: 'Aunt June' } });
    expect((await repo.lookup({ id: a.id }))?.referrerName).toBe('Marcus Lindqvist');
    expect((await repo.lookup({ id: b.id }))?.referrerName).toBe('Aunt June');
    await expect(repo.logContact({ name: 'C', referrer: { type: 'contact', contactId: 'nope' } })).rejects.toThrow(/no longer exists/);
  });

  it('searches by name prefix first, then inside names and companies', async () => {
    await repo.logContact({ name: 'Olivia Hartmann', company: 'Northwind' });
    await repo.logContact({ name: 'Oliver Stone' });
    await repo.logContact({ name: 'Ana Olivares' });
    await repo.logContact({ name: 'Ravi Shah', company: 'Olive Group' });
    const names = (await repo.search('oli')).map((c) => c.name);
    expect(names).toEqual(['Oliver Stone', 'Olivia Hartmann', 'Ana Olivares', 'Ravi Shah']);
  });
});

describe('attempts and stages', () => {
  it('moves a prospect to requested on a request and counts it', async () => {
    const { contact } = await repo.logContact({ name: 'Olivia Hartmann', profileUrl: OLIVIA });
    const { contact: after } = await repo.recordAttempt({ contactId: contact.id, channel: 'email', kind: 'request', subject: 'Marcus suggested I reach out' });
    expect(after.stage).toBe('requested');
    const view = await repo.lookup({ id: contact.id });
    expect(view?.status.attemptsUsed).toBe(1);
    expect(view?.status.nextFollowUpAt).toBe(now + 14 * DAY);
  });

  it('counts a double-clicked Send once', async () => {
    const { contact } = await repo.logContact({ name: 'Olivia Hartmann' });
    const first = await repo.recordAttempt({ contactId: contact.id, channel: 'email', kind: 'request' });
    now += 800;
    const second = await repo.recordAttempt({ contactId: contact.id, channel: 'email', kind: 'request' });
    expect(second.duplicate).toBe(true);
    expect(second.attempt.id).toBe(first.attempt.id);
    expect(await db.attempts.count()).toBe(1);
  });

  it('moves interviewed to thanked on a thank-you', async () => {
    const { contact } = await repo.logContact({ name: 'Marcus Lindqvist' });
    await repo.scheduleMeeting({ contactId: contact.id, scheduledAt: now - 2 * 60 * 60 * 1000, minutes: 20 });
    expect((await repo.contact(contact.id)).stage).toBe('scheduled');
    await repo.markInterviewed(contact.id);
    const view = await repo.lookup({ id: contact.id });
    expect(view?.contact.stage).toBe('interviewed');
    expect(view?.status.next?.action).toBe('thank-you');
    const { contact: thanked } = await repo.recordAttempt({ contactId: contact.id, channel: 'email', kind: 'thank-you' });
    expect(thanked.stage).toBe('thanked');
  });

  it('refuses an attempt for a contact that does not exist', async () => {
    await expect(repo.recordAttempt({ contactId: 'ghost', channel: 'email', kind: 'request' })).rejects.toMatchObject({ code: 'not-found' });
    expect(await db.attempts.count()).toBe(0);
  });
});

describe('review fixes', () => {
  it('a resend of the same Gmail draft (after Undo send) is the same attempt, however late', async () => {
    const { contact } = await repo.logContact({ name: 'Olivia Hartmann' });
    await repo.recordAttempt({ contactId: contact.id, channel: 'email', kind: 'request', gmailDraftId: '#msg-a:r-1' });
    now += 5 * 60_000;
    const again = await repo.recordAttempt({ contactId: contact.id, channel: 'email', kind: 'request', gmailDraftId: '#msg-a:r-1' });
    expect(again.duplicate).toBe(true);
    expect(await db.attempts.count()).toBe(1);
  });

  it('never makes a person their own referrer', async () => {
    const { contact } = await repo.logContact({ name: 'Olivia Hartmann', profileUrl: OLIVIA });
    await repo.logContact({ name: 'Olivia Hartmann', profileUrl: OLIVIA, referrer: { type: 'contact', contactId: contact.id } });
    expect((await repo.contact(contact.id)).referrer).toBeNull();
    await expect(repo.addReferral({ fromContactId: contact.id, contact: { name: 'Olivia Hartmann', profileUrl: OLIVIA } })).rejects.toThrow(/themselves/);
    expect(await db.referrals.count()).toBe(0);
  });

  it('a held meeting lifts a snooze left from preparing, so the thank-you is not held back', async () => {
    const { contact } = await repo.logContact({ name: 'Marcus Lindqvist' });
    await repo.scheduleMeeting({ contactId: contact.id, scheduledAt: now - 60 * 60_000 });
    await repo.snooze(contact.id, now + 10 * DAY);
    await repo.markInterviewed(contact.id);
    expect((await repo.due(now + 2 * DAY)).map((d) => d.status.next?.action)).toEqual(['thank-you']);
  });
});

describe('import merges', () => {
  it('merge into an existing contact stays a valid record, keeping lists within their limits', async () => {
    const emails = Array.from({ length: 15 }, (_, i) => `a${i}@example.com`);
    await repo.logContact({ name: 'Olivia Hartmann', profileUrl: OLIVIA, emails });
    const more = Array.from({ length: 15 }, (_, i) => `b${i}@example.com`);
    const result = await repo.importContacts([{ name: 'Olivia Hartmann', profileUrl: OLIVIA, emails: more, referrer: { type: 'name', name: 'Aunt June' } }], 'merge');
    expect(result).toEqual({ added: 0, merged: 1, skipped: 0 });
    const [olivia] = await repo.listContacts();
    expect(olivia!.emails).toHaveLength(20);
    expect(olivia!.referrer).toEqual({ type: 'name', name: 'Aunt June' });
  });
});

describe('referrals', () => {
  it('logs the people an interviewee suggested, with them as referrer', async () => {
    const { contact: marcus } = await repo.logContact({ name: 'Marcus Lindqvist' });
    const { contact: priya } = await repo.addReferral({
      fromContactId: marcus.id,
      contact: { name: 'Priya Natarajan', profileUrl: 'https://www.linkedin.com/in/priya-natarajan-5c9d0e21/' },
    }).then((r) => r);
    await repo.addReferral({ fromContactId: marcus.id, contact: { name: 'Tomás Alvarez' } });
    await repo.addReferral({ fromContactId: marcus.id, contact: { id: priya.id } });
    const view = await repo.lookup({ id: marcus.id });
    expect(view?.referred.map((c) => c.name).sort()).toEqual(['Priya Natarajan', 'Tomás Alvarez']);
    expect((await repo.lookup({ id: priya.id }))?.referrerName).toBe('Marcus Lindqvist');
  });
});

describe('the due index', () => {
  it('follows every write: attempts, replies, snoozes, settings and deletions', async () => {
    const { contact } = await repo.logContact({ name: 'Olivia Hartmann' });
    const due = async () => (await repo.due()).map((d) => `${d.contact.name}:${d.status.next?.action}`);
    expect(await due()).toEqual([]);
    const { attempt } = await repo.recordAttempt({ contactId: contact.id, channel: 'email', kind: 'request', at: now - 15 * DAY });
    expect((await repo.contact(contact.id)).nextDueAt).toBe(now - DAY);
    expect(await due()).toEqual(['Olivia Hartmann:follow-up']);
    await repo.saveSettings({ followUpDays: 20 });
    expect(await due()).toEqual([]);
    await repo.saveSettings({ followUpDays: 14 });
    await repo.snooze(contact.id, now + DAY);
    expect(await due()).toEqual([]);
    await repo.snooze(contact.id, null);
    await repo.markReplied(contact.id);
    expect(await due()).toEqual([]);
    await repo.updateContact(contact.id, { repliedAt: null });
    expect(await due()).toEqual(['Olivia Hartmann:follow-up']);
    await repo.deleteAttempt(attempt.id);
    expect(await due()).toEqual([]);
    expect((await repo.contact(contact.id)).nextDueAt).toBeNull();
  });

  it('still brings the thank-you when the stage is set to interviewed before the meeting has ended', async () => {
    const { contact } = await repo.logContact({ name: 'Priya Natarajan' });
    await repo.scheduleMeeting({ contactId: contact.id, scheduledAt: now - 10 * 60_000, minutes: 20 });
    await repo.setStage(contact.id, 'interviewed'); // the call ended early; the card was dragged
    expect(await repo.due()).toEqual([]);
    const later = now + 10 * 60_000 + 25 * 60 * 60_000;
    expect((await repo.due(later)).map((d) => d.status.next?.action)).toEqual(['thank-you']);
  });

  it('is rebuilt by a restore', async () => {
    const { contact } = await repo.logContact({ name: 'Marcus Lindqvist' });
    await repo.recordAttempt({ contactId: contact.id, channel: 'email', kind: 'request', at: now - 15 * DAY });
    const backup = await repo.exportBackup();
    await repo.restoreBackup({ ...backup, contacts: backup.contacts.map((c) => ({ ...c, nextDueAt: null })) });
    expect((await repo.due()).map((d) => d.contact.name)).toEqual(['Marcus Lindqvist']);
  });
});

describe('pipeline summary', () => {
  it('counts contacts per stage', async () => {
    const { contact } = await repo.logContact({ name: 'A' });
    await repo.logContact({ name: 'B' });
    await repo.recordAttempt({ contactId: contact.id, channel: 'linkedin', kind: 'request' });
    const s = await repo.summary();
    expect(s.counts.prospect).toBe(1);
    expect(s.counts.requested).toBe(1);
    expect(s.total).toBe(2);
    expect(s.dueNow).toBe(0);
  });
});

describe('backup', () => {
  it('round-trips every record exactly', async () => {
    const { contact } = await repo.logContact({ name: 'Olivia Hartmann', profileUrl: OLIVIA, emails: ['o@example.com'], tags: ['product'] });
    await repo.recordAttempt({ contactId: contact.id, channel: 'email', kind: 'request', subject: 'Hi' });
    const meeting = await repo.scheduleMeeting({ contactId: contact.id, scheduledAt: now + DAY });
    await repo.updateMeeting(meeting.id, { questions: ['What does a typical day look like?'] });
    await repo.saveSettings({ userName: 'Alex Morgan' });
    const backup = await repo.exportBackup();
    await repo.clearAll();
    expect(await db.contacts.count()).toBe(0);
    await repo.restoreBackup(JSON.parse(JSON.stringify(backup)));
    const again = await repo.exportBackup();
    expect({ ...again, exportedAt: 0 }).toEqual({ ...backup, exportedAt: 0 });
  });

  it('refuses a broken backup and keeps the current data', async () => {
    await repo.logContact({ name: 'Keep Me' });
    await expect(repo.restoreBackup({ format: 'warm-intro-backup', version: 1, contacts: [{ name: 'x' }] })).rejects.toThrow(RepoError);
    expect((await repo.listContacts()).map((c) => c.name)).toEqual(['Keep Me']);
  });
});
