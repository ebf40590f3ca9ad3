/**
 * What the popup, board, due list and insights show. Pipeline figures count only pipeline people
 * (`inPipeline` 1), read through indexes where a page may ask.
 */
import { contactStatus, dueActions } from '../cadence';
import { COUNTS_KEY, emptyCounts, type Counts } from '../counts';
import { groupByContact } from '../due-index';
import { STAGES, type Contact, type Stage } from '../schemas';
import { rowsWithAny } from './core';
import type { Repository } from './index';
import type { BoardCard, DueItem, Insights, PipelineSummary, ReferralNode } from './types';

export async function summary(repo: Repository): Promise<PipelineSummary> {
  const [counts, dueNow] = await Promise.all([pipelineCounts(repo), repo.dueCount()]);
  const total = STAGES.reduce((n, s) => n + counts.stages[s], 0);
  return { counts: { ...counts.stages }, total, dueNow, network: counts.network };
}

/**
 * The per-stage counts: one read of the row the writes keep (lib/counts.ts); counted from the
 * indexes and stored when it is missing (a new or cleared database).
 */
export async function pipelineCounts(repo: Repository): Promise<Counts> {
  const db = repo.db;
  const row = await db.meta.get(COUNTS_KEY);
  if (row) return row.value as Counts;
  return db.transaction('rw', [db.contacts, db.meta], async () => {
    const again = await db.meta.get(COUNTS_KEY);
    if (again) return again.value as Counts;
    const counts = emptyCounts();
    await Promise.all(
      STAGES.map(async (s) => {
        counts.stages[s] = await db.contacts.where('[inPipeline+stage]').equals([1, s]).count();
      }),
    );
    counts.network = await db.contacts.where('[inNetwork+nameKey]').between([1, ''], [1, '\uffff'], true, true).count();
    await db.meta.put({ key: COUNTS_KEY, value: counts });
    return counts;
  });
}

/** Every action due now, soonest first. Reads only the contacts the due index says are due. */
export async function due(repo: Repository, now = repo.now()): Promise<DueItem[]> {
  const db = repo.db;
  return dueOf(repo, () => db.contacts.where('nextDueAt').belowOrEqual(now).toArray(), now);
}

/** The due actions of the given contacts only (the after-write patch of the remembered list). */
export async function dueAmong(repo: Repository, ids: Iterable<string>, now = repo.now()): Promise<DueItem[]> {
  const db = repo.db;
  const list = [...ids];
  return dueOf(
    repo,
    async () => (await db.contacts.bulkGet(list)).filter((c): c is Contact => !!c && c.nextDueAt != null && c.nextDueAt <= now),
    now,
  );
}

/** The due actions of the contacts `pick` reads, with their histories, in one read transaction. */
function dueOf(repo: Repository, pick: () => Promise<Contact[]>, now: number): Promise<DueItem[]> {
  const db = repo.db;
  return db.transaction('r', [db.settings, db.contacts, db.attempts, db.meetings, db.introductions], async () => {
    const contacts = await pick();
    if (contacts.length === 0) return [];
    const keys = contacts.map((c) => c.id);
    const [settings, attempts, meetings, intros] = await Promise.all([
      repo.settings(),
      rowsWithAny(db.attempts, 'contactId', keys),
      rowsWithAny(db.meetings, 'contactId', keys),
      rowsWithAny(db.introductions, 'introducerId', keys),
    ]);
    const byContact = groupByContact(attempts, meetings, intros);
    return dueActions(
      contacts.map((contact) => ({ contact, attempts: [], meetings: [], introductions: [], ...byContact.get(contact.id) })),
      settings,
      now,
    );
  });
}

/** The due list's order (as `dueActions` sorts it): soonest first, then by name. */
export const dueOrder = (a: DueItem, b: DueItem) => a.status.next!.dueAt - b.status.next!.dueAt || a.contact.name.localeCompare(b.contact.name);

export async function duePage(repo: Repository, offset: number, limit: number, now = repo.now()): Promise<{ items: DueItem[]; total: number }> {
  const all = await repo.due(now);
  return { items: all.slice(offset, offset + limit), total: all.length };
}

