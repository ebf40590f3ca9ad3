/**
 * Warm introductions: asking someone you know to introduce you to someone you don't, and what
 * became of it. Marking one introduced makes the introducer the target's referrer and puts the
 * target in the pipeline; one gentle follow-up falls due `introFollowUpDays` after asking.
 */
import { introFollowUpDueAt } from '../cadence';
import { Contact, Introduction } from '../schemas';
import { recordAttempt } from './attempts';
import { logContact } from './contacts';
import { newId, parse, RepoError } from './core';
import type { Repository } from './index';
import type { ContactDraft, IntroductionView } from './types';

export type IntroTarget = { id: string } | ContactDraft;

/** Introductions with the names the UI shows. */
export async function introductionViews(repo: Repository, intros: Introduction[]): Promise<IntroductionView[]> {
  if (intros.length === 0) return [];
  const settings = await repo.settings();
  const ids = [...new Set(intros.flatMap((i) => [i.introducerId, i.targetId]))];
  const people = new Map((await repo.db.contacts.bulkGet(ids)).filter((c): c is Contact => !!c).map((c) => [c.id, c]));
  return intros.map((i) => ({
    ...i,
    introducerName: people.get(i.introducerId)?.name ?? '',
    targetName: people.get(i.targetId)?.name ?? '',
    targetCompany: people.get(i.targetId)?.company ?? null,
    followUpDueAt: introFollowUpDueAt(i, settings),
  }));
}

async function introduction(repo: Repository, id: string): Promise<Introduction> {
  const found = await repo.db.introductions.get(id);
  if (!found) throw new RepoError('not-found', 'That introduction no longer exists.');
  return found;
}

/**
 * Start (or find) the introduction request "introducer, please introduce me to target". A target
 * given as a draft is logged outside the pipeline (they join it once introduced); one record per
 * introducer and target, so asking twice finds the first. It becomes "asked" when the request is
 * sent (an `intro-request` attempt naming it) or marked so.
 */
export async function askIntroduction(
  repo: Repository,
  input: { introducerId: string; target: IntroTarget; why?: string },
): Promise<{ introduction: Introduction; target: Contact }> {
  const db = repo.db;
  const now = repo.now();
  return repo.write(async (touch) => {
    const introducer = await repo.contact(input.introducerId);
    const target =
      'id' in input.target ? await repo.contact(input.target.id) : (await logContact(repo, { ...input.target, inPipeline: 0 })).contact;
    if (target.id === introducer.id) throw new RepoError('bad-request', 'Nobody can introduce you to themselves.');
    const why = input.why?.trim();
    const existing = await db.introductions.where('[introducerId+targetId]').equals([introducer.id, target.id]).first();
    const next = existing
      ? why && why !== existing.why
        ? { ...existing, why, updatedAt: now }
        : existing
      : { id: newId(), introducerId: introducer.id, targetId: target.id, why: why ?? '', createdAt: now, updatedAt: now };
    const saved = parse(Introduction, next, 'introduction');
    if (next !== existing) await db.introductions.put(saved);
    touch(introducer.id);
    return { introduction: saved, target: (await db.contacts.get(target.id)) ?? target };
  });
}

/**
 * What became of an introduction. Introduced: the introducer becomes the target's referrer and the
 * target joins the pipeline (as a prospect, unless already on the board). Asked again after an
 * answer starts the follow-up clock afresh; back to suggested forgets the ask.
 */
export async function setIntroductionStatus(repo: Repository, id: string, status: Introduction['status'], at?: number): Promise<IntroductionView> {
  const db = repo.db;
  const now = repo.now();
  const when = at ?? now;
  const saved = await repo.write(async (touch) => {
    const current = await introduction(repo, id);
    let next: Introduction;
    switch (status) {
      case 'suggested':
        next = { ...current, status, askedAt: null, followUpAt: null, followedUpAt: null, resolvedAt: null };
        break;
      case 'asked': {
        const fresh = current.status !== 'asked';
        next = fresh
          ? { ...current, status, askedAt: when, followUpAt: null, followedUpAt: null, resolvedAt: null }
          : current;
        break;
      }
      default:
        next = { ...current, status, askedAt: current.askedAt ?? when, resolvedAt: when };
    }
    next = parse(Introduction, { ...next, updatedAt: now }, 'introduction');
    await db.introductions.put(next);
    touch(current.introducerId);
    if (status === 'introduced') {
      const target = await repo.contact(current.targetId);
      const joins = target.inPipeline === 0;
      const updated = parse(
        Contact,
        {
          ...target,
          referrer: { type: 'contact', contactId: current.introducerId },
          inPipeline: 1,
          stage: joins ? 'prospect' : target.stage,
          updatedAt: now,
        },
        'contact',
      );
      await db.contacts.put(updated);
      touch(target.id);
    }
    return next;
  });
  return (await introductionViews(repo, [saved]))[0]!;
}

/**
 * The one follow-up on an introduction request was sent (from a reminder's "done"): counted as an
 * introduction-request attempt on the introducer. Without an id, the introducer's request whose
 * follow-up is due first. Null when none is waiting.
 */
export async function introFollowedUp(
  repo: Repository,
  input: { introducerId: string; introductionId?: string; at?: number },
): Promise<Introduction | null> {
  const settings = await repo.settings();
  let intro: Introduction | undefined;
  if (input.introductionId) {
    intro = await introduction(repo, input.introductionId);
    if (intro.introducerId !== input.introducerId) throw new RepoError('bad-request', 'That introduction was asked of someone else.');
  } else {
    const waiting = (await repo.db.introductions.where('introducerId').equals(input.introducerId).toArray())
      .map((i) => ({ i, due: introFollowUpDueAt(i, settings) }))
      .filter((x) => x.due !== null)
      .sort((a, b) => a.due! - b.due!);
    intro = waiting[0]?.i;
  }
  if (!intro || introFollowUpDueAt(intro, settings) === null) return null;
  await recordAttempt(repo, { contactId: input.introducerId, channel: 'other', kind: 'intro-request', introductionId: intro.id, at: input.at });
  return (await repo.db.introductions.get(intro.id)) ?? null;
}

/** Introductions to a person, by a person, or all (newest first). */
export async function listIntroductions(repo: Repository, by: { targetId?: string; introducerId?: string }): Promise<IntroductionView[]> {
  const db = repo.db;
  const rows = by.targetId
    ? await db.introductions.where('targetId').equals(by.targetId).toArray()
    : by.introducerId
      ? await db.introductions.where('introducerId').equals(by.introducerId).toArray()
      : await db.introductions.toArray();
  const filtered = by.targetId && by.introducerId ? rows.filter((i) => i.introducerId === by.introducerId) : rows;
  return introductionViews(
    repo,
    filtered.sort((a, b) => b.updatedAt - a.updatedAt),
  );
}
