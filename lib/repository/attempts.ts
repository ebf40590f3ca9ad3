/** Outreach attempts: counting a send, moving the stage on, and the introduction a send asks for. */
import { stageAfterAttempt } from '../cadence';
import { Attempt, Introduction, type Contact } from '../schemas';
import { newId, parse, RepoError } from './core';
import type { Repository } from './index';
import type { AttemptDraft } from './types';

/** Two clicks on Send within this window are one attempt. */
export const DUPLICATE_ATTEMPT_MS = 30_000;

/**
 * Count an outreach attempt and move the stage on (a request makes a prospect "requested", a
 * thank-you makes "interviewed" "thanked"). A second identical attempt within 30 s — a
 * double-clicked Send — is the same attempt. An `intro-request` names its introduction: the first
 * send marks it asked, a later one is its one follow-up; the introducer's own stage never moves.
 */
export async function recordAttempt(
  repo: Repository,
  draft: AttemptDraft,
): Promise<{ attempt: Attempt; contact: Contact; duplicate: boolean }> {
  const now = repo.now();
  const attempt = parse(Attempt, { ...draft, id: newId(), at: draft.at ?? now, createdAt: now }, 'attempt');
  if (attempt.kind === 'intro-request' && !attempt.introductionId) {
    throw new RepoError('bad-request', 'An introduction request must name its introduction (introductionId).');
  }
  if (attempt.kind !== 'intro-request' && attempt.introductionId) {
    throw new RepoError('bad-request', 'Only an introduction request (kind intro-request) names an introduction.');
  }
  const db = repo.db;
  return repo.write(async (touch, also) => {
    // One round of reads: the person, the introduction, and their history — which answers the
    // duplicate checks and is handed to the due index (it reads nothing more).
    const [contact, intro, history, meetings, asIntroducer] = await Promise.all([
      repo.contact(attempt.contactId),
      attempt.introductionId ? db.introductions.get(attempt.introductionId) : undefined,
      db.attempts.where('contactId').equals(attempt.contactId).toArray(),
      db.meetings.where('contactId').equals(attempt.contactId).toArray(),
      db.introductions.where('introducerId').equals(attempt.contactId).toArray(),
    ]);
    if (attempt.introductionId && !intro) throw new RepoError('not-found', 'That introduction no longer exists.');
    if (intro && intro.introducerId !== contact.id) {
      throw new RepoError('bad-request', 'An introduction request goes to the introducer of that introduction.');
    }
    const byTime = [...history].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
    const twin = byTime.find(
      (a) => Math.abs(a.at - attempt.at) <= DUPLICATE_ATTEMPT_MS && a.kind === attempt.kind && a.channel === attempt.channel,
    );
    // Gmail's "Undo send" reopens the same draft: sending it again is still the one attempt.
    const sameDraft = attempt.gmailDraftId ? byTime.find((a) => a.gmailDraftId === attempt.gmailDraftId && a.kind === attempt.kind) : undefined;
    if (twin ?? sameDraft) return { attempt: (twin ?? sameDraft)!, contact, duplicate: true };
    // Stored with the contact's put at the end of the write, in the same wait.
    also(db.attempts.add(attempt));
    const sent = intro ? introductionSent(intro, attempt.at, now) : null;
    if (sent) also(db.introductions.put(sent));
    const stage = stageAfterAttempt(contact.stage, attempt.kind);
    const updated = stage === contact.stage ? contact : { ...contact, stage, updatedAt: now };
    const introductions = sent ? asIntroducer.map((i) => (i.id === sent.id ? sent : i)) : asIntroducer;
    touch(contact.id, updated, { history: { attempts: [...history, attempt], meetings, introductions }, unchanged: updated === contact });
    return { attempt, contact: updated, duplicate: false };
  });
}

/** The introduction after a request for it was sent at `at` (asked, or its one follow-up); null if unchanged. */
function introductionSent(intro: Introduction, at: number, now: number): Introduction | null {
  let next: Introduction = intro;
  if (intro.status === 'suggested' || (intro.status !== 'asked' && intro.status !== 'introduced')) {
    // Asking (again, after a decline or no answer) starts a fresh request.
    next = { ...intro, status: 'asked', askedAt: at, followUpAt: null, followedUpAt: null, resolvedAt: null, updatedAt: now };
  } else if (intro.status === 'asked' && intro.followedUpAt === null && intro.askedAt !== null && at > intro.askedAt) {
    next = { ...intro, followedUpAt: at, updatedAt: now };
  }
  return next === intro ? null : parse(Introduction, next, 'introduction');
}

/** A request for this introduction was sent at `at`: asked, or (asked already) its one follow-up. */
export async function markIntroductionSent(repo: Repository, intro: Introduction, at: number): Promise<Introduction> {
  const next = introductionSent(intro, at, repo.now());
  if (next) await repo.db.introductions.put(next);
  return next ?? intro;
}

export async function deleteAttempt(repo: Repository, id: string): Promise<void> {
  await repo.write(async (touch) => {
    const attempt = await repo.db.attempts.get(id);
    await repo.db.attempts.delete(id);
    if (attempt) touch(attempt.contactId);
  });
}
