/**
 * People: logging, editing, deleting, finding and merging contacts. One person is one record —
 * found by profile URL, member id or e-mail — and two records found to be one person merge.
 */
import { contactStatus } from '../cadence';
import { fold } from '../names';
import { canonicalProfileUrl } from '../linkedin/url';
import { Contact, MEMBER_ID_PATTERN, memberIdOf, NetworkInfo, type Introduction, type Referrer, type Stage } from '../schemas';
import { newId, parse, RepoError } from './core';
import type { Repository } from './index';
import type { ContactRecordLists } from '../due-index';
import { introductionViews } from './introductions';
import type { ContactDraft, ContactPatch, ContactView } from './types';

/**
 * Within `Repository.write`: this contact's due index may have changed (`'all'`: everyone's). With
 * `record`, the record to store for them, put once with its due index when the write ends.
 * `known.history`: the contact's attempts, meetings and introductions (as introducer) as they are
 * when the write ends, which the writer read anyway — the due index then reads nothing for them.
 * `known.add`: the record is new (stored by `add`: an existing profile URL or member id is a conflict).
 * `known.unchanged`: the record is the stored one, handed over with its history only.
 */
export type Touch = (contactId: string | 'all', record?: Contact, known?: KnownHistory) => void;
export interface KnownHistory {
  history: ContactRecordLists;
  add?: boolean;
  /** The record is the stored one, unchanged: stored again only if its due index or history facts moved. */
  unchanged?: boolean;
}
export interface LookupKey {
  id?: string;
  profileUrl?: string;
  memberId?: string;
  email?: string;
}

/** A draft as a record-to-be (parsed by the caller): network details get their default source. */
export function draftRecord(draft: ContactDraft, id: string, now: number): unknown {
  const { network, ...rest } = draft;
  return { ...rest, network: network ? { source: 'manual', ...network } : null, id, createdAt: now, updatedAt: now };
}

function fillNetwork(a: Contact['network'], b: Contact['network']): Contact['network'] {
  if (!a || !b) return a ?? b;
  return { ...a, connectedOn: a.connectedOn ?? b.connectedOn, position: a.position ?? b.position };
}

/** The vanity profile URL when one of the two is one; member-id URLs only when nothing better is known. */
function betterProfileUrl(a: string | null, b: string | null): string | null {
  if (a && !memberIdOf(a)) return a;
  if (b && !memberIdOf(b)) return b;
  return a ?? b;
}

/**
 * A second sighting of a stored contact (logged again, imported again) fills in what the record
 * lacks and adds addresses and tags; it never replaces what the user already has, and never makes
 * the person their own referrer. Logging a network person for an interview puts them in the pipeline.
 */
export function mergeContact(existing: Contact, incoming: Contact, now: number): Contact {
  const referrer = incoming.referrer?.type === 'contact' && incoming.referrer.contactId === existing.id ? null : incoming.referrer;
  const joins = existing.inPipeline === 0 && incoming.inPipeline === 1;
  return {
    ...existing,
    headline: existing.headline ?? incoming.headline,
    company: existing.company ?? incoming.company,
    location: existing.location ?? incoming.location,
    profileUrl: betterProfileUrl(existing.profileUrl, incoming.profileUrl),
    memberId: existing.memberId ?? incoming.memberId,
    emails: [...new Set([...existing.emails, ...incoming.emails])],
    tags: [...new Set([...existing.tags, ...incoming.tags])],
    referrer: existing.referrer ?? referrer,
    notes: existing.notes || incoming.notes,
    inPipeline: joins ? 1 : existing.inPipeline,
    stage: joins ? incoming.stage : existing.stage,
    network: fillNetwork(existing.network, incoming.network),
    updatedAt: now,
  };
}

// How far along a stage is, to keep the further one when two records merge; moving on says less
// than a meeting but more than an unanswered request.
const STAGE_RANK: Record<Stage, number> = { prospect: 0, requested: 1, 'moved-on': 2, scheduled: 3, interviewed: 4, thanked: 5, 'keeping-in-touch': 6 };

