/** The whole database out and back in: backups (format version 2; version 1 still restores). */
import { Backup, BACKUP_FORMAT } from '../schemas';
import { parse, RepoError } from './core';
import type { Repository } from './index';

const tablesOf = (repo: Repository) => {
  const db = repo.db;
  return [db.contacts, db.attempts, db.meetings, db.referrals, db.templates, db.settings, db.notices, db.introductions, db.meta, db.undo];
};

export async function exportBackup(repo: Repository): Promise<Backup> {
  const db = repo.db;
  return db.transaction('r', tablesOf(repo), async () => ({
    format: BACKUP_FORMAT,
    version: 2 as const,
    exportedAt: repo.now(),
    contacts: await db.contacts.toArray(),
    attempts: await db.attempts.toArray(),
    meetings: await db.meetings.toArray(),
    referrals: await db.referrals.toArray(),
    templates: await db.templates.toArray(),
    settings: await repo.settings(),
    notices: await db.notices.toArray(),
    introductions: await db.introductions.toArray(),
  }));
}

/** Replace everything with a backup, in one transaction: a bad backup changes nothing. */
export async function restoreBackup(repo: Repository, input: unknown): Promise<{ contacts: number }> {
  const backup = parse(Backup, input, 'backup');
  const ids = new Set(backup.contacts.map((c) => c.id));
  const orphan = [...backup.attempts, ...backup.meetings].find((r) => !ids.has(r.contactId));
  if (orphan) throw new RepoError('bad-request', `Invalid backup: a record refers to a missing contact (${orphan.contactId}).`);
  const badIntro = backup.introductions.find((i) => !ids.has(i.introducerId) || !ids.has(i.targetId));
  if (badIntro) throw new RepoError('bad-request', `Invalid backup: an introduction refers to a missing contact (${badIntro.id}).`);
  const db = repo.db;
  await repo.write(async (touch) => {
    // The one-time offers already answered (meta) stay answered.
    await Promise.all(tablesOf(repo).filter((t) => t !== db.meta).map((t) => t.clear()));
    touch('all');
    await db.contacts.bulkAdd(backup.contacts);
    await db.attempts.bulkAdd(backup.attempts);
    await db.meetings.bulkAdd(backup.meetings);
    await db.referrals.bulkAdd(backup.referrals);
    await db.templates.bulkAdd(backup.templates);
    await db.settings.put({ key: 'settings', ...backup.settings });
    await db.notices.bulkAdd(backup.notices);
    await db.introductions.bulkAdd(backup.introductions);
  });
  return { contacts: backup.contacts.length };
}

export async function clearAll(repo: Repository): Promise<void> {
  const db = repo.db;
  await db.transaction('rw', tablesOf(repo), () => Promise.all(tablesOf(repo).map((t) => t.clear())));
}
