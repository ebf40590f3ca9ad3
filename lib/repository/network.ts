/**
 * Your network — people you know, possible introducers — beside the pipeline: imports, the network
 * list, moving people between the two, and the warm path on LinkedIn pages (introducers for a
 * profile, people you know at a company, badges on people lists). Page requests read through
 * indexes only (member id, profile URL, name key, company key): a few ms at 20,000 people.
 */
import Dexie from 'dexie';
import { canonicalProfileUrl, profileSlug } from '../linkedin/url';
import { companyKey, fold, nameKey, namesMatch } from '../names';
import { Contact, Introduction, MEMBER_ID_PATTERN, STAGE_LABELS } from '../schemas';
import { rankIntroducers, relationshipFromRecord, type Candidate } from '../warm-path';
import { dueIndexChanges } from '../due-index';
import { draftRecord, findContact, logContact, mergeContact, updateContact } from './contacts';
import { newId, parse, RepoError, rowsWithAnyInTransaction } from './core';
import type { Repository } from './index';
import type { Badge, CompanyPeople, ContactDraft, ImportResult, Introducer, KnownPerson, NetworkPerson } from './types';

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

/** Which part of a file sent in parts a `contacts.import` request is (lib/messages.ts). */
export interface ImportPart {
  importId: string;
  index: number;
  count: number;
}

/** The parts of a file import already written, with what each did: `import:<importId>` in `meta`. */
interface ImportRecord {
  count: number;
  parts: Record<number, ImportResult>;
  startedAt: number;
  updatedAt: number;
}