/** Every pipeline person as a board card, with their next action; one read of each table. */
export async function board(repo: Repository, now = repo.now()): Promise<BoardCard[]> {
  const db = repo.db;
  const [settings, contacts, attempts, meetings] = await db.transaction('r', [db.settings, db.contacts, db.attempts, db.meetings], () =>
    Promise.all([
      repo.settings(),
      db.contacts.where('[inPipeline+stage]').between([1, ''], [1, '\uffff'], true, true).toArray(),
      db.attempts.toArray(),
      db.meetings.toArray(),
    ]),
  );
  const names = new Map(contacts.map((c) => [c.id, c.name]));
  // A referrer outside the pipeline (an introducer from your network) is still named.
  const missing = [...new Set(contacts.flatMap((c) => (c.referrer?.type === 'contact' && !names.has(c.referrer.contactId) ? [c.referrer.contactId] : [])))];
  for (const c of await db.contacts.bulkGet(missing)) if (c) names.set(c.id, c.name);
  const records = groupByContact(attempts, meetings);
  return contacts.map((contact) => {
    const r = records.get(contact.id);
    const status = contactStatus({ contact, attempts: r?.attempts ?? [], meetings: r?.meetings ?? [] }, settings, now);
    const ref = contact.referrer;
    return {
      id: contact.id,
      name: contact.name,
      headline: contact.headline,
      company: contact.company,
      profileUrl: contact.profileUrl,
      stage: contact.stage,
      tags: contact.tags,
      referrerName: ref ? (ref.type === 'name' ? ref.name : (names.get(ref.contactId) ?? null)) : null,
      next: status.next,
      inNetwork: contact.inNetwork === 1,
    };
  });
}

