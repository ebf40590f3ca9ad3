import { describe, expect, it } from 'vitest';
import { isLinkedInReply, type ReplyCandidate } from '../../../lib/linkedin/replies';

const THEM = 'https://www.linkedin.com/in/ines-duarte-9f0a3b62/';
const ME = 'https://www.linkedin.com/in/alex-morgan-3f7b21a9/';
const ours = { fromProfileUrl: ME, mine: true };
const theirs = { fromProfileUrl: THEM, mine: false };

const requested = (over: Partial<ReplyCandidate> = {}): ReplyCandidate => ({
  stage: 'requested',
  repliedAt: null,
  attemptsUsed: 1,
  lastAttemptAt: 1000,
  attempts: [{ at: 1000, channel: 'linkedin', kind: 'request' }],
  ...over,
});

describe('isLinkedInReply', () => {
  it('marks a contact who answered after our LinkedIn request', () => {
    expect(isLinkedInReply([ours, theirs], THEM, requested())).toBe(true);
  });

  it('never when we wrote last, or when the thread holds no note of ours', () => {
    expect(isLinkedInReply([theirs, ours], THEM, requested())).toBe(false);
    expect(isLinkedInReply([theirs], THEM, requested())).toBe(false);
    expect(isLinkedInReply([], THEM, requested())).toBe(false);
  });

  it('never for someone else’s message (another person in the thread, or an unknown sender)', () => {
    expect(isLinkedInReply([ours, { fromProfileUrl: 'https://www.linkedin.com/in/jonas-berg-7c1e4a90/', mine: false }], THEM, requested())).toBe(false);
    expect(isLinkedInReply([ours, { fromProfileUrl: null, mine: false }], THEM, requested())).toBe(false);
  });

  it('never without an open outreach, or when their reply is already recorded since our last note', () => {
    expect(isLinkedInReply([ours, theirs], THEM, requested({ stage: 'scheduled' }))).toBe(false);
    expect(isLinkedInReply([ours, theirs], THEM, requested({ stage: 'prospect', attemptsUsed: 0, attempts: [] }))).toBe(false);
    expect(isLinkedInReply([ours, theirs], THEM, requested({ repliedAt: 2000 }))).toBe(false);
    // A reply recorded before a later follow-up: the new answer is news.
    expect(
      isLinkedInReply([ours, theirs], THEM, requested({ repliedAt: 1500, lastAttemptAt: 3000, attempts: [{ at: 1000, channel: 'linkedin', kind: 'request' }, { at: 3000, channel: 'linkedin', kind: 'follow-up' }] })),
    ).toBe(true);
  });

  it('never when our latest attempt went by e-mail or was no request (their LinkedIn message may predate it)', () => {
    const mixed = [{ at: 1000, channel: 'linkedin', kind: 'request' }, { at: 2000, channel: 'email', kind: 'follow-up' }];
    expect(isLinkedInReply([ours, theirs], THEM, requested({ lastAttemptAt: 2000, attempts: mixed }))).toBe(false);
    expect(isLinkedInReply([ours, theirs], THEM, requested({ attempts: [{ at: 1000, channel: 'linkedin', kind: 'update' }] }))).toBe(false);
    expect(isLinkedInReply([ours, theirs], THEM, requested({ attempts: [] }))).toBe(false);
  });
});