function combine(keep: Contact, drop: Contact, now: number): unknown {
  const max = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b));
  const selfRef = (r: Referrer | null) => (r?.type === 'contact' && (r.contactId === keep.id || r.contactId === drop.id) ? null : r);
  const stage =
    keep.inPipeline && drop.inPipeline
      ? STAGE_RANK[drop.stage] > STAGE_RANK[keep.stage]
        ? drop.stage
        : keep.stage
      : drop.inPipeline
        ? drop.stage
        : keep.stage;
  const notes = [...new Set([keep.notes.trim(), drop.notes.trim()].filter(Boolean))].join('\n\n').slice(0, 20_000);
  return {
    ...keep,
    headline: keep.headline ?? drop.headline,
    company: keep.company ?? drop.company,
    location: keep.location ?? drop.location,
    profileUrl: betterProfileUrl(keep.profileUrl, drop.profileUrl),
    memberId: keep.memberId ?? drop.memberId,
    emails: [...new Set([...keep.emails, ...drop.emails])].slice(0, 20),
    tags: [...new Set([...keep.tags, ...drop.tags])].slice(0, 50),
    referrer: selfRef(keep.referrer) ?? selfRef(drop.referrer),
    notes,
    inPipeline: keep.inPipeline || drop.inPipeline ? 1 : 0,
    stage,
    network: fillNetwork(keep.network, drop.network),
    repliedAt: max(keep.repliedAt, drop.repliedAt),
    snoozedUntil: max(keep.snoozedUntil, drop.snoozedUntil),
    keepInTouchDays: keep.keepInTouchDays ?? drop.keepInTouchDays,
    createdAt: Math.min(keep.createdAt, drop.createdAt),
    updatedAt: now,
  };
}

const INTRO_PROGRESS = { suggested: 0, asked: 1, 'no-answer': 2, declined: 3, introduced: 4 } as const;

/**
 * Two records of one person become one (the older record's id stays): attempts, meetings,
 * referrals, introductions, notes, e-mails, tags and the referrer all kept. Runs inside the
 * caller's write (one transaction).
 */
export async function mergeRecords(repo: Repository, a: Contact, b: Contact, touch: Touch): Promise<Contact> {
  if (a.id === b.id) return a;
  const db = repo.db;
  const now = repo.now();
  const [keep, drop] = a.createdAt <= b.createdAt ? [a, b] : [b, a];
  const merged = parse(Contact, combine(keep, drop, now), 'merged contact');
  // The dropped record goes first: its profile URL or member id may move to the kept one.
  await db.contacts.delete(drop.id);
  await db.attempts.where('contactId').equals(drop.id).modify({ contactId: keep.id });
  await db.meetings.where('contactId').equals(drop.id).modify({ contactId: keep.id });
  await db.notices.where('contactId').equals(drop.id).delete();

  const referrals = await db.referrals.where('fromContactId').equals(drop.id).or('toContactId').equals(drop.id).toArray();
  for (const r of referrals) {
    await db.referrals.delete(r.id);
    const from = r.fromContactId === drop.id ? keep.id : r.fromContactId;
    const to = r.toContactId === drop.id ? keep.id : r.toContactId;
    if (from === to) continue;
    const twin = await db.referrals.where('[fromContactId+toContactId]').equals([from, to]).first();
    if (!twin) await db.referrals.add({ ...r, fromContactId: from, toContactId: to });
  }

  const intros = await db.introductions.where('introducerId').equals(drop.id).or('targetId').equals(drop.id).toArray();
  for (const i of intros) {
    await db.introductions.delete(i.id);
    const moved: Introduction = {
      ...i,
      introducerId: i.introducerId === drop.id ? keep.id : i.introducerId,
      targetId: i.targetId === drop.id ? keep.id : i.targetId,
    };
    if (moved.introducerId === moved.targetId) continue;
    const twin = await db.introductions.where('[introducerId+targetId]').equals([moved.introducerId, moved.targetId]).first();
    if (!twin) await db.introductions.add(moved);
    else if (INTRO_PROGRESS[moved.status] > INTRO_PROGRESS[twin.status]) await db.introductions.put({ ...moved, id: twin.id });
  }

  await db.contacts
    .where('referrer.contactId')
    .equals(drop.id)
    .modify((c) => {
      c.referrer = c.id === keep.id ? null : { type: 'contact', contactId: keep.id };
    });
  await db.contacts.put(merged);
  touch(keep.id);
  return merged;
}

