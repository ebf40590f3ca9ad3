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
  return repo.write(async (touch) => {
    const contact = await repo.contact(attempt.contactId);
    const intro = attempt.introductionId ? await db.introductions.get(attempt.introductionId) : undefined;
    if (attempt.introductionId && !intro) throw new RepoError('not-found', 'That introduction no longer exists.');
    if (intro && intro.introducerId !== contact.id) {
      throw new RepoError('bad-request', 'An introduction request goes to the introducer of that introduction.');
    }
    const twin = await db.attempts
      .where('[contactId+at]')
      .between([attempt.contactId, attempt.at - DUPLICATE_ATTEMPT_MS], [attempt.contactId, attempt.at + DUPLICATE_ATTEMPT_MS], true, true)
      .filter((a) => a.kind === attempt.kind && a.channel === attempt.channel)
      .first();
    // Gmail's "Undo send" reopens the same draft: sending it again is still the one attempt.
    const sameDraft = attempt.gmailDraftId
      ? await db.attempts
          .where('contactId')
          .equals(attempt.contactId)
          .filter((a) => a.gmailDraftId === attempt.gmailDraftId && a.kind === attempt.kind)
          .first()
      : undefined;
    if (twin ?? sameDraft) return { attempt: (twin ?? sameDraft)!, contact, duplicate: true };
    await db.attempts.add(attempt);
    if (intro) await markIntroductionSent(repo, intro, attempt.at);
    const stage = stageAfterAttempt(contact.stage, attempt.kind);
    const updated = stage === contact.stage ? contact : { ...contact, stage, updatedAt: now };
    touch(contact.id, updated === contact ? undefined : updated);
    return { attempt, contact: updated, duplicate: false };
  });
}

/** A request for this introduction was sent at `at`: asked, or (asked already) its one follow-up. */
export async function markIntroductionSent(repo: Repository, intro: Introduction, at: number): Promise<Introduction> {
  const now = repo.now();
  let next: Introduction = intro;
  if (intro.status === 'suggested' || (intro.status !== 'asked' && intro.status !== 'introduced')) {
    // Asking (again, after a decline or no answer) starts a fresh request.
    next = { ...intro, status: 'asked', askedAt: at, followUpAt: null, followedUpAt: null, resolvedAt: null, updatedAt: now };
  } else if (intro.status === 'asked' && intro.followedUpAt === null && intro.askedAt !== null && at > intro.askedAt) {
    next = { ...intro, followedUpAt: at, updatedAt: now };
  }
  if (next !== intro) await repo.db.introductions.put(parse(Introduction, next, 'introduction'));
  return next;
}

export async function deleteAttempt(repo: Repository, id: string): Promise<void> {
  await repo.write(async (touch) => {
    const attempt = await repo.db.attempts.get(id);
    await repo.db.attempts.delete(id);
    if (attempt) touch(attempt.contactId);
  });
}