/** How the search is going: response rate, attempts per reply, referrals and introductions, the tree, themes. */
export async function insights(repo: Repository): Promise<Insights> {
  const db = repo.db;
  const [contacts, attempts, meetings, referrals, intros] = await db.transaction(
    'r',
    [db.contacts, db.attempts, db.meetings, db.referrals, db.introductions],
    () => Promise.all([db.contacts.toArray(), db.attempts.toArray(), db.meetings.toArray(), db.referrals.toArray(), db.introductions.toArray()]),
  );
  const byId = new Map(contacts.map((c) => [c.id, c]));
  const records = groupByContact(attempts, meetings);
  const MET = new Set<Stage>(['interviewed', 'thanked', 'keeping-in-touch']);

  let requested = 0;
  let replied = 0;
  let outreachAttempts = 0;
  const interviewed = new Set<string>();
  const asked = new Set<string>();
  // The figures are the pipeline's; the tree and the introductions take everyone.
  const pipeline = contacts.filter((c) => c.inPipeline === 1);
  for (const c of pipeline) {
    const r = records.get(c.id);
    const outreach = (r?.attempts ?? []).filter((a) => a.kind === 'request' || a.kind === 'follow-up');
    const met = MET.has(c.stage) || (r?.meetings ?? []).some((m) => m.held);
    if (met) interviewed.add(c.id);
    if (met && (r?.meetings ?? []).some((m) => m.askedForReferrals)) asked.add(c.id);
    if (!outreach.length) continue;
    requested++;
    outreachAttempts += outreach.length;
    const first = Math.min(...outreach.map((a) => a.at));
    if ((c.repliedAt !== null && c.repliedAt >= first) || met || c.stage === 'scheduled' || (r?.meetings.length ?? 0) > 0) replied++;
  }

  // Edges from the referral records and from contact referrers (set by hand), without repeats.
  const children = new Map<string, Set<string>>();
  const hasParent = new Set<string>();
  const link = (from: string, to: string) => {
    if (from === to || !byId.has(from) || !byId.has(to)) return;
    let set = children.get(from);
    if (!set) children.set(from, (set = new Set()));
    set.add(to);
    hasParent.add(to);
  };
  for (const r of referrals) link(r.fromContactId, r.toContactId);
  // An introduction made is an edge of the tree too: the introducer brought you to the target.
  const made = new Map<string, number>();
  const askedOf = new Map<string, number>();
  for (const i of intros) {
    if (i.status !== 'suggested') askedOf.set(i.introducerId, (askedOf.get(i.introducerId) ?? 0) + 1);
    if (i.status === 'introduced') {
      made.set(i.introducerId, (made.get(i.introducerId) ?? 0) + 1);
      link(i.introducerId, i.targetId);
    }
  }
  const byName = new Map<string, Contact[]>();
  for (const c of contacts) {
    if (c.referrer?.type === 'contact') link(c.referrer.contactId, c.id);
    else if (c.referrer?.type === 'name') {
      const list = byName.get(c.referrer.name) ?? [];
      list.push(c);
      byName.set(c.referrer.name, list);
    }
  }
  const referralsFromInterviews = [...interviewed].reduce((n, id) => n + (children.get(id)?.size ?? 0), 0);
  const seen = new Set<string>();
  const node = (c: Contact): ReferralNode => {
    seen.add(c.id);
    const kids = [...(children.get(c.id) ?? [])]
      .filter((id) => !seen.has(id)) // a cycle (A referred B, B referred A) is cut, not followed
      .map((id) => node(byId.get(id)!));
    const met = interviewed.has(c.id);
    return {
      id: c.id,
      name: c.name,
      stage: c.inPipeline ? c.stage : null,
      interviewed: met,
      asked: met ? asked.has(c.id) : null,
      ...(made.has(c.id) ? { introductionsMade: made.get(c.id) } : {}),
      children: kids,
    };
  };
  const tree: ReferralNode[] = [];
  for (const [name, list] of [...byName].sort((a, b) => a[0].localeCompare(b[0]))) {
    tree.push({
      id: null,
      name,
      stage: null,
      interviewed: false,
      asked: null,
      children: list.filter((c) => !seen.has(c.id)).map(node),
    });
  }
  for (const c of contacts) if (children.has(c.id) && !hasParent.has(c.id) && !seen.has(c.id)) tree.push(node(c));
  // Whatever is left sits on a cycle with no way in; start it anywhere.
  for (const id of children.keys()) if (!seen.has(id)) tree.push(node(byId.get(id)!));

  const tagCounts = new Map<string, number>();
  for (const id of interviewed) for (const t of byId.get(id)!.tags) tagCounts.set(t, (tagCounts.get(t) ?? 0) + 1);
  const reflected = meetings.filter((m) => Object.values(m.reflection).some((v) => v.trim()));
  const wordCounts = new Map<string, number>();
  for (const m of reflected) {
    const words = new Set(Object.values(m.reflection).join(' ').toLocaleLowerCase().match(/\p{L}[\p{L}'-]{3,}/gu) ?? []);
    for (const w of words) if (!STOP_WORDS.has(w)) wordCounts.set(w, (wordCounts.get(w) ?? 0) + 1);
  }
  const top = <K extends string>(m: Map<string, number>, k: K, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, n)
      .map(([v, count]) => ({ [k]: v, count }) as { [P in K]: string } & { count: number });

  const byIntroducer = [...askedOf]
    .map(([id, n]) => ({ contactId: id, name: byId.get(id)?.name ?? '', asked: n, made: made.get(id) ?? 0 }))
    .filter((s) => byId.has(s.contactId))
    .sort((a, b) => b.asked - a.asked || b.made - a.made || a.name.localeCompare(b.name));
  return {
    contacts: pipeline.length,
    requested,
    replied,
    outreachAttempts,
    interviewed: interviewed.size,
    askedForReferrals: asked.size,
    referralsFromInterviews,
    introductions: {
      asked: [...askedOf.values()].reduce((a, b) => a + b, 0),
      made: [...made.values()].reduce((a, b) => a + b, 0),
      byIntroducer,
    },
    tree,
    themes: top(tagCounts, 'tag', 20),
    reflectionWords: top(new Map([...wordCounts].filter(([, n]) => n >= 2)), 'word', 20),
    nextSteps: reflected
      .filter((m) => m.reflection.nextStep.trim() && byId.has(m.contactId))
      .sort((a, b) => b.updatedAt - a.updatedAt)
      .slice(0, 10)
      .map((m) => ({ contactId: m.contactId, name: byId.get(m.contactId)!.name, nextStep: m.reflection.nextStep.trim(), at: m.updatedAt })),
  };
}

// Common English words that say nothing about a theme.
const STOP_WORDS = new Set(
  'about after again also because been being both could does doing each even from have having here into just like make many more most much need only other over really same should some such than that their them then there these they this those through very want were what when where which while with would your yours will well'.split(' '),
);