/** Find a stored contact by id, member id, profile URL (either form) or e-mail. */
export async function findContact(repo: Repository, by: LookupKey): Promise<Contact | null> {
  const db = repo.db;
  if (by.id) return (await db.contacts.get(by.id)) ?? null;
  if (by.profileUrl || by.memberId) {
    const url = by.profileUrl ? canonicalProfileUrl(by.profileUrl) : null;
    if (url) {
      const hit = await db.contacts.where('profileUrl').equals(url).first();
      if (hit) return hit;
    }
    // `/in/<member id>/` resolves to the person logged from their vanity URL.
    const memberId = memberIdOf(url) ?? (by.memberId && MEMBER_ID_PATTERN.test(by.memberId.trim()) ? by.memberId.trim() : null);
    if (memberId) return (await db.contacts.where('memberId').equals(memberId).first()) ?? null;
    return null;
  }
  if (by.email) return (await db.contacts.where('emails').equals(by.email.trim().toLowerCase()).first()) ?? null;
  return null;
}

/**
 * Log a person. The same LinkedIn profile (by URL or member id; or, without one, the same e-mail)
 * is one contact: a second log fills in what was missing and never duplicates, even from two tabs
 * at once (the look-up and the write share one transaction; the unique indexes are the last line
 * of defence). When the log links a vanity URL to a member id held by another record, the two merge.
 */
export async function logContact(repo: Repository, draft: ContactDraft): Promise<{ contact: Contact; created: boolean }> {
  const now = repo.now();
  const candidate = parse(Contact, draftRecord(draft, newId(), now), 'contact');
  const db = repo.db;
  return repo.write(async (touch) => {
    // Every look-up at once: one wait on IndexedDB, not one per key.
    const [, byUrl, byMember, byEmail] = await Promise.all([
      candidate.referrer?.type === 'contact' ? repo.contact(candidate.referrer.contactId) : null,
      candidate.profileUrl ? db.contacts.where('profileUrl').equals(candidate.profileUrl).first() : undefined,
      candidate.memberId ? db.contacts.where('memberId').equals(candidate.memberId).first() : undefined,
      candidate.emails.length ? db.contacts.where('emails').anyOf(candidate.emails).first() : undefined,
    ]);
    let existing = byUrl ?? byMember;
    if (byUrl && byMember && byUrl.id !== byMember.id) existing = await mergeRecords(repo, byUrl, byMember, touch);
    existing ??= byEmail;
    if (!existing) {
      // Added once, with its due index, when the write ends; an id just made has no history to read.
      touch(candidate.id, candidate, { history: { attempts: [], meetings: [], introductions: [] }, add: true });
      return { contact: candidate, created: true };
    }
    const merged = parse(Contact, mergeContact(existing, candidate, now), 'contact');
    await db.contacts.put(merged);
    touch(merged.id);
    return { contact: merged, created: false };
  });
}

export async function updateContact(repo: Repository, id: string, patch: ContactPatch): Promise<Contact> {
  const db = repo.db;
  return repo.write(async (touch) => {
    const current = await repo.contact(id);
    const { network, ...rest } = patch;
    const nextNetwork =
      network === undefined
        ? current.network
        : network === null
          ? null
          : parse(NetworkInfo, { ...(current.network ?? { source: 'manual', connectedOn: null, position: null }), ...network }, 'network');
    // Joining the pipeline starts at the first stage unless one is given.
    const joins = current.inPipeline === 0 && rest.inPipeline === 1 && rest.stage === undefined;
    const next = parse(
      Contact,
      { ...current, ...rest, ...(joins ? { stage: 'prospect' } : {}), network: nextNetwork, id, updatedAt: repo.now() },
      'contact',
    );
    if (next.referrer?.type === 'contact' && next.referrer.contactId === id) {
      throw new RepoError('bad-request', 'A contact cannot be their own referrer.');
    }
    if (next.profileUrl && next.profileUrl !== current.profileUrl) {
      const other = await db.contacts.where('profileUrl').equals(next.profileUrl).first();
      if (other && other.id !== id) throw new RepoError('conflict', `${other.name} already has that profile URL.`);
    }
    if (next.memberId && next.memberId !== current.memberId) {
      const other = await db.contacts.where('memberId').equals(next.memberId).first();
      if (other && other.id !== id) throw new RepoError('conflict', `${other.name} already has that LinkedIn member id.`);
    }
    touch(id, next);
    return next;
  });
}