const IMPORT_KEY = 'import:';
/** How long the record of an import's parts is kept (to resume it, or to not import the same file twice). */
const IMPORT_RECORD_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * The stored people a batch of rows may be: one index look-up per profile URL, member id and
 * e-mail in the batch (in parallel, in the write's transaction) — or, when the table is not much
 * bigger than the batch, the whole table. Reading every contact for every part of a 100,000-row
 * file would cost as much as the database is large, once per part.
 */
async function twinsOf(repo: Repository, rows: Contact[]): Promise<Contact[]> {
  const urls = new Set<string>();
  const members = new Set<string>();
  const emails = new Set<string>();
  for (const r of rows) {
    if (r.profileUrl) urls.add(r.profileUrl);
    if (r.memberId) members.add(r.memberId);
    for (const e of r.emails) emails.add(e);
  }
  const db = repo.db;
  const size = await db.contacts.count();
  if (size === 0) return [];
  // Reading a small table whole costs less than a look-up per key.
  if (size <= rows.length * 2) return db.contacts.toArray();
  // Keys first (no record read for the many rows nobody matches), then the few records found.
  const keysOf = (index: string, values: Set<string>) => Promise.all([...values].map((v) => db.contacts.where(index).equals(v).primaryKeys()));
  const lists = await Promise.all([keysOf('profileUrl', urls), keysOf('memberId', members), keysOf('emails', emails)]);
  const ids = [...new Set(lists.flat(2))];
  return (await db.contacts.bulkGet(ids)).filter((c): c is Contact => !!c);
}

/**
 * Add many people in one transaction (an import that fails writes nothing). A row matching an
 * existing contact — or an earlier row — by profile URL, member id or e-mail is merged into it or
 * skipped, as the user chose. Into the network: nobody becomes a pipeline card, and pipeline
 * people found in the file get `network` set (whatever `duplicates` says: being a connection is a
 * fact, not an edit). A file sent in parts (`part`) is one transaction per part; a part already
 * written under the same import id is answered from its record (`repeated`) and not written again.
 */
export async function importContacts(
  repo: Repository,
  drafts: ContactDraft[],
  duplicates: 'merge' | 'skip',
  target?: 'network' | 'pipeline',
  part?: ImportPart,
): Promise<ImportResult> {
  const now = repo.now();
  // Left unsaid: the pipeline, as before there was a network (the dashboard says which it means).
  const into = target ?? 'pipeline';
  const rows = drafts.map((d, i) => {
    const draft: ContactDraft =
      into === 'network'
        ? { ...d, inPipeline: 0, network: { source: 'csv', position: d.headline ?? null, ...d.network } }
        : { ...d, inPipeline: 1 };
    return parse(Contact, draftRecord(draft, newId(), now), `contact on row ${i + 1}`);
  });
  const db = repo.db;
  return repo.write(async (touch) => {
    const recordKey = part ? `${IMPORT_KEY}${part.importId}` : null;
    let record: ImportRecord | null = null;
    if (recordKey && part) {
      const stored = (await db.meta.get(recordKey))?.value as ImportRecord | undefined;
      record = stored && stored.count === part.count && now - stored.updatedAt < IMPORT_RECORD_MS ? stored : null;
      const done = record?.parts[part.index];
      if (done) return { ...done, repeated: true };
      if (!record) {
        // A new import: forget the records of old ones.
        await db.meta.where('key').between(IMPORT_KEY, `${IMPORT_KEY}\uffff`).filter((m) => now - (m.value as ImportRecord).updatedAt >= IMPORT_RECORD_MS).delete();
        record = { count: part.count, parts: {}, startedAt: now, updatedAt: now };
      }
    }
    const [found, settings] = await Promise.all([twinsOf(repo, rows), repo.settings()]);
    const byUrl = new Map<string, Contact>();
    const byMember = new Map<string, Contact>();
    const byEmail = new Map<string, Contact>();
    const remember = (c: Contact) => {
      if (c.profileUrl) byUrl.set(c.profileUrl, c);
      if (c.memberId) byMember.set(c.memberId, c);
      for (const e of c.emails) byEmail.set(e, c);
    };
    found.forEach(remember);
    const result: ImportResult = { added: 0, merged: 0, skipped: 0 };
    const toPut = new Map<string, Contact>();
    for (const row of rows) {
      const twin =
        (row.profileUrl && byUrl.get(row.profileUrl)) ||
        (row.memberId && byMember.get(row.memberId)) ||
        row.emails.map((e) => byEmail.get(e)).find(Boolean);
      if (!twin) {
        // A new person has no attempts, meetings or introductions yet: their due index is a
        // function of the record alone, set here rather than read back for thousands of rows.
        if (row.inPipeline === 1 && row.stage !== 'prospect') row.nextDueAt = dueIndexChanges([row], [], [], settings, now).get(row.id) ?? null;
        toPut.set(row.id, row);
        remember(row);
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
      touch(merged.id);
      result.merged++;
    }
    // New people are added, not put: nothing to read back before writing them (the counts row
    // moves by what each change replaces, lib/counts.ts).
    const existing = new Set(found.map((c) => c.id));
    const records = [...toPut.values()];
    await db.contacts.bulkAdd(records.filter((c) => !existing.has(c.id)));
    await db.contacts.bulkPut(records.filter((c) => existing.has(c.id)));
    if (recordKey && record && part) {
      record.parts[part.index] = result;
      record.updatedAt = now;
      await db.meta.put({ key: recordKey, value: record });
    }
    return result;
  });
}

function networkPerson(c: Contact): NetworkPerson {
  return {
    contactId: c.id,
    name: c.name,
    headline: c.headline,
    company: c.company,
    position: c.network?.position ?? null,
    profileUrl: c.profileUrl,
    connectedOn: c.network?.connectedOn ?? null,
    stage: c.inPipeline === 1 ? c.stage : null,
  };
}

/** Your network, by name, a page at a time; a query matches the start of any word of name or company. */
export async function networkList(
  repo: Repository,
  input: { query?: string; offset?: number; limit?: number },
): Promise<{ items: NetworkPerson[]; total: number }> {
  const db = repo.db;
  const offset = input.offset ?? 0;
  const limit = input.limit ?? 50;
  const words = fold(input.query ?? '').split(' ').filter(Boolean);
  if (!words.length) {
    const all = () => db.contacts.where('[inNetwork+nameKey]').between([1, Dexie.minKey], [1, Dexie.maxKey], true, true);
    const [total, rows] = await Promise.all([all().count(), all().offset(offset).limit(limit).toArray()]);
    return { items: rows.map(networkPerson), total };
  }
  // The longest word narrows most; the rest are checked on the few records it finds.
  const first = words.reduce((a, b) => (b.length > a.length ? b : a));
  // One range read, then checked here: a cursor with a filter is slower than reading the range.
  const rows = (await db.contacts.where('words').startsWith(first).toArray()).filter(
    (c) => c.inNetwork === 1 && words.every((w) => c.words.some((cw) => cw.startsWith(w))),
  );
  const unique = [...new Map(rows.map((c) => [c.id, c])).values()].sort(
    (a, b) => (a.nameKey < b.nameKey ? -1 : a.nameKey > b.nameKey ? 1 : a.name.localeCompare(b.name)),
  );
  return { items: unique.slice(offset, offset + limit).map(networkPerson), total: unique.length };
}

/** "Ask for an informational interview": a network person joins the pipeline as a prospect. */
export async function toPipeline(repo: Repository, contactId: string): Promise<Contact> {
  const contact = await repo.contact(contactId);
  if (contact.inPipeline === 1) return contact;
  return updateContact(repo, contactId, { inPipeline: 1 });
}

const MOVE_OFFER = 'moveOffer';

/**
 * Imported prospects nobody has done anything with: on the board, at the first stage, no attempts,
 * meetings, notes, referrer, tags, snooze or e-mail… but a LinkedIn profile — that is what the old
 * import of a connections export made. (Version 2 did not record where a contact came from, so
 * "has a profile URL and nothing else of yours" stands in for "imported".)
 */
async function moveCandidateRecords(repo: Repository): Promise<Contact[]> {
  const db = repo.db;
  const idle = await db.contacts
    .where('[inPipeline+stage]')
    .equals([1, 'prospect'])
    .filter((c) => !c.notes.trim() && !c.referrer && c.snoozedUntil === null && c.repliedAt === null && c.tags.length === 0 && c.profileUrl !== null)
    .toArray();
  if (!idle.length) return [];
  const ids = idle.map((c) => c.id);
  const [withAttempts, withMeetings, asked, referred] = await Promise.all([
    db.attempts.where('contactId').anyOf(ids).keys(),
    db.meetings.where('contactId').anyOf(ids).keys(),
    db.introductions.where('targetId').anyOf(ids).keys(),
    db.referrals.where('toContactId').anyOf(ids).keys(),
  ]);
  const busy = new Set([...withAttempts, ...withMeetings, ...asked, ...referred].map(String));
  return idle.filter((c) => !busy.has(c.id));
}

export async function moveCandidates(repo: Repository): Promise<{ count: number; answered: boolean }> {
  const [answered, candidates] = await Promise.all([repo.db.meta.get(MOVE_OFFER), moveCandidateRecords(repo)]);
  return { count: candidates.length, answered: !!answered };
}

/** Move the idle imported prospects to the network, in one transaction; the token undoes it. */
export async function moveProspects(repo: Repository): Promise<{ moved: number; token: string | null }> {
  const db = repo.db;
  const now = repo.now();
  return repo.write(async () => {
    const candidates = await moveCandidateRecords(repo);
    const token = candidates.length ? newId() : null;
    if (token) {
      await db.undo.where('createdAt').below(now).delete();
      await db.undo.add({
        token,
        kind: 'move-prospects',
        createdAt: now,
        before: candidates.map((c) => ({ id: c.id, inPipeline: c.inPipeline, network: c.network })),
      });
      await db.contacts.bulkPut(
        candidates.map((c) =>
          parse(
            Contact,
            { ...c, inPipeline: 0, network: c.network ?? { source: 'moved', connectedOn: null, position: c.headline }, updatedAt: now },
            'contact',
          ),
        ),
      );
    }
    await db.meta.put({ key: MOVE_OFFER, value: { answeredAt: now, moved: candidates.length, token } });
    return { moved: candidates.length, token };
  });
}

/** Put the moved people back on the board (those not changed since; the offer stays answered). */
export async function undoMove(repo: Repository, token: string): Promise<{ restored: number }> {
  const db = repo.db;
  const now = repo.now();
  return repo.write(async () => {
    const row = await db.undo.get(token);
    if (!row) throw new RepoError('not-found', 'That move can no longer be undone.');
    const current = await db.contacts.bulkGet(row.before.map((b) => b.id));
    const restored = row.before.flatMap((b, i) => {
      const c = current[i];
      // Someone put back on the board by hand since is left as they are.
      if (!c || c.inPipeline === 1) return [];
      return [parse(Contact, { ...c, inPipeline: b.inPipeline, network: b.network, updatedAt: now }, 'contact')];
    });
    await db.contacts.bulkPut(restored);
    await db.undo.delete(token);
    return { restored: restored.length };
  });
}

/** "No thanks": the offer to move prospects is answered and not made again. */
export async function dismissMove(repo: Repository): Promise<void> {
  await repo.db.meta.put({ key: MOVE_OFFER, value: { answeredAt: repo.now(), moved: 0, token: null } });
}

/** A LinkedIn profile link's canonical URL and member id (if it names one), from one parse. */
function profileKeys(url: string): { canon: string; memberId: string | null } | null {
  const slug = profileSlug(url);
  if (slug === null) return null;
  return { canon: `https://www.linkedin.com/in/${encodeURIComponent(slug)}/`, memberId: MEMBER_ID_PATTERN.test(slug) ? slug : null };
}

/** Contacts whose profile URL or member id is one of `urls` (either form of LinkedIn profile link), by canonical URL. */
async function byProfileUrls(repo: Repository, urls: string[]): Promise<Map<string, Contact>> {
  const links = new Map<string, string | null>();
  for (const url of urls) {
    const keys = profileKeys(url);
    if (keys) links.set(keys.canon, keys.memberId);
  }
  const members = [...links.values()].filter((m): m is string => !!m);
  const [byUrl, byMember] = await Promise.all([
    rowsWithAnyInTransaction(repo.db.contacts, 'profileUrl', links.keys()),
    rowsWithAnyInTransaction(repo.db.contacts, 'memberId', members),
  ]);
  const found = new Map<string, Contact>();
  for (const c of byMember) found.set(`https://www.linkedin.com/in/${encodeURIComponent(c.memberId!)}/`, c);
  for (const c of byUrl) if (c.profileUrl) found.set(c.profileUrl, c);
  return found;
}

/**
 * The people you know (network or pipeline) at a company in the order the warm path shows them:
 * warmest first, then the most recently talked to, then by name — a range of the
 * `[companyKey+warmOrder+nameKey]` index (bare introduction targets sort after it), so the first
 * `n` rows are the `n` to show, however many people you know there.
 */
function warmestAt(repo: Repository, key: string) {
  return repo.db.contacts.where('[companyKey+warmOrder+nameKey]').between([key, Dexie.minKey], [key, 0, Dexie.maxKey], true, true);
}

/** Whether you know them: in your network or your pipeline (not a bare introduction target). */
const known = (c: Contact) => c.inNetwork === 1 || c.inPipeline === 1;

/**
 * Who can introduce you to the person on a profile page: mutual connections the page names (by
 * normalised name, or by profile URL / member id when the page gives one), people you know at
 * their company, and people who already introduced you to someone there. Never the person
 * themselves. Ranked from the records alone (their stored warmth and last talk, lib/warm-path.ts):
 * one read transaction of index look-ups, no histories, a few rows per reason.
 */
export async function introducersForProfile(repo: Repository, query: ProfileQuery): Promise<Introducer[]> {
  const db = repo.db;
  const limit = query.limit ?? 8;
  return db.transaction('r', [db.contacts, db.introductions], async () => {
    const targetUrl = query.profileUrl ? canonicalProfileUrl(query.profileUrl) : null;
    const names = query.mutualNames.map((n) => n.trim()).filter(Boolean).slice(0, 50);
    // Each record found is compared with the page's names of its own key only (50 × 50
    // comparisons of normalised names cost more than the look-ups).
    const namesByKey = new Map<string, string[]>();
    for (const n of names) {
      const k = nameKey(n);
      if (k) namesByKey.set(k, [...(namesByKey.get(k) ?? []), n]);
    }
    const keys = [...namesByKey.keys()];
    // At the company: the first rows of its order are the only company-only people who can make
    // the list (a few more in case the person themselves is among them); anyone found for another
    // reason gets "works at" from their own record. Introduced to someone there before: people
    // there with a referrer you know (a referral from a meeting, or an introduction marked made,
    // sets it), and targets of introductions made (few; their companies are checked below).
    const companyReads = (key: string | null) =>
      key
        ? Promise.all([
            warmestAt(repo, key).limit(limit + 3).toArray(),
            db.contacts.where('[companyKey+referrer.contactId]').between([key, Dexie.minKey], [key, Dexie.maxKey], true, true).toArray(),
          ])
        : Promise.resolve([[], []] as [Contact[], Contact[]]);
    // The page usually names the company: everything is asked for at once.
    const givenKey = companyKey(query.company?.trim() || null);
    const [target, byName, byUrl, made, atGivenCompany] = await Promise.all([
      query.profileUrl || query.memberId ? findContact(repo, { profileUrl: query.profileUrl ?? undefined, memberId: query.memberId ?? undefined }) : null,
      rowsWithAnyInTransaction(db.contacts, 'nameKey', keys),
      query.mutualProfileUrls?.length ? byProfileUrls(repo, query.mutualProfileUrls) : new Map<string, Contact>(),
      db.introductions.where('status').equals('introduced').toArray(),
      companyReads(givenKey),
    ]);
    const isTarget = (c: Contact) =>
      c.id === target?.id ||
      (!!targetUrl && c.profileUrl === targetUrl) ||
      (!!query.memberId && c.memberId === query.memberId) ||
      (!target && !targetUrl && !!query.name && namesMatch(c.name, query.name));
    const companyName = query.company?.trim() || target?.company || null;
    const key = givenKey ?? companyKey(companyName);
    const madeTargets = key ? [...new Set(made.map((i) => i.targetId))] : [];
    const [[atCompany, referred], introTargets, existing] = await Promise.all([
      givenKey ? atGivenCompany : companyReads(key),
      madeTargets.length ? db.contacts.bulkGet(madeTargets) : [],
      target ? db.introductions.where('targetId').equals(target.id).toArray() : ([] as Introduction[]),
    ]);

    const candidates = new Map<string, Candidate>();
    const slot = (c: Contact): Candidate => {
      let cand = candidates.get(c.id);
      if (!cand) {
        cand = { contact: c, relationship: relationshipFromRecord(c), mutual: false, sameCompany: null, introducedBefore: [], introduction: null };
        candidates.set(c.id, cand);
      }
      return cand;
    };
    // A name shared by a stranger you merely plan to ask is no mutual connection: only people in
    // your network, or anyone when the page gave their profile link.
    for (const c of byName) {
      if (!isTarget(c) && known(c) && (namesByKey.get(c.nameKey) ?? []).some((n) => namesMatch(c.name, n))) slot(c).mutual = true;
    }
    for (const c of byUrl.values()) if (!isTarget(c)) slot(c).mutual = true;
    for (const c of atCompany) if (!isTarget(c) && known(c)) slot(c);

    const there = new Map<string, Contact>();
    for (const c of [...referred, ...introTargets]) if (c && key && c.companyKey === key) there.set(c.id, c);
    const edges: Array<[string, string]> = [
      ...referred.flatMap((c) => (c.referrer?.type === 'contact' ? [[c.referrer.contactId, c.id] as [string, string]] : [])),
      ...made.filter((i) => there.has(i.targetId)).map((i) => [i.introducerId, i.targetId] as [string, string]),
    ];
    const introducerIds = [...new Set(edges.map(([from]) => from))].filter((id) => !candidates.has(id));
    if (introducerIds.length) for (const c of await db.contacts.bulkGet(introducerIds)) if (c && !isTarget(c)) slot(c);
    const seen = new Set<string>();
    for (const [from, to] of edges) {
      const cand = candidates.get(from);
      const person = there.get(to);
      if (!cand || !person || from === to || isTarget(person) || seen.has(`${from}>${to}`)) continue;
      seen.add(`${from}>${to}`);
      cand.introducedBefore.push({ name: person.name, company: person.company });
    }
    for (const cand of candidates.values()) {
      const c = cand.contact as Contact;
      if (key && c.companyKey === key && known(c)) cand.sameCompany = c.company ?? companyName;
      const intro = existing.find((i) => i.introducerId === c.id);
      cand.introduction = intro ? { id: intro.id, status: intro.status } : null;
    }
    return rankIntroducers([...candidates.values()], limit);
  });
}

/** "You know N people at <Company>": network and pipeline people there, best known first. */
export async function companyPeople(repo: Repository, company: string, limit = 50): Promise<CompanyPeople> {
  const key = companyKey(company);
  if (!key) return { total: 0, people: [] };
  const db = repo.db;
  // The count is kept (lib/company-counts.ts); the first `limit` rows of the company's order are
  // the people to list.
  const [row, people] = await db.transaction('r', [db.contacts, db.companies], () =>
    Promise.all([db.companies.get(key), warmestAt(repo, key).limit(limit).toArray()]),
  );
  const list: Array<KnownPerson & { warmth: number }> = people.filter(known).map((c) => {
    const rel = relationshipFromRecord(c);
    return {
      contactId: c.id,
      name: c.name,
      headline: c.headline,
      profileUrl: c.profileUrl,
      stage: c.inPipeline === 1 ? c.stage : null,
      inNetwork: c.inNetwork === 1,
      lastTalkedAt: rel.lastTalkedAt,
      warmth: rel.met ? 3 : rel.talked ? 2 : c.inNetwork ? 1 : 0,
    };
  });
  list.sort((a, b) => b.warmth - a.warmth || (b.lastTalkedAt ?? -1) - (a.lastTalkedAt ?? -1) || a.name.localeCompare(b.name));
  return { total: Math.max(row?.people ?? 0, list.length), people: list.map(({ warmth: _w, ...p }) => p) };
}

const INTRO_BADGE: Partial<Record<Introduction['status'], string>> = {
  suggested: 'Possible introduction',
  asked: 'Introduction asked',
};

/**
 * Badges for a people list: each link that is someone you know, keyed by its canonical URL — the
 * stage label for pipeline people, "In your network" for the rest, and for someone you asked to be
 * introduced to, the introduction.
 */
export async function badges(repo: Repository, profileUrls: string[]): Promise<Record<string, Badge>> {
  const links = profileUrls.slice(0, 100);
  const db = repo.db;
  const [found, intros] = await db.transaction('r', [db.contacts, db.introductions], async () => {
    const people = await byProfileUrls(repo, links);
    const targets = [...people.values()].filter((c) => c.inPipeline === 0 && c.inNetwork === 0).map((c) => c.id);
    return [people, await rowsWithAnyInTransaction(db.introductions, 'targetId', targets)] as const;
  });
  const out: Record<string, Badge> = {};
  // Keyed by the canonical URL of a link asked about (its profile URL or member id form).
  for (const [canon, c] of found) {
    const intro = intros.find((i) => i.targetId === c.id && INTRO_BADGE[i.status]);
    const label = c.inPipeline === 1 ? STAGE_LABELS[c.stage] : c.inNetwork === 1 ? 'In your network' : intro ? INTRO_BADGE[intro.status]! : null;
    if (label) out[canon] = { contactId: c.id, label };
  }
  return out;
}

/**
 * Save a mutual connection listed on a page as a possible introducer for the person you came from:
 * both get a record if they have none (the introducer in your network — a mutual connection is a
 * connection — and the target outside the pipeline until introduced), and the introduction is
 * "suggested". A name alone matches one existing person of that name, else makes a new record.
 */
export async function saveIntroducer(
  repo: Repository,
  input: IntroducerSave,
): Promise<{ introduction: Introduction; introducer: Contact; target: Contact }> {
  const db = repo.db;
  const now = repo.now();
  return repo.write(async (touch) => {
    const { contact: target } = await logContact(repo, {
      name: input.target.name,
      profileUrl: input.target.profileUrl ?? null,
      memberId: input.target.memberId ?? null,
      company: input.target.company ?? null,
      headline: input.target.headline ?? null,
      inPipeline: 0,
    });
    let introducer: Contact | null = null;
    if (!input.introducer.profileUrl && !input.introducer.memberId) {
      const same = (await db.contacts.where('nameKey').equals(nameKey(input.introducer.name)).toArray()).filter(
        (c) => c.id !== target.id && namesMatch(c.name, input.introducer.name),
      );
      if (same.length === 1) introducer = same[0]!;
    }
    const network = { source: 'manual' as const, connectedOn: null, position: null };
    if (introducer) {
      if (!introducer.network) {
        introducer = parse(Contact, { ...introducer, network, updatedAt: now }, 'contact');
        await db.contacts.put(introducer);
      }
    } else {
      introducer = (
        await logContact(repo, {
          name: input.introducer.name,
          profileUrl: input.introducer.profileUrl ?? null,
          memberId: input.introducer.memberId ?? null,
          inPipeline: 0,
          network,
        })
      ).contact;
    }
    if (introducer.id === target.id) throw new RepoError('bad-request', 'Nobody can introduce you to themselves.');
    const existing = await db.introductions.where('[introducerId+targetId]').equals([introducer.id, target.id]).first();
    const introduction = existing
      ? input.why?.trim() && !existing.why
        ? parse(Introduction, { ...existing, why: input.why.trim(), updatedAt: now }, 'introduction')
        : existing
      : parse(Introduction, { id: newId(), introducerId: introducer.id, targetId: target.id, why: input.why?.trim() ?? '', createdAt: now, updatedAt: now }, 'introduction');
    if (introduction !== existing) await db.introductions.put(introduction);
    touch(introducer.id);
    return { introduction, introducer, target: (await db.contacts.get(target.id)) ?? target };
  });
}
