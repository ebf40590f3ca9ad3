/**
 * Warm introductions: asking someone you know to introduce you to someone you don't, and what
 * became of it. Marking one introduced makes the introducer the target's referrer and puts the
 * target in the pipeline; one gentle follow-up falls due `introFollowUpDays` after asking.
 */
import { introFollowUpDueAt } from '../cadence';
import { RepoError } from './core';
import type { Contact, Introduction } from '../schemas';
import type { Repository } from './index';
import type { ContactDraft, IntroductionView } from './types';

export type IntroTarget = { id: string } | ContactDraft;

const notYet = (): never => {
  throw new RepoError('internal', 'not yet');
};

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

export async function askIntroduction(
  _repo: Repository,
  _input: { introducerId: string; target: IntroTarget; why?: string },
): Promise<{ introduction: Introduction; target: Contact }> {
  return notYet();
}

export async function setIntroductionStatus(_repo: Repository, _id: string, _status: Introduction['status'], _at?: number): Promise<IntroductionView> {
  return notYet();
}

export async function introFollowedUp(
  _repo: Repository,
  _input: { introducerId: string; introductionId?: string; at?: number },
): Promise<Introduction | null> {
  return notYet();
}

export async function listIntroductions(_repo: Repository, _by: { targetId?: string; introducerId?: string }): Promise<IntroductionView[]> {
  return notYet();
}