/** Merge two records of one person by hand (the dashboard); the older record's id stays. */
export async function mergeContacts(repo: Repository, keepId: string, dropId: string): Promise<Contact> {
  if (keepId === dropId) throw new RepoError('bad-request', 'Pick two different contacts to merge.');
  return repo.write(async (touch) => mergeRecords(repo, await repo.contact(keepId), await repo.contact(dropId), touch));
}

export async function deleteContact(repo: Repository, id: string): Promise<void> {
  const db = repo.db;
  await repo.write(async (touch) => {
    await db.attempts.where('contactId').equals(id).delete();
    await db.meetings.where('contactId').equals(id).delete();
    await db.referrals.where('fromContactId').equals(id).or('toContactId').equals(id).delete();
    await db.notices.where('contactId').equals(id).delete();
    const intros = await db.introductions.where('introducerId').equals(id).or('targetId').equals(id).toArray();
    await db.introductions.bulkDelete(intros.map((i) => i.id));
    for (const i of intros) if (i.introducerId !== id) touch(i.introducerId);
    // People this contact referred keep the referrer by name.
    const name = (await db.contacts.get(id))?.name;
    await db.contacts
      .where('referrer.contactId')
      .equals(id)
      .modify((c) => {
        c.referrer = name ? { type: 'name', name } : null;
      });
    await db.contacts.delete(id);
  });
}

export async function view(repo: Repository, contact: Contact): Promise<ContactView> {
  const db = repo.db;
  const [attempts, meetings, referredRows, settings, intros] = await Promise.all([
    db.attempts.where('contactId').equals(contact.id).sortBy('at'),
    db.meetings.where('contactId').equals(contact.id).sortBy('scheduledAt'),
    db.referrals.where('fromContactId').equals(contact.id).toArray(),
    repo.settings(),
    db.introductions.where('introducerId').equals(contact.id).or('targetId').equals(contact.id).toArray(),
  ]);
  const referred = (await db.contacts.bulkGet(referredRows.map((r) => r.toContactId))).filter((c): c is Contact => !!c);
  return {
    contact,
    attempts,
    meetings,
    referrerName: await repo.referrerName(contact.referrer),
    referred,
    status: contactStatus({ contact, attempts, meetings, introductions: intros }, settings, repo.now()),
    introductions: await introductionViews(repo, intros.sort((a, b) => a.createdAt - b.createdAt)),
  };
}

/**
 * Contacts whose name or company has a word starting with `query` (or an e-mail starting with it),
 * best matches (name prefix) first. Read through the word and e-mail indexes, not a scan.
 * `byEmail: false`: not by address (page scripts find people by name only).
 */
export async function search(repo: Repository, query: string, limit = 8, { byEmail = true } = {}): Promise<Contact[]> {
  const q = query.trim().toLocaleLowerCase();
  const words = fold(q).split(' ').filter(Boolean);
  if (!q) return [];
  const db = repo.db;
  const first = words.reduce((a, b) => (b.length > a.length ? b : a), '');
  const [byWord, byAddress] = await Promise.all([
    first ? db.contacts.where('words').startsWith(first).limit(2000).toArray() : Promise.resolve([]),
    byEmail ? db.contacts.where('emails').startsWith(q).limit(200).toArray() : Promise.resolve([]),
  ]);
  const seen = new Set<string>();
  const hits: { c: Contact; rank: number }[] = [];
  for (const c of [...byWord, ...byAddress]) {
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    const name = fold(c.name);
    const folded = words.join(' ');
    const rank = name.startsWith(folded)
      ? 0
      : name.includes(` ${folded}`)
        ? 1
        : words.every((w) => c.words.some((cw) => cw.startsWith(w)))
          ? 2
          : byEmail && c.emails.some((e) => e.startsWith(q))
            ? 3
            : -1;
    if (rank >= 0) hits.push({ c, rank });
  }
  hits.sort((a, b) => a.rank - b.rank || a.c.name.localeCompare(b.c.name));
  return hits.slice(0, limit).map((h) => h.c);
}

